"""Memory, where it can be read: device memory of eager PyTorch and of what ran (GPU targets), and
the peak host memory of the export process.

Each side's device figure is what it holds once loaded plus the peak one more call needs:
- eager: its parameters and buffers, plus one call's peak;
- what ran: the rise in the device's used memory across loading it (the `.pte` in a runtime:
  loading and its first run; the compiled module: the compile that loaded its engines), plus one
  more call's peak. A runtime's native allocations (TensorRT's engines and execution contexts,
  ExecuTorch's buffers) happen at load, outside torch's allocator, so one call after warm-up alone
  would read about 0; and no release exposes an engine's own device memory on the module
  Torch-TensorRT builds (its TorchScript `Engine` class has no such property).
"""

from __future__ import annotations

import resource
import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Held:
    """Device memory something holds since it was loaded, and how that was read."""

    bytes: int
    how: str


def host_peak_bytes() -> int:
    """Peak resident memory of this process so far (Linux reports KiB, macOS bytes)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return int(peak) if sys.platform == "darwin" else int(peak) * 1024


def _free_bytes() -> int:
    """Free device memory once queued work is done and torch's cached, unused blocks are returned,
    so the reading counts only what is really held."""
    import torch

    torch.cuda.synchronize()
    torch.cuda.empty_cache()
    free, _ = torch.cuda.mem_get_info()
    return int(free)


def held_across(load: Callable[[], T]) -> tuple[T, int]:
    """Runs `load` and returns its result and the device memory it left in use: free memory
    (cudaMemGetInfo) before and after, which counts allocations outside torch's allocator too.
    Other processes on the same GPU move this reading; memory freed within `load` is not counted."""
    before = _free_bytes()
    result = load()
    return result, max(0, before - _free_bytes())


def module_bytes(module: Any) -> int:
    """Bytes of a torch module's parameters and buffers on a CUDA device."""
    tensors = [*module.parameters(), *module.buffers()]
    return sum(t.numel() * t.element_size() for t in tensors if t.is_cuda)


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
