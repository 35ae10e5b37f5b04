"""Target `tensorrt`: Torch-TensorRT engines plus ExecuTorch's CUDA backend for the rest.

ExportedProgram (non-strict, on the GPU) → `torch_tensorrt.dynamo.compile` with the user's settings
mapped for the installed release → `torch_tensorrt.save(output_format="executorch", retrace=True)`
with a CUDA partitioner for the ops TensorRT did not take → `.pte` (+ `.ptd`) in the output folder.
The save runs inside `compat.fqn_shim()`, which gets 2.12.x / 2.13.0 past the lifted-engine bug.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from .. import data_dependent
from ..classify import COMPILE, SAVE, classify
from ..compat import fqn_shim
from ..context import ExportContext, Log
from ..deps import installed_version, require
from ..errors import EXPORT_FAILURE, MISSING_DEPENDENCY, UNSUPPORTED_OP, DriverError
from ..example_inputs import tensorrt_inputs
from ..memory import Held, held_across
from ..outputs import ptd_files, remove_outputs
from ..partition import count_compiled
from ..tensorrt_settings import (
    CompilePlan,
    ReleaseApi,
    cache_kwargs,
    compile_plan,
    installed_release_api,
    save_kwargs,
)
from ..timing import StageClock
from . import TargetOutcome
from .gpu import cuda_partitioner, cuda_partitioner_composes, require_cuda_device
from .lowering_capture import capture_lowering, write_tensor_data

TENSORRT_BACKEND = "TensorRTBackend"
CUDA_BACKEND = "CudaBackend"


@contextmanager
def capture_dryrun_trackers() -> Iterator[list[Any] | None]:
    """The DryRunTracker that `compile_module` fills and hands to `dryrun_stats_display` at its end
    (the same in 2.12 to 2.14): it holds how many ops went into each engine, which is otherwise
    gone once the engines replace their subgraphs. `_compiler` imported the function by name, so
    that binding is the one to wrap. Yields None when the release has no such binding."""
    compiler: Any = importlib.import_module("torch_tensorrt.dynamo._compiler")
    original = getattr(compiler, "dryrun_stats_display", None)
    if original is None:
        yield None
        return
    trackers: list[Any] = []

    def recording(tracker: Any, *args: Any, **kwargs: Any) -> Any:
        trackers.append(tracker)
        return original(tracker, *args, **kwargs)

    compiler.dryrun_stats_display = recording
    try:
        yield trackers
    finally:
        compiler.dryrun_stats_display = original


def _jsonable(value: Any) -> Any:
    if isinstance(value, (set, frozenset, list, tuple)):
        return sorted(str(v) for v in value)
    if isinstance(value, (bool, int, float, str)) or value is None:
        return value
    return str(value)


def _cuda_partitioners(ops_left: int, trt_version: str | None) -> tuple[list[Any], str]:
    if ops_left == 0:
        return [], "not needed: TensorRT took every op"
    if not cuda_partitioner_composes():
        et_version = installed_version("executorch")
        raise DriverError(
            MISSING_DEPENDENCY,
            f"{ops_left} ops stay outside TensorRT, and executorch {et_version} cannot put them into a "
            f"CudaBackend delegate after TensorRT (installed: torch_tensorrt {trt_version}, executorch "
            f"{et_version}): its CUDA partitioner follows another delegate only from executorch 1.4 on",
            "use torch_tensorrt 2.13.0 or 2.14.0 with executorch 1.4.x, or let TensorRT take every op "
            "(`require-full-compilation: true`, no `torch-executed-ops`), or use target cuda",
        )
    return [cuda_partitioner("forward")], "used for the ops TensorRT did not take"


def _save_error(
    exc: Exception, exported_program: Any, workspace: str, api: ReleaseApi, plan: CompilePlan
) -> DriverError:
    error = classify(exc, SAVE, workspace, what="torch_tensorrt.save to ExecuTorch")
    if not data_dependent.is_rejection(exc):
        return error
    return data_dependent.save_error(
        error,
        exported_program.graph,
        fallback_parameter="fallback_data_dependent_ops" in api.compile_parameters,
        fallback_on=plan.kwargs.get("fallback_data_dependent_ops") is True,
    )


def export_tensorrt(exported_program: Any, ctx: ExportContext, log: Log) -> TargetOutcome:
    request = ctx.request
    torch_tensorrt = require("torch_tensorrt", "the tensorrt target")
    require("executorch", "the tensorrt target")
    require_cuda_device("tensorrt")
    version = installed_version("torch_tensorrt")
    api = installed_release_api(torch_tensorrt.dynamo.compile, version)
    plan = compile_plan(request.compile, api)
    plan.kwargs.update(cache_kwargs(request.caches, api))
    arg_inputs, kwarg_inputs = tensorrt_inputs(ctx.module, ctx.specs)
    clock = StageClock()

    shown = ", ".join(f"{k}={_jsonable(v)}" for k, v in sorted(plan.kwargs.items())) or "release defaults"
    log(f"torch_tensorrt.dynamo.compile ({api.label}): {shown}")
    try:
        with capture_dryrun_trackers() as trackers:
            compiled, compiled_bytes = clock.run(
                "compile",
                lambda: held_across(
                    lambda: torch_tensorrt.dynamo.compile(
                        exported_program, arg_inputs=arg_inputs, kwarg_inputs=kwarg_inputs, **plan.kwargs
                    )
                ),
            )
    except Exception as exc:
        raise classify(exc, COMPILE, request.workspace, what="torch_tensorrt.dynamo.compile") from exc

    summary = count_compiled(compiled)
    log(f"TensorRT engines: {summary['engines']}; ops left to PyTorch: {summary['torch_ops']}")
    if summary["engines"] == 0:
        raise DriverError(
            UNSUPPORTED_OP,
            f"TensorRT took no part of the model: all {summary['torch_ops']} ops stay in PyTorch",
            "lower `min-block-size` (the default 5 needs that many convertible ops in a row), check "
            "`torch-executed-ops`, or use target cuda for a model TensorRT cannot take",
        )
    partitioners, cuda_note = _cuda_partitioners(summary["torch_ops"], version)

    pte = os.path.join(request.output_dir, f"{request.output_name}.pte")
    call = save_kwargs(
        args=list(ctx.args),
        kwargs=dict(ctx.kwargs),
        dynamic_shapes=ctx.dynamic_shapes,
        partitioners=partitioners,
    )
    log(f"torch_tensorrt.save(output_format='executorch', retrace=True){' + CudaPartitioner' if partitioners else ''}")
    try:
        with fqn_shim() as shim, capture_lowering() as lowering:
            log(f"FQN shim: {'applied' if shim.applied else 'not applied'} ({shim.reason})")
            clock.run("save", lambda: torch_tensorrt.save(compiled, pte, **call))
    except Exception as exc:
        remove_outputs(pte, request.output_dir)
        raise _save_error(exc, exported_program, request.workspace, api, plan) from exc

    # Feature, not version: 2.14's save writes the .ptd through this function; 2.12/2.13 have none.
    writes_ptd = hasattr(importlib.import_module("torch_tensorrt._compile"), "_write_external_tensor_data")
    ptd_writer = write_tensor_data(lowering, request.output_dir, library_writes_it=writes_ptd)
    ptd = ptd_files(request.output_dir)

    partition = dict(lowering.partition or {})
    if partition.get(TENSORRT_BACKEND, 0) == 0:
        remove_outputs(pte, request.output_dir)
        raise DriverError(
            EXPORT_FAILURE,
            "the written .pte holds no TensorRTBackend delegate although TensorRT built "
            f"{summary['engines']} engine(s)",
            "this looks like a torch_tensorrt / executorch version mismatch; see the log above",
        )
    if partitioners and partition.get(CUDA_BACKEND, 0) == 0:
        remove_outputs(pte, request.output_dir)
        raise DriverError(
            EXPORT_FAILURE,
            f"{summary['torch_ops']} ops stayed outside TensorRT, "
            "but the CUDA partitioner made no CudaBackend delegate",
            "see the log above for what ExecuTorch's CUDA backend reported",
        )
    if trackers:
        partition[TENSORRT_BACKEND] = sum(s.subgraph_op_count for t in trackers for s in t.per_subgraph_data)
        basis = "ops converted into TensorRT engines (Torch-TensorRT's dry-run tracker)"
    else:
        basis = "delegate nodes: one per TensorRT engine (this release reports no op counts)"
    log(f"partition: {', '.join(f'{k} {v}' for k, v in sorted(partition.items()))}")

    details = {
        "torch_tensorrt": version,
        "fqn_shim": shim.to_json(),
        "compile_settings": request.compile.to_json(),
        "compile_kwargs": {k: _jsonable(v) for k, v in sorted(plan.kwargs.items())},
        "settings_not_needed": plan.not_needed,
        "settings_defaulted": plan.defaulted,
        "engines": summary["engines"],
        "ops_left_to_pytorch": summary["torch_ops"],
        "cuda_partitioner": cuda_note,
        "tensorrt_count": basis,
        "ptd_written_by": ptd_writer,
    }
    return TargetOutcome(
        pte=pte,
        ptd=ptd,
        partition=partition,
        details=details,
        timings=clock.timings,
        compiled=lambda args, kwargs: compiled(*args, **kwargs),
        compiled_held=Held(compiled_bytes, "device memory in use after the compile that loaded its engines"),
    )
