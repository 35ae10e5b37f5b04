"""Getting Torch-TensorRT releases past the lifted-engine lookup bug (pytorch/TensorRT #4349).

`torch_tensorrt.save(..., output_format="executorch", retrace=True)` re-exports the compiled module
with `torch.export`. That lifts each TensorRT engine (a TorchScript custom object) into
`exported_program.constants` under its fully qualified name (`_run_on_acc_0.engine`), but names the
graph placeholder `obj__run_on_acc_0_engine`. Releases 2.12.0, 2.12.1 and 2.13.0 look the engine
up as `constants.get(node.name) or constants.get(node.target)`, miss, and fail the save.

Public API:

- `resolve_lifted_custom_obj(exported_program, node)`: the object behind a lifted custom-object
  placeholder, resolved through the graph signature (what 2.14.0 does itself).
- `fqn_shim()`: a context manager to wrap the one `torch_tensorrt.save` call in. On a release that
  still carries the buggy lookup it makes that lookup find the right object, for the duration of
  the call only; on a fixed release it does nothing. It reports what it did.

Nothing here edits files on disk, and nothing stays patched after the `with` block.
"""

from __future__ import annotations

import ast
import functools
import importlib
import inspect
import textwrap
from collections.abc import Callable, Iterator, MutableMapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from .deps import installed_version

__all__ = [
    "FIX_FEATURE",
    "SHIM_TARGETS",
    "FqnShimReport",
    "ShimTarget",
    "detect_fqn_lookup",
    "find_name_then_target_lookups",
    "fqn_shim",
    "lifted_objects_visible_by_name",
    "resolve_lifted_custom_obj",
    "unwrap_fake_script_object",
]


def unwrap_fake_script_object(obj: Any) -> Any:
    """The real object behind a `FakeScriptObject` (what tracing under fake mode hands around);
    any other value unchanged."""
    try:
        from torch._library.fake_class_registry import FakeScriptObject
    except ImportError:  # a torch without fake script objects cannot have produced one
        return obj
    if isinstance(obj, FakeScriptObject):
        return obj.real_obj
    return obj


def resolve_lifted_custom_obj(exported_program: Any, node: Any) -> Any | None:
    """The constant behind a lifted custom-object placeholder `node` of `exported_program`.

    torch.export records, for every lifted custom object, which placeholder stands for which
    fully qualified name: `graph_signature.inputs_to_lifted_custom_objs` maps placeholder name →
    FQN, and `constants[FQN]` holds the object. That mapping is the only reliable link, because
    the placeholder is named after the FQN with an `obj_` prefix and dots replaced.

    - When the mapping exists, only it is used: a placeholder it does not name resolves to `None`
      (the program does not say which object it is, so nothing is guessed).
    - Only when the mapping is empty (programs built by hand or by exporters that predate it) is
      the object looked up as `constants[node.target]`, then `constants[node.name]`.
    - A `FakeScriptObject` is unwrapped to the real object it stands for.

    Returns `None` when nothing matches.
    """
    constants = getattr(exported_program, "constants", None) or {}
    signature = getattr(exported_program, "graph_signature", None)
    mapping = getattr(signature, "inputs_to_lifted_custom_objs", None) or {}
    found: Any = None
    if mapping:
        fqn = mapping.get(node.name)
        if fqn is not None and fqn in constants:
            found = constants[fqn]
    else:
        # Membership, not truthiness: TorchScript objects without __len__ raise on bool().
        for key in (node.target, node.name):
            if isinstance(key, str) and key in constants:
                found = constants[key]
                break
    return None if found is None else unwrap_fake_script_object(found)


def _is_script_object(obj: Any) -> bool:
    import torch

    return isinstance(obj, torch.ScriptObject)


class _FoundLiftedObject:
    """What the buggy lookup is handed instead of the bare object.

    The buggy releases evaluate `constants.get(name) or constants.get(target)`. A TorchScript
    object whose class defines no `__len__` (TensorRT's `tensorrt.Engine` defines none) raises
    `NotImplementedError` on `bool()`, so even a lookup that hits would fail at the `or`. This
    view is always truthy and forwards everything the releases' code uses (`__getstate__`, and
    any other attribute) to the real object."""

    __slots__ = ("obj",)

    def __init__(self, obj: Any) -> None:
        object.__setattr__(self, "obj", obj)

    def __bool__(self) -> bool:
        return True

    def __getstate__(self) -> Any:
        # Explicit: object.__getstate__ exists since Python 3.11, so __getattr__ would not see it.
        return self.obj.__getstate__()

    def __getattr__(self, name: str) -> Any:
        return getattr(self.obj, name)

    def __repr__(self) -> str:
        return f"<trt-pte view of {self.obj!r}>"


_MISSING = object()


@contextmanager
def lifted_objects_visible_by_name(exported_program: Any) -> Iterator[list[str]]:
    """For the duration of the block, `exported_program.constants[placeholder name]` holds (a truthy
    view of) the custom object that `resolve_lifted_custom_obj` finds for each lifted custom-object
    placeholder, so a lookup by placeholder name finds the right object. Entries are restored
    (or removed) afterwards, so nothing downstream ever sees them. Yields the placeholder names."""
    constants = getattr(exported_program, "constants", None)
    graph_module = getattr(exported_program, "graph_module", None)
    if not isinstance(constants, MutableMapping) or graph_module is None:
        yield []
        return
    saved: dict[str, Any] = {}
    for node in graph_module.graph.nodes:
        if node.op != "placeholder":
            continue
        obj = resolve_lifted_custom_obj(exported_program, node)
        if obj is None or not _is_script_object(obj):
            continue
        saved[node.name] = constants.get(node.name, _MISSING)
        constants[node.name] = _FoundLiftedObject(obj)
    try:
        yield list(saved)
    finally:
        for name, previous in saved.items():
            if previous is _MISSING:
                constants.pop(name, None)
            else:
                constants[name] = previous


# ---------------------------------------------------------------------------------------------
# Which releases need the shim, and where it acts.


@dataclass(frozen=True)
class ShimTarget:
    """A function holding the buggy lookup, as a module attribute that callers resolve at call
    time (so replacing the attribute is seen by the next call)."""

    module: str
    attribute: str

    @property
    def qualname(self) -> str:
        return f"{self.module}.{self.attribute}"


# Found in the sources of 2.12.0, 2.12.1 and 2.13.0 (scripts/release_contract.json records them):
# - `_compile._replace_execute_engine_for_executorch` runs on every executorch save and is where
#   the bug fires;
# - `executorch.backend._get_engine_info_from_edge_program` holds the same lookup for graphs that
#   still carry `execute_engine`; 2.13.0's `executorch.partitioner` imports it by name, so its
#   binding there is a separate attribute.
SHIM_TARGETS: tuple[ShimTarget, ...] = (
    ShimTarget("torch_tensorrt._compile", "_replace_execute_engine_for_executorch"),
    ShimTarget("torch_tensorrt.executorch.backend", "_get_engine_info_from_edge_program"),
    ShimTarget("torch_tensorrt.executorch.partitioner", "_get_engine_info_from_edge_program"),
)

# The fixed lookup (pytorch/TensorRT #4349, first released in 2.14.0).
FIX_FEATURE = ShimTarget("torch_tensorrt.dynamo._exporter", "_resolve_lifted_custom_obj")


def find_name_then_target_lookups(source: str) -> dict[str, list[int]]:
    """Functions in `source` whose body looks an object up as `<d>.get(<x>.name) or <d>.get(<x>.target)`
    (the buggy lookup), mapped to the line numbers of those expressions. Used on installed
    modules (via `inspect`) and on release wheels (scripts/release_contract.py)."""
    tree = ast.parse(source)
    found: dict[str, list[int]] = {}

    def is_get_of(call: ast.expr, attribute: str) -> bool:
        return (
            isinstance(call, ast.Call)
            and isinstance(call.func, ast.Attribute)
            and call.func.attr == "get"
            and len(call.args) == 1
            and isinstance(call.args[0], ast.Attribute)
            and call.args[0].attr == attribute
        )

    for function in ast.walk(tree):
        if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        for node in ast.walk(function):
            if (
                isinstance(node, ast.BoolOp)
                and isinstance(node.op, ast.Or)
                and len(node.values) == 2
                and is_get_of(node.values[0], "name")
                and is_get_of(node.values[1], "target")
            ):
                found.setdefault(function.name, []).append(node.lineno)
    return found


def _has_buggy_lookup(function: Any) -> bool | None:
    """True/False from the function's source; None when the source cannot be read."""
    try:
        source = textwrap.dedent(inspect.getsource(function))
    except (OSError, TypeError):
        return None
    return bool(find_name_then_target_lookups(source))


def _import(name: str) -> Any | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


@dataclass
class FqnShimReport:
    """What `fqn_shim` found and did; `to_json()` goes into the result file."""

    applied: bool
    reason: str
    torch_tensorrt: str | None
    patched: list[str] = field(default_factory=list)
    # Placeholder names the patched lookups were shown during the save.
    resolved: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "applied": self.applied,
            "reason": self.reason,
            "torch_tensorrt": self.torch_tensorrt,
            "patched": list(self.patched),
            "resolved": sorted(set(self.resolved)),
        }


def detect_fqn_lookup() -> tuple[FqnShimReport, list[tuple[ShimTarget, Any]]]:
    """Decides, by feature, whether the installed torch_tensorrt needs the shim, and which
    functions to wrap: (report, [(target, original function)])."""
    release = installed_version("torch_tensorrt")
    exporter = _import(FIX_FEATURE.module)
    if exporter is not None and hasattr(exporter, FIX_FEATURE.attribute):
        return (
            FqnShimReport(False, f"fixed release: it resolves lifted engines itself ({FIX_FEATURE.qualname})", release),
            [],
        )
    compile_module = _import(SHIM_TARGETS[0].module)
    first = getattr(compile_module, SHIM_TARGETS[0].attribute, None) if compile_module is not None else None
    if first is None:
        return (
            FqnShimReport(
                False,
                f"neither the fix ({FIX_FEATURE.qualname}) nor the buggy lookup ({SHIM_TARGETS[0].qualname}) "
                "is present: an unknown layout, left alone",
                release,
            ),
            [],
        )
    if _has_buggy_lookup(first) is False:
        return (
            FqnShimReport(False, f"{SHIM_TARGETS[0].qualname} does not look engines up by placeholder name", release),
            [],
        )
    chosen: list[tuple[ShimTarget, Any]] = [(SHIM_TARGETS[0], first)]
    backend_original: Any = None
    for target in SHIM_TARGETS[1:]:
        module = _import(target.module)
        function = getattr(module, target.attribute, None) if module is not None else None
        if function is None:
            continue
        if target.module.endswith(".backend"):
            if _has_buggy_lookup(function) is False:
                continue
            backend_original = function
        elif function is not backend_original:
            continue  # a binding of some other function: not ours to wrap
        chosen.append((target, function))
    reason = (
        f"buggy release: {FIX_FEATURE.qualname} is absent and {SHIM_TARGETS[0].qualname} "
        "looks engines up by placeholder name"
    )
    return FqnShimReport(True, reason, release, [t.qualname for t, _ in chosen]), chosen


def _wrap(function: Callable[..., Any], seen: list[str]) -> Callable[..., Any]:
    @functools.wraps(function)
    def with_lifted_objects_visible(program: Any, *args: Any, **kwargs: Any) -> Any:
        with lifted_objects_visible_by_name(program) as names:
            seen.extend(names)
            return function(program, *args, **kwargs)

    return with_lifted_objects_visible


@contextmanager
def fqn_shim() -> Iterator[FqnShimReport]:
    """Wrap exactly the `torch_tensorrt.save(...)` call in this. On a buggy release the functions
    in SHIM_TARGETS are replaced, for the duration of the block, by wrappers that show the lookup
    the right object (`lifted_objects_visible_by_name`); the originals are put back on exit,
    also when the save raises. On a fixed or unknown release nothing is touched."""
    report, chosen = detect_fqn_lookup()
    installed: list[tuple[Any, str, Any]] = []
    try:
        for target, original in chosen:
            module = importlib.import_module(target.module)
            setattr(module, target.attribute, _wrap(original, report.resolved))
            installed.append((module, target.attribute, original))
        yield report
    finally:
        for module, attribute, original in reversed(installed):
            setattr(module, attribute, original)
