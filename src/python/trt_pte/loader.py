"""Loading the user's model: `path/to/file.py:factory` or `package.module:factory`.

Every failure here is the user's to fix, so each error names their file and line where we can.
"""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import os
import sys
from dataclasses import dataclass
from types import ModuleType
from typing import Any

from .errors import (
    BAD_INPUT,
    MODEL_ERROR,
    DriverError,
    Location,
    add_user_folder,
    describe_exception,
    display_path,
    is_user_file,
    locate,
)


@dataclass
class LoadedModel:
    module: Any  # torch.nn.Module; typed loosely so this file imports no torch
    args: tuple[Any, ...] | None
    kwargs: dict[str, Any]
    factory_location: Location | None


def split_spec(spec: str) -> tuple[str, str]:
    where, sep, factory = spec.rpartition(":")
    if not sep or not where or not factory.isidentifier():
        raise DriverError(
            BAD_INPUT,
            f"model '{spec}' is not of the form path/to/file.py:factory or package.module:factory",
            "name the file or module, a colon, and the function that returns the model",
        )
    return where, factory


def _is_file_spec(where: str) -> bool:
    return where.endswith(".py") or "/" in where or os.sep in where


def _import_file(path: str, workspace: str) -> ModuleType:
    name = "trt_pte_user_" + os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise DriverError(BAD_INPUT, f"cannot load {path} as a Python file", "the model file must end in .py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses and pickling look the module up by name
    spec.loader.exec_module(module)
    return module


def import_model_module(where: str, workspace: str) -> ModuleType:
    # The workspace goes first on sys.path so `package.module` and the file's own sibling imports
    # resolve to the user's repository (docs/ARCHITECTURE.md "Paths").
    if workspace not in sys.path:
        sys.path.insert(0, workspace)
    try:
        if _is_file_spec(where):
            path = os.path.join(workspace, where)
            if not os.path.isfile(path):
                raise DriverError(
                    BAD_INPUT,
                    f"model file '{where}' not found (looked for {path})",
                    "paths are relative to the repository root; check the `model` input",
                )
            folder = os.path.dirname(path)
            if folder not in sys.path:
                sys.path.insert(1, folder)
            # The CLI may name a file outside the workspace: its folder holds the user's code too.
            add_user_folder(folder)
            return _import_file(path, workspace)
        return importlib.import_module(where)
    except DriverError:
        raise
    except ModuleNotFoundError as exc:
        if exc.name is not None and where.split(".", maxsplit=1)[0] == exc.name.split(".")[0]:
            raise DriverError(
                BAD_INPUT,
                f"module '{where}' was not found on the path (workspace {workspace})",
                "write path/to/file.py:factory for a file, or check the package name and its __init__.py",
            ) from exc
        message, location = locate(
            f"importing '{where}' failed: {describe_exception(exc)}", exc.__traceback__, workspace
        )
        raise DriverError(
            MODEL_ERROR,
            message,
            "the model's own import failed; install what it needs into the driver's Python environment",
            location,
        ) from exc
    except Exception as exc:
        message, location = locate(
            f"importing '{where}' raised {describe_exception(exc)}", exc.__traceback__, workspace
        )
        raise DriverError(
            MODEL_ERROR,
            message,
            "fix the error at the location shown; the model file runs top to bottom when imported",
            location,
        ) from exc


def definition_location(obj: Any, workspace: str) -> Location | None:
    try:
        file = inspect.getsourcefile(obj)
        _, line = inspect.getsourcelines(obj)
    except (OSError, TypeError):
        return None
    if file is None or not is_user_file(file, workspace):
        return None  # a library's class (nn.Sequential): no line of the user's to point at
    return Location(display_path(file, workspace), line)


def _is_module(value: Any) -> bool:
    import torch

    return isinstance(value, torch.nn.Module)


def load_model(spec: str, workspace: str) -> LoadedModel:
    where, factory_name = split_spec(spec)
    module = import_model_module(where, workspace)
    factory = getattr(module, factory_name, None)
    if factory is None or not callable(factory):
        callables = sorted(
            n for n, v in vars(module).items() if callable(v) and not n.startswith("_") and not isinstance(v, type)
        )
        raise DriverError(
            BAD_INPUT,
            f"'{where}' has no function '{factory_name}'" + ("" if factory is None else " (it is not callable)"),
            f"functions defined there: {', '.join(callables) or 'none'}",
            Location(where, None) if _is_file_spec(where) else None,
        )
    location = definition_location(factory, workspace)
    try:
        made = factory()
    except Exception as exc:
        # Blamed at the deepest frame in the user's files (a helper the factory called), with the
        # chain from the factory in the message; the factory's own line only when no frame is theirs.
        message, raised_at = locate(
            f"the model factory '{factory_name}' raised {describe_exception(exc)}", exc.__traceback__, workspace
        )
        raise DriverError(
            MODEL_ERROR,
            message,
            "fix the error at the location shown; the factory is called with no arguments",
            raised_at or location,
        ) from exc
    return _normalise(made, factory_name, location)


def _normalise(made: Any, factory_name: str, location: Location | None) -> LoadedModel:
    shape_hint = "return a torch.nn.Module, or (module, args) / (module, args, kwargs)"
    if _is_module(made):
        return LoadedModel(made, None, {}, location)
    if isinstance(made, tuple) and 2 <= len(made) <= 3 and _is_module(made[0]):
        args = made[1]
        kwargs = made[2] if len(made) == 3 else {}
        if not isinstance(args, (tuple, list)):
            args = (args,)
        if not isinstance(kwargs, dict) or not all(isinstance(k, str) for k in kwargs):
            raise DriverError(
                BAD_INPUT, f"'{factory_name}' returned kwargs that are not a dict of names", shape_hint, location
            )
        return LoadedModel(made[0], tuple(args), dict(kwargs), location)
    raise DriverError(
        BAD_INPUT,
        f"'{factory_name}' returned {type(made).__name__}, not a model",
        shape_hint,
        location,
    )
