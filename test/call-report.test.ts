// The summary and the one comment of an action call that built a trt-pte.yml's models: the rollup
// first, a section per model with its details collapsed, failures named, and the comment within
// GitHub's size limit at 150 models with the rollup always whole.

import { describe, expect, it } from "vitest";
import {
  commentSection,
  renderCallComment,
  renderCallSummary,
  rollupRow,
  type ModelView,
} from "../src/publish/call-report.js";
import { rollupText } from "../src/publish/rollup.js";
import { mermaidBlock } from "../src/compare/mermaid.js";
import { TrtPteError } from "../src/errors.js";
import { COMMENT_MAX_CHARS, withoutExtras } from "../src/util/fit-markdown.js";
import { NOT_COMPARED, type Report } from "../src/report/report.js";
import { fixtureReport } from "./support/reports.js";
import { liveMarkdown } from "./support/markdown.js";

function built(name: string, overrides: Partial<Report> = {}): ModelView {
  // The fixture was written before report@2's comparison fields: this run compared nothing.
  const report: Report = {
    ...fixtureReport(),
    comparison: NOT_COMPARED,
    baseline: null,
    diff: null,
    gates: [],
    model_name: name,
    artifact_name: `${name}-xnnpack`,
    ...overrides,
  };
  return {
    name,
    target: "xnnpack",
    report,
    // One artifact per file; the .pte's id is the name's length, the report's one more.
    downloads: {
      pte: {
        name: `${name}-xnnpack.pte`,
        url: `https://github.com/octo/models/actions/runs/4242/artifacts/${name.length}`,
      },
      ptd: [],
      report: {
        name: `${name}-xnnpack.report.json`,
        url: `https://github.com/octo/models/actions/runs/4242/artifacts/${name.length + 1}`,
      },
    },
    extras: { comparison: "", picture: mermaidBlock(report.inspection) },
    error: null,
  };
}

const failed = (name: string): ModelView => ({
  name,
  target: "portable",
  report: null,
  downloads: null,
  extras: { comparison: "", picture: "" },
  error: new TrtPteError(
    "model_error",
    "the model factory 'build' raised RuntimeError: no weights [x](https://evil.example) @octocat",
  ),
});

describe("a trt-pte.yml call's comment", () => {
  it("has the rollup first, then a section per model with its details collapsed", () => {
    const body = renderCallComment([built("detector"), failed("broken")], "trt-pte.yml", "");
    const [head, ...sections] = body.split(/^#### /m);
    expect(head).toMatch(
      /^### trt-pte: 1 of 2 models built · `trt-pte\.yml`\n\n\| Model \| Target \| Result \|/,
    );
    expect(head).toContain(
      "| [`detector`](https://github.com/octo/models/actions/runs/4242/artifacts/8) | `xnnpack` | ✅ built |",
    );
    expect(head).toContain(
      "| `broken` | `portable` | ❌ failed: `model_error: the model factory 'build' raised",
    );
    expect(sections[0]).toMatch(/^✅ `detector` · `xnnpack`\n\n\[⬇ detector-xnnpack\.pte\]\(.*\) · /);
    expect(sections[0]).toContain("<details><summary>Details</summary>");
    expect(sections[0]).toContain("<details><summary>Partition</summary>");
    expect(sections[1]).toContain("❌ `broken` · `portable`\n\nFailed: `model_error: the model factory");
    // The model's own text (its exception) stays inert.
    const live = liveMarkdown(body);
    expect(live.prose).not.toContain("@octocat");
    expect(live.links.some((l) => l.includes("evil"))).toBe(false);
  });

  it("drops nested details whole when it must make room, keeping each section's line", () => {
    const section = commentSection(built("detector"));
    const lean = withoutExtras(section);
    expect(lean).not.toContain("details>");
    expect(lean).not.toContain("```");
    expect(lean).not.toContain("| Nodes |");
    expect(lean).toMatch(/^#### ✅ `detector` · `xnnpack`\n\n\[⬇ detector-xnnpack\.pte\]/);
  });

  it("fits 150 models in one comment: every rollup row kept, the rest counted", () => {
    const views = Array.from({ length: 150 }, (_, i) =>
      i % 10 === 9
        ? failed(`model-${String(i).padStart(3, "0")}-${"y".repeat(40)}`)
        : built(`model-${String(i).padStart(3, "0")}-${"x".repeat(40)}`),
    );
    const body = renderCallComment(views, "trt-pte.yml", "<sub>Updated by run 1.</sub>");
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS - 100);
    const rows = body.split("\n").filter((l) => /^\| (\[)?`model-/.test(l));
    expect(rows).toHaveLength(150);
    expect(body).toMatch(/^### trt-pte: 135 of 150 models built/);
    const sections = body.split(/^#### /m).length - 1;
    expect(sections).toBeGreaterThan(0);
    expect(sections).toBeLessThan(150);
    expect(body).toContain(
      `…and ${150 - sections} more models that did not fit in one comment: see the job summary.`,
    );
    expect(body.trimEnd().endsWith("<sub>Updated by run 1.</sub>")).toBe(true);
  });

  it("a summary with the rollup, where the comment went, and each model's full summary", () => {
    const summary = renderCallSummary([built("detector"), failed("broken")], "trt-pte.yml", {
      state: "created",
      url: "https://github.com/octo/models/pull/7#issuecomment-1",
    });
    expect(summary).toMatch(/^### trt-pte: 1 of 2 models built/);
    expect(summary.indexOf("| Model |")).toBeLessThan(summary.indexOf("### trt-pte · detector · xnnpack"));
    expect(summary).toContain("PR comment: [posted](https://github.com/octo/models/pull/7#issuecomment-1)");
    expect(summary).toContain("### ❌ `broken` · `portable`\n\nFailed: `model_error:");
  });
});

describe("the rollup", () => {
  it("says result, target, size, latency, cache and what changed, one line per model, for a terminal too", () => {
    const views = [built("detector"), failed("broken")];
    const rows = views.map(rollupRow);
    expect(rows[0]).toMatchObject({
      state: "built",
      cache: "off",
      bytes: fixtureReport().pte.bytes,
      changes: "not compared",
    });
    expect(rows[0]!.latency).toMatch(
      /^[0-9.]+ ms \(p10–p90 [0-9.]+–[0-9.]+\), [0-9.]+× \(95% CI [0-9.]+–[0-9.]+\) vs eager$/,
    );
    expect(rows[1]).toMatchObject({ state: "failed", bytes: null, latency: "" });
    const text = rollupText(rows);
    expect(text).toHaveLength(2);
    expect(text[0]).toMatch(/^ok {6}detector {2}xnnpack {3}\S+ \S+ {2}.* ms .*cache off {2}not compared$/);
    expect(text[1]).toMatch(/^failed {2}broken {4}portable {2}- +- +- +model_error: the model factory/);
  });
});
