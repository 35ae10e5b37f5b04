// The partition picture: built from what src/pte read in files the real executorch package wrote,
// parsed by Mermaid's own parser (test/support/mermaid-parse.ts), snapshotted for review, and fed
// op and binding names a hostile model could choose.

import path from "node:path";
import { describe, expect, it } from "vitest";
import { inspectPte } from "../../src/pte/inspect.js";
import type { Inspection } from "../../src/pte/inspection.js";
import { mermaidText, partitionMermaid } from "../../src/compare/mermaid.js";
import { parseMermaid } from "../support/mermaid-parse.js";
import { REPO } from "../support/action-run.js";
import { fixtureNames, fixturePte } from "../support/pte-fixtures.js";

const snapshot = (name: string) => path.join(REPO, "test", "__snapshots__", name);

const HOSTILE = [
  'aten::evil"]; click p0_s0 "https://evil.example" _blank; %%',
  "x`y` **bold** [link](https://evil.example) @octocat",
  "<img src=x onerror=alert(1)>&amp;",
  "line\nbreak\r\n::error::injected",
  "end\nsubgraph X\nflowchart LR",
  "#quot;#35;; {curly} |pipe| (paren) ((double))",
  "😀\u202e\u0000",
  "a".repeat(5000),
];

function hostile(inspection: Inspection): Inspection {
  const copy = structuredClone(inspection);
  let n = 0;
  for (const plan of copy.plans)
    for (const step of plan.steps)
      if (step.kind === "kernels") for (const op of step.ops) op.name = HOSTILE[n++ % HOSTILE.length]!;
  for (const d of copy.delegates)
    if (d.payload.format === "tensorrt")
      for (const b of d.payload.io_bindings) b.name = HOSTILE[n++ % HOSTILE.length]!;
  return copy;
}

describe("the partition as a Mermaid flowchart", () => {
  it("parses for every fixture executorch wrote", async () => {
    for (const name of fixtureNames()) {
      const text = partitionMermaid(inspectPte(fixturePte(name)));
      expect(await parseMermaid(text), name).toMatch(/^flowchart/);
    }
  });

  it("shows the calls in instruction order: TensorRT engines with I/O, the CUDA delegate, kernel runs", async () => {
    const text = partitionMermaid(inspectPte(fixturePte("tensorrt_split")));
    const order = [...text.matchAll(/^ {2}p0_(\w+)[[(]/gm)].map((m) => m[1]);
    expect(order[0]).toBe("in");
    expect(order.at(-1)).toBe("out");
    expect(text).toMatch(/TensorRT engine 0 · [\d.]+ KiB<br\/>in: x float32\[2,8\]/);
    expect(text).toContain("TensorRT engine 1");
    expect(text).toContain("CUDA delegate forward/");
    await expect(text).toMatchFileSnapshot(snapshot("mermaid-tensorrt-split.mmd"));
  });

  it("marks what changed against a baseline", async () => {
    const before = inspectPte(fixturePte("tensorrt_cuda"));
    const after = inspectPte(fixturePte("tensorrt_split"));
    const text = partitionMermaid(after, { baseline: before });
    expect(text).toContain("▲ new since baseline");
    expect(text).toContain("Δ changed since baseline");
    expect(text).toMatch(/^ {2}class [\w,]+ changed$/m);
    expect(await parseMermaid(text)).toMatch(/^flowchart/);
    await expect(text).toMatchFileSnapshot(snapshot("mermaid-tensorrt-split-vs-cuda.mmd"));
    // Fewer steps than the baseline: a note says what went.
    const back = partitionMermaid(before, { baseline: after });
    expect(back).toMatch(/removed since baseline: 1 tensorrt step/);
    expect(await parseMermaid(back)).toMatch(/^flowchart/);
  });

  it("escapes hostile op and binding names so the picture still parses and carries no markup", async () => {
    for (const name of ["tensorrt_cuda", "portable", "tensorrt_split", "multi_method"]) {
      const text = partitionMermaid(hostile(inspectPte(fixturePte(name))));
      expect(await parseMermaid(text), name).toMatch(/^flowchart/);
      const labels = [...text.matchAll(/"([^"]*)"/g)].flatMap((m) => m[1]!.split("<br/>"));
      for (const l of labels) {
        expect(l.replace(/#\d+;/g, "")).not.toMatch(/[<>&`"\n\r;|{}#%]/);
        expect(l.length).toBeLessThan(2000);
      }
      expect(text).not.toMatch(/^\s*click\b/m);
      expect(text.split("\n").every((line) => !line.startsWith("::"))).toBe(true);
    }
  });

  it("keeps plain names readable and entity-encodes the rest", () => {
    expect(mermaidText("aten::add.out")).toBe("aten::add.out");
    expect(mermaidText('a"b')).toBe("a#34;b");
    expect(mermaidText("<b>")).toBe("‹b›");
    expect(mermaidText("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`);
  });
});
