"""Ops whose TensorRT converters need an output allocator (a data-dependent output shape, such as
`nonzero`), which ExecuTorch cannot run: the save of every supported release rejects such an
engine with "ExecuTorch export does not support TensorRT engines that require an output allocator
(data-dependent output shapes)". From 2.13 on `fallback_data_dependent_ops` keeps them out of
TensorRT (tensorrt_settings.py turns it on); on 2.12, or with it off, the save error here names
the ops to list in `torch-executed-ops`.

The ops are found the way 2.13's partitioner finds them for `fallback_data_dependent_ops`:
`DYNAMO_CONVERTERS.get(node)` returns (converter, calling convention, flags) for the converter
that would take the node, and `flags["requires_output_allocator"]` says whether it needs the
allocator (the same registry and `get` in 2.12.0 to 2.14.0).
"""

from __future__ import annotations

from typing import Any

from .errors import UNSUPPORTED_OP, DriverError

REJECTION = "require an output allocator"


def is_rejection(exc: BaseException) -> bool:
    return REJECTION in str(exc)


def _registry() -> Any:
    from torch_tensorrt.dynamo.conversion._ConverterRegistry import DYNAMO_CONVERTERS

    return DYNAMO_CONVERTERS


def ops_in(graph: Any, registry: Any = None) -> list[str]:
    """The ops among `graph`'s nodes whose converter needs an output allocator, as
    `torch-executed-ops` names them (`aten.nonzero.default`)."""
    registry = _registry() if registry is None else registry
    found: set[str] = set()
    for node in graph.nodes:
        if node.op != "call_function":
            continue
        try:
            packet = registry.get(node)
        except Exception:  # noqa: BLE001 - a validator that fails on a node means: not this converter
            continue
        if packet is not None and packet[2].get("requires_output_allocator", False):
            found.add(str(node.target))
    return sorted(found)


def release_ops(registry: Any = None) -> list[str]:
    """Every op the installed release has a converter needing an output allocator for."""
    registry = _registry() if registry is None else registry
    found: set[str] = set()
    for table in getattr(registry, "registries", []):
        for target, converters in dict(table).items():
            entries = converters if isinstance(converters, (list, tuple)) else [converters]
            if any(getattr(c, "requires_output_allocator", False) for c in entries):
                found.add(str(target))
    return sorted(found)


def save_error(base: DriverError, graph: Any, *, fallback_parameter: bool, fallback_on: bool) -> DriverError:
    """`base` (the classified save error) with a hint that names the ops to keep in PyTorch.
    `fallback_parameter`: the release has `fallback_data_dependent_ops`; `fallback_on`: it was passed true."""
    try:
        ops = ops_in(graph)
        where = "in this model"
        if not ops:
            ops, where = release_ops(), "in this release's converters (none matched the model's graph as exported)"
    except ImportError:
        ops, where = [], ""
    listed = f" ({where}: {', '.join(ops)})" if ops else ""
    hint = (
        "ExecuTorch cannot run a TensorRT engine holding an op with a data-dependent output shape: list those ops "
        f"in `torch-executed-ops` so they stay in PyTorch and go to the CUDA delegate{listed}"
    )
    if fallback_parameter and not fallback_on:
        hint += (
            "; or leave `fallback-data-dependent-ops` on (its default for the tensorrt target), which needs "
            "`require-full-compilation` off"
        )
    elif not fallback_parameter:
        hint += "; torch_tensorrt 2.13 and newer do this by themselves (`fallback-data-dependent-ops`)"
    return DriverError(UNSUPPORTED_OP, base.message, hint, base.location)
