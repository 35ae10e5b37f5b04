"""A TorchScript custom class that stands in for TensorRT's `tensorrt.Engine`, built from C++ in the
test session (no TensorRT needed).

It reproduces what matters for the lifted-engine bug: a module holds the object as an attribute of
a `_run_on_acc_N` child and calls it through a custom op taking a `Tensor[]` and the object, like
`tensorrt::execute_engine`; exported non-strict, torch.export lifts it into `constants` under its
FQN and names the placeholder `obj__run_on_acc_N_engine`. Like the real engine class it has
`__obj_flatten__`, pickles to a list of strings, and defines no `__len__` (so `bool()` on it raises).

Built once per machine into a cache folder (TRT_PTE_EXTENSIONS_DIR, default ~/.cache/trt-pte), then
loaded in milliseconds; scripts/gpu-check.sh uses it too.
"""

from __future__ import annotations

import os
import shutil
from typing import Any

import torch

NAMESPACE = "trt_pte_test"
CLASS_NAME = f"{NAMESPACE}::Engine"

_SOURCE = r"""
#include <ATen/ATen.h>
#include <torch/custom_class.h>
#include <torch/library.h>

#include <string>
#include <vector>

namespace {

// Holds a name and a scale; "running" it multiplies every input by the scale.
struct Engine : torch::CustomClassHolder {
  std::string name;
  double scale;
  Engine(std::string n, double s) : name(std::move(n)), scale(s) {}
};

std::vector<at::Tensor> execute_engine(std::vector<at::Tensor> inputs, c10::intrusive_ptr<Engine> engine) {
  std::vector<at::Tensor> outputs;
  outputs.reserve(inputs.size());
  for (const auto& t : inputs) outputs.push_back(t * engine->scale);
  return outputs;
}

}  // namespace

TORCH_LIBRARY(trt_pte_test, m) {
  m.class_<Engine>("Engine")
      .def(torch::init<std::string, double>())
      .def("name", [](const c10::intrusive_ptr<Engine>& self) { return self->name; })
      .def("scale", [](const c10::intrusive_ptr<Engine>& self) { return self->scale; })
      .def("__obj_flatten__",
           [](const c10::intrusive_ptr<Engine>& self) {
             return std::make_tuple(std::make_tuple(std::string("name"), self->name),
                                    std::make_tuple(std::string("scale"), self->scale));
           })
      .def_pickle(
          [](const c10::intrusive_ptr<Engine>& self) -> std::vector<std::string> {
            return {self->name, std::to_string(self->scale)};
          },
          [](std::vector<std::string> state) {
            return c10::make_intrusive<Engine>(state.at(0), std::stod(state.at(1)));
          });
  m.def("execute_engine(Tensor[] inputs, __torch__.torch.classes.trt_pte_test.Engine engine) -> Tensor[]");
}

TORCH_LIBRARY_IMPL(trt_pte_test, CompositeExplicitAutograd, m) {
  m.impl("execute_engine", &execute_engine);
}
"""

_loaded = False


def missing_toolchain() -> str | None:
    """Why the class cannot be built here, or None when it can."""
    from torch.utils.cpp_extension import is_ninja_available

    if shutil.which("c++") is None and shutil.which("g++") is None:
        return "no C++ compiler (c++/g++) on PATH"
    if not is_ninja_available():
        return "ninja is not installed (torch.utils.cpp_extension.load_inline needs it)"
    return None


def cache_dir() -> str:
    root = os.environ.get("TRT_PTE_EXTENSIONS_DIR") or os.path.join(os.path.expanduser("~"), ".cache", "trt-pte")
    tag = f"torch-{torch.__version__}".replace("+", "_")
    path = os.path.join(root, "torch_extensions", tag, "fake_engine")
    os.makedirs(path, exist_ok=True)
    return path


def build() -> None:
    """Compiles (or reuses) and loads the class, and registers its fake class and fake kernel."""
    global _loaded
    if _loaded:
        return
    from torch.utils.cpp_extension import load_inline

    load_inline(
        name="trt_pte_fake_engine",
        cpp_sources=[_SOURCE],
        is_python_module=False,
        build_directory=cache_dir(),
        verbose=False,
    )

    @torch._library.register_fake_class(CLASS_NAME)
    class FakeEngine:
        def __init__(self, name: str, scale: float) -> None:
            self._name = name
            self._scale = scale

        @classmethod
        def __obj_unflatten__(cls, flattened: Any) -> FakeEngine:
            return cls(**dict(flattened))

        def name(self) -> str:
            return self._name

        def scale(self) -> float:
            return self._scale

    @torch.library.register_fake(f"{NAMESPACE}::execute_engine")  # type: ignore[untyped-decorator]
    def _execute_engine_fake(inputs: list[torch.Tensor], engine: Any) -> list[torch.Tensor]:
        return [torch.empty_like(t) for t in inputs]

    _loaded = True


def make_engine(name: str, scale: float) -> Any:
    return torch.classes.trt_pte_test.Engine(name, scale)


def engine_state(obj: Any) -> list[str]:
    """The engine's pickled state, the way Torch-TensorRT reads it (`__getstate__`, first item)."""
    state = obj.__getstate__()
    return list(state[0] if isinstance(state, tuple) else state)


def execute_engine_op() -> Any:
    return torch.ops.trt_pte_test.execute_engine.default


class AccModule(torch.nn.Module):  # type: ignore[misc]
    """Like a `_run_on_acc_N` TensorRT submodule: an engine attribute called through the op."""

    def __init__(self, name: str, scale: float) -> None:
        super().__init__()
        self.engine = make_engine(name, scale)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return torch.ops.trt_pte_test.execute_engine([x], self.engine)[0]


class PartlyCompiled(torch.nn.Module):  # type: ignore[misc]
    """The shape of the seed repro after TensorRT: engine → cos (left to PyTorch) → engine."""

    def __init__(self) -> None:
        super().__init__()
        self._run_on_acc_0 = AccModule("_run_on_acc_0", 2.0)
        self._run_on_acc_2 = AccModule("_run_on_acc_2", 3.0)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        a = self._run_on_acc_0(x + 1.0)
        b = torch.cos(a)
        return self._run_on_acc_2(b) + 4.0


def reference(x: torch.Tensor) -> torch.Tensor:
    """What PartlyCompiled computes, written out: ((x + 1) * 2) → cos → * 3 + 4."""
    return torch.cos((x + 1.0) * 2.0) * 3.0 + 4.0
