"""Target `cuda`: ExecuTorch's CUDA backend (AOTInductor) alone, no TensorRT: for models TensorRT
cannot take, and machines without it. Its weights go to an external `.ptd` beside the `.pte`."""

from __future__ import annotations

from typing import Any

from ..context import ExportContext, Log
from . import TargetOutcome
from .executorch_lowering import lower_and_write
from .gpu import cuda_partitioner, require_cuda_device


def export_cuda(exported_program: Any, ctx: ExportContext, log: Log) -> TargetOutcome:
    require_cuda_device("cuda")
    from executorch.exir import EdgeCompileConfig

    # The CUDA backend takes ATen ops as they are (it decomposes with AOTInductor's own table), so
    # the edge dialect's op checks do not apply; ExecuTorch's own CUDA export tests lower this way.
    return lower_and_write(
        exported_program,
        [cuda_partitioner("forward")],
        ctx.request,
        log,
        compile_config=EdgeCompileConfig(_check_ir_validity=False),
    )
