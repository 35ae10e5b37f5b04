"""Target `tensorrt`: Torch-TensorRT engines plus ExecuTorch's CUDA backend for the rest."""

from __future__ import annotations

from typing import Any

from ..deps import require
from ..errors import INTERNAL, DriverError
from ..protocol import Request
from . import TargetOutcome
from .gpu import require_cuda_device


def export_tensorrt(exported_program: Any, request: Request, log: Any, context: dict[str, Any]) -> TargetOutcome:
    require("torch_tensorrt", "the tensorrt target")
    require_cuda_device("tensorrt")
    raise DriverError(INTERNAL, "target 'tensorrt' is not built yet", "use xnnpack or portable")
