"""The export job: load the model, torch.export it, hand it to the target, check accuracy, report.

Every step's failure becomes a classified DriverError; the caller turns it into the result file."""

from __future__ import annotations

import os
from typing import Any

from . import accuracy
from .classify import EXPORT, classify
from .context import ExportContext, Log
from .deps import require
from .errors import ACCURACY, BAD_INPUT, DriverError, describe_exception
from .example_inputs import build_example_inputs, static_specs_from_tensors
from .loader import load_model
from .protocol import InputSpec, Request
from .target_table import TARGET_TABLE
from .targets import TargetOutcome
from .timing import StageClock


def _export_program(
    module: Any, args: tuple[Any, ...], kwargs: dict[str, Any], dynamic_shapes: Any, workspace: str
) -> Any:
    import torch

    try:
        return torch.export.export(module, args, kwargs, dynamic_shapes=dynamic_shapes, strict=False)
    except Exception as exc:
        raise classify(exc, EXPORT, workspace, what="torch.export") from exc


def _run_target(exported: Any, ctx: ExportContext, log: Log) -> TargetOutcome:
    from .targets import cpu

    target = ctx.request.target
    if target == "portable":
        return cpu.export_portable(exported, ctx, log)
    if target == "xnnpack":
        return cpu.export_xnnpack(exported, ctx, log)
    if target == "cuda":
        from .targets import cuda

        return cuda.export_cuda(exported, ctx, log)
    from .targets import tensorrt

    return tensorrt.export_tensorrt(exported, ctx, log)


def keyword_order(module: Any, kwargs: dict[str, Any]) -> list[str]:
    """Keyword inputs in forward()'s parameter order: the order torch.export flattens them in."""
    import inspect

    params = list(inspect.signature(module.forward).parameters)
    return sorted(kwargs, key=lambda k: params.index(k) if k in params else len(params))


def run_export(request: Request, log: Log) -> dict[str, Any]:
    """Runs the whole export and returns the result fields (status and error are added by the caller)."""
    clock = StageClock()
    require("torch", f"the {request.target} target")
    import torch

    device = None
    spec = TARGET_TABLE[request.target]
    if spec.gpu:
        from .targets.gpu import require_cuda_device

        device = require_cuda_device(request.target)  # before the slow steps: fail in seconds
    for package in spec.packages:  # the target table's row (targets/table.json)
        require(package, f"the {request.target} target")
    loaded = clock.run("load_model", lambda: load_model(request.model, request.workspace))
    module = loaded.module.eval()
    if request.inputs:
        if loaded.args is not None:
            log("using the `inputs` specs; the example inputs the factory returned are not used")
        specs: tuple[InputSpec, ...] = request.inputs
        example = build_example_inputs(module, specs)
        args, kwargs, dynamic = example.args, example.kwargs, example.dynamic_shapes
    elif loaded.args is not None:
        args, kwargs, dynamic = loaded.args, loaded.kwargs, None
        specs = static_specs_from_tensors(args, kwargs)
    else:
        raise DriverError(
            BAD_INPUT,
            "the model needs example inputs and none were given",
            "set `inputs` (e.g. float32[1,3,224,224]) or return (module, args) from the factory",
            loaded.factory_location,
        )
    kwargs = {k: kwargs[k] for k in keyword_order(module, kwargs)}
    if device is not None:
        # The GPU backends compile for the device the program was exported on.
        module = module.to(device)
        args = tuple(a.to(device) if isinstance(a, torch.Tensor) else a for a in args)
        kwargs = {k: v.to(device) if isinstance(v, torch.Tensor) else v for k, v in kwargs.items()}

    log(f"torch.export ({len(args)} positional, {len(kwargs)} keyword inputs{', dynamic shapes' if dynamic else ''})")
    with torch.no_grad():
        exported = clock.run("export", lambda: _export_program(module, args, kwargs, dynamic, request.workspace))

    os.makedirs(request.output_dir, exist_ok=True)
    ctx = ExportContext(request, module, args, kwargs, specs, dynamic, device)
    outcome = _run_target(exported, ctx, log)
    clock.timings.update(outcome.timings)

    report = clock.run("accuracy", lambda: _accuracy(ctx, outcome))
    if report.status == "checked":
        log(f"accuracy against eager: max abs {report.max_abs:.3g}, max rel {report.max_rel:.3g}")
    else:
        log(f"accuracy check skipped: {report.reason}")

    result = {
        "files": [_describe_file(outcome.pte, "pte", request.output_dir)]
        + [_describe_file(p, "ptd", request.output_dir) for p in outcome.ptd],
        "partition": outcome.partition,
        "accuracy": report.to_json(),
        "timings": clock.timings,
        "details": outcome.details,
        "inputs": [
            {
                "name": s.name,
                "dtype": s.dtype,
                "dims": [{"symbol": d.symbol, "min": d.min, "opt": d.opt, "max": d.max} for d in s.dims],
            }
            for s in specs
        ],
    }
    if report.status == "checked" and not report.passed:
        limit = "the output shapes" if report.tolerance is None else f"the tolerance {report.tolerance:g}"
        raise DriverError(
            ACCURACY,
            f"accuracy check failed: max relative error {report.max_rel:.3g} ({accuracy.worst(report)}) "
            f"against eager PyTorch exceeds {limit}",
            "a lower precision loses accuracy: raise `tolerance` if this is expected, set it to `none` to only "
            "report, or use precision fp32; a large error on fp32 points at a backend bug worth reporting",
            result=result,
        )
    return result


def _accuracy(ctx: ExportContext, outcome: TargetOutcome) -> accuracy.AccuracyReport:
    request = ctx.request
    if outcome.compiled is not None:
        return accuracy.check(
            ctx.module,
            ctx.specs,
            outcome.compiled,
            "compiled module",
            tolerance=request.tolerance,
            device=ctx.device,
            workspace=request.workspace,
        )
    try:
        missing = accuracy.missing_backends(outcome.pte)
    except Exception as exc:  # noqa: BLE001 - an executorch without these helpers cannot run the check
        return accuracy.skipped("executorch runtime", f"cannot inspect the .pte ({describe_exception(exc)})")
    if missing:
        return accuracy.skipped(
            "executorch runtime",
            f"the installed executorch runtime has no {', '.join(missing)} (the PyPI wheels are CPU builds)",
        )
    try:
        runner = accuracy.pte_runner(outcome.pte, outcome.ptd, ctx.keyword_order)
    except Exception as exc:  # noqa: BLE001 - any load failure means: this runtime cannot run it
        return accuracy.skipped(
            "executorch runtime", f"the installed executorch runtime cannot load this .pte ({describe_exception(exc)})"
        )
    return accuracy.check(
        ctx.module,
        ctx.specs,
        runner,
        "executorch runtime",
        tolerance=request.tolerance,
        device=ctx.device,
        workspace=request.workspace,
    )


def _describe_file(path: str, kind: str, output_dir: str) -> dict[str, Any]:
    import hashlib

    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return {
        "name": os.path.relpath(path, output_dir),
        "kind": kind,
        "bytes": os.path.getsize(path),
        "sha256": digest.hexdigest(),
    }
