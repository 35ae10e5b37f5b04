// The "vs `main`" section, the gate verdicts and the partition picture as they appear in the job
// summary and the sticky comment, rendered from reports around .pte files the real executorch package
// wrote, compared with reviewed snapshots under test/__snapshots__/.

import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderSummary } from "../../src/publish/summary.js";
import { renderComment } from "../../src/publish/comment-body.js";
import type { Report } from "../../src/report/report.js";
import { reportFacts } from "../../src/compare/facts.js";
import { diffFacts } from "../../src/compare/diff.js";
import { judgeGates } from "../../src/compare/gates.js";
import { renderComparison } from "../../src/compare/render.js";
import { mermaidBlock } from "../../src/compare/mermaid.js";
import { entryOf } from "../../src/compare/history.js";
import { historyMarkdown } from "../../src/compare/history-chart.js";
import { readGateSettings } from "../../src/settings/gate-limits.js";
import { REPO } from "../support/action-run.js";
import { parseMermaid } from "../support/mermaid-parse.js";
import { tensorrtReport } from "../support/reports.js";

const snapshot = (name: string) => path.join(REPO, "test", "__snapshots__", name);
const run = {
  url: "https://github.com/octo/models/actions/runs/4242",
  repository: "octo/models",
  run_id: "4242",
  run_attempt: "1",
  sha: "0123456789abcdef0123456789abcdef01234567",
  ref: "refs/pull/7/merge",
};
const artifact = {
  pte: {
    name: "mlp-build-tensorrt-h100.pte",
    url: "https://github.com/octo/models/actions/runs/4242/artifacts/1002",
  },
  ptd: [
    {
      name: "mlp-build-tensorrt-h100--aoti_cuda_blob.ptd",
      url: "https://github.com/octo/models/actions/runs/4242/artifacts/1000",
    },
  ],
  report: {
    name: "mlp-build-tensorrt-h100.report.json",
    url: "https://github.com/octo/models/actions/runs/4242/artifacts/1001",
  },
};

const timing = (median: number) => ({
  median_ms: median,
  p10_ms: median * 0.9,
  p90_ms: median * 1.1,
  runs: 400,
  median_ci: [median * 0.98, median * 1.02],
});

/** A report@3 benchmark on a GPU through the runtime wheel; `base`: the base build timed beside it. */
const bench = (built: number, eager: number, base?: number) => ({
  method: "paired",
  device: "NVIDIA H100",
  budget_s: 10,
  built: "torch-tensorrt-executorch-runtime 0.1.0",
  built_includes: "host↔device copies of the inputs and outputs on every call",
  compiled: "compiled module",
  threads: null,
  warmup_rounds: 3,
  points: [
    {
      shape: "opt",
      same_as: [],
      eager: timing(eager),
      built: timing(built),
      speedup: eager / built,
      speedup_ci: [(eager / built) * 0.97, (eager / built) * 1.03],
      rounds: 400,
      noisy: false,
      noise: null,
      compiled: {
        timing: timing(built * 0.7),
        speedup: eager / (built * 0.7),
        speedup_ci: [(eager / (built * 0.7)) * 0.97, (eager / (built * 0.7)) * 1.03],
        noisy: false,
        noise: null,
      },
      base:
        base === undefined
          ? null
          : {
              timing: timing(base),
              change: {
                ratio: built / base,
                low: (built / base) * 0.96,
                high: (built / base) * 1.04,
                rounds: 400,
              },
              error: null,
            },
    },
  ],
  base: base === undefined ? null : { sha256: "a".repeat(64), status: "timed", reason: null },
  shape_flags: [],
});

function compared(): { report: Report; baseline: Report } {
  const keptOut = (ops: string[]) => ({ compile_settings: { torch_executed_ops: ops } });
  const baseline = tensorrtReport("tensorrt_weights", {
    run: {
      ...run,
      run_id: "4100",
      url: "https://github.com/octo/models/actions/runs/4100",
      ref: "refs/heads/main",
    },
    details: keptOut(["aten.cos.default"]),
    versions: {
      torch: "2.12.0",
      torch_tensorrt: "2.12.0",
      tensorrt: "10.9.0",
      executorch: "1.4.1",
      python: "3.11.7",
    },
    timings: { "export.export": 3.1, "export.lower": 20.5, "export.accuracy": 1 },
    ...({ benchmark: bench(0.8, 2.4) } as object),
  });
  const current = tensorrtReport("tensorrt_weights_wide", {
    run,
    partition: { TensorRTBackend: 3, CudaBackend: 2, undelegated: 0 },
    details: keptOut(["aten.cos.default", "aten.relu.default"]),
    versions: {
      torch: "2.13.0",
      torch_tensorrt: "2.13.0",
      tensorrt: "10.9.0",
      executorch: "1.4.1",
      python: "3.11.7",
    },
    timings: { "export.export": 3.3, "export.lower": 24.9, "export.accuracy": 1 },
    ...({ benchmark: bench(1.0, 2.4, 0.8) } as object),
  });
  const diff = diffFacts(reportFacts(baseline), reportFacts(current));
  const gates = judgeGates(
    readGateSettings(
      (n) =>
        ({ "max-size-increase": "5MiB", "max-latency-increase": "15%", "max-tensorrt-nodes-lost": "0" })[n] ??
        "",
    ),
    diff,
  );
  const report: Report = {
    ...current,
    comparison: {
      state: "compared",
      base_ref: "main",
      note: null,
      saved: null,
      latency: "Latency: the base build's .pte was timed beside this build in one job, in paired rounds.",
    },
    baseline: {
      ref: "main",
      run: { run_id: "4100", url: baseline.run!.url },
      pte_sha256: "9f".repeat(32),
      schema: "trt-pte/report@2",
    },
    diff,
    gates,
  };
  return { report, baseline };
}

describe("the comparison in the summary and the comment", () => {
  it("renders a compact vs-main section with arrows, percentages and gate verdicts", async () => {
    const { report, baseline } = compared();
    const section = renderComparison(report);
    expect(section).toMatch(
      /^#### vs `main` · \[run 4100\]\(https:\/\/github\.com\/octo\/models\/actions\/runs\/4100\) · `9f9f9f9f9f9f`\n/,
    );
    expect(section).toContain("**Left TensorRT** `aten.relu.default`");
    expect(section).toMatch(/\*\*Nodes\*\* TensorRT 4 → 3 ▼ −1 \(−25\.0%\) · CUDA 1 → 2 ▲ \+1 \(\+100%\)/);
    // The base build's .pte was timed beside this one (the digests match): the paired interval.
    expect(section).toContain(
      "**Latency** at `opt` (median): built 0.8 → 1 ms, ▲ +25% (95% CI +20%…+30%) · same job, 400 paired rounds · eager 2.4 ms → 2.4 ms =",
    );
    expect(section).toContain(
      "❌ `max-latency-increase: 15%` **tripped**: built median at opt +25% (95% CI +20%…+30%, same job): above the limit 15% with 95% confidence",
    );
    expect(section).toContain("✅ `max-size-increase: 5MiB` passed");
    expect(section).toContain(
      "❌ `max-tensorrt-nodes-lost: 0` **tripped**: TensorRT nodes lost +1 (limit 0)",
    );
    // Lines stay short enough for a phone: no table, one fact per bullet.
    expect(section).not.toContain("|");
    const picture = mermaidBlock(report.inspection, { baseline: baseline.inspection });
    expect(await parseMermaid(picture.replace(/^```mermaid\n|```\n$/g, ""))).toMatch(/^flowchart/);
    const earlier = [3, 2, 1].map((n) => ({
      run_id: String(4100 - n),
      sha: `${n}`.repeat(40),
      date: `2026-12-0${n}T10:00:00.000Z`,
      pte_bytes: baseline.pte.bytes,
      ptd_bytes: 0,
      points: [
        {
          shape: "opt",
          built_ms: 0.8 + n / 100,
          built_ci: [0.78 + n / 100, 0.82 + n / 100] as [number, number],
          speedup: 3,
        },
      ],
    }));
    const history = historyMarkdown([...earlier, entryOf(baseline)!], entryOf(report), "this PR");
    expect(await parseMermaid(history.split("```mermaid\n")[1]!.split("```")[0]!)).toBe("xychart");
    const extras = { comparison: section, picture, history };
    await expect(renderSummary(report, artifact, { state: "off" }, extras)).toMatchFileSnapshot(
      snapshot("summary-tensorrt-vs-main.md"),
    );
    await expect(renderComment(report, artifact, extras)).toMatchFileSnapshot(
      snapshot("comment-tensorrt-vs-main.md"),
    );
  });

  it("says when there is nothing to compare with, and leaves the section out when comparison is off", () => {
    const { report } = compared();
    const none = renderComparison({
      ...report,
      comparison: { state: "no_baseline", base_ref: "main", note: null, saved: null },
      baseline: null,
      diff: null,
      gates: [],
    });
    expect(none).toBe("#### vs `main`\n\nNo build of `main` to compare with yet.\n");
    expect(
      renderComparison({
        ...report,
        comparison: { state: "off", base_ref: null, note: null, saved: null },
        baseline: null,
        diff: null,
        gates: [],
      }),
    ).toBe("");
  });

  it("puts a hostile branch name and op names in code spans", () => {
    const { report } = compared();
    const hostile = renderComparison({
      ...report,
      baseline: { ...report.baseline!, ref: "main`](https://evil.example) @team" },
      diff: { ...report.diff!, ops_left_tensorrt: ["a`b` ![x](https://evil.example/x.png)"] },
    });
    expect(hostile).toContain("vs ``main`](https://evil.example) @team``");
    expect(hostile).toContain("``a`b` ![x](https://evil.example/x.png)``");
  });
});
