"""The export stand-in of bench/publish.ts, so the action's own work can be timed many times on a .pte
of any size while the model is exported only once.

    python bench/replay_driver.py STORE DRIVER export --request R --result S

The first export runs the real driver (DRIVER, the script the action starts) and keeps its output
folder and result file in STORE; every later one hard-links those files into the request's output
folder and writes the kept result. What the action reads is therefore always what the real driver of
this checkout wrote, for this checkout's protocol: nothing here knows the result's fields.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys


def _argument(argv: list[str], flag: str) -> str:
    return argv[argv.index(flag) + 1]


def main(argv: list[str]) -> int:
    store, driver, *rest = argv
    with open(_argument(rest, "--request"), encoding="utf-8") as f:
        output_dir = json.load(f)["output_dir"]
    result = _argument(rest, "--result")
    kept_result = os.path.join(store, "result.json")
    kept_files = os.path.join(store, "files")
    if not os.path.exists(kept_result):
        code = subprocess.run([sys.executable, driver, *rest], check=False).returncode
        shutil.copytree(output_dir, kept_files)
        shutil.copyfile(result, kept_result)
        return code
    shutil.copytree(kept_files, output_dir, copy_function=os.link, dirs_exist_ok=True)
    shutil.copyfile(kept_result, result)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
