"""The request and result files that connect the action (TypeScript) and this driver.

The action writes the request; the driver writes the result, always, also when it fails: the
result file is the protocol, the exit code is not. Keys are snake_case; src/protocol.ts mirrors them.
"""

from __future__ import annotations

import json
import math
import os
import sys
import tempfile
from dataclasses import dataclass, field
from typing import Any

from . import PROTOCOL_VERSION
from .errors import BAD_INPUT, DriverError
from .target_table import TARGET_TABLE, TARGETS

DTYPES = ("float32", "float16", "bfloat16", "float64", "int64", "int32", "int16", "int8", "uint8", "bool")
PRECISIONS = ("fp32", "fp16", "bf16")


@dataclass(frozen=True)
class Dim:
    symbol: str | None
    min: int
    opt: int
    max: int

    @property
    def dynamic(self) -> bool:
        return self.symbol is not None or self.min != self.max


@dataclass(frozen=True)
class InputSpec:
    name: str | None
    dtype: str
    dims: tuple[Dim, ...]


@dataclass(frozen=True)
class SpecPosition:
    """Where one spec starts in the user's `inputs` text (1-based), for messages that point at it."""

    line: int
    column: int

    def __str__(self) -> str:
        return f"inputs:{self.line}:{self.column}"


@dataclass(frozen=True)
class CompileSettings:
    """The Torch-TensorRT settings the user set, in trt-pte's own vocabulary (the action inputs with
    underscores). None means "not set": the release's own default applies. Mapped per release in
    trt_pte.tensorrt_settings."""

    precision: str = "fp32"
    min_block_size: int | None = None
    torch_executed_ops: tuple[str, ...] = ()
    require_full_compilation: bool | None = None
    optimization_level: int | None = None
    workspace_size: int | None = None
    hardware_compatible: bool | None = None
    truncate_double: bool | None = None
    fallback_data_dependent_ops: bool | None = None

    def is_default(self) -> bool:
        return self == CompileSettings()

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"precision": self.precision}
        for key in _COMPILE_INTS + _COMPILE_BOOLS:
            value = getattr(self, key)
            if value is not None:
                data[key] = value
        if self.torch_executed_ops:
            data["torch_executed_ops"] = list(self.torch_executed_ops)
        return data


_COMPILE_INTS = ("min_block_size", "optimization_level", "workspace_size")
_COMPILE_BOOLS = ("require_full_compilation", "hardware_compatible", "truncate_double", "fallback_data_dependent_ops")


@dataclass(frozen=True)
class BaseBuild:
    """The base branch's build, restored by the action from its output cache entry and checked
    against the digest the base branch's report recorded: timed beside this build (benchmark.py)."""

    pte: str
    ptd: tuple[str, ...]
    sha256: str


@dataclass(frozen=True)
class Request:
    model: str
    workspace: str
    target: str
    output_dir: str
    output_name: str
    inputs: tuple[InputSpec, ...] = ()
    # Where each of `inputs` starts in the user's text, in the same order (empty when not known).
    input_positions: tuple[SpecPosition, ...] = ()
    compile: CompileSettings = field(default_factory=CompileSettings)
    # Largest accepted max relative error of the accuracy check; None: report only.
    tolerance: float | None = None
    # Where TensorRT's timing and engine caches live for this run (keys: timing_cache_path,
    # engine_cache_dir, engine_cache_max_bytes); the action restores and saves them around us.
    caches: dict[str, Any] = field(default_factory=dict)
    # A runner binary (an executor_runner built with the CUDA and TensorRT backends) that runs the
    # .pte before it is published; None: what the environment has (trt_pte.execution).
    runner: str | None = None
    # Seconds the latency benchmark may take; 0 turns it off.
    benchmark_seconds: float = 10.0
    # A difference between runs on the same input fails the run instead of warning.
    fail_on_nondeterminism: bool = False
    # The base branch's .pte to time beside this one; None when there is none to time.
    base_build: BaseBuild | None = None


def _bad(message: str) -> DriverError:
    return DriverError(BAD_INPUT, f"request: {message}", "the request is written by the action; report this as a bug")


def _int(value: Any, what: str) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise _bad(f"{what} must be a non-negative integer, got {value!r}")
    return value


def _parse_input(raw: Any, index: int) -> InputSpec:
    if not isinstance(raw, dict):
        raise _bad(f"inputs[{index}] must be an object")
    dtype = raw.get("dtype")
    if dtype not in DTYPES:
        raise _bad(f"inputs[{index}].dtype {dtype!r} is not one of {', '.join(DTYPES)}")
    name = raw.get("name")
    if name is not None and not (isinstance(name, str) and name.isidentifier()):
        raise _bad(f"inputs[{index}].name {name!r} is not an identifier")
    dims: list[Dim] = []
    for j, d in enumerate(raw.get("dims", [])):
        where = f"inputs[{index}].dims[{j}]"
        dim = Dim(d.get("symbol"), _int(d.get("min"), where), _int(d.get("opt"), where), _int(d.get("max"), where))
        if not dim.min <= dim.opt <= dim.max:
            raise _bad(f"{where} must satisfy min <= opt <= max")
        dims.append(dim)
    return InputSpec(name, dtype, tuple(dims))


def _parse_positions(raw: Any, count: int) -> tuple[SpecPosition, ...]:
    if raw is None:
        return ()
    if not isinstance(raw, list) or len(raw) != count:
        raise _bad(f"'input_positions' must be a list of {count} positions, one per input")
    return tuple(
        SpecPosition(
            _int(p.get("line") if isinstance(p, dict) else None, f"input_positions[{i}].line"),
            _int(p.get("column") if isinstance(p, dict) else None, f"input_positions[{i}].column"),
        )
        for i, p in enumerate(raw)
    )


def parse_compile(raw: Any) -> CompileSettings:
    if raw is None:
        return CompileSettings()
    if not isinstance(raw, dict):
        raise _bad("'compile' must be an object")
    known = {"precision", "torch_executed_ops", *_COMPILE_INTS, *_COMPILE_BOOLS}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise _bad(f"'compile' has unknown keys {', '.join(unknown)}")
    precision = raw.get("precision", "fp32")
    if precision not in PRECISIONS:
        raise _bad(f"compile.precision {precision!r} is not one of {', '.join(PRECISIONS)}")
    values: dict[str, Any] = {}
    for key in _COMPILE_INTS:
        if raw.get(key) is not None:
            values[key] = _int(raw[key], f"compile.{key}")
    for key in _COMPILE_BOOLS:
        if raw.get(key) is not None:
            if not isinstance(raw[key], bool):
                raise _bad(f"compile.{key} must be true or false, got {raw[key]!r}")
            values[key] = raw[key]
    ops = raw.get("torch_executed_ops") or []
    if not isinstance(ops, list) or not all(isinstance(op, str) and op for op in ops):
        raise _bad("compile.torch_executed_ops must be a list of op names")
    return CompileSettings(precision=precision, torch_executed_ops=tuple(ops), **values)


def _parse_base_build(raw: Any) -> BaseBuild | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise _bad("'base_build' must be an object or null")
    pte, ptd, sha256 = raw.get("pte"), raw.get("ptd", []), raw.get("sha256")
    if not isinstance(pte, str) or not pte:
        raise _bad("base_build.pte must be a non-empty string")
    if not isinstance(ptd, list) or not all(isinstance(p, str) and p for p in ptd):
        raise _bad("base_build.ptd must be a list of paths")
    if not isinstance(sha256, str) or len(sha256) != 64:
        raise _bad("base_build.sha256 must be a sha256 in hex")
    return BaseBuild(pte, tuple(ptd), sha256)


def parse_request(raw: Any) -> Request:
    if not isinstance(raw, dict):
        raise _bad("the request must be a JSON object")
    if raw.get("protocol") != PROTOCOL_VERSION:
        raise DriverError(
            BAD_INPUT,
            f"request protocol {raw.get('protocol')!r} is not {PROTOCOL_VERSION}",
            "the action and its Python driver come from different versions; use both from one checkout",
        )
    for key in ("model", "workspace", "target", "output_dir", "output_name"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise _bad(f"'{key}' must be a non-empty string")
    if raw["target"] not in TARGETS:
        raise _bad(f"target {raw['target']!r} is not one of {', '.join(TARGETS)}")
    inputs = tuple(_parse_input(item, i) for i, item in enumerate(raw.get("inputs") or []))
    positions = _parse_positions(raw.get("input_positions"), len(inputs))
    compile_settings = parse_compile(raw.get("compile"))
    if not TARGET_TABLE[raw["target"]].settings and not compile_settings.is_default():
        raise _bad(f"Torch-TensorRT settings were given for target {raw['target']!r}")
    caches = raw.get("caches") or {}
    if not isinstance(caches, dict):
        raise _bad("'caches' must be an object")
    tolerance = raw.get("tolerance")
    if tolerance is not None and (
        not isinstance(tolerance, (int, float)) or isinstance(tolerance, bool) or tolerance < 0
    ):
        raise _bad("'tolerance' must be a non-negative number or null")
    runner = raw.get("runner")
    if runner is not None and not (isinstance(runner, str) and runner):
        raise _bad("'runner' must be a non-empty string or null")
    seconds = raw.get("benchmark_seconds", 10.0)
    if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or seconds < 0:
        raise _bad("'benchmark_seconds' must be a non-negative number")
    fail_on_nondeterminism = raw.get("fail_on_nondeterminism", False)
    if not isinstance(fail_on_nondeterminism, bool):
        raise _bad("'fail_on_nondeterminism' must be true or false")
    return Request(
        model=raw["model"],
        workspace=raw["workspace"],
        target=raw["target"],
        output_dir=raw["output_dir"],
        output_name=raw["output_name"],
        inputs=inputs,
        input_positions=positions,
        compile=compile_settings,
        tolerance=None if tolerance is None else float(tolerance),
        caches={k: v for k, v in caches.items() if v is not None},
        runner=runner,
        benchmark_seconds=float(seconds),
        fail_on_nondeterminism=fail_on_nondeterminism,
        base_build=_parse_base_build(raw.get("base_build")),
    )


def read_request(path: str) -> Request:
    with open(path, encoding="utf-8") as f:
        return parse_request(json.load(f))


def _finite(value: Any) -> Any:
    """JSON has no infinity or NaN, and the action reads the result with a strict JSON parser
    (src/result-file.ts): an infinite error (outputs of the wrong shape) is written as the largest
    float, which still reads as beyond any tolerance, and NaN as null."""
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if math.isinf(value):
            return sys.float_info.max if value > 0 else -sys.float_info.max
        return value
    if isinstance(value, dict):
        return {key: _finite(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_finite(item) for item in value]
    return value


def write_json_atomically(path: str, data: dict[str, Any]) -> None:
    """Write to a temporary file in the same folder, then rename: a reader never sees half a file."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".result-", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(_finite(data), f, indent=2, sort_keys=True, allow_nan=False)
            f.write("\n")
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
