"""Test doubles for what runs a GPU target's .pte, each speaking the real interface (read from the
torch-tensorrt-executorch-runtime 0.1.0 wheel, the example_executorch_runner of the torch_tensorrt
2.13/2.14 wheels, and ExecuTorch's executor_runner.cpp). They run the program in ExecuTorch's real
CPU runtime, so a CPU-exported .pte stands in for a TensorRT one."""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

# The wheel's package: `activate()` returns the native module (here the stock one, which has the
# same `_load_for_executorch_from_buffer(buffer, data_map_buffer=None)` and
# `_get_registered_backend_names()`), `get_runtime()` checks TensorRTBackend is registered.
# NONDETERMINISTIC=1 makes every run after the first add a tiny offset to the first output.
WHEEL_INIT = '''
"""Stand-in for torch_tensorrt_executorch_runtime 0.1.0."""
import os

BACKEND_NAME = "TensorRTBackend"


class DelegateCompatibilityError(ImportError):
    pass


class _Registry:
    def is_available(self, name):
        return name == BACKEND_NAME


class _Runtime:
    backend_registry = _Registry()


class _Module:
    def __init__(self, inner):
        self._inner = inner
        self._runs = 0

    def method_names(self):
        return self._inner.method_names()

    def run_method(self, method, inputs):
        outputs = list(self._inner.run_method(method, inputs))
        self._runs += 1
        if os.environ.get("STANDIN_NONDETERMINISTIC") == "1" and self._runs > 1 and outputs:
            outputs[0] = outputs[0] + 1e-3 * (self._runs - 1)
        return outputs


class _Native:
    """The native module activate() returns."""

    def __init__(self):
        from executorch.extension.pybindings import _portable_lib as stock

        self._stock = stock

    def _get_registered_backend_names(self):
        names = list(self._stock._get_registered_backend_names())
        return names + ["TensorRTBackend", "CudaBackend"]

    def _load_for_executorch_from_buffer(self, buffer, data_map_buffer=None, enable_etdump=False,
                                         debug_buffer_size=0, program_verification=None):
        if os.environ.get("STANDIN_LOAD_FAILS") == "1":
            raise RuntimeError("loading method forward failed with status 0x23")
        if data_map_buffer is None:
            return _Module(self._stock._load_for_executorch_from_buffer(buffer))
        return _Module(self._stock._load_for_executorch_from_buffer(buffer, data_map_buffer))

    def _unsafe_reset_threadpool(self, num_threads):
        self._stock._unsafe_reset_threadpool(num_threads)


_NATIVE = None


def activate():
    global _NATIVE
    if os.environ.get("STANDIN_ACTIVATE_FAILS") == "1":
        raise DelegateCompatibilityError("Could not load the prebuilt Torch-TensorRT ExecuTorch runtime.")
    if _NATIVE is None:
        _NATIVE = _Native()
    return _NATIVE


def get_runtime():
    activate()
    return _Runtime()
'''

# ExecuTorch's ScalarType codes, as method_meta reports them.
_DTYPES = (
    "{0: 'uint8', 1: 'int8', 2: 'int16', 3: 'int32', 4: 'int64', 5: 'float16', 6: 'float32', 7: 'float64', "
    "11: 'bool', 15: 'bfloat16'}"
)

# executor_runner: --model_path, --data_path, --inputs (comma-separated raw files, one per input,
# sized at the bound), --output_file (base of `<base>-<i>.bin`), --num_executions; ET_LOG lines.
EXECUTOR_RUNNER = f"""
import argparse, sys
import torch
from executorch.extension.pybindings import portable_lib

p = argparse.ArgumentParser()
p.add_argument("--model_path", default="model.pte")
p.add_argument("--data_path", default="")
p.add_argument("--inputs", default="")
p.add_argument("--output_file", default="")
p.add_argument("--num_executions", type=int, default=1)
a = p.parse_args()
module = (portable_lib._load_for_executorch(a.model_path, data_path=a.data_path) if a.data_path
          else portable_lib._load_for_executorch(a.model_path))
meta = module.method_meta("forward")
dtypes = {_DTYPES}
inputs = []
files = a.inputs.split(",") if a.inputs else []
for i in range(meta.num_inputs()):
    t = meta.input_tensor_meta(i)
    dtype = getattr(torch, dtypes[t.dtype()])
    if files:
        raw = bytearray(open(files[i], "rb").read())
        flat = torch.frombuffer(raw, dtype=torch.uint8)
        value = flat.to(torch.bool) if dtype == torch.bool else flat.view(dtype)
        inputs.append(value.reshape(tuple(t.sizes())))
    else:
        inputs.append(torch.ones(tuple(t.sizes()), dtype=dtype))
for _ in range(a.num_executions):
    outputs = module.run_method("forward", tuple(inputs))
print(f"I 00:00:00.100 executorch:executor_runner.cpp:400] Model executed successfully "
      f"{{a.num_executions}} time(s) in 0.1 ms.")
print(f"I 00:00:00.100 executorch:executor_runner.cpp:410] {{len(outputs)}} outputs: ")
if a.output_file:
    for i, out in enumerate(outputs):
        flat = out.contiguous().reshape(-1)
        flat = flat.to(torch.uint8) if flat.dtype == torch.bool else flat.view(torch.uint8)
        open(f"{{a.output_file}}-{{i}}.bin", "wb").write(flat.numpy().tobytes())
"""

# example_executorch_runner, as Torch-TensorRT's reference runner behaves (its source at v2.13.0 and
# on main, and what the 2.13 and 2.14 binaries' strings show):
# - get_flag(): the first argument that starts with the flag's name followed by `=`; anything else
#   is ignored, so `--model_path P` leaves the default `model.pte`, opened in the working folder;
#   num_runs through atoi (text that is no number reads 0);
# - FileDataLoader::from or Program::load failing: an error line and exit status 1; a failed
#   ET_CHECK_MSG (load_method, set_input, execute): a fatal line and abort() (SIGABRT);
# - every input filled with float 1.0 over nbytes / sizeof(float) floats, whatever its dtype (the
#   bytes are read as the input's dtype; a size that is no multiple of 4 leaves the tail unwritten,
#   zero here);
# - its lines on stderr: ET_LOG's "%c %02u:%02u:%02u.%06lu executorch:%s:%zu] %s" and its own
#   fprintf lines for inputs ("  input[i] shape=[a,b] numel=K") and outputs
#   ("output[i] shape=[a,b] numel=K dtype=D", and "  first n values: ..." for float outputs).
EXAMPLE_RUNNER = f"""
import os, sys


def log(level, line, message):
    print(f"{{level}} 00:00:00.000100 executorch:main.cpp:{{line}}] {{message}}", file=sys.stderr, flush=True)


def check(ok, condition, message):
    if not ok:
        log("F", 0, f"In function main(), assert failed ({{condition}}): {{message}}")
        os.abort()


def get_flag(name, default):
    for arg in sys.argv[1:]:
        if arg.startswith(name) and arg[len(name):len(name) + 1] == "=":
            return arg[len(name) + 1:]
    return default


def atoi(text):
    digits = ""
    for i, c in enumerate(text.strip()):
        if c.isdigit() or (i == 0 and c in "+-"):
            digits += c
        else:
            break
    try:
        return int(digits)
    except ValueError:
        return 0


model_path = get_flag("--model_path", "model.pte")
num_runs = atoi(get_flag("--num_runs", "1"))
if not os.path.isfile(model_path):
    log("E", 68, f"FileDataLoader::from('{{model_path}}') failed: 0x22")
    sys.exit(1)
import torch  # only now: a run that fails before loading costs no torch import
from executorch.extension.pybindings import portable_lib

try:
    module = portable_lib._load_for_executorch(model_path)
except Exception:
    log("E", 79, f"Failed to parse model '{{model_path}}'")
    sys.exit(1)
log("I", 82, f"Model '{{model_path}}' loaded.")
method = module.method_names()[0] if hasattr(module, "method_names") else "forward"
log("I", 86, f"Method: '{{method}}'")
meta = module.method_meta(method)
log("I", 113, f"Method loaded. inputs={{meta.num_inputs()}} outputs={{meta.num_outputs()}}")
dtypes = {_DTYPES}
inputs = []
for i in range(meta.num_inputs()):
    t = meta.input_tensor_meta(i)
    sizes = tuple(t.sizes())
    numel = t.nbytes() // 4
    raw = torch.ones(numel, dtype=torch.float32).view(torch.uint8)
    raw = torch.cat([raw, torch.zeros(t.nbytes() - raw.numel(), dtype=torch.uint8)])
    dtype = getattr(torch, dtypes[t.dtype()])
    value = raw.view(torch.uint8).to(torch.bool) if dtype == torch.bool else raw.view(dtype)
    inputs.append(value.reshape(sizes))
    print(f"  input[{{i}}] shape=[{{','.join(str(d) for d in sizes)}}] numel={{numel}}", file=sys.stderr)
print("caller stream: ordinary stream", file=sys.stderr)
outputs = []
for run in range(num_runs):
    try:
        outputs = module.run_method(method, tuple(inputs))
    except Exception:
        check(False, "status == Error::Ok", f"execute() failed on run {{run}}: 0x12")
log("I", 390, f"Inference completed ({{num_runs}} run(s)).")
codes = {{name: code for code, name in dtypes.items()}}
for i, out in enumerate(outputs):
    shape = ",".join(str(d) for d in out.shape)
    code = codes[str(out.dtype).removeprefix("torch.")]
    print(f"output[{{i}}] shape=[{{shape}}] numel={{out.numel()}} dtype={{code}}", file=sys.stderr)
    if out.dtype == torch.float32:
        first = out.reshape(-1)[:8]
        values = "".join(f" {{float(v):.4f}}" for v in first)
        print(f"  first {{first.numel()}} values:{{values}}", file=sys.stderr)
"""

# A runner that loads nothing: ExecuTorch's ET_CHECK_MSG aborts the process.
CRASHING_RUNNER = """
import os, sys
print("I 00:00:00.001 executorch:executor_runner.cpp:180] Model file model.pte is loaded.")
print("E 00:00:00.002 executorch:method.cpp:900] Loading of method forward failed with status 0x23", file=sys.stderr)
sys.stderr.flush()
os.abort()
"""


def write_wheel(root: Path) -> Path:
    package = root / "torch_tensorrt_executorch_runtime"
    package.mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text(textwrap.dedent(WHEEL_INIT).lstrip())
    (root / "torch_tensorrt_executorch_runtime-0.1.0.dist-info").mkdir(exist_ok=True)
    return root


def write_runner(path: Path, source: str) -> Path:
    """An executable script: the interpreter running the tests, then the stand-in's source."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"#!{sys.executable}\n{textwrap.dedent(source).lstrip()}")
    os.chmod(path, 0o755)
    return path
