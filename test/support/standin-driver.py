#!/usr/bin/env python3
"""A stand-in for the Python interpreter the pipeline runs its driver with, for tests of the pipeline
around the driver (src/main.ts): it is started as `python <trt_pte_driver.py> ARGS` like the real one.

`versions` runs the real driver (fast: it imports no torch). `export --request R --result S` reads the
real request and writes a result in the real protocol (src/protocol.ts), without torch: the model spec
`scenario.py:<what>` says what the export does, and scenario.py holds the fixture .pte to write (a
file the real executorch wrote, test/python/generate_pte_fixtures.py) as `FIXTURE = "/path/x.pte"`.

  ok         writes the fixture as the .pte and reports success
  model_bug  reports a model_error, writes nothing
  run_fails  writes the fixture, then reports that running it failed (the driver's `run` stage)
  garbage    writes a .pte that is no ExecuTorch file and reports success (verification must catch it)
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import sys


def _fixture(workspace: str) -> str:
    with open(os.path.join(workspace, "scenario.py"), encoding="utf-8") as f:
        found = re.search(r'^FIXTURE = "([^"]+)"', f.read(), re.MULTILINE)
    if found is None:
        raise SystemExit("scenario.py names no FIXTURE")
    return found.group(1)


def _describe(path: str, output_dir: str) -> dict[str, object]:
    with open(path, "rb") as f:
        data = f.read()
    return {
        "name": os.path.relpath(path, output_dir),
        "kind": "pte",
        "bytes": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
    }


def export(request_path: str, result_path: str) -> int:
    with open(request_path, encoding="utf-8") as f:
        request = json.load(f)
    what = request["model"].rpartition(":")[2]
    out = request["output_dir"]
    os.makedirs(out, exist_ok=True)
    pte = os.path.join(out, f"{request['output_name']}.pte")
    result: dict[str, object] = {
        "protocol": 1,
        "driver_version": "standin",
        "target": request["target"],
        "versions": {"python": sys.version.split()[0]},
        "inputs": request.get("inputs", []),
        "status": "ok",
    }
    if what in ("ok", "run_fails"):
        shutil.copyfile(_fixture(request["workspace"]), pte)
    elif what == "garbage":
        with open(pte, "wb") as f:
            f.write(b"not an ExecuTorch program" * 8)
    if what in ("ok", "garbage"):
        result.update(files=[_describe(pte, out)], partition={"undelegated": 5}, timings={"export": 0.1})
    elif what == "model_bug":
        result.update(
            status="error",
            error={
                "kind": "model_error",
                "message": "forward() on the example inputs, run eagerly before torch.export, failed: "
                "RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x288 and 16x4) "
                "(in Net.forward at scenario.py:12)",
                "hint": "forward() fails in plain PyTorch, before any export: fix the line shown",
                "location": {"file": "scenario.py", "line": 12},
            },
        )
    elif what == "run_fails":
        result.update(
            status="error",
            error={
                "kind": "export_failure",
                "message": "the executorch runtime at the min shapes failed: RuntimeError: "
                "method->execute() failed with error 0x12",
                "hint": "what was built does not run on these inputs: see the log above",
                "location": None,
            },
        )
    else:
        raise SystemExit(f"unknown scenario {what!r}")
    print(f"stand-in driver: {what}", flush=True)
    with open(result_path, "w", encoding="utf-8") as f:
        json.dump(result, f)
    return 0 if result["status"] == "ok" else 1


def main() -> int:
    bootstrap, *args = sys.argv[1:]
    if args == ["versions"]:
        os.execv(sys.executable, [sys.executable, bootstrap, "versions"])
    return export(args[args.index("--request") + 1], args[args.index("--result") + 1])


if __name__ == "__main__":
    sys.exit(main())
