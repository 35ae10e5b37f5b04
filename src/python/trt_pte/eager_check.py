"""The model, run once in plain PyTorch on the example inputs before torch.export.

A model that does not run eagerly cannot be exported, and PyTorch's own error there says whose it is:
a layer that rejects an example input as given is the inputs' (`bad_input`: wrong count, rank, size or
dtype, with the spec's place in `inputs`), anything else raised in forward() is the model's
(`model_error`). So torch.export's hint is left for torch.export's own failures (classify.py), and
the outputs this run gives name the model's outputs for every later check (outputs.py)."""

from __future__ import annotations

import difflib
import inspect
import re
from dataclasses import dataclass
from typing import Any

from .classify import EAGER, classify
from .errors import BAD_INPUT, MODEL_ERROR, DriverError, Location, describe_exception, locate
from .protocol import InputSpec, SpecPosition

# How messages name where the example inputs came from.
SPEC_INPUTS = "the `inputs` specs"
FACTORY_INPUTS = "the factory's example inputs"


@dataclass(frozen=True)
class InputLabel:
    """How messages name one example input: forward()'s parameter, its spec, where the spec is written."""

    parameter: str
    spec: str
    # `inputs:1:9` for a spec the user wrote; None for the factory's own example inputs.
    where: SpecPosition | None

    def __str__(self) -> str:
        return f"`{self.parameter}` {self.spec}" + (f" ({self.where})" if self.where else "")


def spec_text(spec: InputSpec) -> str:
    """`float32[b:1..2..4,16,32]`: the spec in the `inputs` grammar, without its name."""

    def dim(d: Any) -> str:
        prefix = f"{d.symbol}:" if d.symbol else ""
        if not d.dynamic:
            return str(d.min)
        return f"{prefix}{d.min}..{d.max}" if d.opt == d.max else f"{prefix}{d.min}..{d.opt}..{d.max}"

    return f"{spec.dtype}[{','.join(dim(d) for d in spec.dims)}]"


def _positional_parameters(module: Any) -> list[inspect.Parameter]:
    kinds = (inspect.Parameter.POSITIONAL_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return [p for p in inspect.signature(module.forward).parameters.values() if p.kind in kinds]


def input_labels(module: Any, specs: tuple[InputSpec, ...], positions: tuple[SpecPosition, ...]) -> list[InputLabel]:
    """One label per spec, in the specs' order."""
    names = [p.name for p in _positional_parameters(module)]
    labels: list[InputLabel] = []
    positional = 0
    for i, spec in enumerate(specs):
        where = positions[i] if i < len(positions) else None
        if spec.name is None:
            name = names[positional] if positional < len(names) else f"input {positional}"
            positional += 1
        else:
            name = spec.name
        labels.append(InputLabel(name, spec_text(spec), where))
    return labels


def _signature_text(module: Any) -> str:
    parts = []
    for p in inspect.signature(module.forward).parameters.values():
        if p.kind == inspect.Parameter.VAR_POSITIONAL:
            parts.append(f"*{p.name}")
        elif p.kind == inspect.Parameter.VAR_KEYWORD:
            parts.append(f"**{p.name}")
        else:
            parts.append(p.name if p.default is inspect.Parameter.empty else f"{p.name}=…")
    return f"forward({', '.join(parts)})"


def check_count(
    module: Any,
    specs: tuple[InputSpec, ...],
    labels: list[InputLabel],
    source: str,
    location: Location | None,
) -> None:
    """`bad_input` (wrong count) when the inputs cannot be passed to forward() at all: too many
    positional ones, a keyword forward() does not have, one given twice, or a required one missing."""
    params = list(inspect.signature(module.forward).parameters.values())
    positional = _positional_parameters(module)
    takes_varargs = any(p.kind == inspect.Parameter.VAR_POSITIONAL for p in params)
    takes_varkw = any(p.kind == inspect.Parameter.VAR_KEYWORD for p in params)
    keywordable = {p.name for p in params if p.kind not in (inspect.Parameter.POSITIONAL_ONLY,)} - {
        p.name for p in params if p.kind in (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    }
    signature = _signature_text(module)
    from_inputs = source != FACTORY_INPUTS
    hint = (
        "give one spec per positional parameter of forward(), in order, and name= specs for keyword parameters"
        if from_inputs
        else "return (module, args) or (module, args, kwargs) that match forward()'s parameters"
    )

    def fail(problem: str) -> None:
        raise DriverError(BAD_INPUT, f"wrong count: {problem}", hint, location)

    given_positional = [i for i, s in enumerate(specs) if s.name is None]
    if not takes_varargs and len(given_positional) > len(positional):
        extra = labels[given_positional[len(positional)]]
        fail(
            f"{source} give {len(given_positional)} positional inputs but {signature} takes {len(positional)}; "
            f"the first one too many is {extra.spec}" + (f" at {extra.where}" if extra.where else "")
        )
    filled = {p.name for p in positional[: len(given_positional)]}
    for i, spec in enumerate(specs):
        if spec.name is None:
            continue
        if spec.name in filled:
            fail(f"`{spec.name}` is given twice, positionally and by name ({labels[i]})")
        if spec.name not in keywordable and not takes_varkw:
            close = difflib.get_close_matches(spec.name, sorted(keywordable), n=1)
            fail(
                f"{signature} has no parameter `{spec.name}` ({labels[i]})"
                + (f"; did you mean `{close[0]}`?" if close else "")
            )
        filled.add(spec.name)
    kinds = (inspect.Parameter.VAR_POSITIONAL, inspect.Parameter.VAR_KEYWORD)
    required = [p.name for p in params if p.kind not in kinds and p.default is inspect.Parameter.empty]
    missing = [name for name in required if name not in filled]
    if missing:
        fail(f"{signature} needs {', '.join(f'`{m}`' for m in missing)}, which {source} do not give")


# The words a PyTorch error uses for each way an input can be wrong, checked in this order.
_DTYPE = re.compile(
    r"dtype|scalar type|input type \(|should be the same|tensor\b.* but got torch\.\w+tensor|not implemented for '",
    re.IGNORECASE,
)
_RANK = re.compile(
    r"expected \d+d|\d+d \(|\d+-dimensional|dimension out of range|number of dimensions|ndim|\bdims?\b.*got \d+",
    re.IGNORECASE,
)
_SIZE = re.compile(r"size|shape|channel|match|multipl|broadcast|dimension|length", re.IGNORECASE)
_SHOWN_SHAPE = re.compile(r"input\[([\d, ]+)\]")


def what_is_wrong(message: str, ranks: list[int]) -> str:
    """`dtype`, `rank` or `size`: what a layer's error says is wrong with an input it was given.
    A convolution given a 3-D input reads it as unbatched and complains about channels; the shape
    it shows then has another rank than the input, which is the real mistake."""
    if _DTYPE.search(message):
        return "dtype"
    shown = _SHOWN_SHAPE.search(message)
    if _RANK.search(message) or (shown is not None and len(shown.group(1).split(",")) not in ranks):
        return "rank"
    if _SIZE.search(message):
        return "size"
    return "shape or dtype"


@dataclass
class _FailedCall:
    exc: BaseException
    function: str
    inputs: list[int]  # indices of the example inputs it was given


def _function_name(func: Any) -> str:
    return str(getattr(func, "__name__", None) or func)


def run_eagerly(
    module: Any,
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    labels: list[InputLabel],
    *,
    source: str,
    workspace: str,
) -> Any:
    """Runs forward() once on the example inputs (labels: positional, then keyword, in the specs'
    order) and returns what it returned; a failure becomes a `bad_input` or `model_error`."""
    import torch
    from torch.overrides import TorchFunctionMode
    from torch.utils._pytree import tree_leaves

    ordered = list(args) + list(kwargs.values())
    named = {id(t): i for i, t in enumerate(ordered) if isinstance(t, torch.Tensor)}
    failed: list[_FailedCall] = []

    def example_inputs_in(values: Any) -> list[int]:
        found: list[int] = []
        for leaf in tree_leaves(values):
            if not isinstance(leaf, torch.Tensor):
                continue
            for candidate in (leaf, getattr(leaf, "_base", None)):  # the input itself, or a view of it
                index = named.get(id(candidate))
                if index is not None and index not in found:
                    found.append(index)
        return found

    class Watch(TorchFunctionMode):  # type: ignore[misc]
        """Notes the innermost torch call an exception came out of, and which example inputs it got."""

        def __torch_function__(self, func: Any, types: Any, a: Any = (), kw: Any = None) -> Any:
            kw = kw or {}
            try:
                return func(*a, **kw)
            except Exception as exc:
                if not any(f.exc is exc for f in failed):
                    failed.append(_FailedCall(exc, _function_name(func), example_inputs_in((a, kw))))
                raise

    try:
        with torch.no_grad(), Watch():
            return module(*args, **kwargs)
    except Exception as exc:
        what = "forward() on the example inputs, run eagerly before torch.export,"
        error = classify(exc, EAGER, workspace, what=what)
        if error.kind != MODEL_ERROR:
            raise error from exc
        call = next((f for f in failed if f.exc is exc), None)
        specs = ", ".join(str(label) for label in labels)
        if call is None or not call.inputs:
            error.hint = (
                "forward() fails in plain PyTorch, before any export: fix the line shown; if that line is right, "
                f"check the example inputs it was given ({specs})"
            )
            raise error from exc
        given = [(labels[i], ordered[i].dim()) for i in call.inputs]
        raise _bad_input(exc, call.function, given, source, workspace) from exc


def _bad_input(
    exc: BaseException, function: str, inputs: list[tuple[InputLabel, int]], source: str, workspace: str
) -> DriverError:
    """`inputs`: the labels of the example inputs `function` was given, with each one's rank."""
    given = [label for label, _ in inputs]
    wrong = what_is_wrong(str(exc), [rank for _, rank in inputs])
    which = " and ".join(str(label) for label in given)
    message, location = locate(
        f"wrong {wrong}: {'input' if len(given) == 1 else 'inputs'} {which} "
        f"{'does' if len(given) == 1 else 'do'} not fit the model: `{function}` raised {describe_exception(exc)}",
        exc.__traceback__,
        workspace,
    )
    places = [str(label.where) for label in given if label.where is not None]
    if places:
        change = f"change the spec at {' and '.join(places)}"
    elif source == FACTORY_INPUTS:
        change = "change the example inputs the factory returns"
    else:
        change = "change the spec"
    layer = f"the layer at {location.file}:{location.line}" if location is not None else "the layer"
    return DriverError(
        BAD_INPUT,
        message,
        f"{change} to the {wrong} the model takes (the message says what `{function}` expected); "
        f"if the input is right, {layer} is not",
        location,
    )
