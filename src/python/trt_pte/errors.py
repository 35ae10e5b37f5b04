"""Classified errors: each says what went wrong, what to do, and where the user's code is at fault."""

from __future__ import annotations

import os
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
# Longest call chain a message spells out; a longer one (deep recursion) keeps its ends.
_CHAIN_LIMIT = 8

# Folders outside the workspace whose files are the user's too: the model file's own folder when the
# CLI names one elsewhere (`--model ~/models/net.py:build`). The loader adds it when it imports the
# file. A driver process runs one export, so this set is all the state there is.
_model_folders: set[str] = set()


def add_user_folder(folder: str) -> None:
    """Counts the files under `folder` as the user's, like the workspace's (the model file's own folder)."""
    _model_folders.add(os.path.abspath(folder))


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root + os.sep)


def is_user_file(filename: str, workspace: str) -> bool:
    if filename.startswith("<"):
        return False  # `<frozen importlib._bootstrap>`, `<string>`: no file of anyone's
    path = os.path.abspath(filename)
    roots = (os.path.abspath(workspace), *_model_folders)
    if not any(_inside(path, root) for root in roots):
        return False
    if _inside(path, _PACKAGE_DIR):
        return False  # our own driver, when the action's checkout sits inside the workspace
    return not any(marker in path for marker in _LIBRARY_MARKERS)


def display_path(filename: str, workspace: str) -> str:
    """A user's file as messages and annotations name it: relative to the workspace, else absolute."""
    path = os.path.abspath(filename)
    root = os.path.abspath(workspace)
    return os.path.relpath(path, root) if _inside(path, root) else path


@dataclass(frozen=True)
class UserFrame:
    """One frame of the user's code on the way to an exception: the function and where it was."""

    function: str
    location: Location

    def __str__(self) -> str:
        return f"{self.function} at {self.location.file}:{self.location.line}"


def user_frames(tb: TracebackType | None, workspace: str) -> list[UserFrame]:
    """The traceback's frames in the user's files, outermost first: the chain from their entry point
    (the factory, forward(), the module body) to the line that raised or called into a library."""
    frames = []
    for frame, lineno in traceback.walk_tb(tb):
        code = frame.f_code
        if is_user_file(code.co_filename, workspace):
            name = getattr(code, "co_qualname", code.co_name)  # co_qualname: Python 3.11+
            frames.append(UserFrame(name, Location(display_path(code.co_filename, workspace), lineno)))
    return frames


def user_location(tb: TracebackType | None, workspace: str) -> Location | None:
    """The deepest traceback frame in the user's files: where their code raised or was last on the stack."""
    frames = user_frames(tb, workspace)
    return frames[-1].location if frames else None


def call_chain(frames: list[UserFrame]) -> str:
    """`(in build at net.py:14 → load at weights.py:3)`, or "" without frames."""
    if not frames:
        return ""
    shown: list[str] = [str(f) for f in frames]
    if len(shown) > _CHAIN_LIMIT:
        head, tail = _CHAIN_LIMIT // 2 - 1, _CHAIN_LIMIT // 2
        shown = [*shown[:head], f"… {len(shown) - head - tail} more …", *shown[-tail:]]
    return f"(in {' → '.join(shown)})"


def locate(message: str, tb: TracebackType | None, workspace: str) -> tuple[str, Location | None]:
    """`message` with the user's call chain appended, and the location to annotate: the deepest frame
    in the user's files, so an error raised in a helper is blamed at the helper's line, not the
    caller's."""
    frames = user_frames(tb, workspace)
    if not frames:
        return message, None
    return f"{message} {call_chain(frames)}", frames[-1].location


def raised_in_user_code(tb: TracebackType | None, workspace: str) -> bool:
    """Whether the innermost frame is the user's: their code raised, rather than a library it called."""
    frames = list(traceback.walk_tb(tb))
    return bool(frames) and is_user_file(frames[-1][0].f_code.co_filename, workspace)


def describe_exception(exc: BaseException) -> str:
    """`TypeError: message` on one line, the way a person quotes an error."""
    text = str(exc).strip()
    first = text.splitlines()[0] if text else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__
