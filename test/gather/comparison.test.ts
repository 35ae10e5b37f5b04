// The report step's comment shows each GPU's build against its base branch, from the report.json the
// build uploaded: computed by the action for real reports, and read as checked data from a forged one
// (the fork-PR commenter reads results from runs it does not trust).

import { describe, expect, it } from "vitest";
import { readResults } from "../../src/gather/results.js";
import { groupCalls } from "../../src/gather/calls.js";
import { renderCall } from "../../src/gather/render.js";
import type { RunLinks } from "../../src/github/run-links.js";
import { reportFacts } from "../../src/compare/facts.js";
import { diffFacts } from "../../src/compare/diff.js";
import { judgeGates } from "../../src/compare/gates.js";
import { readGateSettings } from "../../src/settings/gate-limits.js";
import { KEY, resultsDir, sampleReport, writeResult } from "../support/build-results.js";
import { liveMarkdown } from "../support/markdown.js";
import { runMarker } from "../../src/github/sticky-comment.js";

const links: RunLinks = { server: "https://github.com", repository: "octo/models", runId: "4242" };

function comparedReport(gpu: string, grownBy: number): Record<string, unknown> {
  const before = sampleReport(gpu);
  const after = sampleReport(gpu, {
    pte: { ...(before.pte as object), bytes: 3 * 1024 * 1024 + grownBy },
    partition: { TensorRTBackend: 2, CudaBackend: 2, undelegated: 0 },
  });
  const diff = diffFacts(reportFacts(before), reportFacts(after));
  return {
    ...after,
    schema: "trt-pte/report@2",
    comparison: { state: "compared", base_ref: "main", note: null, saved: null },
    baseline: {
      ref: "main",
      run: { run_id: "4100", url: "https://evil.example/not-used" },
      pte_sha256: "e".repeat(64),
      schema: "trt-pte/report@2",
    },
    diff,
    gates: judgeGates(
      readGateSettings((n) => (n === "max-size-increase" ? "10%" : "")),
      diff,
    ),
  };
}

function comment(dir: string): string {
  const { results, unreadable } = readResults(dir);
  const [call] = groupCalls(results, unreadable, KEY, { models: [], gpus: [] });
  return renderCall(call!, links, "abcdef1");
}

describe("the call's comment with each GPU's comparison", () => {
  it("shows the diff and gate verdicts per GPU, the baseline's link rebuilt from its run ID", () => {
    const dir = resultsDir();
    writeResult(dir, { gpu: "a100", report: comparedReport("a100", 512 * 1024) });
    writeResult(dir, { gpu: "h100", outcome: "failure", report: comparedReport("h100", 2 * 1024 * 1024) });
    writeResult(dir, { gpu: "l4" }); // an older report@1: no comparison
    const body = comment(dir);
    // After the head (with the rollup, which names every GPU too): one section per GPU.
    const sections = body.split(/^#### /m).slice(1);
    const a100 = sections.find((s) => s.includes("`a100`"))!;
    const h100 = sections.find((s) => s.includes("`h100`"))!;
    const l4 = sections.find((s) => s.includes("`l4`"))!;
    expect(a100).toContain("- **vs `main`** ([run 4100](https://github.com/octo/models/actions/runs/4100)):");
    expect(a100).toMatch(/^ {2}- \*\*\.pte\*\* 3\.00 MiB → 3\.50 MiB ▲ \+512 KiB \(\+16\.7%\)$/m);
    expect(a100).toMatch(
      /^ {2}- \*\*Nodes\*\* TensorRT 3 → 2 ▼ −1 \(−33\.3%\) · CUDA 1 → 2 ▲ \+1 \(\+100%\)$/m,
    );
    expect(a100).toContain("❌ `max-size-increase: 10%` **tripped**");
    // The build failed on its gate after publishing: its comparison still shows why.
    expect(h100).toContain("The build failed");
    expect(h100).toMatch(/\*\*\.pte\*\* 3\.00 MiB → 5\.00 MiB ▲/);
    expect(l4).not.toContain("vs ");
    expect(liveMarkdown(body).links.every((l) => l.startsWith("https://github.com/octo/models/"))).toBe(true);
  });

  it("says a comparison is advisory in its own words, never the report's", () => {
    const dir = resultsDir();
    const advisory = comparedReport("a100", 1024);
    advisory.comparison = {
      ...(advisory.comparison as object),
      advisory: "Advisory: [trust me](https://evil.example) @org/security-team",
    };
    writeResult(dir, { gpu: "a100", report: advisory });
    writeResult(dir, { gpu: "h100", report: comparedReport("h100", 1024) });
    const sections = comment(dir)
      .split(/^#### /m)
      .slice(1);
    const a100 = sections.find((s) => s.includes("`a100`"))!;
    const h100 = sections.find((s) => s.includes("`h100`"))!;
    expect(a100).toContain(
      "  - ⚠️ Advisory: this baseline came from a cache scope the code this pull request builds can save into, so it may not be `main`'s build",
    );
    expect(a100).not.toContain("evil.example");
    expect(a100).not.toContain("@org");
    expect(h100).not.toContain("Advisory");
  });

  it("keeps a forged comparison inert: names as code, links rebuilt, numbers recomputed, lists capped", () => {
    const dir = resultsDir();
    const forged = comparedReport("a100", 1024) as Record<string, unknown> & {
      diff: Record<string, unknown>;
    };
    forged.baseline = {
      ref: "main](https://evil.example) @team",
      run: { run_id: "../../evil", url: "https://evil.example" },
      pte_sha256: "x",
    };
    forged.diff.size = { pte: { before: 100, after: 200, delta: -5, percent: 9999 } };
    forged.diff.ops_left_tensorrt = Array.from(
      { length: 500 },
      (_, i) => `op${i} [x](https://evil.example) <img src=x>`,
    );
    forged.diff.nodes = { "<script>alert(1)</script>": { before: 1, after: 2 } };
    forged.gates = [
      {
        gate: "size",
        input: "max-size-increase",
        limit: "10%",
        state: "fail",
        detail: "![i](https://evil.example/i.png) @octocat",
      },
      { gate: "x", input: "not-a-gate", limit: "1", state: "fail", detail: "dropped" },
    ];
    writeResult(dir, { gpu: "a100", report: forged });
    const body = comment(dir);
    const live = liveMarkdown(body);
    expect(live.links.every((l) => l.startsWith("https://github.com/octo/models/"))).toBe(true);
    expect(live.images).toEqual([]);
    // The only HTML is trt-pte's own hidden run line, of digits.
    expect(live.html).toEqual([`${runMarker("4242")}\n`]);
    expect(live.prose).not.toContain("@team");
    expect(live.prose).not.toContain("@octocat");
    expect(body).toContain("▲ +100 B (+100%)"); // from before/after, not the forged delta
    expect(body).not.toContain("not-a-gate");
    expect((body.match(/\bop\d+\b/g) ?? []).length).toBeLessThanOrEqual(32);
    expect(body).not.toContain("run ../../evil");
  });
});
