"""The plain ExecuTorch path shared by the portable, xnnpack and cuda targets:
ExportedProgram → to_edge_transform_and_lower(partitioners) → to_executorch() → .pte (+ .ptd)."""

from __future__ import annotations

import os
from typing import Any

from ..classify import LOWER, classify
from ..context import Log
from ..deps import require
from ..outputs import ptd_files, remove_outputs, write_atomically
from ..partition import count_nodes
from ..protocol import Request
from ..timing import StageClock
from . import TargetOutcome


def lower_and_write(
    exported_program: Any,
    partitioners: list[Any],
    request: Request,
    log: Log,
    *,
    compile_config: Any = None,
) -> TargetOutcome:
    require("executorch", "writing a .pte")
    from executorch.exir import to_edge_transform_and_lower

    clock = StageClock()
    with clock.stage("lower"):
        try:
            edge = to_edge_transform_and_lower(
                exported_program, partitioner=partitioners, compile_config=compile_config
            )
        except Exception as exc:
            raise classify(exc, LOWER, request.workspace, what="lowering to ExecuTorch") from exc
        partition = count_nodes(edge.exported_program().graph_module)
    log(f"partition: {', '.join(f'{k} {v}' for k, v in sorted(partition.items()))}")

    os.makedirs(request.output_dir, exist_ok=True)
    pte = os.path.join(request.output_dir, f"{request.output_name}.pte")
    with clock.stage("write"):
        try:
            program = edge.to_executorch()
            write_atomically(pte, program.buffer)
            # External tensor data, e.g. the CUDA backend's weights; none for most CPU programs.
            if getattr(program, "_tensor_data", None):
                program.write_tensor_data_to_file(request.output_dir)
        except Exception as exc:
            remove_outputs(pte, request.output_dir)
            raise classify(exc, LOWER, request.workspace, what="writing the ExecuTorch program") from exc
    return TargetOutcome(pte=pte, ptd=ptd_files(request.output_dir), partition=partition, timings=clock.timings)
