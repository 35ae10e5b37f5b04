"""The driver's command line: `export --request R --result S`. (`versions` never gets here: __main__
answers it before anything heavier than `json` is imported.)"""

from __future__ import annotations

import argparse
import time
import traceback
from typing import Any

from . import PROTOCOL_VERSION, __version__
from .classify import DRIVER, classify
from .deps import versions
from .environment import describe_cuda
from .errors import DriverError
from .key_inputs import imported_sources
from .protocol import read_request, write_json_atomically


def log(message: str) -> None:
    print(message, flush=True)


def _error_fields(error: DriverError) -> dict[str, Any]:
    location = None
    if error.location is not None:
        location = {"file": error.location.file, "line": error.location.line}
    return {"kind": error.kind, "message": error.message, "hint": error.hint, "location": location}


def export_command(request_path: str, result_path: str) -> int:
    started = time.perf_counter()
    result: dict[str, Any] = {"protocol": PROTOCOL_VERSION, "driver_version": __version__, "versions": versions()}
    workspace = "."
    try:
        request = read_request(request_path)
        workspace = request.workspace
        result["target"] = request.target
        from .export import run_export

        result.update(run_export(request, log))
        result["sources"] = imported_sources()
        result["status"] = "ok"
    except DriverError as error:
        result.update(error.result)
        result["status"] = "error"
        result["error"] = _error_fields(error)
    except BaseException as exc:
        traceback.print_exc()
        result["status"] = "error"
        result["error"] = _error_fields(classify(exc, DRIVER, workspace))
        if isinstance(exc, KeyboardInterrupt):
            write_json_atomically(result_path, result)
            raise
    cuda = describe_cuda()
    result["versions"].update(cuda["versions"])
    result["seconds"] = round(time.perf_counter() - started, 3)
    # The error is the action's to tell (once, with its kind and hint): the result file carries it.
    write_json_atomically(result_path, result)
    return 0 if result["status"] == "ok" else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m trt_pte",
        description="trt-pte's export driver (`python -m trt_pte versions` prints package versions as JSON)",
    )
    sub = parser.add_subparsers(dest="command", required=True)
    export = sub.add_parser("export", help="export a model as described by a request file")
    export.add_argument("--request", required=True, help="request JSON written by the action")
    export.add_argument("--result", required=True, help="where to write the result JSON")
    args = parser.parse_args(argv)
    return export_command(args.request, args.result)
