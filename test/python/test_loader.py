"""Loading the user's model, and the errors that point at their file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch
from conftest import WriteFile

from trt_pte.errors import BAD_INPUT, MODEL_ERROR, DriverError, Location
from trt_pte.loader import load_model


def test_file_spec_returns_module_and_example_args(workspace: Path, write: WriteFile) -> None:
    write(
        "models/net.py",
        """
        import torch
        def build():
            return torch.nn.ReLU(), (torch.ones(2),)
        """,
    )
    loaded = load_model("models/net.py:build", str(workspace))
    assert isinstance(loaded.module, torch.nn.ReLU)
    assert loaded.args is not None and loaded.args[0].shape == (2,)
    assert loaded.factory_location is not None
    assert loaded.factory_location.file == "models/net.py" and loaded.factory_location.line == 2


def test_package_module_spec_imports_with_workspace_first(workspace: Path, write: WriteFile) -> None:
    write("pkg/__init__.py", "")
    write("pkg/helpers.py", "SCALE = 3\n")
    write(
        "pkg/model.py",
        """
        import torch
        from pkg.helpers import SCALE
        class M(torch.nn.Module):
            def forward(self, x):
                return x * SCALE
        def make():
            return M(), (torch.ones(1),), {}
        """,
    )
    loaded = load_model("pkg.model:make", str(workspace))
    assert loaded.kwargs == {}
    assert float(loaded.module(torch.ones(1))) == 3.0


def test_missing_file_names_the_path(workspace: Path) -> None:
    with pytest.raises(DriverError) as err:
        load_model("models/nope.py:build", str(workspace))
    assert err.value.kind == BAD_INPUT
    assert "models/nope.py" in err.value.message and "not found" in err.value.message


def test_module_that_does_not_import(workspace: Path) -> None:
    with pytest.raises(DriverError) as err:
        load_model("no_such_pkg.model:build", str(workspace))
    assert err.value.kind == BAD_INPUT
    assert "no_such_pkg.model" in err.value.message


def test_import_error_inside_the_model_points_at_its_line(workspace: Path, write: WriteFile) -> None:
    write(
        "net.py",
        """
        import torch

        VALUE = 1 / 0
        """,
    )
    with pytest.raises(DriverError) as err:
        load_model("net.py:build", str(workspace))
    assert err.value.kind == MODEL_ERROR
    assert "ZeroDivisionError" in err.value.message
    assert err.value.location is not None
    assert (err.value.location.file, err.value.location.line) == ("net.py", 3)


def test_factory_that_raises_points_at_the_raising_line(workspace: Path, write: WriteFile) -> None:
    write(
        "net.py",
        """
        import torch

        def helper():
            raise ValueError("weights file missing")

        def build():
            return helper()
        """,
    )
    with pytest.raises(DriverError) as err:
        load_model("net.py:build", str(workspace))
    assert err.value.kind == MODEL_ERROR
    assert "ValueError: weights file missing" in err.value.message
    assert err.value.location is not None
    assert (err.value.location.file, err.value.location.line) == ("net.py", 4)


def test_a_helper_in_another_file_is_blamed_at_its_raise_with_the_chain_from_the_factory(
    workspace: Path, write: WriteFile
) -> None:
    write(
        "models/weights_a.py",
        """
        def load_weights(name):
            table = {}
            return table[name]
        """,
    )
    write(
        "models/net.py",
        """
        import torch
        from weights_a import load_weights

        def build():
            state = load_weights("head")
            return torch.nn.Linear(2, 2), state
        """,
    )
    with pytest.raises(DriverError) as err:
        load_model("models/net.py:build", str(workspace))
    assert err.value.kind == MODEL_ERROR
    # The line that raised, not the factory's call of the helper nor its def line.
    assert err.value.location == Location("models/weights_a.py", 3)
    assert err.value.message == (
        "the model factory 'build' raised KeyError: 'head' "
        "(in build at models/net.py:5 → load_weights at models/weights_a.py:3)"
    )


def test_a_model_file_outside_the_workspace_counts_as_the_users_with_its_folder(
    workspace: Path, tmp_path: Path
) -> None:
    # The CLI allows `--model ~/models/net.py:build`: that file and its siblings are the user's too.
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "weights_b.py").write_text("def check(x):\n    raise ValueError('bad weights')\n")
    (outside / "net.py").write_text(
        "import torch\nfrom weights_b import check\n\n\ndef build():\n    check(1)\n    return torch.nn.ReLU()\n"
    )
    with pytest.raises(DriverError) as err:
        load_model(f"{outside}/net.py:build", str(workspace))
    assert err.value.location == Location(str(outside / "weights_b.py"), 2)
    assert f"(in build at {outside}/net.py:6 → check at {outside}/weights_b.py:2)" in err.value.message


def test_an_import_that_fails_in_a_sibling_module_is_blamed_there(workspace: Path, write: WriteFile) -> None:
    write("layers_c.py", "import torch\nWIDTH = int('wide')\n")
    write("net.py", "import torch\nimport layers_c\n")
    with pytest.raises(DriverError) as err:
        load_model("net.py:build", str(workspace))
    assert err.value.kind == MODEL_ERROR
    assert err.value.location == Location("layers_c.py", 2)
    assert err.value.message.endswith("(in <module> at net.py:2 → <module> at layers_c.py:2)")


def test_unknown_factory_lists_the_functions_there(workspace: Path, write: WriteFile) -> None:
    write("net.py", "def build():\n    pass\ndef other():\n    pass\n")
    with pytest.raises(DriverError) as err:
        load_model("net.py:biuld", str(workspace))
    assert "no function 'biuld'" in err.value.message
    assert err.value.hint is not None and "build, other" in err.value.hint


def test_factory_returning_something_else(workspace: Path, write: WriteFile) -> None:
    write("net.py", "def build():\n    return 42\n")
    with pytest.raises(DriverError) as err:
        load_model("net.py:build", str(workspace))
    assert err.value.kind == BAD_INPUT
    assert "returned int" in err.value.message
    assert err.value.location is not None and err.value.location.line == 1
