"""Running the written .pte before it is published: which runtime runs it, determinism, latency,
and the accuracy check that cannot tell. The GPU targets' runtimes are test doubles speaking the
real interfaces (standin_runtimes.py) around ExecuTorch's real CPU runtime and a real .pte."""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from standin_runtimes import CRASHING_RUNNER, EXAMPLE_RUNNER, EXECUTOR_RUNNER, write_runner, write_wheel

from trt_pte import accuracy, determinism, execution, runner_binary, runner_libraries
from trt_pte.context import ExportContext
from trt_pte.errors import EXPORT_FAILURE, DriverError
from trt_pte.export import nondeterminism_error
from trt_pte.protocol import Dim, InputSpec, parse_request
from trt_pte.targets import TargetOutcome

SPECS = (InputSpec(None, "float32", tuple(Dim(None, n, n, n) for n in (2, 3, 4, 4))),)


def _request(tmp: Path, **extra: Any) -> Any:
    raw = {
        "protocol": 1,
        "model": "m.py:build",
        "workspace": str(tmp),
        "target": "tensorrt",
        "output_dir": str(tmp / "out"),
        "output_name": "model",
        **extra,
    }
    return parse_request(raw)


class CosBlock:
    """examples/cos_block.py's model, built here so the test needs no workspace."""

    @staticmethod
    def build() -> Any:
        sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "examples"))
        try:
            return importlib.import_module("cos_block").build()
        finally:
            sys.path.pop(0)


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Any, str]:
    """The example model and a real portable .pte of it."""
    import torch

    from trt_pte.targets.executorch_lowering import lower_and_write

    module = CosBlock.build()[0].eval()
    out = tmp_path_factory.mktemp("pte")
    exported = torch.export.export(module, (torch.randn(2, 3, 4, 4),), strict=False)
    request = _request(out, target="portable")
    outcome = lower_and_write(exported, [], request, lambda _line: None)
    return module, outcome.pte


def _context(tmp: Path, module: Any, **extra: Any) -> ExportContext:
    return ExportContext(_request(tmp, **extra), module, (), {}, SPECS, None, None)


def _outcome(pte: str, module: Any) -> TargetOutcome:
    return TargetOutcome(pte=pte, compiled=lambda args, kwargs: module(*args, **kwargs))


@pytest.fixture
def wheel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.syspath_prepend(str(write_wheel(tmp_path / "site")))
    importlib.invalidate_caches()
    yield
    sys.modules.pop(execution.WHEEL, None)


@pytest.fixture
def no_example_runner(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(runner_binary, "example_runner_path", lambda: None)


def _check(ctx: ExportContext, ran: execution.Execution) -> accuracy.AccuracyReport:
    assert ran.run is not None
    return accuracy.check(ctx.module, ctx.specs, ran.run, ran.checks or ran.runtime, tolerance=1e-5, points=ran.points)


@pytest.mark.usefixtures("wheel")
def test_the_runtime_wheel_runs_the_pte(tmp_path: Path, written: tuple[Any, str]) -> None:
    module, pte = written
    ctx = _context(tmp_path, module)
    ran = execution.gpu_execution(ctx, _outcome(pte, module), print)
    assert ran.runtime == "torch-tensorrt-executorch-runtime 0.1.0" and ran.pte_ran and ran.reason is None
    report = _check(ctx, ran)
    assert report.passed and report.max_abs < 1e-5 and report.uninformative is None
    same = determinism.check(ctx, ran.run, "opt")  # type: ignore[arg-type]
    assert same.identical and same.runs == 3 and same.max_abs_diff == 0.0
    assert ran.timed is ran.run and ran.to_json()["checks"] == ran.runtime


@pytest.mark.usefixtures("wheel")
def test_the_wheel_path_labels_its_host_copies_times_the_compiled_module_and_the_base_pte(
    tmp_path: Path, written: tuple[Any, str]
) -> None:
    """The runtime wheel takes and returns host tensors: `built` says it pays those copies, the
    compiled module is timed beside it, and the base branch's .pte loads in the same runtime."""
    from trt_pte import benchmark
    from trt_pte.export import benchmark_subjects, latency_log

    module, pte = written
    base = {"pte": pte, "ptd": [], "sha256": "e" * 64}
    ctx = _context(tmp_path, module, base_build=base)
    ran = execution.gpu_execution(ctx, _outcome(pte, module), print)
    assert ran.timed_includes == execution.HOST_COPIES and ran.compiled is not None and ran.load_pte is not None
    bench = benchmark.run(ctx, benchmark_subjects(ctx, ran, print), 0.5)
    data = bench.to_json()
    assert data["built"] == "torch-tensorrt-executorch-runtime 0.1.0"
    assert data["built_includes"] == execution.HOST_COPIES and data["compiled"] == "compiled module"
    assert data["base"] == {"sha256": "e" * 64, "status": "timed", "reason": None}
    [point] = data["points"]
    assert point["compiled"]["timing"]["runs"] == point["base"]["timing"]["runs"] == point["rounds"]
    assert any("compiled module at opt (no host copies)" in line for line in latency_log(bench))


@pytest.mark.usefixtures("wheel")
def test_a_runtime_that_differs_on_the_second_run_is_caught(
    tmp_path: Path, written: tuple[Any, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STANDIN_NONDETERMINISTIC", "1")
    module, pte = written
    ctx = _context(tmp_path, module)
    ran = execution.gpu_execution(ctx, _outcome(pte, module), print)
    same = determinism.check(ctx, ran.run, "opt")  # type: ignore[arg-type]
    assert not same.identical
    assert same.max_abs_diff == pytest.approx(2e-3, rel=1e-3)  # run 3 adds 2e-3
    assert same.where == "output 0 at the opt shapes, run 3 against run 1"
    result = {"determinism": same.to_json()}
    assert nondeterminism_error(ctx.request, result) is None  # a warning by default
    error = nondeterminism_error(_request(tmp_path, fail_on_nondeterminism=True), result)
    assert error is not None and "not deterministic" in error.message and "output 0" in error.message


@pytest.mark.usefixtures("wheel")
def test_a_pte_the_wheel_cannot_load_is_an_error(
    tmp_path: Path, written: tuple[Any, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STANDIN_LOAD_FAILS", "1")
    module, pte = written
    with pytest.raises(DriverError) as caught:
        execution.gpu_execution(_context(tmp_path, module), _outcome(pte, module), print)
    assert caught.value.kind == EXPORT_FAILURE and caught.value.message.startswith("the .pte does not run")


@pytest.mark.usefixtures("wheel", "no_example_runner")
def test_without_a_usable_wheel_the_users_executor_runner_runs_it(
    tmp_path: Path, written: tuple[Any, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("STANDIN_ACTIVATE_FAILS", "1")
    module, pte = written
    runner = write_runner(tmp_path / "executor_runner", EXECUTOR_RUNNER)
    ctx = _context(tmp_path, module, runner=str(runner))
    ran = execution.gpu_execution(ctx, _outcome(pte, module), print)
    assert ran.runtime == f"executor_runner ({runner})" and ran.pte_ran and ran.points == ["max"]
    assert ran.notes and "does not activate" in ran.notes[0]
    report = _check(ctx, ran)
    assert report.passed and report.max_abs < 1e-5 and report.points[0].shape == "max"
    # A binary is not timed: the latency comes from the compiled module.
    assert ran.timed_label is not None and ran.timed_label.startswith("compiled module")


@pytest.mark.usefixtures("no_example_runner")
def test_a_runner_that_crashes_says_the_pte_does_not_run(tmp_path: Path, written: tuple[Any, str]) -> None:
    module, pte = written
    runner = write_runner(tmp_path / "executor_runner", CRASHING_RUNNER)
    with pytest.raises(DriverError) as caught:
        execution.gpu_execution(_context(tmp_path, module, runner=str(runner)), _outcome(pte, module), print)
    message = caught.value.message
    assert caught.value.kind == EXPORT_FAILURE
    assert message.startswith(f"the .pte does not run: executor_runner ({runner}) was killed by signal 6")
    assert "Loading of method forward failed" in message
    assert "nothing was published" in (caught.value.hint or "")


def _example_runner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    runner = write_runner(tmp_path / "bin" / "example_executorch_runner", EXAMPLE_RUNNER)
    monkeypatch.setattr(runner_binary, "example_runner_path", lambda: str(runner))
    return runner


def test_the_example_runner_proves_it_runs_and_the_compiled_module_checks(
    tmp_path: Path, written: tuple[Any, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    module, pte = written
    (tmp_path / "lib").mkdir()  # torch_tensorrt's own lib beside the binary's bin
    runner = _example_runner(tmp_path, monkeypatch)
    ctx = _context(tmp_path, module)
    ran = execution.gpu_execution(ctx, _outcome(pte, module), print)
    assert ran.runtime == f"example_executorch_runner ({runner})" and ran.pte_ran
    assert ran.notes is not None
    assert any(
        n.endswith("ran it 3 times on inputs of ones at the max shapes and gave outputs of shapes (2, 3, 4, 4)")
        for n in ran.notes
    )
    assert any(f"{tmp_path / 'lib'} (torch_tensorrt's own lib)" in n for n in ran.notes)
    assert ran.to_json()["checks"].startswith("compiled module (the runner feeds its own inputs")
    # Its output shapes must be eager's at the max shapes (where it fills its inputs).
    import torch

    other = _context(tmp_path, torch.nn.Flatten().eval())
    with pytest.raises(DriverError) as caught:
        execution.gpu_execution(other, _outcome(pte, other.module), print)
    assert "gives outputs of shapes [(2, 3, 4, 4)] where eager PyTorch gives [(2, 48)]" in caught.value.message
    # It takes no .ptd: with one, it is not used.
    with_ptd = TargetOutcome(pte=pte, ptd=[pte], compiled=None)
    fallback = execution.gpu_execution(ctx, with_ptd, print)
    assert not fallback.pte_ran and "takes no .ptd" in (fallback.reason or "")


def test_the_example_runner_reads_only_flags_with_an_equals_sign(
    tmp_path: Path, written: tuple[Any, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stand-in parses as the reference runner's get_flag() does: the space form leaves the default
    model.pte in the working folder, and num_runs at 1."""
    import subprocess

    _, pte = written
    runner = _example_runner(tmp_path, monkeypatch)
    folder = tmp_path / "cwd"
    folder.mkdir()

    def run(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([str(runner), *argv], cwd=folder, capture_output=True, text=True, check=False)

    spaced = run("--model_path", pte, "--num_runs", "3")
    assert spaced.returncode == 1 and "FileDataLoader::from('model.pte') failed: 0x22" in spaced.stderr
    # With a model.pte in its folder it runs that file, once, whatever it was asked.
    (folder / "model.pte").write_bytes(Path(pte).read_bytes())
    wrong = run("--model_path", pte, "--num_runs", "3")
    assert wrong.returncode == 0 and "Model 'model.pte' loaded." in wrong.stderr
    assert "Inference completed (1 run(s))." in wrong.stderr
    assert "  input[0] shape=[2,3,4,4] numel=96" in wrong.stderr
    assert "output[0] shape=[2,3,4,4] numel=96 dtype=6\n  first 8 values:" in wrong.stderr
    # The space form fails against it (trt-pte runs it in an empty folder of its own); the = form
    # runs in test_the_example_runner_proves_it_runs_and_the_compiled_module_checks.
    binary = runner_binary.RunnerBinary(str(runner), "example_executorch_runner")
    monkeypatch.setattr(runner_binary, "example_runner_argv", lambda p, n: ["--model_path", p, "--num_runs", str(n)])
    with pytest.raises(DriverError) as caught:
        runner_binary.run_example_runner(binary, pte, 3)
    assert caught.value.message.startswith(f"the .pte does not run: example_executorch_runner ({runner}) exited with 1")
    assert "FileDataLoader::from('model.pte') failed" in caught.value.message


def test_example_runner_output_that_does_not_confirm_the_file_and_runs_is_not_trusted(
    tmp_path: Path, written: tuple[Any, str]
) -> None:
    _, pte = written
    pte = os.path.abspath(pte)
    shape = "output[0] shape=[2] numel=2 dtype=6"
    cases = {
        f"Model 'model.pte' loaded.\nInference completed (3 run(s)).\n{shape}": f"it did not say it loaded {pte} "
        "(it loaded 'model.pte')",
        f"Model '{pte}' loaded.\nInference completed (1 run(s)).\n{shape}": "it did not say it ran the program 3 times",
        f"Model '{pte}' loaded.\nInference completed (3 run(s)).": "it printed no `output[i] shape=[...]` lines",
    }
    for i, (text, problem) in enumerate(cases.items()):
        runner = write_runner(tmp_path / f"runner-{i}", f"import sys\nprint({text!r}, file=sys.stderr)\n")
        binary = runner_binary.RunnerBinary(str(runner), "example_executorch_runner")
        with pytest.raises(runner_binary.RunnerUnavailable) as caught:
            runner_binary.run_example_runner(binary, pte, 3)
        assert f"exited 0 but {problem}:" in str(caught.value)


def test_the_example_runner_is_used_only_when_every_input_is_float32(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """It fills an int64 input with the bytes of float 1.0 (0x3f8000003f800000): token ids out of
    any range, so a correct .pte crashes in it. trt-pte does not run it then, and says so."""
    import subprocess

    import torch

    from trt_pte.targets.executorch_lowering import lower_and_write

    class Tokens(torch.nn.Module):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.embed = torch.nn.Embedding(16, 4)

        def forward(self, ids: torch.Tensor) -> torch.Tensor:
            return self.embed(ids)

    module = Tokens().eval()
    exported = torch.export.export(module, (torch.zeros(1, 5, dtype=torch.long),), strict=False)
    pte = lower_and_write(exported, [], _request(tmp_path, target="portable"), lambda _line: None).pte
    runner = _example_runner(tmp_path, monkeypatch)
    crashed = subprocess.run(
        [str(runner), f"--model_path={pte}"], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert crashed.returncode == -6 and "execute() failed on run 0" in crashed.stderr

    specs = (InputSpec(None, "int64", (Dim(None, 1, 1, 1), Dim(None, 5, 5, 5))),)
    ctx = ExportContext(_request(tmp_path), module, (), {}, specs, None, None)
    ran = execution.gpu_execution(ctx, _outcome(pte, module), print)
    assert ran.runtime == "compiled module" and not ran.pte_ran and ran.run is not None
    assert ran.reason is not None
    assert f"example_executorch_runner ({runner}) fills every input with float 1.0 whatever its dtype" in ran.reason
    assert "input 0 is int64" in ran.reason


def _shared_library_pair(tmp_path: Path) -> tuple[Path, Path]:
    """A library named like TensorRT's and a binary that needs it, with no RUNPATH (like the
    wheels' runner once outside its build tree): it starts only when LD_LIBRARY_PATH finds it."""
    import shutil
    import subprocess

    compiler = shutil.which("c++") or shutil.which("g++")
    if compiler is None:
        pytest.skip("needs a C++ compiler")
    lib = tmp_path / "trt_libs"
    lib.mkdir()
    (tmp_path / "lib.cpp").write_text('extern "C" int trt_pte_answer() { return 42; }\n')
    (tmp_path / "main.cpp").write_text(
        '#include <cstdio>\nextern "C" int trt_pte_answer();\n'
        'int main() { std::fprintf(stderr, "answer %d\\n", trt_pte_answer()); return 0; }\n'
    )
    subprocess.run(
        [
            compiler,
            "-shared",
            "-fPIC",
            "-Wl,-soname,libnvinfer.so.11",
            "-o",
            str(lib / "libnvinfer.so.11"),
            str(tmp_path / "lib.cpp"),
        ],
        check=True,
    )
    binary = tmp_path / "bin" / "example_executorch_runner"
    binary.parent.mkdir()
    subprocess.run([compiler, "-o", str(binary), str(tmp_path / "main.cpp"), str(lib / "libnvinfer.so.11")], check=True)
    return lib, binary


def test_the_runner_starts_with_the_library_folders_the_driver_has_loaded(tmp_path: Path) -> None:
    import subprocess

    lib, binary = _shared_library_pair(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}
    alone = subprocess.run([str(binary)], capture_output=True, text=True, env=env, check=False)
    assert alone.returncode != 0 and "libnvinfer.so.11" in alone.stderr
    maps = [
        f"7f00-7f01 r-xp 00000000 08:01 1 {lib}/libnvinfer.so.11\n",
        "7f02-7f03 r-xp 00000000 08:01 2 /usr/lib/x86_64-linux-gnu/libc.so.6\n",
        "7f04-7f05 rw-p 00000000 00:00 0 [heap]\n",
    ]
    folders = runner_libraries.runner_folders(str(binary), maps)
    assert folders[0] == runner_libraries.LibraryFolder(str(lib), "libnvinfer.so.11, loaded by the driver")
    started = subprocess.run(
        [str(binary)],
        capture_output=True,
        text=True,
        env=runner_libraries.runner_environment(folders, env),
        check=False,
    )
    assert started.returncode == 0 and "answer 42" in started.stderr
    # Without the folder the binary cannot start: a reason that names the library, not a failed .pte.
    bare = runner_binary.RunnerBinary(str(binary), "example_executorch_runner")
    with pytest.raises(runner_binary.RunnerUnavailable) as caught:
        runner_binary.run_example_runner(bare, str(tmp_path / "m.pte"), 3, env)
    assert "cannot start here" in str(caught.value) and "libnvinfer.so.11" in str(caught.value)


def test_library_folders_keep_the_loaded_ones_first_and_the_inherited_path_last(tmp_path: Path) -> None:
    (tmp_path / "torch_tensorrt" / "bin").mkdir(parents=True)
    (tmp_path / "torch_tensorrt" / "lib").mkdir()
    maps = [
        "1-2 r-xp 0 0:0 1 /opt/cuda/lib/libcudart.so.13.0.96\n",
        "1-2 r-xp 0 0:0 1 /opt/trt/libnvinfer.so.11\n",
        "1-2 r-xp 0 0:0 1 /opt/trt/libnvinfer_plugin.so.11\n",  # not one the runner needs
        "1-2 r-xp 0 0:0 1 /opt/cuda/lib/libcudart.so.13\n",
    ]
    folders = runner_libraries.runner_folders(str(tmp_path / "torch_tensorrt" / "bin" / "runner"), maps)
    assert [f.path for f in folders][:2] == ["/opt/cuda/lib", "/opt/trt"]
    assert folders[0].why == "libcudart.so.13.0.96, libcudart.so.13, loaded by the driver"
    assert folders[-1] == runner_libraries.LibraryFolder(
        str(tmp_path / "torch_tensorrt" / "lib"), "torch_tensorrt's own lib"
    )
    env = runner_libraries.runner_environment(folders, {"LD_LIBRARY_PATH": "/usr/local/lib:/opt/trt"})
    assert env["LD_LIBRARY_PATH"].split(":")[:2] == ["/opt/cuda/lib", "/opt/trt"]
    assert env["LD_LIBRARY_PATH"].split(":")[-1] == "/usr/local/lib" and env["LD_LIBRARY_PATH"].count("/opt/trt") == 1


@pytest.mark.usefixtures("no_example_runner")
def test_without_any_runtime_the_report_says_what_to_install(tmp_path: Path, written: tuple[Any, str]) -> None:
    module, pte = written
    ran = execution.gpu_execution(_context(tmp_path, module), _outcome(pte, module), print)
    assert ran.runtime == "compiled module" and not ran.pte_ran
    assert ran.reason is not None and "pip install torch-tensorrt-executorch-runtime==0.1.0" in ran.reason
    assert "`runner`" in ran.reason
    nothing = execution.gpu_execution(_context(tmp_path, module), TargetOutcome(pte=pte), print)
    assert nothing.runtime == "none" and nothing.run is None and nothing.timed is None


def test_an_uninformative_accuracy_check_says_so() -> None:
    import torch

    def zeros(x: Any) -> Any:
        return torch.zeros_like(x)

    def constant(x: Any) -> Any:
        return torch.full_like(x, 3.0)

    def useful(x: Any) -> Any:
        return x * 2

    for model, expected in ((zeros, "all zeros"), (constant, "one constant value"), (useful, None)):

        def built(args: tuple[Any, ...], kwargs: dict[str, Any], m: Any = model) -> Any:
            return m(*args)

        report = accuracy.check(model, SPECS, built, "x", tolerance=1e-5)
        assert report.passed
        if expected is None:
            assert report.uninformative is None
        else:
            assert report.uninformative is not None and expected in report.uninformative
            assert report.to_json()["uninformative"] == report.uninformative
    # A single number is not a pattern.
    assert accuracy.uninformative([torch.tensor([0.0])]) is None


@pytest.mark.gpu
@pytest.mark.usefixtures("wheel")
def test_on_a_gpu_the_wheel_path_measures_what_loading_and_the_first_run_hold(
    tmp_path: Path, written: tuple[Any, str]
) -> None:
    """The stand-in's runtime is ExecuTorch's CPU one, so the figure is small; what is checked is
    that the load and first run are measured on the device and reach the memory facts."""
    import copy

    import torch

    from trt_pte.export import _memory

    module, pte = written
    device = torch.device("cuda", torch.cuda.current_device())
    on_device = copy.deepcopy(module).to(device)
    ctx = ExportContext(_request(tmp_path), on_device, (), {}, SPECS, None, device)
    ran = execution.gpu_execution(ctx, _outcome(pte, on_device), print)
    assert ran.pte_ran and ran.held is not None and ran.held.bytes >= 0
    assert ran.held.how == "device memory in use after loading the .pte and its first run"
    facts = _memory(ctx, ran)
    assert facts["built_device_bytes"] >= ran.held.bytes
    assert facts["built_device_how"].startswith(ran.held.how + " (cudaMemGetInfo), plus one more call's peak")
