"""Target `cuda`: ExecuTorch's CUDA backend (AOTInductor) alone, no TensorRT."""

from __future__ import annotations

from typing import Any

from ..errors import INTERNAL, DriverError
from ..protocol import Request
from . import TargetOutcome
from .gpu import require_cuda_device


def export_cuda(exported_program: Any, request: Request, log: Any) -> TargetOutcome:
    require_cuda_device("cuda")
    raise DriverError(INTERNAL, "target 'cuda' is not built yet", "use xnnpack or portable")
