"""Seeing what a library's own ExecuTorch lowering produced, without changing it.

`torch_tensorrt.save` runs `to_edge_transform_and_lower` and `to_executorch` itself and returns
nothing. The driver needs two things from inside: the lowered graph, to count what each delegate
took, and (on releases before 2.14, whose save writes only the .pte) the ExecutorchProgramManager,
to write its external tensor data (.ptd). Every supported release imports
`executorch.exir.to_edge_transform_and_lower` inside the function at call time, so wrapping that
attribute for the duration of the call is seen, and the wrapper hands the result through unchanged."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from ..partition import count_nodes


@dataclass
class Lowering:
    partition: dict[str, int] | None = None
    program: Any = None  # the ExecutorchProgramManager, once to_executorch() ran
    calls: int = 0


@contextmanager
def capture_lowering() -> Iterator[Lowering]:
    from executorch import exir

    original = exir.to_edge_transform_and_lower
    seen = Lowering()

    def recording_lower(*args: Any, **kwargs: Any) -> Any:
        edge = original(*args, **kwargs)
        seen.calls += 1
        # Counted now: later passes may rewrite the graph in place.
        seen.partition = count_nodes(edge.exported_program().graph_module)
        to_executorch = edge.to_executorch

        def recording_to_executorch(*a: Any, **kw: Any) -> Any:
            seen.program = to_executorch(*a, **kw)
            return seen.program

        edge.to_executorch = recording_to_executorch
        return edge

    exir.to_edge_transform_and_lower = recording_lower
    try:
        yield seen
    finally:
        exir.to_edge_transform_and_lower = original


def write_tensor_data(lowering: Lowering, output_dir: str, *, library_writes_it: bool) -> str | None:
    """Writes the captured program's external tensor data (.ptd) into `output_dir` unless the
    library already did (torch_tensorrt 2.14's save does; 2.12/2.13 write only the .pte, so the
    CUDA backend's weights would be lost). Returns who wrote it, or None when there is none."""
    data = getattr(lowering.program, "_tensor_data", None)
    if not data:
        return None
    if library_writes_it:
        return "torch_tensorrt"
    lowering.program.write_tensor_data_to_file(output_dir)
    return "trt-pte"
