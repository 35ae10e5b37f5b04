"""The plain ExecuTorch path shared by the portable, xnnpack and cuda targets:
ExportedProgram → to_edge_transform_and_lower(partitioners) → to_executorch() → .pte (+ .ptd)."""

from __future__ import annotations

import os
import time
from typing import Any

from ..classify import LOWER, classify
from ..deps import require
from ..partition import count_nodes
from . import TargetOutcome


def lower_and_write(
    exported_program: Any,
    partitioners: list[Any],
    output_dir: str,
    name: str,
    log: Any,
    *,
    compile_config: Any = None,
    workspace: str = ".",
) -> TargetOutcome:
    require("executorch", "writing a .pte")
    from executorch.exir import to_edge_transform_and_lower

    timings: dict[str, float] = {}
    started = time.perf_counter()
    try:
        edge = to_edge_transform_and_lower(exported_program, partitioner=partitioners, compile_config=compile_config)
    except Exception as exc:
        raise classify(exc, LOWER, workspace, what="lowering to ExecuTorch") from exc
    partition = count_nodes(edge.exported_program().graph_module)
    timings["lower"] = round(time.perf_counter() - started, 3)
    log(f"partition: {', '.join(f'{k} {v}' for k, v in sorted(partition.items()))}")

    started = time.perf_counter()
    os.makedirs(output_dir, exist_ok=True)
    pte = os.path.join(output_dir, f"{name}.pte")
    try:
        program = edge.to_executorch()
        _write_atomically(pte, program.buffer)
        ptd = _write_tensor_data(program, output_dir)
    except Exception as exc:
        for leftover in [pte] + [os.path.join(output_dir, f) for f in os.listdir(output_dir) if f.endswith(".ptd")]:
            if os.path.exists(leftover):
                os.unlink(leftover)
        raise classify(exc, LOWER, workspace, what="writing the ExecuTorch program") from exc
    timings["write"] = round(time.perf_counter() - started, 3)
    return TargetOutcome(pte=pte, ptd=ptd, partition=partition, timings=timings)


def _write_atomically(path: str, data: bytes) -> None:
    tmp = f"{path}.partial"
    with open(tmp, "wb") as f:
        f.write(data)
    os.replace(tmp, path)


def _write_tensor_data(program: Any, output_dir: str) -> list[str]:
    """External tensor data (.ptd), e.g. the CUDA backend's weights; none for most CPU programs.
    The output folder is fresh for each export (the action stages it), so every .ptd in it is ours."""
    if getattr(program, "_tensor_data", None):
        program.write_tensor_data_to_file(output_dir)
    return sorted(os.path.join(output_dir, f) for f in os.listdir(output_dir) if f.endswith(".ptd"))
