"""The user's Torch-TensorRT settings → keyword arguments of the installed release's
`torch_tensorrt.dynamo.compile`, and the arguments of `torch_tensorrt.save`.

Every release silently ignores keyword arguments it does not know, so nothing is passed on trust:
each setting maps to parameters the release's signature must have, and a setting a release cannot
honour is an error naming the release (never dropped). The mapping, per release:

| setting                     | 2.12.0 / 2.12.1                           | 2.13.0 / 2.14.0                      |
|-----------------------------|-------------------------------------------|--------------------------------------|
| precision fp16 / bf16       | enable_autocast=True,                     | same                                 |
|                             | autocast_low_precision_type=float16/...   |                                      |
| min-block-size              | min_block_size                            | same                                 |
| torch-executed-ops          | torch_executed_ops={OpOverload, ...}      | same                                 |
| require-full-compilation    | require_full_compilation                  | same                                 |
| optimization-level          | optimization_level                        | same                                 |
| workspace-size              | workspace_size (bytes)                    | same                                 |
| hardware-compatible         | hardware_compatible                       | same                                 |
| truncate-double             | truncate_double                           | same                                 |
| fallback-data-dependent-ops | true: an error (no such parameter);       | fallback_data_dependent_ops;         |
|                             | unset: nothing, and an engine that needs  | unset: true, unless                  |
|                             | it fails at save naming the ops to list   | require-full-compilation is true     |

Precision: every supported release has the rule-based autocast pass (the same
`lowering/passes/rule_based_autocast.py` in 2.12.x and 2.13.0), and `enable_autocast` keeps the
explicit (strong) typing each release defaults to. 2.12's `enabled_precisions` works only with
`use_explicit_typing=False`, weak typing, which 2.12 warns is deprecated (pointing at autocast) and
TensorRT deprecates from 10.12 on (its 2.12 pairs with 10.16; 11.0 removes it).
Data-dependent ops: the ExecuTorch save of every release rejects an engine that needs TensorRT's
output allocator (an op with a data-dependent output shape, such as `nonzero`), and the tensorrt
target always saves to ExecuTorch, so from 2.13 on trt-pte keeps such ops out of TensorRT unless
told otherwise (the release's own default is false).

The releases are told apart by their signatures (features), not by version strings;
scripts/release_contract.json records each release's parameters (and their defaults) and the tests
check this mapping against it.
"""

from __future__ import annotations

import inspect
import os
from dataclasses import dataclass, field
from typing import Any

from .errors import BAD_INPUT, DriverError
from .protocol import CompileSettings

# The action input each setting comes from, for messages.
INPUT_NAMES = {
    "precision": "precision",
    "min_block_size": "min-block-size",
    "torch_executed_ops": "torch-executed-ops",
    "require_full_compilation": "require-full-compilation",
    "optimization_level": "optimization-level",
    "workspace_size": "workspace-size",
    "hardware_compatible": "hardware-compatible",
    "truncate_double": "truncate-double",
    "fallback_data_dependent_ops": "fallback-data-dependent-ops",
}

# Settings passed under the parameter of the same name.
_DIRECT = (
    "min_block_size",
    "require_full_compilation",
    "optimization_level",
    "workspace_size",
    "hardware_compatible",
    "truncate_double",
    "fallback_data_dependent_ops",
)

_HINTS = {
    "fallback_data_dependent_ops": "use torch_tensorrt 2.13.0 or newer, or list the data-dependent ops "
    "(e.g. aten.nonzero.default) in `torch-executed-ops` so they stay out of TensorRT",
}

_LOW_PRECISION = {"fp16": "float16", "bf16": "bfloat16"}


@dataclass(frozen=True)
class ReleaseApi:
    """What one torch_tensorrt release accepts, as far as the driver cares."""

    label: str  # "torch_tensorrt 2.13.0"
    compile_parameters: frozenset[str]


def installed_release_api(compile_function: Any, version: str | None) -> ReleaseApi:
    parameters = inspect.signature(compile_function).parameters
    named = frozenset(
        name
        for name, p in parameters.items()
        if p.kind not in (inspect.Parameter.VAR_KEYWORD, inspect.Parameter.VAR_POSITIONAL)
    )
    return ReleaseApi(f"torch_tensorrt {version or '(unknown version)'}", named)


@dataclass
class CompilePlan:
    kwargs: dict[str, Any] = field(default_factory=dict)
    # Settings whose value is what a release without the parameter does anyway (e.g. false).
    not_needed: list[str] = field(default_factory=list)
    # Settings the user left unset that trt-pte sets for this target (see the module docstring).
    defaulted: list[str] = field(default_factory=list)


def _unsupported(setting: str, parameters: str, api: ReleaseApi) -> DriverError:
    return DriverError(
        BAD_INPUT,
        f"`{INPUT_NAMES[setting]}` is not supported by {api.label}: "
        f"its torch_tensorrt.dynamo.compile has no {parameters} parameter",
        _HINTS.get(setting, f"remove `{INPUT_NAMES[setting]}`, or use a torch_tensorrt release that supports it"),
    )


def resolve_op(name: str) -> Any:
    """`aten.cos.default` (or `torch.ops.aten.cos.default`) → the OpOverload torch_tensorrt matches
    nodes against. It must name an overload: a packet such as `aten.cos` matches nothing."""
    import torch

    text = name.strip()
    short = text.removeprefix("torch.ops.")
    parts = short.split(".")
    problem = None
    if len(parts) != 3 or not all(p.isidentifier() for p in parts):
        problem = "is not of the form namespace.op.overload"
    else:
        namespace, op, overload = parts
        try:
            found = getattr(getattr(getattr(torch.ops, namespace), op), overload)
        except (AttributeError, RuntimeError):
            problem = "is not an operator this torch knows"
        else:
            if isinstance(found, torch._ops.OpOverload):
                return found
            problem = "is not an operator overload"
    raise DriverError(
        BAD_INPUT,
        f"`torch-executed-ops`: '{text}' {problem}",
        "name ATen overloads like aten.cos.default or aten.add.Tensor (see torch.ops.aten.<op>.overloads())",
    )


def compile_plan(settings: CompileSettings, api: ReleaseApi) -> CompilePlan:
    """The keyword arguments for `torch_tensorrt.dynamo.compile` of release `api`."""
    import torch

    plan = CompilePlan()
    params = api.compile_parameters
    if settings.require_full_compilation and settings.torch_executed_ops:
        raise DriverError(
            BAD_INPUT,
            "`require-full-compilation` and `torch-executed-ops` contradict each other: "
            "ops kept in PyTorch mean the graph is not fully compiled",
            "drop one of them",
        )
    if settings.require_full_compilation and settings.fallback_data_dependent_ops:
        raise DriverError(
            BAD_INPUT,
            "`require-full-compilation` and `fallback-data-dependent-ops` contradict each other",
            "drop one of them",
        )

    for setting in _DIRECT:
        value = getattr(settings, setting)
        if value is None:
            continue
        if setting not in params:
            if value is False:
                plan.not_needed.append(setting)
                continue
            raise _unsupported(setting, f"`{setting}`", api)
        plan.kwargs[setting] = value

    if settings.torch_executed_ops:
        if "torch_executed_ops" not in params:
            raise _unsupported("torch_executed_ops", "`torch_executed_ops`", api)
        plan.kwargs["torch_executed_ops"] = {resolve_op(op) for op in settings.torch_executed_ops}

    if (
        settings.fallback_data_dependent_ops is None
        and "fallback_data_dependent_ops" in params
        and not settings.require_full_compilation
    ):
        plan.kwargs["fallback_data_dependent_ops"] = True
        plan.defaulted.append("fallback_data_dependent_ops")

    if settings.precision != "fp32":
        if not {"enable_autocast", "autocast_low_precision_type"} <= params:
            raise _unsupported("precision", "`enable_autocast`/`autocast_low_precision_type`", api)
        # The network stays strongly typed; the rule-based autocast pass picks the layers that run
        # in the lower precision (inputs and outputs keep the model's dtype).
        plan.kwargs["enable_autocast"] = True
        plan.kwargs["autocast_low_precision_type"] = getattr(torch, _LOW_PRECISION[settings.precision])
    return plan


# The engine cache stores engines weight-stripped and refits them, which only refittable engines
# allow: Torch-TensorRT caches nothing while immutable_weights is True.
_ENGINE_CACHE_PARAMETERS = ("cache_built_engines", "reuse_cached_engines", "engine_cache_dir", "immutable_weights")


def cache_kwargs(caches: dict[str, Any], api: ReleaseApi) -> dict[str, Any]:
    """`dynamo.compile` keyword arguments that point TensorRT's timing cache and Torch-TensorRT's
    engine cache at the folders the action restores before the build and saves after it."""
    params = api.compile_parameters
    kwargs: dict[str, Any] = {}
    timing = caches.get("timing_cache_path")
    if timing and "timing_cache_path" in params:
        os.makedirs(os.path.dirname(timing), exist_ok=True)
        kwargs["timing_cache_path"] = timing
    engine_dir = caches.get("engine_cache_dir")
    if engine_dir:
        missing = [p for p in _ENGINE_CACHE_PARAMETERS if p not in params]
        if missing:
            raise DriverError(
                BAD_INPUT,
                f"`engine-cache` is not supported by {api.label}: its torch_tensorrt.dynamo.compile has no "
                + ", ".join(f"`{p}`" for p in missing),
                "turn `engine-cache` off, or use a torch_tensorrt release with the engine cache",
            )
        os.makedirs(engine_dir, exist_ok=True)
        kwargs.update(
            cache_built_engines=True, reuse_cached_engines=True, engine_cache_dir=engine_dir, immutable_weights=False
        )
        limit = caches.get("engine_cache_max_bytes")
        if limit and "engine_cache_size" in params:
            kwargs["engine_cache_size"] = int(limit)
    return kwargs


def save_kwargs(
    *, args: list[Any], kwargs: dict[str, Any], dynamic_shapes: Any, partitioners: list[Any]
) -> dict[str, Any]:
    """Keyword arguments of `torch_tensorrt.save` (after the module and the path). retrace=True is
    the torch.export path users take (and the one with the lookup bug); dynamic_shapes is given
    explicitly because save's own inference makes one Dim per input and so breaks shared symbols."""
    call: dict[str, Any] = {
        "output_format": "executorch",
        "retrace": True,
        "arg_inputs": list(args),
        "kwarg_inputs": dict(kwargs),
        "dynamic_shapes": dynamic_shapes,
    }
    if partitioners:
        call["partitioners"] = list(partitioners)
    return call
