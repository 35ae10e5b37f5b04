"""Classified errors: each says what went wrong, what to do, and where the user's code is at fault."""

from __future__ import annotations

import os
import sys
import traceback
from dataclasses import dataclass
from types import TracebackType
from typing import Any

# Kinds shared with the TypeScript side (src/errors.ts ErrorKind).
MODEL_ERROR = "model_error"
BAD_INPUT = "bad_input"
MISSING_DEPENDENCY = "missing_dependency"
GPU_MISSING = "gpu_missing"
UNSUPPORTED_OP = "unsupported_op"
EXPORT_FAILURE = "export_failure"
TENSORRT_BUILD_FAILURE = "tensorrt_build_failure"
OUT_OF_MEMORY = "out_of_memory"
ACCURACY = "accuracy"
INTERNAL = "internal"


@dataclass(frozen=True)
class Location:
    file: str
    line: int | None = None


class DriverError(Exception):
    """An error the driver reports in the result file instead of a bare traceback."""

    def __init__(
        self,
        kind: str,
        message: str,
        hint: str | None = None,
        location: Location | None = None,
        *,
        result: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message
        self.hint = hint
        self.location = location
        # Result fields known when the error happened (e.g. the accuracy report that failed the run).
        self.result = result or {}


_PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))
_LIBRARY_MARKERS = (os.sep + "site-packages" + os.sep, os.sep + "dist-packages" + os.sep)


def _is_user_file(filename: str, workspace: str) -> bool:
    path = os.path.abspath(filename)
    root = os.path.abspath(workspace)
    if not (path == root or path.startswith(root + os.sep)):
        return False
    if path.startswith(_PACKAGE_DIR + os.sep):
        return False  # our own driver, when the action's checkout sits inside the workspace
    return not any(marker in path for marker in _LIBRARY_MARKERS)


def user_location(tb: TracebackType | None, workspace: str) -> Location | None:
    """The deepest traceback frame in the user's repository: where their code raised or was last on the stack."""
    found: Location | None = None
    for frame, lineno in traceback.walk_tb(tb):
        filename = frame.f_code.co_filename
        if _is_user_file(filename, workspace):
            found = Location(os.path.relpath(filename, workspace), lineno)
    return found


def raised_in_user_code(tb: TracebackType | None, workspace: str) -> bool:
    """Whether the innermost frame is the user's: their code raised, rather than a library it called."""
    frames = list(traceback.walk_tb(tb))
    return bool(frames) and _is_user_file(frames[-1][0].f_code.co_filename, workspace)


def describe_exception(exc: BaseException) -> str:
    """`TypeError: message` on one line, the way a person quotes an error."""
    text = str(exc).strip()
    first = text.splitlines()[0] if text else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def current_location(workspace: str) -> Location | None:
    return user_location(sys.exc_info()[2], workspace)
