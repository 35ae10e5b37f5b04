"""The model's outputs by name. forward() may return a tensor, a tuple, a dict, a named tuple or any
nesting of them; ExecuTorch's runtime and the compiled module give the same tensors as one flat list,
in the order torch's pytree flattens the eager output (the order torch.export keeps). So the eager
output names every position: its path of keys, `scores`, `boxes`, `out.0.logits`; an output without a
key of its own (a lone tensor, a plain tuple) is named by its position."""

from __future__ import annotations

from typing import Any


def _key(entry: Any) -> str:
    # torch.utils._pytree's MappingKey(key), SequenceKey(idx), GetAttrKey(name) (named tuples, dataclasses).
    for attr in ("key", "idx", "name"):
        if hasattr(entry, attr):
            return str(getattr(entry, attr))
    return str(entry)


def named_tensors(value: Any) -> list[tuple[str, Any]]:
    """The tensors of `value` in flattening order, each with its dotted path (its index when the path is empty)."""
    import torch
    from torch.utils._pytree import tree_flatten_with_path

    leaves, _ = tree_flatten_with_path(value)
    tensors = [(".".join(_key(k) for k in path), leaf) for path, leaf in leaves if isinstance(leaf, torch.Tensor)]
    return [(name or str(i), t) for i, (name, t) in enumerate(tensors)]


def describe(name: str) -> str:
    """How messages name an output: output `scores`, output `out.0.logits`, or output 0 (by position)."""
    if all(part.isdigit() for part in name.split(".")):
        return f"output {name}"
    return f"output `{name}`"


def describe_outputs(value: Any) -> list[dict[str, Any]]:
    """Name, dtype and shape of each output tensor, for the result file (`outputs`)."""
    return [
        {"name": name, "dtype": str(t.dtype).removeprefix("torch."), "shape": list(t.shape)}
        for name, t in named_tensors(value)
    ]


def _named_tuple_types(value: Any, found: list[type]) -> list[type]:
    if isinstance(value, tuple) and hasattr(type(value), "_fields") and type(value) not in found:
        found.append(type(value))
    if isinstance(value, dict):
        for item in value.values():
            _named_tuple_types(item, found)
    elif isinstance(value, (list, tuple)):
        for item in value:
            _named_tuple_types(item, found)
    return found


def register_named_tuples(value: Any) -> None:
    """Makes the named tuples forward() returns writable into a .pte: ExecuTorch stores the output
    structure in the program, and torch's pytree serializes a named tuple only once it is registered
    with a name (`_register_namedtuple`, torch/utils/_pytree.py; torch has no public spelling of it).
    Each is registered under its module and qualified name, as a user would; one registered already
    (by the user, or as a plain pytree node) is left alone."""
    from torch.utils import _pytree as pytree

    register = getattr(pytree, "_register_namedtuple", None)
    if register is None:
        return  # another torch: lowering says what it needs itself
    for cls in _named_tuple_types(value, []):
        if cls in pytree.SUPPORTED_NODES:
            continue
        register(cls, serialized_type_name=f"{cls.__module__}.{cls.__qualname__}")
