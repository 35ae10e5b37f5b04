// The report step for a `config` call: builds of several models × GPUs in one comment with the
// rollup first and a section per build, models × GPUs that sent nothing reported as missing, outputs
// per model and GPU, and the comment within GitHub's size limit at 150 builds.

import { describe, expect, it } from "vitest";
import { readResults } from "../../src/gather/results.js";
import { artifactEntries, byBuild, groupCalls } from "../../src/gather/calls.js";
import { renderCall } from "../../src/gather/render.js";
import { COMMENT_MAX_CHARS } from "../../src/util/fit-markdown.js";
import type { RunLinks } from "../../src/github/run-links.js";
import { KEY, resultsDir, sampleReport, writeResult } from "../support/build-results.js";
import { liveMarkdown } from "../support/markdown.js";

const links: RunLinks = { server: "https://github.com", repository: "octo/models", runId: "4242" };
const COMMIT = "1111111111111111111111111111111111111111";

function report(name: string, gpu: string, extra: Record<string, unknown> = {}) {
  return sampleReport(gpu, {
    model_name: name,
    artifact_name: `${name}-tensorrt-${gpu}`,
    cache: { enabled: true, hit: name === "detector" },
    benchmark: {
      points: [
        {
          shape: "opt",
          built: { median_ms: 0.41, p10_ms: 0.4, p90_ms: 0.45, runs: 200 },
          eager: { median_ms: 1.9, p10_ms: 1.85, p90_ms: 2.01, runs: 200 },
          speedup: 4.6,
        },
      ],
    },
    ...extra,
  });
}

function call(write: (dir: string) => void, models: string[], gpus: string[]) {
  const dir = resultsDir();
  write(dir);
  const { results, unreadable } = readResults(dir);
  const [summary] = groupCalls(results, unreadable, KEY, { models, gpus });
  return { summary: summary!, results };
}

describe("a `config` call's comment", () => {
  it("starts with the rollup, a row per model × GPU, then a section per build; a missing build is named", () => {
    const { summary } = call(
      (dir) => {
        for (const gpu of ["a100", "l4"]) {
          writeResult(dir, {
            name: "detector",
            gpu,
            artifactId: gpu === "a100" ? "11" : "12",
            report: report("detector", gpu),
          });
        }
        writeResult(dir, {
          name: "segmenter",
          gpu: "a100",
          outcome: "failure",
          artifactId: "",
          report: null,
        });
      },
      ["detector", "segmenter"],
      ["a100", "l4"],
    );
    const body = renderCall(summary, links, COMMIT);
    const [head, ...sections] = body.split(/^#### /m);
    expect(head).toMatch(/^### trt-pte: 2 of 4 builds succeeded\n/);
    expect(head).toContain("| Model | GPU | Target | Result | Size | Latency | Cache | Changes |");
    expect(head).toContain(
      "| [`detector`](https://github.com/octo/models/actions/runs/4242/artifacts/11) | `a100` | `tensorrt` | ✅ built | 3.00 MiB | 0.410 ms (p10–p90 0.400–0.450), 4.6× eager | hit | – |",
    );
    expect(head).toContain("| `segmenter` | `a100` | `tensorrt` | ❌ failed | – | – | – | – |");
    expect(head).toContain("| `segmenter` | `l4` | – | ⚠️ no result | – | – | – | – |");
    expect(sections.map((s) => s.split("\n")[0])).toEqual([
      "✅ `detector` · `tensorrt` · `a100`",
      "✅ `detector` · `tensorrt` · `l4`",
      "❌ `segmenter` · `tensorrt` · `a100`",
      "⚠️ `segmenter` · `l4`",
    ]);
    expect(liveMarkdown(body).links.every((l) => l.startsWith("https://github.com/octo/models/"))).toBe(true);
  });

  it("outputs an entry per build and ids/urls by model, then GPU", () => {
    const { results } = call(
      (dir) => {
        writeResult(dir, {
          name: "detector",
          gpu: "a100",
          artifactId: "11",
          report: report("detector", "a100"),
        });
        writeResult(dir, { name: "detector", gpu: "l4", artifactId: "12", report: report("detector", "l4") });
        writeResult(dir, {
          name: "segmenter",
          gpu: "a100",
          artifactId: "13",
          report: report("segmenter", "a100"),
        });
      },
      [],
      [],
    );
    const entries = artifactEntries(results, links);
    expect(entries.map((e) => [e.model, e.gpu, e["artifact-name"]])).toEqual([
      ["detector", "a100", "detector-tensorrt-a100"],
      ["detector", "l4", "detector-tensorrt-l4"],
      ["segmenter", "a100", "segmenter-tensorrt-a100"],
    ]);
    expect(byBuild(entries, "artifact-id")).toEqual({
      detector: { a100: "11", l4: "12" },
      segmenter: { a100: "13" },
    });
    // A call with `model` keeps its outputs by GPU.
    expect(byBuild([{ ...entries[0]!, model: undefined }], "artifact-id")).toEqual({ a100: "11" });
  });

  it("refuses a result whose name is not a model name", () => {
    const dir = resultsDir();
    writeResult(dir, { name: "a b](https://evil.example)", gpu: "a100" });
    const { results, unreadable } = readResults(dir);
    expect(results).toEqual([]);
    expect(unreadable[0]!.reason).toMatch(/^name '.*' is not a model name$/);
  });

  it("fits 150 builds (50 models × 3 GPUs) in one comment: every rollup row kept, sections cut with a count", () => {
    const gpus = ["a100", "l4", "orin"];
    const models = Array.from(
      { length: 50 },
      (_, i) => `model-${String(i).padStart(2, "0")}-${"x".repeat(40)}`,
    );
    const { summary } = call(
      (dir) => {
        let id = 100;
        for (const name of models)
          for (const gpu of gpus)
            writeResult(dir, { name, gpu, artifactId: String(id++), report: report(name, gpu) });
      },
      models,
      gpus,
    );
    expect(summary.results).toHaveLength(150);
    const body = renderCall(summary, links, COMMIT);
    // The marker line goes in front of it.
    expect(body.length).toBeLessThanOrEqual(COMMENT_MAX_CHARS - 128);
    const rows = body.split("\n").filter((l) => /^\| \[`model-/.test(l));
    expect(rows).toHaveLength(150);
    expect(body).not.toContain("more rows");
    const sections = body.split(/^#### /m).length - 1;
    expect(sections).toBeGreaterThan(0);
    expect(sections).toBeLessThan(150);
    expect(body).toContain(`…and ${150 - sections} more sections that did not fit in one comment`);
  });
});
