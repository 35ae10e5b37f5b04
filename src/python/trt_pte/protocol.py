"""The request and result files that connect the action (TypeScript) and this driver.

The action writes the request; the driver writes the result, always, also when it fails: the
result file is the protocol, the exit code is not. Keys are snake_case; src/protocol.ts mirrors them.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import dataclass, field
from typing import Any

from .errors import BAD_INPUT, DriverError

PROTOCOL_VERSION = 1
TARGETS = ("tensorrt", "cuda", "xnnpack", "portable")
DTYPES = ("float32", "float16", "bfloat16", "float64", "int64", "int32", "int16", "int8", "uint8", "bool")


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
class Request:
    model: str
    workspace: str
    target: str
    output_dir: str
    output_name: str
    inputs: tuple[InputSpec, ...] = ()
    compile: dict[str, Any] = field(default_factory=dict)
    tolerance: float | None = None
    # Where TensorRT's timing and engine caches live for this run (keys: timing_cache_path,
    # engine_cache_dir, engine_cache_max_bytes); the action restores and saves them around us.
    caches: dict[str, Any] = field(default_factory=dict)


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
    compile_settings = raw.get("compile") or {}
    if not isinstance(compile_settings, dict):
        raise _bad("'compile' must be an object")
    caches = raw.get("caches") or {}
    if not isinstance(caches, dict):
        raise _bad("'caches' must be an object")
    tolerance = raw.get("tolerance")
    if tolerance is not None and not isinstance(tolerance, (int, float)):
        raise _bad("'tolerance' must be a number")
    return Request(
        model=raw["model"],
        workspace=raw["workspace"],
        target=raw["target"],
        output_dir=raw["output_dir"],
        output_name=raw["output_name"],
        inputs=inputs,
        compile=compile_settings,
        tolerance=None if tolerance is None else float(tolerance),
        caches={k: v for k, v in caches.items() if v is not None},
    )


def read_request(path: str) -> Request:
    with open(path, encoding="utf-8") as f:
        return parse_request(json.load(f))


def write_json_atomically(path: str, data: dict[str, Any]) -> None:
    """Write to a temporary file in the same folder, then rename: a reader never sees half a file."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".result-", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=2, sort_keys=True)
            f.write("\n")
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
