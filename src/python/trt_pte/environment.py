"""The CUDA side of the environment for the result file: CUDA and driver versions, and the GPU.

Only looked at when the run already imported torch (importing it just to report would cost
seconds, and a run that failed before torch loaded has nothing to say about CUDA)."""

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
