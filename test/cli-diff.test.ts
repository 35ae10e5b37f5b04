// `trt-pte diff` as users run it: the bundled CLI (dist/cli/index.js) under Node 24, on .pte files the
// real executorch package wrote (with the .ptd files beside them) and on report.json files.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { NODE24, REPO } from "./support/action-run.js";
import { fixtureDir, fixturePte } from "./support/pte-fixtures.js";
import { inspectPte } from "../src/pte/inspect.js";
import { runnerCommands } from "./support/runner-commands.js";

const CLI = path.join(REPO, "dist", "cli", "index.js");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-diff-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(NODE24, [CLI, "diff", ...args], { encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

interface DiffDoc {
  schema: string;
  a: { file: string; sha256: string };
  diff: {
    size: Record<
      "pte" | "delegates" | "constants" | "named_data" | "ptd",
      { before: number; after: number; delta: number }
    >;
    engines: { state: string; inputs: { before: string[]; after: string[] } }[];
    payloads: Record<string, { before: number; after: number }>;
    delegates: Record<string, { before: number; after: number }>;
    kernels: { added: string[]; removed: string[] };
  };
  gates: { state: string }[];
}

describe("trt-pte diff", () => {
  it("diffs two TensorRT-layout .pte files: engines and their I/O, CUDA blobs in the .ptd beside each", () => {
    const a = fixturePte("tensorrt_weights");
    const b = fixturePte("tensorrt_weights_wide");
    const run = cli("--json", a, b);
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout) as DiffDoc; // stdout holds only the JSON
    expect(doc.schema).toBe("trt-pte/diff@2");
    expect(doc.a.sha256).toMatch(/^[0-9a-f]{64}$/);
    const [ia, ib] = [inspectPte(a), inspectPte(b)];
    expect(doc.diff.size.pte).toMatchObject({
      before: ia.file.bytes,
      after: ib.file.bytes,
      delta: ib.file.bytes - ia.file.bytes,
    });
    expect((doc.diff.size.pte as unknown as { percent: number }).percent).toBeCloseTo(
      ((ib.file.bytes - ia.file.bytes) * 100) / ia.file.bytes,
    );
    expect(Number.isInteger(doc.diff.size.delegates.delta)).toBe(true);
    expect(doc.diff.size.ptd.before).toBe(
      fs.statSync(path.join(fixtureDir("tensorrt_weights"), "aoti_cuda_blob.ptd")).size,
    );
    expect(doc.diff.engines[0]).toMatchObject({
      state: "changed",
      inputs: { before: ["x float32[2,8]"], after: ["x float32[2,32]"] },
    });
    expect(Object.keys(doc.diff.payloads)).toContain("CUDA forward/1 weights_blob (.ptd)");

    const text = cli(a, b);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^.*tensorrt_weights\/model\.pte → .*tensorrt_weights_wide\/model\.pte\n/);
    expect(text.stdout).toMatch(
      /^ {2}\.pte: [\d.]+ KiB → [\d.]+ KiB ▲ \+[\d.]+ KiB \(\+[\d.]+%\): delegates \+[\d.]+ KiB$/m,
    );
    expect(text.stdout).toMatch(/^ {2}TensorRT engine 0: .* inputs x float32\[2,8\] ⇒ x float32\[2,32\]$/m);
    expect(text.stdout).not.toContain("**");
  });

  it("sees delegates, payloads and kernels change between a portable and an XNNPACK build", () => {
    const run = cli("--json", fixturePte("portable"), fixturePte("xnnpack"));
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout) as DiffDoc;
    expect(doc.diff.delegates.XnnpackBackend).toMatchObject({ before: 0, after: 1 });
    expect(Object.keys(doc.diff.payloads)).toEqual(["XNNPACK forward/0"]);
    expect(doc.diff.kernels.removed.length).toBeGreaterThan(0);
    expect(doc.diff.kernels.removed).toContain("aten::relu.out");
  });

  it("diffs two report.json files and gates on request: exit 1 with a regression line when one trips", () => {
    const report = JSON.parse(
      fs.readFileSync(path.join(REPO, "test/fixtures/reports/xnnpack-dynamic.json"), "utf8"),
    ) as {
      pte: { bytes: number };
    };
    const a = path.join(dir, "a.json");
    const b = path.join(dir, "b.json");
    fs.writeFileSync(a, JSON.stringify(report));
    fs.writeFileSync(b, JSON.stringify({ ...report, pte: { ...report.pte, bytes: report.pte.bytes * 2 } }));
    const ungated = cli(a, b);
    expect(ungated.code).toBe(0);
    expect(ungated.stdout).toMatch(/\.pte: [\d.]+ KiB → [\d.]+ KiB ▲ .*\(\+100%\)/);
    // The latency at each shape, across the two runs, with each report's interval and the change's.
    expect(ungated.stdout).toMatch(
      /^ {2}Latency: at opt \(median\): built [\d.]+ \([\d.]+–[\d.]+\) → [\d.]+ \([\d.]+–[\d.]+\) ms, \+0\.0% \(−[\d.]+%…\+[\d.]+% from both runs' 95% CIs\): no clear change · across runs/m,
    );
    // A latency gate cannot tell from two runs' intervals that straddle it: a warning, exit 0.
    const unclear = cli("--json", "--max-latency-increase", "0%", a, b);
    expect(unclear.code).toBe(0);
    expect((JSON.parse(unclear.stdout) as DiffDoc).gates[0]!.state).toBe("unclear");
    const tripped = cli("--json", "--max-size-increase", "10%", a, b);
    expect(tripped.code).toBe(1);
    expect((JSON.parse(tripped.stdout) as DiffDoc).gates[0]!.state).toBe("fail");
    expect(tripped.stderr).toMatch(
      /^regression: max-size-increase 10%: \.pte \+ \.ptd size \+100\.0% \(limit 10%\)\n$/,
    );
    expect(cli("--max-size-increase", "200%", a, b).code).toBe(0);
  });

  it("prints strings from the files readable and never as a workflow command, in text, JSON and errors", () => {
    const report = JSON.parse(
      fs.readFileSync(path.join(REPO, "test/fixtures/reports/xnnpack-dynamic.json"), "utf8"),
    ) as { pte: { bytes: number }; versions: Record<string, string>; partition: Record<string, number> };
    const a = path.join(dir, "##[warning]a.json");
    const b = path.join(dir, "hostile-b.json");
    fs.writeFileSync(a, JSON.stringify(report));
    fs.writeFileSync(
      b,
      JSON.stringify({
        ...report,
        pte: { ...report.pte, bytes: report.pte.bytes * 2 },
        versions: { ...report.versions, torch: "##[error]forged", "::warning::x": "1" },
        partition: { ...report.partition, "##[add-mask]secret": 3 },
      }),
    );
    for (const args of [
      [a, b],
      ["--json", a, b],
      ["--max-size-increase", "1%", a, b],
    ]) {
      const run = cli(...args);
      expect(run.code, run.stderr).toBe(args.length === 4 ? 1 : 0);
      expect(runnerCommands(run.stdout)).toEqual([]);
      expect(runnerCommands(run.stderr)).toEqual([]);
      // Readable as it is: the invisible mark taken out of text, `\u005b` decoded in JSON.
      expect(run.stdout.replace(/\u200b/g, "").replace(/\\u005b/g, "[")).toContain("##[error]forged");
    }
    const json = JSON.parse(cli("--json", a, b).stdout) as DiffDoc & { a: { file: string } };
    expect(json.a.file).toBe(a); // the JSON decodes to the names as they are
    // A file that fails to read: its name and the parser's message go through the same helper.
    fs.writeFileSync(path.join(dir, "##[error]bad.json"), "{");
    const bad = cli(path.join(dir, "##[error]bad.json"), b);
    expect(bad.code).toBe(1);
    expect(runnerCommands(bad.stderr)).toEqual([]);
  });

  it("compares a .pte with a report.json on what both know only", () => {
    const report = path.join(REPO, "test/fixtures/reports/xnnpack-dynamic.json");
    const run = cli(fixturePte("xnnpack"), report);
    expect(run.code, run.stderr).toBe(0);
    // A .pte records no nodes, accuracy, latency or versions: none of them reads as changed or unchanged.
    expect(run.stdout).not.toMatch(/nodes|accuracy|latency|executorch|torch|–/);
    expect(run.stdout).toMatch(/\.pte: [\d.]+ KiB → [\d.]+ KiB/);
    const doc = JSON.parse(cli("--json", fixturePte("xnnpack"), report).stdout) as {
      diff: { versions: unknown[]; accuracy: unknown; nodes: object };
    };
    expect(doc.diff.versions).toEqual([]);
    expect(doc.diff.accuracy).toBeNull();
    expect(doc.diff.nodes).toEqual({});
  });

  it("answers usage errors with exit 2 and unreadable files with exit 1", () => {
    expect(cli(fixturePte("portable")).code).toBe(2);
    expect(cli("--bogus", "a", "b").code).toBe(2);
    const bad = cli("--max-size-increase", "lots", fixturePte("portable"), fixturePte("xnnpack"));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("max-size-increase: 'lots' is not a limit");
    expect(cli(path.join(dir, "missing.pte"), fixturePte("portable")).stderr).toContain("cannot read");
    fs.writeFileSync(path.join(dir, "bad.json"), "{");
    expect(cli(path.join(dir, "bad.json"), path.join(dir, "bad.json")).stderr).toContain("not a report.json");
  });
});
