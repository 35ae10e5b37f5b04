"""Where each graph node ended up: inside which delegate, or left to ExecuTorch's portable kernels."""

from __future__ import annotations

from collections import Counter
from typing import Any

# Structural nodes that are not computation: they never count as delegated or undelegated work.
_PLUMBING = {"getitem", "executorch_call_delegate"}


def _is_compute(node: Any) -> bool:
    if node.op != "call_function":
        return False
    name = getattr(node.target, "__name__", str(node.target))
    return name not in _PLUMBING and not str(node.target).endswith("getitem")


def count_nodes(graph_module: Any) -> dict[str, int]:
    """Compute nodes per backend id (`XnnpackBackend`, `CudaBackend`, ...) and `undelegated`,
    recursing into lowered modules so nested delegates are counted where they run."""
    counts: Counter[str] = Counter()
    for node in graph_module.graph.nodes:
        if node.op == "get_attr":
            sub = getattr(graph_module, str(node.target), None)
            backend_id = getattr(sub, "backend_id", None)
            original = getattr(sub, "original_module", None)
            if backend_id is not None and original is not None:
                counts[backend_id] += sum(1 for n in original.graph.nodes if _is_compute(n))
        elif _is_compute(node):
            counts["undelegated"] += 1
    counts.setdefault("undelegated", 0)
    return dict(counts)


def count_compiled(graph_module: Any) -> dict[str, int]:
    """What Torch-TensorRT's partitioning made of a graph: TensorRT engines (`_run_on_acc_*`
    children) and the compute nodes left to PyTorch, in the top-level graph or in `_run_on_gpu_*`
    children (the fast partitioner's PyTorch segments)."""
    engines = 0
    torch_ops = 0
    for node in graph_module.graph.nodes:
        if node.op == "call_module":
            if "_run_on_acc" in str(node.target):
                engines += 1
            else:
                sub = graph_module.get_submodule(str(node.target))
                torch_ops += sum(1 for n in getattr(sub, "graph", _EMPTY).nodes if _is_compute(n))
        elif _is_compute(node):
            torch_ops += 1
    return {"engines": engines, "torch_ops": torch_ops}


class _NoNodes:
    nodes: tuple[Any, ...] = ()


_EMPTY = _NoNodes()
