"""The plain ExecuTorch path shared by the portable, xnnpack and cuda targets:
ExportedProgram → to_edge_transform_and_lower(partitioners) → to_executorch() → .pte (+ .ptd)."""

from __future__ import annotations

import os
import time
from typing import Any

from ..deps import require
from ..errors import EXPORT_FAILURE, UNSUPPORTED_OP, DriverError, describe_exception
from ..partition import count_nodes
from . import TargetOutcome


def lower_and_write(
    exported_program: Any, partitioners: list[Any], output_dir: str, name: str, log: Any
) -> TargetOutcome:
    require("executorch", "writing a .pte")
    from executorch.exir import to_edge_transform_and_lower

    timings: dict[str, float] = {}
    started = time.perf_counter()
    try:
        edge = to_edge_transform_and_lower(exported_program, partitioner=partitioners)
    except Exception as exc:
        message = describe_exception(exc)
        unsupported = "not supported" in message.lower() or "no kernel" in message.lower()
        raise DriverError(
            UNSUPPORTED_OP if unsupported else EXPORT_FAILURE,
            f"lowering to ExecuTorch failed: {message}",
            "an op the target cannot take: try another target, or rewrite that op in the model",
        ) from exc
    partition = count_nodes(edge.exported_program().graph_module)
    timings["lower"] = time.perf_counter() - started
    log(f"partition: {', '.join(f'{k} {v}' for k, v in sorted(partition.items()))}")

    started = time.perf_counter()
    program = edge.to_executorch()
    os.makedirs(output_dir, exist_ok=True)
    pte = os.path.join(output_dir, f"{name}.pte")
    _write_atomically(pte, program.buffer)
    ptd = _write_tensor_data(program, output_dir)
    timings["write"] = time.perf_counter() - started
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
