"""What the GPU targets need before they start: a visible CUDA device, in the driver's torch."""

from __future__ import annotations

from typing import Any

from ..errors import GPU_MISSING, DriverError


def require_cuda_device(target: str) -> Any:
    import torch

    if not torch.cuda.is_available():
        build = (
            "a CPU-only build of torch" if torch.version.cuda is None else f"torch built for CUDA {torch.version.cuda}"
        )
        raise DriverError(
            GPU_MISSING,
            f"target '{target}' needs an NVIDIA GPU, and torch sees none ({build} {torch.__version__})",
            "run on a GPU runner with a CUDA build of torch, or use target xnnpack/portable on this machine",
        )
    return torch.device("cuda", torch.cuda.current_device())
