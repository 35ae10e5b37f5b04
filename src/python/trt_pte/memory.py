"""Memory, where it can be read: peak device memory of eager PyTorch and of what ran (GPU targets),
the TensorRT engines' own device memory where the release exposes it, and the peak host memory of
the export process."""

from __future__ import annotations

import resource
import sys
from collections.abc import Callable
from typing import Any


def host_peak_bytes() -> int:
    """Peak resident memory of this process so far (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak) if sys.platform == "darwin" else int(peak) * 1024


def device_peak_bytes(fn: Callable[[], Any]) -> tuple[int, str]:
    """Device memory one call of `fn` needs beyond what was in use before it: the peak of torch's
    allocator, or, when the call allocates outside it (a runtime's own cudaMalloc), the rise in
    the device's used memory (cudaMemGetInfo) across the call. Returns (bytes, how it was read)."""
    import torch

    torch.cuda.synchronize()
    torch.cuda.reset_peak_memory_stats()
    allocated = torch.cuda.memory_allocated()
    free_before, _ = torch.cuda.mem_get_info()
    fn()
    torch.cuda.synchronize()
    free_after, _ = torch.cuda.mem_get_info()
    via_torch = torch.cuda.max_memory_allocated() - allocated
    outside = max(0, free_before - free_after)
    if outside > via_torch:
        return outside, "device memory in use after the call (cudaMemGetInfo)"
    return via_torch, "peak of torch's CUDA allocator"


def engine_device_bytes(compiled: Any) -> int | None:
    """Sum of the TensorRT engines' device memory (ICudaEngine.device_memory_size_v2, or
    device_memory_size before TensorRT 10), where the compiled module's engines are Python
    `tensorrt.ICudaEngine` objects (Torch-TensorRT's Python runtime); None where they are not
    exposed (the C++ runtime's engines are TorchScript objects without that property)."""
    modules = getattr(compiled, "modules", None)
    if modules is None:
        return None
    total = 0
    seen = False
    for module in modules():
        engine = getattr(module, "engine", None)
        size = getattr(engine, "device_memory_size_v2", None)
        if size is None:
            size = getattr(engine, "device_memory_size", None)
        if isinstance(size, int):
            total += size
            seen = True
    return total if seen else None
