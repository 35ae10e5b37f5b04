"""Input specs (already parsed by the action) → example tensors, torch.export dynamic shapes and
torch_tensorrt.Input objects. One mapping for every target, so a shape means the same everywhere."""

from __future__ import annotations

import inspect
from dataclasses import dataclass
from typing import Any

from .errors import BAD_INPUT, DriverError
from .protocol import Dim, InputSpec


@dataclass
class ExampleInputs:
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    # None when every dimension is static; otherwise the `dynamic_shapes` argument for torch.export.
    dynamic_shapes: dict[str, Any] | None


def torch_dtype(name: str) -> Any:
    import torch

    return getattr(torch, name)


def random_tensor(dtype: str, shape: tuple[int, ...], generator: Any) -> Any:
    """A fresh random tensor: normal floats, small non-negative integers (safe as indices), random bools."""
    import torch

    if dtype == "bool":
        return torch.randint(0, 2, shape, generator=generator).bool()
    if dtype.startswith(("int", "uint")):
        return torch.randint(0, 4, shape, generator=generator, dtype=torch_dtype(dtype))
    return torch.randn(shape, generator=generator, dtype=torch.float32).to(torch_dtype(dtype))


def shape_at(spec: InputSpec, which: str) -> tuple[int, ...]:
    """The concrete shape at `min`, `opt` or `max`."""
    return tuple(getattr(d, which) for d in spec.dims)


def split_positional(specs: tuple[InputSpec, ...]) -> tuple[list[InputSpec], list[InputSpec]]:
    return [s for s in specs if s.name is None], [s for s in specs if s.name is not None]


def make_tensors(specs: tuple[InputSpec, ...], which: str, seed: int) -> tuple[tuple[Any, ...], dict[str, Any]]:
    import torch

    generator = torch.Generator().manual_seed(seed)
    positional, keyword = split_positional(specs)
    args = tuple(random_tensor(s.dtype, shape_at(s, which), generator) for s in positional)
    kwargs = {s.name: random_tensor(s.dtype, shape_at(s, which), generator) for s in keyword if s.name is not None}
    return args, kwargs


def _dim_objects(specs: tuple[InputSpec, ...]) -> dict[tuple[int, int], Any]:
    """One torch.export Dim per shared symbol, one per unnamed dynamic dimension; keyed by
    (input index, dimension index). Names are unique: torch.export treats equal names as one Dim."""
    from torch.export import Dim as ExportDim

    taken = {d.symbol for s in specs for d in s.dims if d.symbol is not None}
    by_symbol: dict[str, Any] = {}
    dims: dict[tuple[int, int], Any] = {}
    for i, spec in enumerate(specs):
        for j, d in enumerate(spec.dims):
            if not d.dynamic:
                continue
            if d.symbol is not None:
                if d.symbol not in by_symbol:
                    by_symbol[d.symbol] = ExportDim(d.symbol, min=d.min, max=d.max)
                dims[(i, j)] = by_symbol[d.symbol]
            else:
                name = f"{spec.name or f'input{i}'}_dim{j}"
                while name in taken:
                    name = "_" + name
                taken.add(name)
                dims[(i, j)] = ExportDim(name, min=d.min, max=d.max)
    return dims


def parameter_names(module: Any, positional_count: int) -> list[str]:
    """Names of forward's first positional parameters, so positional specs can be keyed by name."""
    params = [
        p
        for p in inspect.signature(module.forward).parameters.values()
        if p.kind in (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    ]
    if len(params) < positional_count:
        raise DriverError(
            BAD_INPUT,
            f"`inputs` gives {positional_count} positional inputs but forward() takes {len(params)}",
            "give one spec per positional parameter of forward(), and name= specs for keyword parameters",
        )
    return [p.name for p in params[:positional_count]]


def build_example_inputs(module: Any, specs: tuple[InputSpec, ...], seed: int = 0) -> ExampleInputs:
    """Example tensors at OPT (never 1 for a dynamic dim, which torch.export would specialise) and the
    matching dynamic_shapes, keyed by forward()'s parameter names."""
    args, kwargs = make_tensors(specs, "opt", seed)
    if not any(d.dynamic for s in specs for d in s.dims):
        return ExampleInputs(args, kwargs, None)
    dims = _dim_objects(specs)
    names = parameter_names(module, len(args))
    dynamic: dict[str, Any] = {}
    positional_index = 0
    for i, spec in enumerate(specs):
        shape = {j: dims[(i, j)] for j in range(len(spec.dims)) if (i, j) in dims}
        if spec.name is None:
            dynamic[names[positional_index]] = shape or None
            positional_index += 1
        else:
            dynamic[spec.name] = shape or None
    return ExampleInputs(args, kwargs, dynamic)


def shapes_to_check(specs: tuple[InputSpec, ...]) -> list[str]:
    """The shape points the accuracy check runs at: opt, plus min and max when any dim is dynamic."""
    if any(d.dynamic for s in specs for d in s.dims):
        return ["min", "opt", "max"]
    return ["opt"]


def static_specs_from_tensors(args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[InputSpec, ...]:
    """Specs describing the factory's own example inputs, so every later step sees one form."""
    import torch

    specs: list[InputSpec] = []
    dtype_names = {
        getattr(torch, n): n
        for n in ("float32", "float16", "bfloat16", "float64", "int64", "int32", "int16", "int8", "uint8", "bool")
    }

    def describe(name: str | None, value: Any) -> InputSpec:
        if not isinstance(value, torch.Tensor) or value.dtype not in dtype_names:
            raise DriverError(
                BAD_INPUT,
                f"example input {name or len(specs)} is {type(value).__name__}"
                + (f" of {value.dtype}" if isinstance(value, torch.Tensor) else "")
                + ", not a tensor of a supported dtype",
                "return tensors from the factory, or describe the inputs with the `inputs` setting",
            )
        return InputSpec(name, dtype_names[value.dtype], tuple(Dim(None, s, s, s) for s in value.shape))

    for a in args:
        specs.append(describe(None, a))
    for k, v in kwargs.items():
        specs.append(describe(k, v))
    return tuple(specs)


def tensorrt_input_kwargs(spec: InputSpec, name: str) -> dict[str, Any]:
    """Keyword arguments of `torch_tensorrt.Input` for one spec (dtype as its torch name): `shape`
    when every dimension is static, else `min_shape`/`opt_shape`/`max_shape`. The keys are the ones
    every supported release's Input reads (scripts/release_contract.json)."""
    kwargs: dict[str, Any] = {"dtype": spec.dtype, "name": name}
    if any(d.dynamic for d in spec.dims):
        kwargs.update(min_shape=shape_at(spec, "min"), opt_shape=shape_at(spec, "opt"), max_shape=shape_at(spec, "max"))
    else:
        kwargs["shape"] = shape_at(spec, "opt")
    return kwargs


def tensorrt_inputs(module: Any, specs: tuple[InputSpec, ...]) -> tuple[list[Any], dict[str, Any]]:
    """`torch_tensorrt.Input` objects for `torch_tensorrt.dynamo.compile(arg_inputs=, kwarg_inputs=)`,
    named after forward()'s parameters."""
    import torch_tensorrt

    positional, keyword = split_positional(specs)
    names = parameter_names(module, len(positional))

    def make(spec: InputSpec, name: str) -> Any:
        kwargs = tensorrt_input_kwargs(spec, name)
        kwargs["dtype"] = torch_dtype(kwargs["dtype"])
        return torch_tensorrt.Input(**kwargs)

    args = [make(spec, names[i]) for i, spec in enumerate(positional)]
    kwargs = {spec.name: make(spec, spec.name) for spec in keyword if spec.name is not None}
    return args, kwargs
