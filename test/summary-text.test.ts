// The terminal gets text: the CLI prints the summary as aligned rows, with no table pipes, code
// fences, bold markers or Mermaid source, rendered from the real CLI-written report of the example
// (plus a model with named outputs) and compared with reviewed snapshots. The same rows render the
// job summary (publish-markdown.test.ts), so the two never say different things.

import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderSummaryText } from "../src/publish/summary.js";
import { alignedRows, markdownSection, plainText } from "../src/publish/plain-text.js";
import { renderComparison } from "../src/compare/render.js";
import { mermaidBlock } from "../src/compare/mermaid.js";
import { code } from "../src/util/format.js";
import { renderUseIt, useItOf } from "../src/publish/use-it.js";
import type { Report } from "../src/report/report.js";
import { REPO } from "./support/action-run.js";
import { fixtureReport } from "./support/reports.js";

const run = {
  url: "https://github.com/octo/models/actions/runs/4242",
  repository: "octo/models",
  run_id: "4242",
  run_attempt: "1",
  sha: "0123456789abcdef0123456789abcdef01234567",
  ref: "refs/pull/7/merge",
};
const snapshot = (name: string) => path.join(REPO, "test", "__snapshots__", name);

/** The example's report, as a detector with dict outputs would have it. */
function detector(): Report {
  const report = fixtureReport();
  return {
    ...report,
    run,
    outputs: [
      { name: "scores", dtype: "float32", shape: [4, 10] },
      { name: "boxes", dtype: "float32", shape: [4, 10, 4] },
    ],
  };
}

/** The text with each wrapped value back on its row's line. */
const unwrapped = (text: string): string => text.replace(/\n {10,}/g, " ");

function expectNoMarkdown(text: string): void {
  expect(text).not.toMatch(/\||```|\*\*|flowchart|<br\/>|\]\(/);
  expect(text).not.toContain("`");
}

describe("the summary in a terminal", () => {
  it("is aligned text, with the picture left to inspect --mermaid", async () => {
    const report = detector();
    const file = (name: string) => ({ name, url: `/w/.trt-pte/artifacts/${name}` });
    const downloads = {
      pte: file("cos_block-build-xnnpack.pte"),
      ptd: [],
      report: file("cos_block-build-xnnpack.report.json"),
    };
    const extras = {
      comparison: "",
      picture: mermaidBlock(report.inspection),
      useIt: renderUseIt(useItOf(report, downloads, "", null)),
    };
    const text = renderSummaryText(report, downloads, { state: "off" }, extras);
    expectNoMarkdown(text.slice(0, text.indexOf("\nUse it\n")));
    expect(text).not.toMatch(/```|<details>|<\/?summary>/);
    // "Use it" last, its code flush left as it runs.
    expect(text).toMatch(
      /\nUse it\n {2}Run the .pte in ExecuTorch's Python runtime:\n\nimport torch\nfrom executorch\.runtime import Runtime\n/,
    );
    expect(text).toMatch(/^Outputs +scores float32\[4,10\] · boxes float32\[4,10,4\]$/m);
    expect(text).toContain("The partition as a picture: trt-pte inspect --mermaid on the .pte");
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
    await expect(text).toMatchFileSnapshot(snapshot("summary-xnnpack.txt"));
  });

  it("on a cache hit, says what ran now and what the earlier run measured (Time, Memory)", async () => {
    const report: Report = {
      ...detector(),
      timings: {
        preflight: 0.04,
        cache_restore: 0.12,
        "export.export": 3.1,
        "export.lower": 8,
        "export.run": 2.1,
      },
      cache: {
        enabled: true,
        store: "GitHub cache",
        hit: true,
        key: "k",
        from_run: { ...run, run_id: "4100", url: "https://github.com/octo/models/actions/runs/4100" },
        hashed_files: null,
        layers: [{ layer: "output", state: "hit", key: "k" }],
      },
    };
    const text = renderSummaryText(report, null);
    expectNoMarkdown(text);
    expect(unwrapped(text)).toMatch(
      /^Time +now: preflight 40 ms · cache restore 120 ms \(no export ran\) · the export that built it: 13\.2 s, of which run & time 2\.1 s · measured by run 4100/m,
    );
    expect(unwrapped(text)).toMatch(/^Memory +host peak of the export [\d.]+ MiB · measured by run 4100$/m);
    // The run's address once, where it first appears; its later mentions keep their words.
    expect(text.match(/actions\/runs\/4100/g)).toHaveLength(1);
    await expect(text).toMatchFileSnapshot(snapshot("summary-xnnpack-cache-hit.txt"));
  });

  it("renders the comparison section as text", () => {
    const section = renderComparison({
      comparison: { state: "compared", base_ref: "main", note: null, saved: null },
      baseline: { ref: "main", run: null, pte_sha256: "ab".repeat(32), schema: "trt-pte/report@2" },
      diff: null,
      gates: [],
    });
    const text = markdownSection(section);
    expectNoMarkdown(text);
    expect(text.split("\n")[0]).toBe("vs main · abababababab");
  });
});

describe("plainText", () => {
  it("keeps a code span's text as it is, whatever it holds", () => {
    for (const raw of ["a`b", "``x``", " lead", "trail ", "**not bold**", "[not](a link)", "a | b"]) {
      expect(plainText(`before ${code(raw)} after`)).toBe(`before ${raw} after`);
    }
  });

  it("turns trt-pte's links and bold into words", () => {
    expect(
      plainText("[⬇ net-xnnpack](https://x/artifacts/1) · **cache hit**: built by run [41](https://x/41)"),
    ).toBe("⬇ net-xnnpack (https://x/artifacts/1) · cache hit: built by run 41 (https://x/41)");
  });

  it("aligns and wraps rows under their values", () => {
    const text = alignedRows(
      [
        ["Target", "xnnpack"],
        ["Latency", "word ".repeat(30).trim()],
      ],
      40,
    );
    expect(text.split("\n").slice(0, 3)).toEqual([
      "Target   xnnpack",
      "Latency  word word word word word word",
      "         word word word word word word",
    ]);
  });
});
