"""`python -m trt_pte versions`, `python -m trt_pte gpu` and `python -m trt_pte export --request R --result S`.

`versions` runs in every preflight, so it takes a path of its own that imports nothing heavier
than `json`: Python's start plus a folder scan, well under 100 ms. `gpu` imports torch (seconds): preflight
asks it only when neither nvidia-smi nor a Jetson's files could tell which GPU CUDA builds on.
"""

from __future__ import annotations

import json
import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["versions"]:
        from . import PROTOCOL_VERSION, __version__
        from .deps import versions
        from .key_inputs import distributions, editable_installs

        report = {"protocol": PROTOCOL_VERSION, "driver_version": __version__, "executable": sys.executable}
        environment = {"distributions": distributions(), "editable": editable_installs()}
        print(json.dumps({**report, "versions": versions(), **environment}))
        return 0
    if args == ["gpu"]:
        from .environment import probe_gpu

        print(json.dumps(probe_gpu()))
        return 0
    from .command_line import main as command_line

    return command_line(args)


if __name__ == "__main__":
    sys.exit(main())
