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
