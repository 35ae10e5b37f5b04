"""The CUDA side of the environment: CUDA and driver versions, and the GPU.

For the result file it is only looked at when the run already imported torch (importing it just to
report would cost seconds, and a run that failed before torch loaded has nothing to say about CUDA).
`probe_gpu` is preflight's last resort (`python -m trt_pte gpu`), where it imports torch on purpose."""

from __future__ import annotations

import shutil
import subprocess
import sys
from typing import Any


def nvidia_driver_version(index: int = 0) -> str | None:
    """The driver release (e.g. 580.159.04) from nvidia-smi, which torch does not expose."""
    smi = shutil.which("nvidia-smi")
    if smi is None:
        return None
    try:
        out = subprocess.run(
            [smi, "--query-gpu=driver_version", "--format=csv,noheader", "-i", str(index)],
            capture_output=True,
            text=True,
            timeout=15,
            check=True,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    line = out.strip().splitlines()[0].strip() if out.strip() else ""
    return line or None


def _driver_api_version(torch: Any) -> str | None:
    """Fallback without nvidia-smi: the CUDA version the driver supports (e.g. 13.0)."""
    get = getattr(torch._C, "_cuda_getDriverVersion", None)
    if get is None:
        return None
    try:
        value = int(get())
    except (RuntimeError, TypeError, ValueError):
        return None
    return f"CUDA {value // 1000}.{value % 1000 // 10} (driver API)" if value > 0 else None


def describe_cuda() -> dict[str, Any]:
    """{"versions": {"cuda", "driver"}, "gpu": {...} or None} for the device the driver used."""
    versions: dict[str, str | None] = {"cuda": None, "driver": None}
    torch = sys.modules.get("torch")
    if torch is None:
        return {"versions": versions, "gpu": None}
    versions["cuda"] = getattr(torch.version, "cuda", None)
    try:
        available = bool(torch.cuda.is_available())
    except RuntimeError:
        available = False
    if not available:
        return {"versions": versions, "gpu": None}
    index = torch.cuda.current_device()
    props = torch.cuda.get_device_properties(index)
    versions["driver"] = nvidia_driver_version(index) or _driver_api_version(torch)
    gpu = {
        "index": index,
        "count": torch.cuda.device_count(),
        "name": props.name,
        "compute_capability": f"{props.major}.{props.minor}",
        "memory_bytes": int(props.total_memory),
    }
    return {"versions": versions, "gpu": gpu}


def probe_gpu() -> dict[str, Any]:
    """`cuda:0` as CUDA sees it, for preflight when nvidia-smi and the device tree could not tell:
    {"gpu": {"name", "compute_capability", "driver_version"} or None, "problem": why not, "count"}."""
    try:
        import torch
    except ImportError as exc:
        return {"gpu": None, "problem": f"torch does not import in {sys.executable}: {exc}", "count": 0}
    cuda = getattr(torch.version, "cuda", None)
    if cuda is None:
        return {"gpu": None, "problem": f"torch {torch.__version__} is a CPU build", "count": 0}
    try:
        count = int(torch.cuda.device_count())
    except RuntimeError as exc:
        problem = f"torch {torch.__version__} (CUDA {cuda}) cannot reach the driver: {exc}"
        return {"gpu": None, "problem": problem, "count": 0}
    if count == 0:
        return {"gpu": None, "problem": f"torch {torch.__version__} (CUDA {cuda}) sees no GPU", "count": 0}
    props = torch.cuda.get_device_properties(0)
    gpu = {
        "name": str(props.name),
        "compute_capability": f"{props.major}.{props.minor}",
        "driver_version": nvidia_driver_version(0) or "",
    }
    return {"gpu": gpu, "problem": None, "count": count}
