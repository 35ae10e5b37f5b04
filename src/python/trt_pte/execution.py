"""Which runtime runs the written `.pte` (with its `.ptd` files) before it is published.

CPU targets: ExecuTorch's own Python runtime. GPU targets, in this order, what the environment has:
1. the `torch-tensorrt-executorch-runtime` wheel (0.1.0): its `activate()` installs a native runtime
   with TensorRTBackend and CudaBackend registered as ExecuTorch's `_portable_lib`. Its own
   `load(path)` reads the `.pte` alone: it takes no `.ptd` and looks for none, so a program whose
   weights live in a `.ptd` is loaded without its data map (its docstring: "External .ptd weight
   files are not supported"). The native module `activate()` returns has
   `_load_for_executorch_from_buffer(buffer, data_map_buffer=...)`, which loads a program with its
   data file; that is what runs here. Its runtime takes and returns host tensors (the wheel's
   `Program.run` copies CUDA inputs to the CPU first). It must be activated before ExecuTorch's
   stock runtime is imported in this process, so nothing on the GPU path imports
   `executorch.extension.pybindings.portable_lib`.
2. a runner binary: the user's `executor_runner` (`runner`), or torch_tensorrt's
   `example_executorch_runner` (runner_binary.py), the latter only when every input is float32
   (it fills every input with float 1.0) and started with the driver's TensorRT and CUDA library
   folders (runner_libraries.py);
3. otherwise the compiled module (tensorrt only), and the report says the `.pte` itself did not run
   and why each option above was not used.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import runner_binary, runner_libraries
from .context import ExportContext, Log, Runner
from .deps import installed_version
from .errors import EXPORT_FAILURE, DriverError, describe_exception
from .memory import Held, held_across
from .targets import TargetOutcome

STOCK_RUNTIME = "executorch runtime"
HOST_COPIES = "host↔device copies of the inputs and outputs on every call (the runtime takes and returns host tensors)"
WHEEL = "torch_tensorrt_executorch_runtime"
WHEEL_DIST = "torch-tensorrt-executorch-runtime"
# How often the reference runner runs the program (its --num_runs=).
EXAMPLE_RUNS = 3
INSTALL_HINT = (
    f"install the {WHEEL_DIST} wheel into the driver's environment (pip install {WHEEL_DIST}==0.1.0; it "
    "pins torch 2.14, torch_tensorrt 2.14, executorch 1.4.1, TensorRT 11.1), or set `runner` to an "
    "executor_runner built with ExecuTorch's CUDA and TensorRT backends"
)


@dataclass
class Execution:
    """What ran. `run` runs it in process (None for a binary that returns no outputs); `checks` names
    what the accuracy and determinism checks used when that is not `runtime`."""

    runtime: str
    pte_ran: bool
    reason: str | None = None
    run: Runner | None = None
    checks: str | None = None
    # The shape points a runner can take (a binary runs at the program's bound only).
    points: list[str] | None = None
    # What the latency benchmark times in process; None when nothing in process runs it.
    timed: Runner | None = None
    timed_label: str | None = None
    set_threads: Callable[[int], None] | None = None
    notes: list[str] | None = None
    # Device memory `timed` holds since it was loaded (GPU targets; memory.py).
    held: Held | None = None
    # What a timed call pays for beyond the program itself (host↔device copies), or None.
    timed_includes: str | None = None
    # The compiled module, timed too when `timed` pays for copies it does not (benchmark.py).
    compiled: Runner | None = None
    # Loads another .pte (and its .ptd files) into the runtime that runs this one: the base
    # branch's build is timed beside this one in the same runtime. None: nothing in process can.
    load_pte: Callable[[str, list[str]], Runner] | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "runtime": self.runtime,
            "pte_ran": self.pte_ran,
            "reason": self.reason,
            "checks": self.checks or (self.runtime if self.run is not None else None),
            "notes": list(self.notes or []),
        }


def _flat_inputs(ctx: ExportContext, args: tuple[Any, ...], kwargs: dict[str, Any]) -> list[Any]:
    """ExecuTorch takes a flat list: positional inputs, then keyword inputs in forward()'s order."""
    return list(args) + [kwargs[name] for name in ctx.keyword_order if name in kwargs]


def _read(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def cpu_execution(ctx: ExportContext, outcome: TargetOutcome) -> Execution:
    """ExecuTorch's stock Python runtime (the PyPI wheels are CPU builds)."""
    from . import accuracy

    try:
        missing = accuracy.missing_backends(outcome.pte)
    except Exception as exc:  # noqa: BLE001 - an executorch without these helpers cannot run it
        return Execution(STOCK_RUNTIME, False, f"cannot inspect the .pte ({describe_exception(exc)})")
    if missing:
        return Execution(
            STOCK_RUNTIME,
            False,
            f"the installed executorch runtime has no {', '.join(missing)} (the PyPI wheels are CPU builds)",
        )
    try:
        from executorch.extension.pybindings import portable_lib

        run = accuracy.pte_runner(outcome.pte, outcome.ptd, ctx.keyword_order)
    except Exception as exc:  # noqa: BLE001 - any load failure means: this runtime cannot run it
        return Execution(
            STOCK_RUNTIME, False, f"the installed executorch runtime cannot load this .pte ({describe_exception(exc)})"
        )
    reset = getattr(portable_lib, "_unsafe_reset_threadpool", None)

    def load(pte: str, ptd: list[str]) -> Runner:
        return accuracy.pte_runner(pte, ptd, ctx.keyword_order)

    return Execution(
        STOCK_RUNTIME, True, run=run, timed=run, timed_label=STOCK_RUNTIME, set_threads=reset, load_pte=load
    )


def _wheel_execution(ctx: ExportContext, outcome: TargetOutcome, log: Log) -> Execution | str:
    """The wheel's native runtime, or why it cannot run this .pte here (a string)."""
    if importlib.util.find_spec(WHEEL) is None:
        return f"{WHEEL_DIST} is not installed"
    label = f"{WHEEL_DIST} {installed_version(WHEEL) or ''}".strip()
    try:
        wheel = importlib.import_module(WHEEL)
        wheel.get_runtime()  # checks that TensorRTBackend is registered
        native = wheel.activate()
    except Exception as exc:  # noqa: BLE001 - DelegateCompatibilityError and friends: not usable here
        return f"{label} does not activate: {describe_exception(exc)}"
    from .accuracy import delegate_ids

    registered = set(native._get_registered_backend_names())
    missing = sorted({d for d in delegate_ids(outcome.pte) if d not in registered})
    if missing:
        return f"{label} has no {', '.join(missing)}"
    if len(outcome.ptd) > 1:
        return f"{label} loads one .ptd, this export has {len(outcome.ptd)}"
    program = _read(outcome.pte)
    data = _read(outcome.ptd[0]) if outcome.ptd else None
    log(f"running the .pte in {label}" + (f" with {len(outcome.ptd)} .ptd" if outcome.ptd else ""))
    from .accuracy import method_runner

    def load() -> Any:
        """Loads the program and runs it once: what the runtime holds on the device after both."""
        module = (
            native._load_for_executorch_from_buffer(program, data_map_buffer=data)
            if data is not None
            else native._load_for_executorch_from_buffer(program)
        )
        method_runner(module, ctx.keyword_order)(*_bound_inputs(ctx, "opt"))
        return module

    try:
        if ctx.device is None:
            module, held = load(), None
        else:
            module, rise = held_across(load)
            held = Held(rise, "device memory in use after loading the .pte and its first run")
    except Exception as exc:
        raise DriverError(
            EXPORT_FAILURE,
            f"the .pte does not run: {label} cannot load and run it ({describe_exception(exc)})",
            "the file this export wrote fails on the runtime that runs it, so nothing was published; "
            "check that torch_tensorrt, executorch and the runtime wheel come from one release matrix",
        ) from exc
    base = method_runner(module, ctx.keyword_order)

    def run(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        # ExecuTorch's BufferDataLoader references the buffers without copying: keep them alive.
        _ = (program, data)
        return base(args, kwargs)

    def load_other(pte: str, ptd: list[str]) -> Runner:
        """Another .pte (the base branch's build) in the same runtime."""
        if len(ptd) > 1:
            raise RuntimeError(f"{label} loads one .ptd, that build has {len(ptd)}")
        other = _read(pte)
        other_data = _read(ptd[0]) if ptd else None
        loaded = (
            native._load_for_executorch_from_buffer(other, data_map_buffer=other_data)
            if other_data is not None
            else native._load_for_executorch_from_buffer(other)
        )
        runner = method_runner(loaded, ctx.keyword_order)

        def run_other(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
            _ = (other, other_data)  # referenced, not copied, by the runtime: keep them alive
            return runner(args, kwargs)

        return run_other

    reset = getattr(native, "_unsafe_reset_threadpool", None)
    return Execution(
        label,
        True,
        run=run,
        timed=run,
        timed_label=label,
        set_threads=reset,
        held=held,
        # The wheel's program takes host tensors and returns host outputs (accuracy.method_runner),
        # so a timed call copies the inputs off the device and the runtime copies them back.
        timed_includes=HOST_COPIES,
        compiled=outcome.compiled,
        load_pte=load_other,
    )


def _binary_execution(ctx: ExportContext, outcome: TargetOutcome, log: Log) -> Execution | str:
    user = ctx.request.runner
    if user:
        binary = runner_binary.RunnerBinary(user, "executor_runner")
    else:
        found = runner_binary.example_runner_path()
        if found is None:
            return "no `runner` is set and the installed torch_tensorrt has no bin/example_executorch_runner"
        binary = runner_binary.RunnerBinary(found, "example_executorch_runner")
    compiled = outcome.compiled
    if binary.kind == "example_executorch_runner":
        return _example_runner_execution(ctx, outcome, binary, log)

    def run(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        from .accuracy import flatten_outputs

        templates = flatten_outputs(ctx.module(*args, **kwargs))
        return runner_binary.run_executor_runner(
            binary, outcome.pte, outcome.ptd, _flat_inputs(ctx, args, kwargs), templates
        )

    log(f"running the .pte with {binary.label}")
    try:
        run(*_bound_inputs(ctx))
    except runner_binary.RunnerUnavailable as exc:
        return str(exc)
    return Execution(
        binary.label,
        True,
        run=run,
        points=["max"],
        timed=compiled,
        timed_label="compiled module (a runner binary is not timed)" if compiled else None,
        held=outcome.compiled_held,
    )


def _example_runner_execution(
    ctx: ExportContext, outcome: TargetOutcome, binary: runner_binary.RunnerBinary, log: Log
) -> Execution | str:
    """torch_tensorrt's reference runner: it proves the file loads and runs at the program's bound,
    and gives output shapes; the accuracy and determinism checks use the compiled module."""
    if outcome.ptd:
        return f"{binary.label} takes no .ptd, and this export has {len(outcome.ptd)}"
    others = [
        f"{spec.name or f'input {i}'} is {spec.dtype}" for i, spec in enumerate(ctx.specs) if spec.dtype != "float32"
    ]
    if others:
        return (
            f"{binary.label} fills every input with float 1.0 whatever its dtype, which is meaningless (and "
            f"out-of-range indices) for other dtypes: {', '.join(others)}"
        )
    folders = runner_libraries.runner_folders(binary.path)
    libraries = runner_libraries.describe(folders)
    env = runner_libraries.runner_environment(folders)
    log(f"running the .pte with {binary.label}; LD_LIBRARY_PATH first holds: {libraries}")
    try:
        shapes = runner_binary.run_example_runner(binary, outcome.pte, EXAMPLE_RUNS, env)
    except runner_binary.RunnerUnavailable as exc:
        return f"{exc} (LD_LIBRARY_PATH first held: {libraries})"
    _check_shapes(ctx, binary, shapes)
    compiled = outcome.compiled
    return Execution(
        binary.label,
        True,
        run=compiled,
        checks="compiled module (the runner feeds its own inputs and prints only output shapes)" if compiled else None,
        timed=compiled,
        timed_label="compiled module" if compiled else None,
        held=outcome.compiled_held,
        notes=[
            f"{binary.kind} ran it {EXAMPLE_RUNS} times on inputs of ones at the max shapes and gave outputs of "
            f"shapes {', '.join(map(str, shapes))}",
            f"{binary.kind} started with LD_LIBRARY_PATH first holding: {libraries}",
        ],
    )


def _check_shapes(ctx: ExportContext, binary: runner_binary.RunnerBinary, shapes: list[tuple[int, ...]]) -> None:
    """The runner fills its inputs at the program's bound (the max shapes): its outputs must have
    the shapes eager PyTorch gives there."""
    import torch

    from .accuracy import flatten_outputs

    args, kwargs = _bound_inputs(ctx)
    with torch.no_grad():
        expected = [tuple(t.shape) for t in flatten_outputs(ctx.module(*args, **kwargs))]
    if shapes != expected:
        raise DriverError(
            EXPORT_FAILURE,
            f"the .pte runs in {binary.label} but gives outputs of shapes {shapes} where eager PyTorch gives "
            f"{expected} at the max shapes",
            "the written program does not compute what the model does; nothing was published",
        )


def _bound_inputs(ctx: ExportContext, which: str = "max") -> tuple[tuple[Any, ...], dict[str, Any]]:
    from .example_inputs import make_tensors

    args, kwargs = make_tensors(ctx.specs, which, 4321)
    if ctx.device is not None:
        args = tuple(a.to(ctx.device) for a in args)
        kwargs = {k: v.to(ctx.device) for k, v in kwargs.items()}
    return args, kwargs


def gpu_execution(ctx: ExportContext, outcome: TargetOutcome, log: Log) -> Execution:
    reasons: list[str] = []
    for option in (_wheel_execution, _binary_execution):
        chosen = option(ctx, outcome, log)
        if isinstance(chosen, Execution):
            chosen.notes = [*reasons, *(chosen.notes or [])]
            return chosen
        reasons.append(chosen)
    reason = f"no runtime for this .pte in the driver's environment ({'; '.join(reasons)}): {INSTALL_HINT}"
    if outcome.compiled is not None:
        compiled = outcome.compiled
        return Execution(
            "compiled module",
            False,
            reason,
            run=compiled,
            timed=compiled,
            timed_label="compiled module",
            held=outcome.compiled_held,
        )
    return Execution("none", False, reason)


def choose(ctx: ExportContext, outcome: TargetOutcome, log: Log) -> Execution:
    if ctx.device is None:
        return cpu_execution(ctx, outcome)
    return gpu_execution(ctx, outcome, log)
