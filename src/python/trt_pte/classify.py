"""Turns an exception from any stage into a classified DriverError: what kind of failure it is,
what to do about it, and where the user's code is involved.

Kinds (errors.py): user model error, unsupported op, missing dependency, GPU missing, TensorRT
build failure, out of memory, export failure. The patterns are the messages the libraries raise
(quoted from the Torch-TensorRT, torch and ExecuTorch sources of the supported releases)."""

from __future__ import annotations

import re

from .errors import (
    EXPORT_FAILURE,
    GPU_MISSING,
    INTERNAL,
    MISSING_DEPENDENCY,
    MODEL_ERROR,
    OUT_OF_MEMORY,
    TENSORRT_BUILD_FAILURE,
    UNSUPPORTED_OP,
    DriverError,
    describe_exception,
    locate,
    raised_in_user_code,
)

# Stages a failure can come from; each has its own fallback kind and hint.
EXPORT = "export"  # torch.export of the user's model
COMPILE = "compile"  # torch_tensorrt.dynamo.compile (TensorRT engine builds)
SAVE = "save"  # torch_tensorrt.save / ExecuTorch lowering and serialization
LOWER = "lower"  # ExecuTorch lowering for the portable / xnnpack / cuda targets
EAGER = "eager"  # running the user's model in PyTorch (accuracy reference)
RUN = "run"  # running what we built (compiled module or .pte) for the accuracy check
DRIVER = "driver"  # anything else

_OOM = (
    "out of memory",
    "outofmemory",
    "cuda error: out of memory",
    "insufficient memory",
    "cudaerrormemoryallocation",
    # torch's CPU allocator: "DefaultCPUAllocator: can't allocate memory: you tried to allocate N bytes"
    "can't allocate memory",
    "not enough memory",
)
_NO_GPU = (
    "no cuda gpus are available",
    "found no nvidia driver",
    "cuda driver initialization failed",
    "torch not compiled with cuda enabled",
    "no cuda-capable device",
    "cuda_error_no_device",
)
# Torch-TensorRT: UnsupportedOperatorException "Conversion of function X not currently supported!",
# require_full_compilation "... not currently fully supported or convertible!"; ExecuTorch:
# "... is not supported", missing out variants/kernels.
_UNSUPPORTED = (
    "not currently supported",
    "not currently fully supported",
    "no converter",
    "is not supported",
    "not supported in exir",
    "missing out variants",
    "no kernel",
    "output allocator",
)

_HINTS = {
    OUT_OF_MEMORY: "use smaller input shapes (the max of dynamic dims counts), a smaller `workspace-size`, "
    "or a GPU with more memory",
    GPU_MISSING: "run on a GPU runner with a CUDA build of torch, or use target xnnpack/portable",
    MODEL_ERROR: "fix the error at the location shown; it is raised by the model's own code",
}


def _first_line(text: str) -> str:
    return text.splitlines()[0] if text else text


def _unsupported_hint(stage: str, lowered: str) -> str:
    if "output allocator" in lowered:
        return (
            "the engine has data-dependent output shapes, which ExecuTorch cannot run: leave "
            "`fallback-data-dependent-ops` on (the default from torch_tensorrt 2.13) or list those ops in "
            "`torch-executed-ops`"
        )
    if stage == COMPILE:
        return (
            "TensorRT has no converter for an op: leave it to PyTorch (drop `require-full-compilation`, "
            "or list it in `torch-executed-ops`), or rewrite it in the model"
        )
    return "an op the target cannot take: try another target, or rewrite that op in the model"


# torch.export's failures by the construct that caused them (torch/_export and
# torch/fx/experimental/symbolic_shapes.py in torch 2.13): a dimension the model fixes although the
# spec made it dynamic, control flow on tensor values, a custom op torch cannot trace.
_SPECIALISED = re.compile(r"marked (\w+) as dynamic but your code specialized it to be a constant \((\d+)\)")
_DATA_DEPENDENT = ("data-dependent expression", "data dependent expression", "guardondatadependentsymnode")
_NO_FAKE = re.compile(r"no fake impl registered for <CustomOpDef\(([\w:.]+)\)>|no fake impl registered for ([\w:.]+)")
_EXPORT_DOCS = "https://pytorch.org/docs/stable/export.html"


def _dimension_name(symbol: str) -> str:
    """`b` as the user named it; the names example_inputs.py gives unnamed dims (`x_dim0`,
    `input1_dim2`) as dimension and input."""
    unnamed = re.fullmatch(r"_*(\w+?)_dim(\d+)", symbol)
    if unnamed is None:
        return f"`{symbol}`"
    owner = unnamed.group(1)
    owner = f"input {owner[5:]}" if re.fullmatch(r"input\d+", owner) else f"`{owner}`"
    return f"dimension {unnamed.group(2)} of {owner}"


def export_hint(message: str) -> str:
    """What to do about a torch.export failure, naming the construct when the message tells it."""
    specialised = _SPECIALISED.findall(message)
    if specialised:
        fixed = ", ".join(f"{_dimension_name(symbol)} to {size}" for symbol, size in specialised)
        return (
            f"the model fixes a dimension that `inputs` makes dynamic ({fixed}): a reshape or view with a "
            "literal size, int() of a shape, or a branch on a size does this; let sizes follow the input "
            "(x.view(x.shape[0], -1)), or make that dimension static in `inputs`"
        )
    lowered = message.lower()
    if any(p in lowered for p in _DATA_DEPENDENT):
        return (
            "data-dependent control flow: a Python branch or size on a tensor's values (if x.sum() > 0, "
            "int(x.max()), .item()) cannot be traced; use torch.where or torch.cond, torch._check, or compute it "
            f"outside forward() ({_EXPORT_DOCS})"
        )
    no_fake = _NO_FAKE.search(message)
    if no_fake:
        op = no_fake.group(1) or no_fake.group(2)
        return (
            f"the custom op {op} has no fake (meta) implementation, which tracing needs: register one with "
            "torch.library.register_fake"
        )
    return f"torch.export could not trace forward(); the message is torch's own, and {_EXPORT_DOCS} lists the rewrites"


def classify(exc: BaseException, stage: str, workspace: str, *, what: str = "") -> DriverError:
    """The DriverError for `exc`, raised during `stage`. `what` names the step in the message."""
    if isinstance(exc, DriverError):
        return exc
    lowered = f"{type(exc).__name__} {exc}".lower()
    prefix = f"{what} failed: " if what else ""
    message, location = locate(prefix + describe_exception(exc), exc.__traceback__, workspace)

    def error(kind: str, hint: str) -> DriverError:
        return DriverError(kind, message, hint, location)

    if isinstance(exc, MemoryError) or any(p in lowered for p in _OOM):
        return error(OUT_OF_MEMORY, _HINTS[OUT_OF_MEMORY])
    if isinstance(exc, ImportError):
        missing = getattr(exc, "name", None)
        return error(
            MISSING_DEPENDENCY,
            f"install {missing} into the driver's Python environment" if missing else "install the missing package",
        )
    if any(p in lowered for p in _NO_GPU):
        return error(GPU_MISSING, _HINTS[GPU_MISSING])
    if stage == EAGER or (stage in (EXPORT, RUN) and raised_in_user_code(exc.__traceback__, workspace)):
        return error(MODEL_ERROR, _HINTS[MODEL_ERROR])
    if any(p in lowered for p in _UNSUPPORTED):
        return error(UNSUPPORTED_OP, _unsupported_hint(stage, lowered))
    if stage == EXPORT:
        return error(EXPORT_FAILURE, export_hint(str(exc)))
    if stage == COMPILE:
        return error(
            TENSORRT_BUILD_FAILURE,
            "TensorRT could not build an engine: see the log above for its own messages; try a lower "
            "`optimization-level`, a larger `workspace-size`, or keep the failing ops in PyTorch "
            "with `torch-executed-ops`",
        )
    if stage in (SAVE, LOWER):
        return error(
            EXPORT_FAILURE,
            "writing the ExecuTorch program failed: see the log above; check that torch, executorch and "
            "torch_tensorrt are versions that go together (docs/versions.md)",
        )
    if stage == RUN:
        return error(
            TENSORRT_BUILD_FAILURE if "tensorrt" in lowered else EXPORT_FAILURE,
            "what was built does not run on these inputs: see the log above",
        )
    return DriverError(
        INTERNAL, _first_line(message), "this looks like a trt-pte bug: please report it with the log", location
    )
