"""Running the written `.pte` with a runner binary, as a device would: ExecuTorch's `executor_runner`
(the `runner` setting) or the `example_executorch_runner` that the torch_tensorrt 2.13 and 2.14
wheels ship in `torch_tensorrt/bin/`.

The two speak differently (read from their sources and binaries):
- `executor_runner --model_path P.pte [--data_path D.ptd] --inputs a.bin,b.bin --output_file base`
  fills each input from the raw bytes of one file (sized at the program's bound: the max shapes),
  runs, logs "Model executed successfully N time(s) in T ms." and writes each tensor output's raw
  bytes to `base-<i>.bin`. It takes one `.ptd`.
- `example_executorch_runner --model_path P.pte --num_runs N` (no `.ptd`: a program with external
  data stops with "The named_data_map is null") fills its inputs itself and prints only shapes:
  `output[<i>] shape=[...]`, and on 2.14 "Inference completed (N run(s))."

Failures end the binary with a non-zero status or a signal, after an ExecuTorch log line such as
"In function main(), assert failed (...): execute() failed on run 0: 0x...".
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


def _invoke(binary: RunnerBinary, argv: list[str]) -> subprocess.CompletedProcess[str]:
    try:
        proc = subprocess.run(
            [binary.path, *argv], capture_output=True, text=True, timeout=TIMEOUT_S, check=False, errors="replace"
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


def output_shapes(stdout: str) -> list[tuple[int, ...]]:
    """The `output[i] shape=[...]` lines of example_executorch_runner, in output order."""
    found: dict[int, tuple[int, ...]] = {}
    for match in _SHAPE_LINE.finditer(stdout):
        found[int(match.group(1))] = tuple(int(n) for n in re.findall(r"\d+", match.group(2)))
    return [found[i] for i in sorted(found)]


def run_example_runner(binary: RunnerBinary, pte: str, runs: int) -> list[tuple[int, ...]]:
    """Runs the program `runs` times; returns the output shapes it printed."""
    proc = _invoke(binary, ["--model_path", pte, "--num_runs", str(runs)])
    shapes = output_shapes(proc.stdout + proc.stderr)
    if not shapes:
        raise DriverError(
            EXPORT_FAILURE,
            f"{binary.label} ran the .pte but printed no `output[i] shape=[...]` lines: {_tail(proc.stdout)}",
            "this runner's output format is not one trt-pte knows; set `runner` to an executor_runner instead",
        )
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
