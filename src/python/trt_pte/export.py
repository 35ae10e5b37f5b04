"""The export job: load the model, torch.export it, hand it to the target, check accuracy, report.

Every step's failure becomes a classified DriverError; the caller turns it into the result file."""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

from . import accuracy, benchmark, execution
from .classify import EXPORT, classify
from .context import ExportContext, Log
from .deps import require
from .eager_check import FACTORY_INPUTS, SPEC_INPUTS, InputLabel, check_count, input_labels, run_eagerly
from .errors import ACCURACY, BAD_INPUT, DriverError
from .example_inputs import build_example_inputs, static_specs_from_tensors
from .loader import LoadedModel, definition_location, load_model
from .named_outputs import describe_outputs, named_tensors, register_named_tuples
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


@dataclass
class _Inputs:
    specs: tuple[InputSpec, ...]  # in the order the program takes them
    args: tuple[Any, ...]
    kwargs: dict[str, Any]  # in forward()'s parameter order
    dynamic: Any
    # Where they came from (eager_check.SPEC_INPUTS or FACTORY_INPUTS) and a label for each, in
    # the order they are passed: positional, then keyword in forward()'s order.
    source: str
    passed: list[InputLabel]


def _example_inputs(request: Request, loaded: LoadedModel, module: Any, log: Log) -> _Inputs:
    """The example inputs from `inputs` or the factory, checked against forward()'s parameters."""
    if request.inputs:
        if loaded.args is not None:
            log("using the `inputs` specs; the example inputs the factory returned are not used")
        specs = request.inputs
        labels = input_labels(module, specs, request.input_positions)
        forward_at = definition_location(type(module).forward, request.workspace)
        check_count(module, specs, labels, SPEC_INPUTS, forward_at)
        example = build_example_inputs(module, specs)
        args, kwargs, dynamic, source = example.args, example.kwargs, example.dynamic_shapes, SPEC_INPUTS
    elif loaded.args is not None:
        args, kwargs, dynamic, source = loaded.args, loaded.kwargs, None, FACTORY_INPUTS
        specs = static_specs_from_tensors(args, kwargs)
        labels = input_labels(module, specs, ())
        check_count(module, specs, labels, FACTORY_INPUTS, loaded.factory_location)
    else:
        raise DriverError(
            BAD_INPUT,
            "the model needs example inputs and none were given",
            "set `inputs` (e.g. float32[1,3,224,224]) or return (module, args) from the factory",
            loaded.factory_location,
        )
    kwargs = {k: kwargs[k] for k in keyword_order(module, kwargs)}
    # From here on, specs and labels go in the order the program takes the inputs: positional, then
    # keyword in forward()'s order (the result's `inputs` lists them so).
    pairs = list(zip(specs, labels, strict=True))
    by_name = {s.name: (s, label) for s, label in pairs if s.name is not None}
    ordered = [(s, label) for s, label in pairs if s.name is None] + [by_name[k] for k in kwargs]
    return _Inputs(tuple(s for s, _ in ordered), args, kwargs, dynamic, source, [label for _, label in ordered])


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
    for package, minimum in spec.packages.items():  # the target table's row (targets/table.json)
        require(package, f"the {request.target} target", minimum)
    loaded = clock.run("load_model", lambda: load_model(request.model, request.workspace))
    module = loaded.module.eval()
    inputs = _example_inputs(request, loaded, module, log)
    args, kwargs = inputs.args, inputs.kwargs
    if device is not None:
        # The GPU backends compile for the device the program was exported on.
        module = module.to(device)
        args = tuple(a.to(device) if isinstance(a, torch.Tensor) else a for a in args)
        kwargs = {k: v.to(device) if isinstance(v, torch.Tensor) else v for k, v in kwargs.items()}
    eager = clock.run(
        "eager",
        lambda: run_eagerly(module, args, kwargs, inputs.passed, source=inputs.source, workspace=request.workspace),
    )
    register_named_tuples(eager)
    ctx = ExportContext(
        request, module, args, kwargs, inputs.specs, inputs.dynamic, device, tuple(n for n, _ in named_tensors(eager))
    )
    try:
        result = _build_and_check(ctx, clock, log)
    except DriverError as error:
        # What the built program takes, for the action's account of the failure (its .pte is kept).
        error.result.setdefault("inputs", _inputs_json(inputs.specs))
        raise
    result["outputs"] = describe_outputs(eager)
    return result


def _build_and_check(ctx: ExportContext, clock: StageClock, log: Log) -> dict[str, Any]:
    """torch.export, the target's build, then accuracy, determinism, latency and memory of what it built."""
    import torch

    request, args, kwargs, dynamic = ctx.request, ctx.args, ctx.kwargs, ctx.dynamic_shapes
    log(f"torch.export ({len(args)} positional, {len(kwargs)} keyword inputs{', dynamic shapes' if dynamic else ''})")
    with torch.no_grad():
        exported = clock.run("export", lambda: _export_program(ctx.module, args, kwargs, dynamic, request.workspace))

    os.makedirs(request.output_dir, exist_ok=True)
    outcome = _run_target(exported, ctx, log)
    clock.timings.update(outcome.timings)

    with clock.stage("accuracy"):
        ran = execution.choose(ctx, outcome, log)
        report = _accuracy(ctx, ran)
    _log_accuracy(ran, report, log)

    result: dict[str, Any] = {
        "files": [_describe_file(outcome.pte, "pte", request.output_dir)]
        + [_describe_file(p, "ptd", request.output_dir) for p in outcome.ptd],
        "partition": outcome.partition,
        "accuracy": report.to_json(),
        "execution": ran.to_json(),
        "timings": clock.timings,
        "details": outcome.details,
        "inputs": _inputs_json(ctx.specs),
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

    with clock.stage("run"):
        result.update(run_and_time(ctx, ran, outcome, log))
    failure = nondeterminism_error(request, result)
    if failure is not None:
        raise failure
    return result


def nondeterminism_error(request: Request, result: dict[str, Any]) -> DriverError | None:
    """With `fail-on-nondeterminism`, runs that differ fail the export (else they are a warning)."""
    same = result.get("determinism")
    if same is None or same["identical"] or not request.fail_on_nondeterminism:
        return None
    return DriverError(
        ACCURACY,
        f"what ran is not deterministic: {same['runs']} runs on one input differ by up to "
        f"{'a different shape' if same['max_abs_diff'] is None else format(same['max_abs_diff'], '.3g')} "
        f"({same['where']})",
        "a race between CUDA streams or an uninitialised buffer gives this; "
        "`fail-on-nondeterminism: false` reports it as a warning instead",
        result=result,
    )


def _inputs_json(specs: tuple[InputSpec, ...]) -> list[dict[str, Any]]:
    return [
        {
            "name": s.name,
            "dtype": s.dtype,
            "dims": [{"symbol": d.symbol, "min": d.min, "opt": d.opt, "max": d.max} for d in s.dims],
        }
        for s in specs
    ]


def _log_accuracy(ran: execution.Execution, report: accuracy.AccuracyReport, log: Log) -> None:
    log(f"the .pte ran: {ran.runtime}" if ran.pte_ran else f"the .pte did not run: {ran.reason}")
    if report.status == "checked":
        log(f"accuracy against eager ({report.against}): max abs {report.max_abs:.3g}, max rel {report.max_rel:.3g}")
        if report.uninformative:
            log(f"warning: the accuracy check could not tell: {report.uninformative}")
    else:
        log(f"accuracy check skipped: {report.reason}")


def _accuracy(ctx: ExportContext, ran: execution.Execution) -> accuracy.AccuracyReport:
    if ran.run is None:
        return accuracy.skipped(ran.runtime, ran.reason or f"{ran.runtime} returns no outputs to compare")
    return accuracy.check(
        ctx.module,
        ctx.specs,
        ran.run,
        ran.checks or ran.runtime,
        tolerance=ctx.request.tolerance,
        device=ctx.device,
        workspace=ctx.request.workspace,
        points=ran.points,
    )


def run_and_time(ctx: ExportContext, ran: execution.Execution, outcome: TargetOutcome, log: Log) -> dict[str, Any]:
    """Determinism, latency against eager and memory: the `run` stage, within `benchmark_seconds`
    (determinism's few runs are taken out of the benchmark's share)."""
    import time

    from . import determinism
    from .classify import RUN, classify

    started = time.perf_counter()
    request = ctx.request
    point = (ran.points or ["opt"])[0]
    facts: dict[str, Any] = {"determinism": None, "benchmark": None}
    try:
        if ran.run is not None:
            same = determinism.check(ctx, ran.run, point)
            facts["determinism"] = same.to_json()
            if same.identical:
                log(f"deterministic: {same.runs} runs on one input gave bitwise identical outputs")
            else:
                log(f"warning: {same.runs} runs on one input differ by up to {same.max_abs_diff:.3g} ({same.where})")
        left = request.benchmark_seconds - (time.perf_counter() - started)
        if request.benchmark_seconds > 0 and ran.timed is not None and ran.timed_label is not None:
            device_name = "cpu" if ctx.device is None else _device_name(ctx.device)
            bench = benchmark.run(
                ctx,
                benchmark_subjects(ctx, ran, log),
                max(left, 0.0),
                set_threads=ran.set_threads,
                device_name=device_name,
            )
            bench.budget_s = request.benchmark_seconds
            facts["benchmark"] = bench.to_json()
            for line in latency_log(bench):
                log(line)
        facts["memory"] = _memory(ctx, ran)
    except Exception as exc:
        raise classify(exc, RUN, request.workspace, what=f"the {ran.timed_label or ran.runtime} run again") from exc
    return facts


def benchmark_subjects(ctx: ExportContext, ran: execution.Execution, log: Log) -> benchmark.Subjects:
    """What the benchmark times besides eager: what ran, the compiled module when what ran pays for
    copies it does not, and the base branch's .pte in the same runtime when the request names one."""
    from .errors import describe_exception

    assert ran.timed is not None and ran.timed_label is not None
    subjects = benchmark.Subjects(ran.timed, ran.timed_label, built_includes=ran.timed_includes)
    if ran.compiled is not None and ran.timed_includes is not None:
        subjects.compiled, subjects.compiled_label = ran.compiled, "compiled module"
    base = ctx.request.base_build
    if base is None:
        return subjects
    subjects.base_sha256 = base.sha256
    if ran.load_pte is None:
        subjects.base_skipped = f"{ran.timed_label} runs no .pte in process, so the base .pte cannot be timed beside it"
    else:
        try:
            subjects.base = ran.load_pte(base.pte, list(base.ptd))
            log(f"timing the base branch's .pte (sha256 {base.sha256[:12]}) beside this one")
        except Exception as exc:  # noqa: BLE001 - a base build this runtime cannot load is reported, not fatal
            subjects.base_skipped = f"{ran.timed_label} cannot load the base .pte ({describe_exception(exc)})"
    return subjects


def latency_log(bench: benchmark.Benchmark) -> list[str]:
    """The log's latency lines: each point's speedup with its interval and runs per side, and the
    change against the base build; "noisy" instead of a confident number when it is."""
    lines: list[str] = []
    for p in bench.points:
        at = p.shape + "".join(f" (= {s})" for s in p.same_as)
        said = (
            f"latency at {at}: built {p.built.median_ms:.3g} ms vs eager {p.eager.median_ms:.3g} ms, "
            f"{_times(p.ratio, p.noise)}, {p.ratio.rounds} paired rounds "
            f"({p.built.runs} built and {p.eager.runs} eager runs)"
        )
        lines.append(said)
        if p.compiled is not None:
            lines.append(
                f"  compiled module at {at} (no host copies): {p.compiled.timing.median_ms:.3g} ms, "
                f"{_times(p.compiled.ratio)} vs eager"
            )
        if p.base is not None and p.base.change is not None and p.base.timing is not None:
            lines.append(
                f"  vs the base .pte at {at}: built {p.base.timing.median_ms:.3g} → {p.built.median_ms:.3g} ms, "
                f"{_change(p.base.change)}"
            )
    if bench.built_includes is not None:
        lines.append(f"built includes {bench.built_includes}")
    if bench.base is not None and bench.base.status == "skipped":
        lines.append(f"the base .pte was not timed: {bench.base.reason}")
    lines.extend(f"warning: {flag}" for flag in bench.shape_flags)
    return lines


def _times(ratio: Any, noise: str | None = None) -> str:
    # The summary's words (render-run.ts): a reviewer reads the same text in the log, so a noisy
    # point shows its interval, never a confident number.
    if noise is not None:
        return f"noisy: {ratio.low:.3g}–{ratio.high:.3g}× (95% CI; {noise})"  # noqa: RUF001
    return f"{ratio.estimate:.3g}× (95% CI {ratio.low:.3g}–{ratio.high:.3g})"  # noqa: RUF001


def _change(ratio: Any) -> str:
    def pct(x: float) -> str:
        return f"{(x - 1) * 100:+.0f}%".replace("-", "\u2212")  # the summary's minus sign

    verdict = "no clear change" if not ratio.clear else ("slower" if ratio.low > 1 else "faster")
    return f"{pct(ratio.estimate)} (95% CI {pct(ratio.low)}…{pct(ratio.high)}): {verdict}"


def _device_name(device: Any) -> str:
    import torch

    return str(torch.cuda.get_device_name(device))


def _memory(ctx: ExportContext, ran: execution.Execution) -> dict[str, Any]:
    """Each side's device memory: what it holds once loaded plus one call's peak (memory.py)."""
    from . import memory
    from .example_inputs import make_tensors

    facts: dict[str, Any] = {
        "host_peak_bytes": memory.host_peak_bytes(),
        "eager_device_bytes": None,
        "built_device_bytes": None,
        "built_device_how": None,
    }
    if ctx.device is None:
        return facts
    import torch

    args, kwargs = make_tensors(ctx.specs, "opt", 5)
    args = tuple(a.to(ctx.device) for a in args)
    kwargs = {k: v.to(ctx.device) for k, v in kwargs.items()}
    with torch.no_grad():
        call, _ = memory.device_peak_bytes(lambda: ctx.module(*args, **kwargs))
        facts["eager_device_bytes"] = memory.module_bytes(ctx.module) + call
        built = ran.timed  # in process: a runner binary's memory is its own process's
        if built is not None:
            call, call_how = memory.device_peak_bytes(lambda: built(args, kwargs))
            if ran.held is None:
                facts["built_device_bytes"] = call
                facts["built_device_how"] = (
                    f"one call after warm-up only, {call_how}; what loading it took is not known"
                )
            else:
                facts["built_device_bytes"] = ran.held.bytes + call
                facts["built_device_how"] = f"{ran.held.how} (cudaMemGetInfo), plus one more call's peak ({call_how})"
    return facts


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
