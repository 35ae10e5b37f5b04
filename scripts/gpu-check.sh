#!/usr/bin/env bash
# What a lent GPU machine can check of the export driver, in one short run: scripts/gpu-check.sh
#
# Written for the machine this project is lent (torch + CUDA, g++, ninja; maybe no TensorRT, no
# executorch, no network). It runs the Python tests that need or use a GPU, on the GPU:
#   - the FQN resolver and the shim on real programs exported on CUDA, whose lifted engine is a C++
#     TorchScript class built here (test/python/fake_engine.py, about 20 s the first time);
#   - the CUDA/driver/GPU facts of the result file, and the accuracy check on the device;
#   - timing with CUDA events and device memory peaks (test_execution_gpu.py);
#   - the GPU targets end to end (test_gpu_targets.py) when executorch / torch_tensorrt are there,
#     otherwise they report as skipped with the reason;
#   - everything else that needs only torch (settings mapping, release contract, classification).
# Not run in CI. Exit code: pytest's (0 = all ran or skipped with a reason).
#
# Environment: TRT_PTE_PYTHON (default python3); TRT_PTE_WHEELS, a folder of wheels (pytest,
# hypothesis, ...) to install from when pytest is missing and there is no network.

set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${TRT_PTE_PYTHON:-python3}"
cd "$ROOT"
export PYTHONPATH="$ROOT/src/python${PYTHONPATH:+:$PYTHONPATH}"

"$PY" - <<'PY'
import importlib.util, json, platform
import torch
from trt_pte.deps import versions
from trt_pte.environment import describe_cuda
print("python", platform.python_version(), "| torch", torch.__version__, "| CUDA", torch.version.cuda)
if not torch.cuda.is_available():
    raise SystemExit("torch sees no CUDA device: this script is for a GPU machine")
print(json.dumps({"versions": {**versions(), **describe_cuda()["versions"]}, "gpu": describe_cuda()["gpu"]}))
for name in ("executorch", "torch_tensorrt", "triton", "hypothesis"):
    print(f"{name}: {'present' if importlib.util.find_spec(name) else 'absent'}")
PY

if ! "$PY" -c "import pytest" 2>/dev/null; then
  if [ -n "${TRT_PTE_WHEELS:-}" ]; then
    "$PY" -m pip install --quiet --no-index --find-links "$TRT_PTE_WHEELS" pytest hypothesis
  else
    echo "pytest is not installed: set TRT_PTE_WHEELS to a folder with its wheels (pip download pytest hypothesis)" >&2
    exit 2
  fi
fi

tests=(
  test/python/test_compat.py
  test/python/test_environment.py
  test/python/test_gpu_targets.py
  test/python/test_classify.py
  test/python/test_tensorrt_settings.py
  test/python/test_release_contract.py
  test/python/test_execution_gpu.py
)
# These need executorch or hypothesis to be collected at all.
"$PY" -c "import executorch" 2>/dev/null && tests+=(test/python/test_lowering_capture.py test/python/test_export_cpu.py test/python/test_execution.py)
"$PY" -c "import hypothesis" 2>/dev/null && tests+=(test/python/test_input_mapping.py)

# -rA lists every test with its outcome and every skip with its reason, for the note.
exec "$PY" -m pytest -rA -q "${tests[@]}" "$@"
