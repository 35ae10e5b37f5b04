"""The model runs once in plain PyTorch before torch.export: a bug in forward() is the model's
(`model_error`), inputs that do not fit are the inputs' (`bad_input`: wrong count, rank, size or
dtype, with the spec's line and column), and torch.export's hint is left for its own failures. The
models are small ones written for each mistake; the driver runs in this process (the export never
starts, so no executorch is needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from conftest import WriteFile, request_for, static

from trt_pte.errors import DriverError
from trt_pte.export import run_export
from trt_pte.protocol import parse_request

NET = """
import torch


class Net(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = torch.nn.Conv2d(3, 8, 3)
        self.fc = torch.nn.Linear(FEATURES, 4)

    def forward(self, x):
        y = self.conv(x).flatten(1)
        return self.fc(y)


def build():
    return Net()
"""


def spec(shape: tuple[int, ...], dtype: str = "float32", name: str | None = None) -> dict[str, Any]:
    return {"name": name, "dtype": dtype, "dims": static(*shape)}


def export_error(workspace: Path, model: str, inputs: list[dict[str, Any]], positions: Any = None) -> DriverError:
    raw = request_for(workspace, model, inputs=inputs, benchmark_seconds=0)
    if positions is not None:
        raw["input_positions"] = [{"line": line, "column": column} for line, column in positions]
    with pytest.raises(DriverError) as caught:
        run_export(parse_request(raw), lambda _line: None)
    return caught.value


def test_a_bug_in_forward_is_the_models_error_at_its_line(workspace: Path, write: WriteFile) -> None:
    # The Linear is sized for 16 features; the conv gives 8*6*6: the inputs are right, the model is not.
    write("models/buggy.py", NET.replace("FEATURES", "16"))
    error = export_error(workspace, "models/buggy.py:build", [spec((1, 3, 8, 8))], [(1, 1)])
    assert error.kind == "model_error"
    assert error.message.startswith(
        "forward() on the example inputs, run eagerly before torch.export, failed: RuntimeError: "
        "mat1 and mat2 shapes cannot be multiplied (1x288 and 16x4)"
    )
    assert error.location is not None and (error.location.file, error.location.line) == ("models/buggy.py", 12)
    assert error.hint is not None and "plain PyTorch" in error.hint and "torch.export needs" not in error.hint
    assert "`x` float32[1,3,8,8] (inputs:1:1)" in error.hint


@pytest.mark.parametrize(
    ("shape", "dtype", "wrong"),
    [
        ((1, 4, 8, 8), "float32", "size"),  # 4 channels for a 3-channel conv
        ((1, 3, 8, 8), "float64", "dtype"),
        ((1, 3, 8, 8), "int64", "dtype"),
        ((1, 8, 8), "float32", "rank"),  # conv2d reads 3-D as unbatched and complains about channels
        ((8, 8), "float32", "rank"),
        ((1, 1, 3, 8, 8), "float32", "rank"),
    ],
)
def test_an_input_the_first_layer_rejects_is_a_bad_input_at_its_spec(
    workspace: Path, write: WriteFile, shape: tuple[int, ...], dtype: str, wrong: str
) -> None:
    write("models/net.py", NET.replace("FEATURES", "288"))
    error = export_error(workspace, "models/net.py:build", [spec(shape, dtype)], [(2, 5)])
    assert error.kind == "bad_input"
    dims = ",".join(map(str, shape))
    assert error.message.startswith(
        f"wrong {wrong}: input `x` {dtype}[{dims}] (inputs:2:5) does not fit the model: `conv2d` raised RuntimeError: "
    )
    assert error.message.endswith("(in Net.forward at models/net.py:11)")
    assert error.hint == (
        f"change the spec at inputs:2:5 to the {wrong} the model takes (the message says what `conv2d` "
        "expected); if the input is right, the layer at models/net.py:11 is not"
    )


def test_an_embedding_given_floats_is_a_wrong_dtype(workspace: Path, write: WriteFile) -> None:
    write(
        "emb.py",
        """
        import torch
        class Tagger(torch.nn.Module):
            def __init__(self):
                super().__init__()
                self.emb = torch.nn.Embedding(10, 4)
            def forward(self, ids, mask):
                return self.emb(ids) * mask.unsqueeze(-1)
        def build():
            return Tagger()
        """,
    )
    error = export_error(workspace, "emb.py:build", [spec((1, 5)), spec((1, 5), name="mask")], [(1, 1), (1, 16)])
    assert error.kind == "bad_input" and error.message.startswith("wrong dtype: input `ids` float32[1,5] (inputs:1:1)")


@pytest.mark.parametrize(
    ("inputs", "positions", "message"),
    [
        (
            [spec((1, 3, 8, 8)), spec((1, 3, 8, 8))],
            [(1, 1), (1, 19)],
            "wrong count: the `inputs` specs give 2 positional inputs but forward(x) takes 1; "
            "the first one too many is float32[1,3,8,8] at inputs:1:19",
        ),
        (
            [spec((1, 3, 8, 8)), spec((1,), name="scael")],
            [(1, 1), (2, 1)],
            "wrong count: forward(x) has no parameter `scael` (`scael` float32[1] (inputs:2:1))",
        ),
        (
            [spec((1, 3, 8, 8)), spec((1, 3, 8, 8), name="x")],
            [(1, 1), (2, 1)],
            "wrong count: `x` is given twice, positionally and by name (`x` float32[1,3,8,8] (inputs:2:1))",
        ),
    ],
)
def test_inputs_that_cannot_be_passed_are_a_wrong_count(
    workspace: Path, write: WriteFile, inputs: list[dict[str, Any]], positions: Any, message: str
) -> None:
    write("models/net.py", NET.replace("FEATURES", "288"))
    error = export_error(workspace, "models/net.py:build", inputs, positions)
    assert (error.kind, error.message) == ("bad_input", message)
    assert error.location is not None and (error.location.file, error.location.line) == ("models/net.py", 10)


def test_a_missing_input_and_a_near_miss_keyword(workspace: Path, write: WriteFile) -> None:
    write(
        "pair.py",
        """
        import torch
        class Pair(torch.nn.Module):
            def forward(self, x, mask, scale=1.0):
                return x * mask * scale
        def build():
            return Pair()
        """,
    )
    error = export_error(workspace, "pair.py:build", [spec((2, 3))], [(1, 1)])
    assert error.message == "wrong count: forward(x, mask, scale=…) needs `mask`, which the `inputs` specs do not give"
    error = export_error(workspace, "pair.py:build", [spec((2, 3)), spec((2, 3), name="maks")], [(1, 1), (1, 15)])
    assert error.message.endswith("has no parameter `maks` (`maks` float32[2,3] (inputs:1:15)); did you mean `mask`?")


def test_the_factorys_own_inputs_are_blamed_as_such(workspace: Path, write: WriteFile) -> None:
    write(
        "models/net.py",
        NET.replace("FEATURES", "288").replace("return Net()", "return Net(), (torch.randn(1, 4, 8, 8),)"),
    )
    error = export_error(workspace, "models/net.py:build", [])
    assert error.kind == "bad_input"
    assert error.message.startswith("wrong size: input `x` float32[1,4,8,8] does not fit the model")
    assert error.hint is not None and error.hint.startswith("change the example inputs the factory returns to the size")


def test_a_raise_of_the_models_own_is_its_error(workspace: Path, write: WriteFile) -> None:
    write(
        "check.py",
        """
        import torch
        class Checked(torch.nn.Module):
            def forward(self, x):
                if x.shape[1] != 3:
                    raise ValueError("expects RGB")
                return x
        def build():
            return Checked()
        """,
    )
    error = export_error(workspace, "check.py:build", [spec((1, 4))], [(1, 1)])
    assert error.kind == "model_error" and "ValueError: expects RGB" in error.message
    assert error.location is not None and error.location.line == 5


@pytest.mark.parametrize(
    ("body", "hint_part"),
    [
        (["if x.sum() > 0:", "    return x * 2", "return x"], "data-dependent control flow"),
        (["return torch.zeros(int(x.max()) + 1)"], "data-dependent control flow"),
        (["return x.reshape(2, 16) * 2"], "the model fixes a dimension that `inputs` makes dynamic (`b` to 2)"),
    ],
)
def test_export_failures_name_their_construct(
    workspace: Path, write: WriteFile, body: list[str], hint_part: str
) -> None:
    lines = ["import torch", "class Flow(torch.nn.Module):", "    def forward(self, x):"]
    lines += [f"        {line}" for line in body] + ["def build():", "    return Flow()"]
    write("flow.py", "\n".join(lines) + "\n")
    dims = [{"symbol": "b", "min": 1, "opt": 2, "max": 4}, *static(16)]
    error = export_error(workspace, "flow.py:build", [{"name": None, "dtype": "float32", "dims": dims}])
    assert error.kind == "export_failure", error.message
    assert error.message.startswith("torch.export failed: ")
    assert error.hint is not None and hint_part in error.hint, error.hint
    if "dynamic" not in hint_part:  # torch finds a specialised dimension after tracing: no line of the model's
        assert error.location is not None and error.location.file == "flow.py"
