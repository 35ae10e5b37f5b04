"""Starts the bundled trt_pte driver so that nothing in the workspace or on PYTHONPATH can stand in for it.

The action runs ``python <this file> <command> ...`` with the user's workspace as the working
directory. Python builds ``sys.path`` from the script's folder, then PYTHONPATH, then its own folders
(the documentation of ``sys.path`` and the tutorial's "The Module Search Path", the same for
Python 3.10 to 3.13): run as a
script, the working directory is not on it, and this folder, which holds ``trt_pte``, comes first.
``python -m trt_pte`` would put the working directory first instead, so a ``trt_pte/`` folder in the
workspace would win.

Python 3.11 added ``-P`` and PYTHONSAFEPATH, which leave the script's folder off ``sys.path``; the
environment may set PYTHONSAFEPATH (PYTHON* variables reach the driver), and a ``.pth`` file can put
folders first. So this file does not rely on Python's order: it puts its own folder first itself and
forgets any ``trt_pte`` imported before it ran, which holds on 3.10 (no ``-P``) as on 3.11 to 3.13.
``-I`` would do the same but also drop the PYTHON*/environment variables the driver is given on
purpose, and ``-E`` all of them.
"""

import os
import sys

_HERE = os.path.dirname(os.path.realpath(__file__))
sys.path[:] = [_HERE, *(entry for entry in sys.path if os.path.realpath(entry or os.curdir) != _HERE)]
for _name in [name for name in sys.modules if name == "trt_pte" or name.startswith("trt_pte.")]:
    del sys.modules[_name]

from trt_pte.__main__ import main  # noqa: E402

if __name__ == "__main__":
    sys.exit(main())
