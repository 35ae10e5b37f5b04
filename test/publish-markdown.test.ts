// The summary and comment markdown, rendered from a real report.json (written by a CLI export of the
// example with a dynamic batch) and compared with reviewed snapshots under test/__snapshots__/.
// The TensorRT rendering combines that report with the inspection of the TR01 fixture, written by
// the real executorch package through a test backend (test/python/generate_pte_fixtures.py).

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NO_EXTRAS, renderSummary } from "../src/publish/summary.js";
import { renderUseIt, useItOf, type FetchSource } from "../src/publish/use-it.js";
import { renderComment } from "../src/publish/comment-body.js";
import { code } from "../src/util/format.js";
import { fitSections } from "../src/util/fit-markdown.js";
import type { Report } from "../src/report/report.js";
import { inspectPte } from "../src/pte/inspect.js";
import { REPO } from "./support/action-run.js";
import { fixturePte } from "./support/pte-fixtures.js";
import { liveMarkdown } from "./support/markdown.js";

const real = (): Report =>
  JSON.parse(
    fs.readFileSync(path.join(REPO, "test/fixtures/reports/xnnpack-dynamic.json"), "utf8"),
  ) as Report;
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
    name: "cos_block-build-xnnpack.pte",
    url: "https://github.com/octo/models/actions/runs/4242/artifacts/1001",
  },
  ptd: [],
  report: {
    name: "cos_block-build-xnnpack.report.json",
    url: "https://github.com/octo/models/actions/runs/4242/artifacts/1000",
  },
};
const snapshot = (name: string) => path.join(REPO, "test", "__snapshots__", name);

describe("job summary and PR comment", () => {
  it("render a fresh xnnpack export", async () => {
    const report = { ...real(), run, artifact_name: "cos_block-build-xnnpack" };
    const useIt = (by: FetchSource) => ({
      ...NO_EXTRAS,
      useIt: renderUseIt(useItOf(report, artifact, "octo/models", by)),
    });
    await expect(
      renderSummary(
        report,
        artifact,
        { state: "created", url: "https://github.com/octo/models/pull/7#issuecomment-9" },
        useIt({ run: "4242" }),
      ),
    ).toMatchFileSnapshot(snapshot("summary-xnnpack.md"));
    await expect(renderComment(report, artifact, useIt({ pr: 7 }))).toMatchFileSnapshot(
      snapshot("comment-xnnpack.md"),
    );
  });

  it("render a cache hit without upload, and a comment that could not be posted", async () => {
    const report: Report = {
      ...real(),
      run,
      // A hit's own stages; the driver's steps (export.*) are the building run's.
      timings: {
        preflight: 0.039,
        cache_restore: 0.12,
        "export.export": 3.1,
        "export.lower": 8,
        "export.run": 2.1,
      },
      cache: {
        enabled: true,
        store: "GitHub cache",
        hit: true,
        key: "trt-pte-out-v1-xnnpack-x",
        from_run: { ...run, run_id: "4100", url: "https://github.com/octo/models/actions/runs/4100" },
        hashed_files: { count: 3, bytes: 2048 },
        layers: [{ layer: "output", state: "hit", key: "trt-pte-out-v1-xnnpack-x" }],
      },
    };
    const summary = renderSummary(report, null, {
      state: "skipped",
      reason: "the pull request comes from a fork, whose token is read-only",
    });
    await expect(summary).toMatchFileSnapshot(snapshot("summary-xnnpack-cache-hit.md"));
  });

  it("list TensorRT engines with their I/O and size", async () => {
    const inspection = inspectPte(fixturePte("tensorrt_tr01"), { ptd: [] });
    const report: Report = {
      ...real(),
      run,
      target: "tensorrt",
      partition: { TensorRTBackend: 4, CudaBackend: 1, undelegated: 0 },
      inspection,
    };
    const summary = renderSummary(report, artifact);
    expect(summary).toMatch(/^- TensorRT engine 0: .+ → .+$/m);
    await expect(summary).toMatchFileSnapshot(snapshot("summary-tensorrt-tr01.md"));
  });

  it("escape what would break a table cell, and only there", () => {
    const report = { ...real(), model: "models/a|b.py:build" };
    report.pte = { ...report.pte, name: "a|b.pte" };
    const summary = renderSummary(report, null);
    // Outside a table a backslash before `|` would show inside the code span; in a cell it must be there.
    expect(summary).toContain("Model `models/a|b.py:build`");
    expect(summary).toContain("| .pte | `a\\|b.pte` · 2.42 KiB |");
    expect(liveMarkdown(summary).code).toEqual(expect.arrayContaining(["models/a|b.py:build", "a|b.pte"]));
  });
});

describe("code: untrusted text as inline code", () => {
  it.each([
    ["plain", "cos_block", "`cos_block`"],
    ["a backtick inside", "a`b", "``a`b``"],
    ["a backtick at the edge", "`x", "`` `x ``"],
    ["a run of backticks", "``x`", "``` ``x` ```"],
    ["spaces at both edges", " a ", "`  a  `"],
    ["nothing", "", "` `"],
    ["a blank line (it would end the paragraph)", "a\n\n[x](y)", "`a  [x](y)`"],
    ["a bidirectional override", "a\u202eb", "`a b`"],
  ])("%s", (_what, value, expected) => {
    expect(code(value)).toBe(expected);
    const shown = liveMarkdown(code(value)).code;
    expect(shown).toEqual([expected === "` `" ? " " : value.replace(/[\n\u202e]/g, " ")]);
  });

  it("cuts long text inside the span", () => {
    const shown = code("x".repeat(500) + "`", 50);
    expect(liveMarkdown(shown).code).toEqual([`${"x".repeat(49)}…`]);
  });
});

describe("fitting a comment into GitHub's limit", () => {
  const section = (i: number) =>
    [
      `#### ${code(`build ${i}`)}`,
      "",
      "- facts",
      "<details><summary>more</summary>",
      "",
      "x".repeat(300),
      "",
      "</details>",
      "```mermaid",
      "graph LR",
      "```",
    ].join("\n");
  const omitted = (n: number) => `…and ${n} more`;

  it("keeps everything that fits", () => {
    const body = fitSections("### head", [section(1)], { maxChars: 10_000, omittedLine: omitted });
    expect(body).toContain("<details>");
  });

  it("drops pictures and details first, then whole sections from the end, never cutting a line", () => {
    const sections = Array.from({ length: 20 }, (_, i) => section(i));
    const lean = fitSections("### head", sections, { maxChars: 200, omittedLine: omitted });
    expect(lean.length).toBeLessThanOrEqual(200);
    expect(lean).not.toContain("<details>");
    expect(lean).not.toContain("mermaid");
    expect(lean).toMatch(/…and \d+ more\n$/);
    const kept = liveMarkdown(lean).headings.filter((h) => h.includes("build"));
    expect(kept.length).toBeGreaterThan(0);
    expect(
      lean
        .split("\n")
        .every((line) => sections.join("\n").includes(line) || /^(### head|…and \d+ more)?$/.test(line)),
    ).toBe(true);
  });
});
