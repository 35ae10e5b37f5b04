"""Timing and memory on a real CUDA device: CUDA events wait for the device, and the peaks read
from torch's allocator. Marked `gpu`: they skip without one (scripts/gpu-check.sh runs them)."""

from __future__ import annotations

import pytest

from trt_pte import benchmark, memory
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

    bench = benchmark.run(ctx, lambda a, k: half(a[0].half()), "fp16 copy", 2.0, device_name="gpu")
    assert [p.shape for p in bench.points] == ["min", "opt", "max"] and bench.threads is None
    for p in bench.points:
        for t in (p.eager, p.built):
            assert t.runs >= 1 and 0 < t.p10_ms <= t.median_ms <= t.p90_ms
        assert p.speedup == pytest.approx(p.eager.median_ms / p.built.median_ms)
    torch.cuda.synchronize()


def test_device_memory_is_read_around_one_call() -> None:
    import torch

    peak, how = memory.device_peak_bytes(lambda: torch.empty(64 << 20, dtype=torch.uint8, device="cuda"))
    assert peak >= 64 << 20 and how
