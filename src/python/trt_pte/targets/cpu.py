"""The targets that run anywhere: `portable` (no delegate) and `xnnpack` (XNNPACK CPU delegate)."""

from __future__ import annotations

from typing import Any

from ..context import ExportContext, Log
from ..deps import require
from . import TargetOutcome
from .executorch_lowering import lower_and_write


def export_portable(exported_program: Any, ctx: ExportContext, log: Log) -> TargetOutcome:
    return lower_and_write(exported_program, [], ctx.request, log)


def export_xnnpack(exported_program: Any, ctx: ExportContext, log: Log) -> TargetOutcome:
    require("executorch", "the xnnpack target")
    from executorch.backends.xnnpack.partition.xnnpack_partitioner import XnnpackPartitioner

    return lower_and_write(exported_program, [XnnpackPartitioner()], ctx.request, log)
