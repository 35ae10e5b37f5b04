"""The targets that run anywhere: `portable` (no delegate) and `xnnpack` (XNNPACK CPU delegate)."""

from __future__ import annotations

from typing import Any

from ..deps import require
from ..protocol import Request
from . import TargetOutcome
from .executorch_lowering import lower_and_write


def export_portable(exported_program: Any, request: Request, log: Any) -> TargetOutcome:
    return lower_and_write(
        exported_program, [], request.output_dir, request.output_name, log, workspace=request.workspace
    )


def export_xnnpack(exported_program: Any, request: Request, log: Any) -> TargetOutcome:
    require("executorch", "the xnnpack target")
    from executorch.backends.xnnpack.partition.xnnpack_partitioner import XnnpackPartitioner

    return lower_and_write(
        exported_program,
        [XnnpackPartitioner()],
        request.output_dir,
        request.output_name,
        log,
        workspace=request.workspace,
    )
