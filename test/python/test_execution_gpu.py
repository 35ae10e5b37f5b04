"""Timing, memory and the runner's libraries on a real CUDA device: CUDA events wait for the device,
the peaks read from torch's allocator, what a load leaves allocated (inside torch and outside it),
and the libcudart folder this process has loaded. Marked `gpu`: they skip without one
(scripts/gpu-check.sh runs them)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from trt_pte import benchmark, memory, runner_libraries
from trt_pte.context import ExportContext
from trt_pte.protocol import Dim, InputSpec, parse_request

pytestmark = pytest.mark.gpu

SPECS = (InputSpec(None, "float32", (Dim("b", 1, 8, 16), Dim(None, 1024, 1024, 1024))),)


def _context() -> ExportContext:
    import torch

    request = parse_request(
        {"protocol": 1, "model": "m.py:b", "workspace": "/", "target": "cuda", "output_dir": "/o", "output_name": "m"}
    )
    module = torch.nn.Sequential(torch.nn.Linear(1024, 4096), torch.nn.ReLU(), torch.nn.Linear(4096, 1024))
    device = torch.device("cuda", torch.cuda.current_device())
    return ExportContext(request, module.to(device).eval(), (), {}, SPECS, None, device)


def test_the_benchmark_times_both_sides_on_the_device_at_every_point() -> None:
    import torch

    ctx = _context()
    half = ctx.module.half()  # a "build" that is honestly faster on most GPUs, on the same inputs

    subjects = benchmark.Subjects(lambda a, k: half(a[0].half()), "fp16 copy")
    bench = benchmark.run(ctx, subjects, 2.0, device_name="gpu")
    assert [p.shape for p in bench.points] == ["min", "opt", "max"] and bench.threads is None
    for p in bench.points:
        for t in (p.eager, p.built):
            assert t.runs == p.ratio.rounds >= 1 and 0 < t.p10_ms <= t.median_ms <= t.p90_ms
            assert t.median_ci[0] <= t.median_ms <= t.median_ci[1]
        assert p.ratio.low <= p.speedup <= p.ratio.high
    torch.cuda.synchronize()


def test_a_built_side_that_copies_through_the_host_is_timed_beside_the_compiled_module() -> None:
    # The runtime wheel's boundary: inputs to the host and back. The compiled module (here the
    # module itself) is timed on the device-resident inputs beside it.
    ctx = _context()

    def through_host(args: tuple, kwargs: dict) -> object:  # type: ignore[type-arg]
        return ctx.module(args[0].cpu().to(args[0].device)).cpu()

    subjects = benchmark.Subjects(
        through_host,
        "host-copying runtime",
        built_includes="host copies",
        compiled=lambda a, k: ctx.module(*a),
        compiled_label="compiled module",
    )
    bench = benchmark.run(ctx, subjects, 2.0, device_name="gpu")
    for p in bench.points:
        assert p.compiled is not None and p.compiled.timing.runs == p.built.runs
        assert p.compiled.ratio.low <= p.compiled.ratio.estimate <= p.compiled.ratio.high
    assert bench.to_json()["built_includes"] == "host copies"


def test_device_memory_is_read_around_one_call() -> None:
    import torch

    peak, how = memory.device_peak_bytes(lambda: torch.empty(64 << 20, dtype=torch.uint8, device="cuda"))
    assert peak >= 64 << 20 and how


def test_device_memory_held_across_a_load_counts_what_stays_allocated() -> None:
    import torch

    size = 256 << 20
    kept, rise = memory.held_across(lambda: torch.empty(size, dtype=torch.uint8, device="cuda"))
    assert rise >= size
    # Freed within the load (and returned to the device by the reading): not held.
    _, transient = memory.held_across(lambda: torch.empty(size, dtype=torch.uint8, device="cuda").sum().item())
    assert transient < size // 2
    del kept


def _cudart_folder() -> str:
    """The folder of the libcudart this process (torch) has loaded, as the runner would get it."""
    import torch

    torch.cuda.init()
    with open("/proc/self/maps") as maps:
        folders = runner_libraries.loaded_folders(maps)
    cudart = [f for f in folders if "libcudart" in f.why]
    assert cudart, f"torch loaded no libcudart? folders found: {folders}"
    return cudart[0].path


def test_allocations_outside_torch_count_too() -> None:
    """What TensorRT and ExecuTorch's backends do at load: cudaMalloc, outside torch's allocator."""
    import ctypes
    import os

    folder = _cudart_folder()
    [name] = sorted(n for n in os.listdir(folder) if runner_libraries.NEEDED.match(n) and "cudart" in n)[:1]
    cudart = ctypes.CDLL(os.path.join(folder, name))
    pointer = ctypes.c_void_p()
    size = 128 << 20
    _, rise = memory.held_across(lambda: cudart.cudaMalloc(ctypes.byref(pointer), ctypes.c_size_t(size)))
    assert pointer.value and rise >= size
    assert cudart.cudaFree(pointer) == 0


def test_a_binary_needing_libcudart_starts_with_the_folders_the_driver_has_loaded(tmp_path: Path) -> None:
    """Like torch_tensorrt's runner outside its build tree: it needs libcudart.so.13 and has no
    RUNPATH to find it. With the driver's folders on LD_LIBRARY_PATH it starts."""
    import os
    import shutil
    import subprocess

    compiler = shutil.which("g++") or shutil.which("c++")
    if compiler is None:
        pytest.skip("needs a C++ compiler")
    folder = _cudart_folder()
    library = sorted(n for n in os.listdir(folder) if n.startswith("libcudart.so."))[0]
    source = tmp_path / "main.cpp"
    source.write_text(
        '#include <cstdio>\nextern "C" int cudaRuntimeGetVersion(int*);\n'
        'int main() { int v = 0; int rc = cudaRuntimeGetVersion(&v); std::printf("cudart %d\\n", v); return rc; }\n'
    )
    binary = tmp_path / "bin" / "needs_cudart"
    binary.parent.mkdir()
    subprocess.run([compiler, "-o", str(binary), str(source), os.path.join(folder, library)], check=True)
    bare = {k: v for k, v in os.environ.items() if k != "LD_LIBRARY_PATH"}
    alone = subprocess.run([str(binary)], capture_output=True, text=True, env=bare, check=False)
    print(f"without LD_LIBRARY_PATH: exit {alone.returncode} {alone.stdout.strip()} {alone.stderr.strip()[-200:]}")
    folders = runner_libraries.runner_folders(str(binary))
    print(f"LD_LIBRARY_PATH from the driver: {runner_libraries.describe(folders)}")
    started = subprocess.run(
        [str(binary)],
        capture_output=True,
        text=True,
        env=runner_libraries.runner_environment(folders, bare),
        check=False,
    )
    assert started.returncode == 0 and started.stdout.startswith("cudart "), started.stderr


def test_each_sides_memory_is_what_it_holds_plus_one_calls_peak() -> None:
    from trt_pte import execution
    from trt_pte.export import _memory

    ctx = _context()
    weights = sum(p.numel() * p.element_size() for p in ctx.module.parameters())
    assert memory.module_bytes(ctx.module) == weights

    def built(args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        return ctx.module(*args, **kwargs)

    held = memory.Held(12345, "device memory in use after the compile that loaded its engines")
    ran = execution.Execution("compiled module", False, "x", run=built, timed=built, timed_label="c", held=held)
    facts = _memory(ctx, ran)
    assert facts["eager_device_bytes"] > weights
    assert facts["built_device_bytes"] > 12345 and facts["built_device_bytes"] - 12345 < facts["eager_device_bytes"]
    assert facts["built_device_how"].startswith(held.how) and "plus one more call's peak" in facts["built_device_how"]
    unknown = execution.Execution("compiled module", False, "x", run=built, timed=built, timed_label="c")
    assert "what loading it took is not known" in _memory(ctx, unknown)["built_device_how"]
