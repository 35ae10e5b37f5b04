"""Running the written `.pte` with a runner binary, as a device would: ExecuTorch's `executor_runner`
(the `runner` setting) or the `example_executorch_runner` that the torch_tensorrt 2.13 and 2.14
wheels ship in `torch_tensorrt/bin/`.

The two speak differently (read from their sources and binaries):
- `executor_runner --model_path P.pte [--data_path D.ptd] --inputs a.bin,b.bin --output_file base`
  (gflags: `--flag value` and `--flag=value` both work) fills each input from the raw bytes of one
  file (sized at the program's bound: the max shapes), runs, logs "Model executed successfully N
  time(s) in T ms." and writes each tensor output's raw bytes to `base-<i>.bin`. It takes one `.ptd`.
- `example_executorch_runner` (Torch-TensorRT's reference runner, its source at v2.13.0 and on main;
  the 2.13 and 2.14 binaries' strings agree) parses its own flags (`get_flag()`): only
  `--model_path=P`, `--num_runs=N` (and on 2.14 `--green_context_sms=N`) with `=`; an argument in
  any other form is ignored, and without `--model_path=` it opens `model.pte` in its working
  folder. It loads no `.ptd` (on 2.14 a program with external data stops with "Cannot retrieve
  external tensor with fqn: ... The named_data_map is null"; the 2.13 binary's runtime lacks that
  message), fills every input with float 1.0 whatever the input's dtype (`nbytes / sizeof(float)`
  floats), runs the program's first method N times and prints, on stderr: "Model 'P' loaded.",
  each input's `  input[i] shape=[a,b] numel=K`, "Inference completed (N run(s)).", each output's
  `output[i] shape=[a,b] numel=K dtype=D` and, for float outputs, `  first n values: ...` (n <= 8).
  It exits 1 when the file cannot be opened or parsed, and aborts (SIGABRT) on a failed check such
  as "In function main(), assert failed (status == Error::Ok): execute() failed on run 0: 0x...".

Failures end the binary with a non-zero status or a signal, after an ExecuTorch log line.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from .errors import EXPORT_FAILURE, DriverError

TIMEOUT_S = 600
# The dynamic loader's own failure: the binary could not start, which says nothing about the .pte.
_CANNOT_START = re.compile(r"error while loading shared libraries|cannot open shared object file")
_SHAPE_LINE = re.compile(r"^\s*output\[(\d+)\] shape=\[([^\]]*)\]", re.MULTILINE)
# example_executorch_runner's ET_LOG lines ("I 00:00:00.000123 executorch:main.cpp:85] Model ...").
_LOADED_LINE = re.compile(r"Model '(.*)' loaded\.$", re.MULTILINE)
_COMPLETED_LINE = re.compile(r"Inference completed \((-?\d+) run\(s\)\)\.")


class RunnerUnavailable(Exception):
    """The binary cannot start here (missing shared libraries, not executable): try the next option."""


@dataclass(frozen=True)
class RunnerBinary:
    path: str
    kind: str  # "executor_runner" or "example_executorch_runner"

    @property
    def label(self) -> str:
        return f"{self.kind} ({self.path})"


def example_runner_path() -> str | None:
    """torch_tensorrt/bin/example_executorch_runner of the installed torch_tensorrt, when it has one."""
    import importlib.util

    spec = importlib.util.find_spec("torch_tensorrt")
    if spec is None or not spec.submodule_search_locations:
        return None
    for folder in spec.submodule_search_locations:
        path = os.path.join(folder, "bin", "example_executorch_runner")
        if os.access(path, os.X_OK):
            return path
    return None


def _tail(text: str, lines: int = 8) -> str:
    return "\n".join(text.strip().splitlines()[-lines:])


def _invoke(
    binary: RunnerBinary, argv: list[str], *, cwd: str | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    try:
        proc = subprocess.run(
            [binary.path, *argv],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
            errors="replace",
            cwd=cwd,
            env=env,
        )
    except OSError as exc:
        raise RunnerUnavailable(f"{binary.label} does not start: {exc}") from exc
    except subprocess.TimeoutExpired as exc:
        raise DriverError(
            EXPORT_FAILURE,
            f"the .pte does not run: {binary.label} did not finish within {TIMEOUT_S} s",
            "run the runner by hand on the .pte to see where it hangs; nothing was published",
        ) from exc
    output = f"{proc.stdout}\n{proc.stderr}"
    if proc.returncode != 0 and _CANNOT_START.search(output):
        raise RunnerUnavailable(f"{binary.label} cannot start here: {_tail(output, 2)}")
    if proc.returncode != 0:
        how = f"was killed by signal {-proc.returncode}" if proc.returncode < 0 else f"exited with {proc.returncode}"
        raise DriverError(
            EXPORT_FAILURE,
            f"the .pte does not run: {binary.label} {how}. Its last lines:\n{_tail(output)}",
            "the file this export wrote fails on the runtime that runs it, so nothing was published; "
            "see the runner's lines above (a backend or version mismatch, or a runtime bug worth reporting)",
        )
    return proc


def output_shapes(output: str) -> list[tuple[int, ...]]:
    """The `output[i] shape=[...]` lines of example_executorch_runner, in output order."""
    found: dict[int, tuple[int, ...]] = {}
    for match in _SHAPE_LINE.finditer(output):
        found[int(match.group(1))] = tuple(int(n) for n in re.findall(r"\d+", match.group(2)))
    return [found[i] for i in sorted(found)]


def example_runner_argv(pte: str, runs: int) -> list[str]:
    """The runner's own parser reads a flag only as `--name=value` (see the module docstring)."""
    return [f"--model_path={pte}", f"--num_runs={runs}"]


def run_example_runner(
    binary: RunnerBinary, pte: str, runs: int, env: dict[str, str] | None = None
) -> list[tuple[int, ...]]:
    """Runs the program `runs` times; returns the output shapes it printed. It runs in an empty
    folder of its own, so a flag it did not read can never make it run a `model.pte` lying in the
    workspace; and its own lines must confirm the file it loaded and the number of runs."""
    pte = os.path.abspath(pte)
    scratch = tempfile.mkdtemp(prefix="trt-pte-runner-")
    try:
        proc = _invoke(binary, example_runner_argv(pte, runs), cwd=scratch, env=env)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    output = f"{proc.stdout}\n{proc.stderr}"
    loaded = _LOADED_LINE.search(output)
    completed = _COMPLETED_LINE.search(output)
    shapes = output_shapes(output)
    problem = None
    if loaded is None or loaded.group(1) != pte:
        problem = f"it did not say it loaded {pte}" + (f" (it loaded '{loaded.group(1)}')" if loaded else "")
    elif completed is None or int(completed.group(1)) != runs:
        problem = f"it did not say it ran the program {runs} times"
    elif not shapes:
        problem = "it printed no `output[i] shape=[...]` lines"
    if problem is not None:
        # Not the .pte's fault: this binary speaks a protocol trt-pte does not know; try the next option.
        raise RunnerUnavailable(f"{binary.label} exited 0 but {problem}: {_tail(output, 3)}")
    return shapes


def tensor_bytes(tensor: Any) -> bytes:
    """The raw bytes of a tensor, as executor_runner reads an input file."""
    import torch

    flat = tensor.detach().cpu().contiguous().reshape(-1)
    if flat.dtype == torch.bool:
        flat = flat.to(torch.uint8)
    return bytes(flat.view(torch.uint8).numpy().tobytes()) if flat.numel() else b""


def run_executor_runner(
    binary: RunnerBinary, pte: str, ptd: Sequence[str], inputs: Sequence[Any], templates: Sequence[Any]
) -> list[Any]:
    """Runs the program once on `inputs` (tensors at the program's bound) and returns its tensor
    outputs, read back with the dtype and shape of the eager `templates` (a size that does not fit
    comes back flat, so the accuracy check reports the wrong shape)."""
    import torch

    if len(ptd) > 1:
        raise RunnerUnavailable(f"{binary.label} takes one .ptd, this export has {len(ptd)}")
    scratch = tempfile.mkdtemp(prefix="trt-pte-runner-")
    try:
        paths = []
        for i, tensor in enumerate(inputs):
            path = os.path.join(scratch, f"input-{i}.bin")
            with open(path, "wb") as f:
                f.write(tensor_bytes(tensor))
            paths.append(path)
        base = os.path.join(scratch, "output")
        argv = ["--model_path", pte, "--output_file", base]
        if ptd:
            argv += ["--data_path", ptd[0]]
        if paths:
            argv += ["--inputs", ",".join(paths)]
        _invoke(binary, argv)
        outputs: list[Any] = []
        for i, template in enumerate(templates):
            path = f"{base}-{i}.bin"
            if not os.path.exists(path):
                break
            with open(path, "rb") as f:
                data = bytearray(f.read())
            dtype = template.dtype
            flat = torch.frombuffer(data, dtype=torch.uint8) if data else torch.empty(0, dtype=torch.uint8)
            if dtype == torch.bool:
                values = flat.to(torch.bool)
            elif flat.numel() % template.element_size() == 0:
                values = flat.view(dtype)
            else:
                values = flat
            outputs.append(values.reshape(template.shape) if values.numel() == template.numel() else values)
        return outputs
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
