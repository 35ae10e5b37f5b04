// The latency change and its gate, with known answers: measured in the same job (this build timed
// the baseline's own .pte beside it) or across runs (each report's own interval), a gate that trips
// only beyond its limit with 95% confidence, "could not tell" for an interval that straddles it, and
// improvements said as such.

import { describe, expect, it } from "vitest";
import type { Report } from "../../src/report/report.js";
import { reportFacts } from "../../src/compare/facts.js";
import { diffFacts } from "../../src/compare/diff.js";
import { judgeGates } from "../../src/compare/gates.js";
import { builtLatency, diffLines, gateLines, TEXT } from "../../src/compare/render.js";
import { readGateSettings } from "../../src/settings/gate-limits.js";
import { fixtureReport } from "../support/reports.js";

const BASE_SHA = "b".repeat(64);

const timing = (median: number, ci: [number, number] | null) => ({
  median_ms: median,
  p10_ms: median * 0.95,
  p90_ms: median * 1.05,
  runs: 300,
  ...(ci === null ? {} : { median_ci: ci }),
});

/** A report whose opt point has `built` ms (with `ci`), and optionally the base build timed beside it. */
function report(
  sha: string,
  built: number,
  ci: [number, number] | null,
  base?: { ms: number; ratio: number; low: number; high: number; sha?: string },
): Report {
  const r = fixtureReport();
  return {
    ...r,
    pte: { ...r.pte, sha256: sha },
    benchmark: {
      ...r.benchmark!,
      points: [
        {
          shape: "opt",
          eager: timing(2, ci === null ? null : [1.95, 2.05]),
          built: timing(built, ci),
          speedup: 2 / built,
          ...(ci === null ? {} : { speedup_ci: [1.9 / built, 2.1 / built] as [number, number], rounds: 300 }),
          base:
            base === undefined
              ? null
              : {
                  timing: timing(base.ms, null),
                  change: { ratio: base.ratio, low: base.low, high: base.high, rounds: 300 },
                  error: null,
                },
        },
      ],
      base: base === undefined ? null : { sha256: base.sha ?? BASE_SHA, status: "timed", reason: null },
    },
  };
}

const gate = (limit: string) => readGateSettings((n) => (n === "max-latency-increase" ? limit : ""));

describe("the built latency's change", () => {
  it("comes from the paired rounds when this build timed the baseline's own .pte", () => {
    const before = report(BASE_SHA, 0.46, [0.45, 0.47]);
    const after = report("c".repeat(64), 0.48, [0.47, 0.49], {
      ms: 0.461,
      ratio: 1.04,
      low: 0.99,
      high: 1.09,
    });
    const diff = diffFacts(reportFacts(before), reportFacts(after));
    const [p] = diff.latency;
    expect(p!.built_change).toEqual({
      ratio: 1.04,
      interval: [0.99, 1.09],
      how: "same_job",
      verdict: "no_clear_change",
      rounds: 300,
      before_ci: null,
      after_ci: null,
    });
    // The before side is the base build's median measured in this job, not the baseline report's.
    expect(p!.built_median_ms).toMatchObject({ before: 0.461, after: 0.48 });
    expect(builtLatency(p!)).toBe(
      "built 0.461 → 0.48 ms, +4% (95% CI −1%…+9%): no clear change · same job, 300 paired rounds",
    );
    // A 15% gate passes with confidence; a 5% gate cannot tell (the interval reaches +9%).
    expect(judgeGates(gate("15%"), diff)[0]).toMatchObject({
      state: "pass",
      detail: "built median at opt +4% (95% CI −1%…+9%, same job): within the limit 15% with 95% confidence",
    });
    const unclear = judgeGates(gate("5%"), diff)[0]!;
    expect(unclear).toMatchObject({ state: "unclear" });
    expect(unclear.detail).toContain("its interval straddles the limit 5%, so it cannot tell");
    expect(gateLines([unclear])[0]).toMatch(/^⚠️ `max-latency-increase: 5%` could not tell: /);
  });

  it("falls back to across runs when the .pte timed beside is not the baseline's", () => {
    const before = report(BASE_SHA, 0.46, [0.45, 0.47]);
    const after = report("c".repeat(64), 0.5, [0.49, 0.51], {
      ms: 0.3,
      ratio: 1.6,
      low: 1.5,
      high: 1.7,
      sha: "d".repeat(64),
    });
    const [p] = diffFacts(reportFacts(before), reportFacts(after)).latency;
    expect(p!.built_change).toMatchObject({
      how: "across_runs",
      before_ci: [0.45, 0.47],
      after_ci: [0.49, 0.51],
    });
    // [after low / before high, after high / before low]
    expect(p!.built_change!.interval![0]).toBeCloseTo(0.49 / 0.47, 12);
    expect(p!.built_change!.interval![1]).toBeCloseTo(0.51 / 0.45, 12);
    expect(p!.built_change!.verdict).toBe("slower");
    expect(p!.built_median_ms).toMatchObject({ before: 0.46, after: 0.5 });
    expect(builtLatency(p!)).toBe(
      "built 0.46 (0.45–0.47) → 0.5 (0.49–0.51) ms, ▲ +9% (+4%…+13% from both runs' 95% CIs) · across runs",
    );
  });

  it("trips only when the increase is above the limit with 95% confidence", () => {
    const before = report(BASE_SHA, 1, [0.98, 1.02]);
    const slower = report("c".repeat(64), 1.3, [1.28, 1.32], { ms: 1, ratio: 1.3, low: 1.25, high: 1.35 });
    const diff = diffFacts(reportFacts(before), reportFacts(slower));
    expect(judgeGates(gate("20%"), diff)[0]).toMatchObject({
      state: "fail",
      detail:
        "built median at opt +30% (95% CI +25%…+35%, same job): above the limit 20% with 95% confidence",
    });
    expect(judgeGates(gate("30%"), diff)[0]!.state).toBe("unclear");
    expect(judgeGates(gate("40%"), diff)[0]!.state).toBe("pass");
    // An absolute limit in ms: the interval times the base median (1 ms): +0.25…+0.35 ms.
    expect(judgeGates(gate("0.2ms"), diff)[0]!.state).toBe("fail");
    expect(judgeGates(gate("0.3ms"), diff)[0]!.state).toBe("unclear");
    expect(judgeGates(gate("0.4ms"), diff)[0]!.state).toBe("pass");
  });

  it("says an improvement as one, with its interval", () => {
    const before = report(BASE_SHA, 1, [0.98, 1.02]);
    const faster = report("c".repeat(64), 0.82, [0.8, 0.84], { ms: 1, ratio: 0.82, low: 0.79, high: 0.85 });
    const diff = diffFacts(reportFacts(before), reportFacts(faster));
    expect(diff.latency[0]!.built_change!.verdict).toBe("faster");
    expect(builtLatency(diff.latency[0]!)).toContain("▼ −18% (95% CI −21%…−15%)");
    expect(judgeGates(gate("10%"), diff)[0]!.state).toBe("pass");
    // trt-pte diff's plain text carries the interval too.
    expect(diffLines(diff, TEXT).lines.join("\n")).toContain("▼ −18% (95% CI −21%…−15%) · same job");
  });

  it("cannot tell against a report from before intervals, never a pass", () => {
    const old = report(BASE_SHA, 1, null);
    const now = report("c".repeat(64), 1.01, [0.99, 1.03]);
    const diff = diffFacts(reportFacts(old), reportFacts(now));
    expect(diff.latency[0]!.built_change).toMatchObject({ how: "across_runs", interval: null });
    expect(builtLatency(diff.latency[0]!)).toBe(
      "built 1 → 1.01 (0.99–1.03) ms, +1% (no interval: a report from before report@3) · across runs",
    );
    const verdict = judgeGates(gate("50%"), diff)[0]!;
    expect(verdict.state).toBe("unclear");
    expect(verdict.detail).toContain("a report has no interval (written before report@3)");
  });
});
