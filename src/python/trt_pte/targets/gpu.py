"""What the GPU targets share: a visible CUDA device, and ExecuTorch's CUDA partitioner."""

from __future__ import annotations

import importlib
from typing import Any

from ..deps import installed_version, require
from ..errors import GPU_MISSING, MISSING_DEPENDENCY, DriverError, describe_exception


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


def cuda_partitioner(method: str = "forward") -> Any:
    """`CudaPartitioner` for one method. executorch.backends.cuda's __init__ is empty in every
    release, so the classes come from their own modules; the backend needs triton at import."""
    require("executorch", "ExecuTorch's CUDA backend")
    try:
        from executorch.backends.cuda.cuda_backend import CudaBackend
        from executorch.backends.cuda.cuda_partitioner import CudaPartitioner
    except ImportError as exc:
        missing = getattr(exc, "name", None) or "a module"
        raise DriverError(
            MISSING_DEPENDENCY,
            f"ExecuTorch's CUDA backend (executorch {installed_version('executorch')}) does not import: "
            f"{describe_exception(exc)}",
            f"install {missing} into the driver's environment (the CUDA backend needs triton and a CUDA build "
            "of torch; AOTInductor also needs nvcc/ptxas at export time)",
        ) from exc
    return CudaPartitioner([CudaBackend.generate_method_name_compile_spec(method)])


def cuda_partitioner_composes() -> bool:
    """Whether the installed executorch's CUDA (AOTI) partitioner takes only the nodes an earlier
    partitioner left (executorch >= 1.4, "composable after another delegate"). Before that it tags
    every call_function node, the TensorRT delegate's call included, so it cannot follow TensorRT."""
    try:
        module = importlib.import_module("executorch.backends.aoti.aoti_partitioner")
    except ImportError:
        return False
    return hasattr(module, "get_non_lowered_nodes")
