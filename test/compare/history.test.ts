// The branch's history: chained from baseline to baseline, read as untrusted data (malformed entries
// dropped, never rendered), and drawn as Mermaid xychart-beta charts parsed by Mermaid's own parser.

import { describe, expect, it } from "vitest";
import { HISTORY_LENGTH, chainHistory, entryOf, readEntry, readHistory } from "../../src/compare/history.js";
import { historyCharts, historyMarkdown } from "../../src/compare/history-chart.js";
import type { HistoryEntry } from "../../src/report/comparison.js";
import { parseMermaid } from "../support/mermaid-parse.js";
import { fixtureReport } from "../support/reports.js";

function entry(i: number, overrides: Partial<HistoryEntry> = {}): HistoryEntry {
  return {
    run_id: String(1000 + i),
    sha: (i.toString(16).padStart(2, "0") + "a".repeat(38)).slice(0, 40),
    date: `2026-12-${String((i % 28) + 1).padStart(2, "0")}T10:00:00.000Z`,
    pte_bytes: 7000,
    ptd_bytes: 0,
    points: [
      { shape: "opt", built_ms: 0.4 + i / 100, built_ci: [0.39 + i / 100, 0.42 + i / 100], speedup: 2.1 },
    ],
    ...overrides,
  };
}

describe("the history a push build's baseline carries", () => {
  it("chains the baseline's history and the baseline itself, keeping the newest builds", () => {
    const report = { ...fixtureReport(), run: { ...fixtureRun(), run_id: "2000", sha: "b".repeat(40) } };
    const baseline = { ...report, history: Array.from({ length: HISTORY_LENGTH }, (_, i) => entry(i)) };
    const chained = chainHistory(baseline);
    expect(chained).toHaveLength(HISTORY_LENGTH);
    expect(chained[0]).toEqual(entry(1)); // the oldest fell off
    const own = chained.at(-1)!;
    expect(own).toMatchObject({
      run_id: "2000",
      sha: "b".repeat(40),
      date: report.date,
      pte_bytes: report.pte.bytes,
    });
    const opt = report.benchmark!.points.find((p) => p.shape === "opt")!;
    expect(own.points.find((p) => p.shape === "opt")).toEqual({
      shape: "opt",
      built_ms: opt.built.median_ms,
      built_ci: opt.built.median_ci,
      speedup: opt.speedup,
    });
    expect(chainHistory(null)).toEqual([]);
    // A baseline from before history (report@2: no date) adds nothing of itself.
    const { date: _date, ...old } = report;
    expect(chainHistory(old)).toEqual([]);
  });

  it("drops every malformed entry and keeps the good ones", () => {
    const good = entry(3);
    const bad: unknown[] = [
      null,
      "entry",
      { ...good, sha: 'abc"]; click x "https://evil.example' },
      { ...good, run_id: "12 OR 1=1" },
      { ...good, run_id: 12 },
      { ...good, date: "yesterday" },
      { ...good, date: "2026-12-01T10:00:00Z\nline" },
      { ...good, pte_bytes: -1 },
      { ...good, ptd_bytes: 1.5 },
      { ...good, points: "opt" },
      { ...good, points: [{ ...good.points[0], shape: 'opt"]' }] },
      { ...good, points: [{ ...good.points[0], built_ms: "0.4" }] },
      { ...good, points: [{ ...good.points[0], built_ms: Number.NaN }] },
      { ...good, points: [{ ...good.points[0], built_ci: [0.5, 0.3] }] },
      { ...good, points: [{ ...good.points[0], speedup: -2 }] },
      { ...good, points: [good.points[0], good.points[0], good.points[0], good.points[0]] },
    ];
    for (const b of bad) expect(readEntry(b), JSON.stringify(b)).toBeNull();
    expect(readHistory([...bad, good])).toEqual([good]);
    expect(readHistory({ not: "a list" })).toEqual([]);
    const local = { ...good, run_id: null, sha: "" };
    expect(readEntry(local)).toEqual(local);
  });
});

function fixtureRun() {
  return {
    url: "https://github.com/o/r/actions/runs/2000",
    repository: "o/r",
    run_id: "2000",
    run_attempt: "1",
    sha: "",
    ref: "refs/heads/main",
  };
}

describe("the history as Mermaid xychart-beta", () => {
  it("draws the built latency with its interval, this build last, and parses", async () => {
    const history = [entry(1), entry(2), entry(3)];
    const current = entry(4, { run_id: "5000" });
    const { latency, size } = historyCharts(history, current, "this PR");
    expect(await parseMermaid(latency)).toBe("xychart");
    expect(latency).toContain('x-axis ["01aaaaa", "02aaaaa", "03aaaaa", "this PR"]');
    expect(latency).toContain("line [0.41, 0.42, 0.43, 0.44]");
    expect(latency).toContain("line [0.4, 0.41, 0.42, 0.43]"); // the interval's low bounds
    expect(size).toBe(""); // the size did not change
    const markdown = historyMarkdown(history, current, "this PR");
    expect(markdown).toMatch(/^```mermaid\nxychart-beta\n/);
    expect(markdown).toContain(
      "The last 3 builds of the branch, then this PR: the built median and its 95% interval's bounds",
    );
  });

  it("draws the size when it changed, and nothing without history", async () => {
    const history = [entry(1), entry(2, { pte_bytes: 9000 })];
    const { size } = historyCharts(history, entry(3, { ptd_bytes: 4096 }));
    expect(await parseMermaid(size)).toBe("xychart");
    expect(size).toContain("bar [6.836, 8.789, 10.84]");
    expect(historyMarkdown([], entry(1))).toBe("");
    expect(historyMarkdown(history, null)).toBe("");
  });

  it("keeps labels inert: hostile labels are escaped, hostile entries never reach the chart", async () => {
    const hostile = [
      'x"]; click a "https://evil.example',
      "<img src=x onerror=alert(1)>",
      "line\nbreak\n  line [1, 2]",
      "#quot;#35;; {curly} |pipe|",
      "😀\u202e\u0000",
    ];
    for (const name of hostile) {
      const { latency } = historyCharts([entry(1)], entry(2), name);
      expect(await parseMermaid(latency), name).toBe("xychart");
      expect(latency.split("\n")).toHaveLength(8); // no label started a line of its own
      expect(latency).not.toMatch(/[<>]|evil\.example"|\u202e/);
    }
    const smuggled = readHistory([{ ...entry(1), sha: '"]\nline [9]' }, entry(2)]);
    const { latency } = historyCharts(smuggled, entry(3));
    expect(await parseMermaid(latency)).toBe("xychart");
    expect(latency).not.toContain("line [9]");
    // Tiny and huge numbers stay plain decimals Mermaid reads.
    const tiny = historyCharts(
      [entry(1, { points: [{ shape: "opt", built_ms: 2e-7, built_ci: null, speedup: null }] })],
      entry(2, { points: [{ shape: "opt", built_ms: 12345.6789, built_ci: null, speedup: null }] }),
    );
    expect(await parseMermaid(tiny.latency)).toBe("xychart");
    expect(tiny.latency).toContain("line [0.0000002, 12350]");
  });

  it("reads a report's own entry only when it has what an entry needs", () => {
    expect(entryOf({})).toBeNull();
    expect(entryOf(fixtureReport())).toMatchObject({ pte_bytes: fixtureReport().pte.bytes });
  });
});
