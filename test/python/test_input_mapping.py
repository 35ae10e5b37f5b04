"""Input specs → torch.export dynamic shapes and → torch_tensorrt.Input arguments, as properties over
arbitrary well-formed specs (the grammar's rules: one range per shared symbol, OPT >= 2 for a
dynamic dimension, unique keyword names)."""

from __future__ import annotations

import keyword
from typing import Any

import torch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from trt_pte.example_inputs import build_example_inputs, shape_at, tensorrt_input_kwargs
from trt_pte.protocol import DTYPES, Dim, InputSpec

RANGE = (
    st.tuples(st.integers(0, 6), st.integers(2, 9), st.integers(0, 40))
    .filter(lambda t: t[0] <= t[1])
    .map(lambda t: (t[0], t[1], t[1] + t[2]))
)


@st.composite
def input_specs(draw: st.DrawFn) -> tuple[InputSpec, ...]:
    symbols = draw(st.dictionaries(st.sampled_from(["b", "seq", "n"]), RANGE.filter(lambda r: r[0] < r[2]), max_size=3))
    names = draw(
        st.lists(
            st.from_regex(r"[a-z][a-z0-9_]{0,6}", fullmatch=True).filter(lambda n: not keyword.iskeyword(n)),
            unique=True,
            max_size=2,
        )
    )
    positional = draw(st.integers(0 if names else 1, 3))
    specs: list[InputSpec] = []
    for name in [None] * positional + list(names):
        dims: list[Dim] = []
        for _ in range(draw(st.integers(0, 4))):
            kind = draw(st.sampled_from(["static", "range", "symbol"] if symbols else ["static", "range"]))
            if kind == "static":
                size = draw(st.integers(0, 5))
                dims.append(Dim(None, size, size, size))
            elif kind == "range":
                lo, opt, hi = draw(RANGE.filter(lambda r: r[0] < r[2]))
                dims.append(Dim(None, lo, opt, hi))
            else:
                symbol = draw(st.sampled_from(sorted(symbols)))
                lo, opt, hi = symbols[symbol]
                dims.append(Dim(symbol, lo, opt, hi))
        specs.append(InputSpec(name, draw(st.sampled_from(DTYPES)), tuple(dims)))
    return tuple(specs)


def module_for(specs: tuple[InputSpec, ...]) -> Any:
    """A module whose forward takes one positional parameter per positional spec and the keyword
    specs by name, and uses every input."""
    positional = [f"p{i}" for i, s in enumerate(specs) if s.name is None]
    keywords = [s.name for s in specs if s.name is not None]
    params = ", ".join(["self", *positional, *(f"{k}=None" for k in keywords)])
    every = ", ".join([*positional, *keywords])
    source = f"def forward({params}):\n    return sum(t.to(torch.float32).sum() for t in [{every}])\n"
    scope: dict[str, Any] = {"torch": torch}
    exec(source, scope)  # a generated signature is the point of this property test
    return type("Generated", (torch.nn.Module,), {"forward": scope["forward"]})()


@given(input_specs())
@settings(max_examples=200, deadline=None)
def test_dynamic_shapes_follow_the_specs(specs: tuple[InputSpec, ...]) -> None:
    module = module_for(specs)
    example = build_example_inputs(module, specs)
    positional = [s for s in specs if s.name is None]
    keyword_specs = [(s.name, s) for s in specs if s.name is not None]
    assert len(example.args) == len(positional) and sorted(example.kwargs) == sorted(n for n, _ in keyword_specs)
    tensors = list(zip(positional, example.args, strict=True)) + [(s, example.kwargs[n]) for n, s in keyword_specs]
    for spec, tensor in tensors:
        assert tuple(tensor.shape) == shape_at(spec, "opt")
        assert tensor.dtype == getattr(torch, spec.dtype)

    if not any(d.dynamic for s in specs for d in s.dims):
        assert example.dynamic_shapes is None
        return
    assert example.dynamic_shapes is not None
    keys = [f"p{i}" for i in range(len(positional))] + [n for n, _ in keyword_specs]
    assert list(example.dynamic_shapes) == keys
    by_symbol: dict[str, Any] = {}
    for key, (spec, _) in zip(keys, tensors, strict=True):
        shape = example.dynamic_shapes[key] or {}
        assert sorted(shape) == [j for j, d in enumerate(spec.dims) if d.dynamic]
        for j, dim in shape.items():
            d = spec.dims[j]
            assert (dim.min, dim.max) == (d.min, d.max)
            if d.symbol is not None:
                assert by_symbol.setdefault(d.symbol, dim) is dim, "a shared symbol is one Dim"
    names = [dim.__name__ for shape in example.dynamic_shapes.values() for dim in (shape or {}).values()]
    assert len(set(names)) == len(
        {id(dim) for shape in example.dynamic_shapes.values() for dim in (shape or {}).values()}
    )


@given(input_specs())
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_torch_export_gets_exactly_the_specified_ranges(specs: tuple[InputSpec, ...]) -> None:
    module = module_for(specs)
    example = build_example_inputs(module, specs)
    program = torch.export.export(
        module, example.args, example.kwargs, dynamic_shapes=example.dynamic_shapes, strict=False
    )
    user_inputs = [n for n in program.graph.nodes if n.op == "placeholder"]
    ordered = [s for s in specs if s.name is None] + [s for s in specs if s.name is not None]
    expressions: dict[str, Any] = {}
    for spec, node in zip(ordered, user_inputs, strict=True):
        for d, size in zip(spec.dims, node.meta["val"].shape, strict=True):
            if not d.dynamic:
                assert size == d.opt
                continue
            assert isinstance(size, torch.SymInt)
            expr = size.node.expr
            bounds = program.range_constraints[expr]
            assert (int(bounds.lower), int(bounds.upper)) == (d.min, d.max)
            if d.symbol is not None:
                assert expressions.setdefault(d.symbol, expr) == expr


@given(input_specs())
@settings(max_examples=200, deadline=None)
def test_tensorrt_inputs_follow_the_specs(specs: tuple[InputSpec, ...]) -> None:
    for spec in specs:
        kwargs = tensorrt_input_kwargs(spec, spec.name or "x")
        assert kwargs["dtype"] == spec.dtype and kwargs["name"] == (spec.name or "x")
        if any(d.dynamic for d in spec.dims):
            assert "shape" not in kwargs
            assert kwargs["min_shape"] == tuple(d.min for d in spec.dims)
            assert kwargs["opt_shape"] == tuple(d.opt for d in spec.dims)
            assert kwargs["max_shape"] == tuple(d.max for d in spec.dims)
            for lo, opt, hi in zip(kwargs["min_shape"], kwargs["opt_shape"], kwargs["max_shape"], strict=True):
                assert lo <= opt <= hi
        else:
            assert set(kwargs) == {"dtype", "name", "shape"}
            assert kwargs["shape"] == tuple(d.opt for d in spec.dims)


def test_unnamed_dims_never_take_a_symbols_name() -> None:
    specs = (
        InputSpec(None, "float32", (Dim(None, 1, 4, 8),)),
        InputSpec(None, "float32", (Dim("input0_dim0", 2, 3, 5),)),
    )
    example = build_example_inputs(module_for(specs), specs)
    assert example.dynamic_shapes is not None
    first, second = example.dynamic_shapes["p0"][0], example.dynamic_shapes["p1"][0]
    assert first is not second and first.__name__ != second.__name__
