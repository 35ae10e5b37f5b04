// What ran the .pte, determinism, latency, memory and what the file needs, as the summary and the
// comment say them, from the real report.json of a CLI export (test/fixtures/reports) varied per case.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { Report } from "../src/report/report.js";
import { currentReport } from "../src/report/report.js";
import {
  formatDeterminism,
  formatExecution,
  formatLatency,
  formatNeeds,
  headlineSpeedup,
  latencyLine,
  speedupText,
} from "../src/publish/render-run.js";
import type { BenchmarkPoint } from "../src/protocol.js";
import { runWarnings } from "../src/publish/warnings.js";
import { formatAccuracy } from "../src/publish/render.js";
import { renderComment } from "../src/publish/comment-body.js";
import { REPO } from "./support/action-run.js";

const real = (): Report =>
  JSON.parse(
    fs.readFileSync(path.join(REPO, "test/fixtures/reports/xnnpack-dynamic.json"), "utf8"),
  ) as Report;

describe("the latency line", () => {
  const eager = {
    median_ms: 1.9,
    p10_ms: 1.8,
    p90_ms: 2.1,
    runs: 200,
    median_ci: [1.88, 1.93] as [number, number],
  };
  const built = {
    median_ms: 0.41,
    p10_ms: 0.4,
    p90_ms: 0.45,
    runs: 200,
    median_ci: [0.405, 0.415] as [number, number],
  };
  const paired: BenchmarkPoint = {
    shape: "opt",
    eager,
    built,
    speedup: 4.63,
    speedup_ci: [4.52, 4.71],
    rounds: 200,
    noisy: false,
    noise: null,
  };

  it("says built vs eager, the speedup with its 95% interval, the runs of each side and the spread", () => {
    expect(latencyLine(paired)).toBe(
      "0.410 ms vs eager 1.90 ms: 4.6× (95% CI 4.5–4.7), 200 paired runs each (p10–p90 0.400–0.450 vs 1.80–2.10 ms)",
    );
    // Digits enough to tell the bounds apart.
    expect(speedupText(1.06, [1.04, 1.09])).toBe("1.06× (95% CI 1.04–1.09)");
    expect(speedupText(2.1, [2.0, 2.2])).toBe("2.1× (95% CI 2.0–2.2)");
    expect(speedupText(325, [310, 342])).toBe("325× (95% CI 310–342)");
  });

  it("says noisy instead of a confident number, with the interval and why", () => {
    const noisy = {
      ...paired,
      speedup: 2.1,
      speedup_ci: [1.4, 2.7] as [number, number],
      noisy: true,
      noise: "only 6 paired rounds",
    };
    expect(latencyLine(noisy)).toContain(
      "vs eager 1.90 ms: noisy: 1.4–2.7× (95% CI; `only 6 paired rounds`), 200 paired runs each",
    );
    expect(latencyLine(noisy)).not.toContain("2.1×");
  });

  it("names each side's run count in a report from before paired rounds, which has no interval", () => {
    const old: BenchmarkPoint = {
      shape: "opt",
      eager: { ...eager, runs: 8 },
      built: { ...built, runs: 1000 },
      speedup: 4.6,
    };
    expect(latencyLine(old)).toBe(
      "0.410 ms vs eager 1.90 ms: 4.6× (no interval: timed before report@3), built 1000 runs, eager 8 (p10–p90 0.400–0.450 vs 1.80–2.10 ms)",
    );
  });

  it("says what built includes on a GPU, times the compiled module beside it, and flags a shape series", () => {
    const report = real();
    const gpu: Report = {
      ...report,
      benchmark: {
        ...report.benchmark!,
        device: "NVIDIA H100",
        threads: null,
        built: "torch-tensorrt-executorch-runtime 0.1.0",
        built_includes: "host↔device copies of the inputs and outputs on every call",
        compiled: "compiled module",
        points: [
          {
            ...paired,
            same_as: ["max"],
            compiled: {
              timing: { ...built, median_ms: 0.3 },
              speedup: 6.3,
              speedup_ci: [6.1, 6.5],
              noisy: false,
              noise: null,
            },
          },
        ],
        shape_flags: [
          "eager at min (84 ms) is slower than at the larger max (4.76 ms), beyond both medians' 95% intervals",
        ],
      },
    };
    const text = formatLatency(gpu);
    expect(text).toMatch(/^at opt \(= `max`\): 0\.410 ms vs eager 1\.90 ms: 4\.6× \(95% CI 4\.5–4\.7\)/);
    expect(text).toContain("<br>built includes `host↔device copies of the inputs and outputs on every call`");
    expect(text).toContain(
      "<br>`compiled module` (device-resident inputs, like eager) 0.300 ms: 6.3× (95% CI 6.1–6.5)",
    );
    expect(text).toContain("<br>⚠️ `eager at min (84 ms) is slower than at the larger max (4.76 ms)");
    expect(runWarnings(gpu)).toContain(
      "latency: eager at min (84 ms) is slower than at the larger max (4.76 ms), beyond both medians' 95% intervals; " +
        "the timings of this shape series contradict each other",
    );
  });

  it("is in the real report with consistent numbers at min, opt and max", () => {
    const report = real();
    const bench = report.benchmark!;
    expect(bench.method).toBe("paired");
    expect(bench.points.map((p) => p.shape)).toEqual(["min", "opt", "max"]);
    for (const p of bench.points) {
      for (const t of [p.eager, p.built]) {
        expect(t.p10_ms).toBeLessThanOrEqual(t.median_ms);
        expect(t.median_ms).toBeLessThanOrEqual(t.p90_ms);
        expect(t.runs).toBe(p.rounds);
        expect(t.median_ci![0]).toBeLessThanOrEqual(t.median_ms);
        expect(t.median_ci![1]).toBeGreaterThanOrEqual(t.median_ms);
      }
      expect(p.speedup_ci![0]).toBeLessThanOrEqual(p.speedup!);
      expect(p.speedup!).toBeLessThanOrEqual(p.speedup_ci![1]);
    }
    const [min, opt, max] = bench.points;
    expect(formatLatency(report)).toContain(`at opt: ${latencyLine(opt!)}; min `);
    expect(formatLatency(report)).toContain(
      `; max ${speedupText(max!.speedup, max!.speedup_ci, max!.noisy)}`,
    );
    expect(min!.shape).toBe("min");
    expect(headlineSpeedup(report)).toBe(bench.points[1]!.speedup);
    expect(renderComment(report, null)).toContain(latencyLine(bench.points[1]!));
  });
});

describe("on a cache hit", () => {
  it("labels the facts with the run that measured them", () => {
    const from = {
      url: "https://github.com/o/r/actions/runs/77",
      repository: "o/r",
      run_id: "77",
      run_attempt: "1",
      sha: "",
      ref: "",
    };
    const report: Report = {
      ...real(),
      cache: { ...real().cache, enabled: true, hit: true, from_run: from },
    };
    for (const text of [formatExecution(report), formatDeterminism(report), formatLatency(report)]) {
      expect(text).toContain("measured by [run 77](https://github.com/o/r/actions/runs/77)");
    }
  });

  it("reads an entry from before schema @2 as not recorded", () => {
    const old = real() as unknown as Record<string, unknown>;
    delete old.execution;
    delete old.determinism;
    delete old.benchmark;
    delete old.memory;
    const report = currentReport({
      ...(old as unknown as Report),
      schema: "trt-pte/report@1" as Report["schema"],
    });
    expect(report.schema).toBe("trt-pte/report@3");
    expect(formatExecution(report)).toBe("–");
    expect(formatLatency(report)).toBe("not timed");
  });
});

describe("warnings", () => {
  it("name the largest difference between runs", () => {
    const report: Report = {
      ...real(),
      determinism: {
        runs: 3,
        identical: false,
        max_abs_diff: 0.002,
        where: "output 0 at the opt shapes, run 3 against run 1",
      },
    };
    expect(formatDeterminism(report)).toContain(
      "by up to 0.00200 (`output 0 at the opt shapes, run 3 against run 1`)",
    );
    expect(runWarnings(report)).toEqual([
      "executorch runtime is not deterministic: 3 runs on one input differ by up to 0.00200 " +
        "(output 0 at the opt shapes, run 3 against run 1); `fail-on-nondeterminism: true` makes this an error",
    ]);
  });

  it("say when the .pte itself did not run, and what to install", () => {
    const reason = "no runtime for this .pte: install the torch-tensorrt-executorch-runtime wheel";
    const report: Report = {
      ...real(),
      execution: { runtime: "compiled module", pte_ran: false, reason, checks: "compiled module", notes: [] },
    };
    expect(formatExecution(report)).toBe(
      `⚠️ the .pte itself did not run (checked: \`compiled module\`): \`${reason}\``,
    );
    expect(runWarnings(report)).toEqual([`the .pte itself did not run before it was published: ${reason}`]);
  });

  it("say an accuracy check on constant outputs could not tell, instead of a green check", () => {
    const why = "every eager output is all zeros, so any build matches them";
    const report: Report = { ...real(), accuracy: { ...real().accuracy!, uninformative: why } };
    expect(formatAccuracy(report.accuracy)).toMatch(/^⚠️ could not tell: max abs/);
    expect(formatAccuracy(report.accuracy)).toContain(why);
    expect(runWarnings(report)[0]).toContain(`the accuracy check could not tell: ${why}`);
    expect(formatAccuracy(real().accuracy)).toMatch(/^✅/);
  });
});

describe("what the file needs to run", () => {
  const trt = (hardwareCompatible: boolean): Report => ({
    ...real(),
    target: "tensorrt",
    versions: { ...real().versions, tensorrt: "10.13.3.9", executorch: "1.4.1" },
    gpu: { name: "NVIDIA H100 80GB HBM3", compute_capability: "9.0", driver_version: "580" },
    details: { compile_settings: { precision: "fp16", hardware_compatible: hardwareCompatible } },
    ptd: [{ name: "aoti_cuda_blob.ptd", kind: "ptd", bytes: 10, sha256: "0".repeat(64) }],
  });

  it("names TensorRT major.minor, the GPU architecture, ExecuTorch and the .ptd files", () => {
    expect(formatNeeds(trt(false))).toBe(
      "TensorRT `10.13` · a GPU of compute capability `9.0` (built on `NVIDIA H100 80GB HBM3`) · ExecuTorch `1.4.1` · " +
        "loaded with `aoti_cuda_blob.ptd`",
    );
    expect(formatNeeds(trt(true))).toContain(
      "TensorRT `10.13` · an Ampere or newer GPU · ExecuTorch `1.4.1`",
    );
    // Once uploaded, the .ptd goes by its artifact's name, which is what the reader downloads.
    expect(formatNeeds(trt(false), ["mlp-build-tensorrt-h100--aoti_cuda_blob.ptd"])).toMatch(
      /loaded with `mlp-build-tensorrt-h100--aoti_cuda_blob\.ptd`$/,
    );
  });

  it("is any CPU and the ExecuTorch version for a CPU target", () => {
    expect(formatNeeds(real())).toBe(`any CPU · ExecuTorch \`${real().versions.executorch}\``);
  });
});
