"""The result file is strict JSON: the action parses it with JSON.parse, which refuses Infinity and NaN."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from trt_pte.protocol import write_json_atomically


def _strict(text: str) -> object:
    def refuse(constant: str) -> object:
        raise ValueError(f"{constant} is not JSON")

    return json.loads(text, parse_constant=refuse)


def test_an_infinite_error_is_written_as_the_largest_float_and_nan_as_null(tmp_path: Path) -> None:
    # What a wrong-shaped output gives the accuracy report (accuracy.compare): inf errors.
    result = {"accuracy": {"max_abs": float("inf"), "max_rel": float("nan"), "points": [(1.0, -float("inf"))]}}
    path = tmp_path / "result.json"
    write_json_atomically(str(path), result)
    written = _strict(path.read_text(encoding="utf-8"))
    assert written == {
        "accuracy": {"max_abs": sys.float_info.max, "max_rel": None, "points": [[1.0, -sys.float_info.max]]}
    }
    assert list(tmp_path.iterdir()) == [path]
