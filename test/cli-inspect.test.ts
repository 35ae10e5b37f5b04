// `trt-pte inspect` as users run it: the bundled CLI (dist/cli/index.js) under Node 24.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { inspectPte } from "../src/pte/inspect.js";
import { INSPECTION_SCHEMA, type Inspection } from "../src/pte/inspection.js";
import { NODE24, REPO } from "./support/action-run.js";
import { fixturePte, fixturePtds } from "./support/pte-fixtures.js";
import { runnerCommands } from "./support/runner-commands.js";

const CLI = path.join(REPO, "dist", "cli", "index.js");
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-inspect-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const run = spawnSync(NODE24, [CLI, "inspect", ...args], { encoding: "utf8" });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("trt-pte inspect", () => {
  it("prints the tree: plans, operators, delegates with engine I/O, segments, bytes", () => {
    const run = cli(fixturePte("tensorrt_cuda"));
    expect(run.code, run.stderr).toBe(0);
    const tree = run.stdout;
    expect(tree).toMatch(/^model\.pte {2}10\.\d KiB {2}\(ET12, program .*, 4 segments\)\n/);
    expect(tree).toContain("├─ plan forward");
    expect(tree).toContain("et_copy::_h2d_copy.out  ×1");
    expect(tree).toMatch(/\[0\] TensorRTBackend {2}forward\/0 {2}segment 1 @\d+ {2}5\.26 KiB/);
    expect(tree).toContain("compile specs: target_device=cuda:0");
    expect(tree).toContain(
      "TensorRT TR01: engine 4.96 KiB, hardware_compatible false, device 0, platform linux_x86_64",
    );
    expect(tree).toContain("in  x  float32[2,8]");
    expect(tree).toContain("out output_0  float32[2,4]");
    expect(tree).toMatch(/weights_blob {2}[0-9a-f]{64}_weights_blob {2}64 B {2}in aoti_cuda_blob\.ptd/);
    expect(tree).toMatch(/└─ bytes: program .* · delegates .* · total 10\.\d KiB \(\+ \.ptd 320 B\)\n$/);
  });

  it("prints the same data as the stable JSON form with --json", () => {
    const run = cli("--json", fixturePte("tensorrt_cuda"));
    expect(run.code, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout) as Inspection;
    expect(printed.schema).toBe(INSPECTION_SCHEMA);
    expect(printed).toEqual(inspectPte(fixturePte("tensorrt_cuda")));
  });

  it("reads the .ptd files beside the .pte by default, or those given with --ptd", () => {
    const alone = path.join(dir, "alone.pte");
    fs.copyFileSync(fixturePte("cuda"), alone);
    const without = cli("--json", alone);
    expect((JSON.parse(without.stdout) as Inspection).external_keys[0]!.found_in).toBeNull();
    expect(cli(alone).stdout).toContain("needs from .ptd (1, 1 MISSING)");
    const given = cli("--json", alone, "--ptd", fixturePtds("cuda")[0]!);
    expect((JSON.parse(given.stdout) as Inspection).external_keys[0]!.found_in).toBe("aoti_cuda_blob.ptd");
  });

  it("fails with the byte offset and structure on a malformed file (exit 1)", () => {
    const bad = path.join(dir, "bad.pte");
    const bytes = fs.readFileSync(fixturePte("tensorrt_tr01"));
    fs.writeFileSync(bad, bytes.subarray(0, 40));
    const run = cli(bad);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/bad\.pte: at byte \d+ \(.+\): .+\n {2}hint: /);
    expect(cli(path.join(dir, "missing.pte")).stderr).toContain("cannot read");
  });

  it("answers usage errors with exit 2", () => {
    expect(cli().code).toBe(2);
    expect(cli("a.pte", "b.pte").stderr).toContain("expected one .pte file, got 2");
    expect(cli("--bogus", "a.pte").code).toBe(2);
    const help = spawnSync(NODE24, [CLI, "--help"], { encoding: "utf8" });
    expect(help.stdout).toContain("trt-pte inspect FILE.pte [--json | --mermaid] [--ptd FILE.ptd ...]");
  });
});

describe("trt-pte inspect on a .pte with hostile names", () => {
  // A real .pte whose delegate id and engine output name were rewritten in place (same lengths, so
  // the flatbuffer and the TR01 header stay valid): one a legacy command, one a line break + command.
  function hostile(): string {
    const bytes = fs.readFileSync(fixturePte("tensorrt_tr01"));
    const swap = (from: string, to: string) => {
      expect(to.length).toBe(from.length);
      let at = bytes.indexOf(from);
      expect(at).toBeGreaterThanOrEqual(0);
      for (; at >= 0; at = bytes.indexOf(from, at + 1)) bytes.write(to, at, "latin1");
    };
    swap("TensorRTBackend", "##[warning]pwn!");
    swap("output_0", "\n::error");
    const file = path.join(dir, "hostile.pte");
    fs.writeFileSync(file, bytes);
    return file;
  }

  it("prints them readable and never as a workflow command, in the tree and in JSON", () => {
    const file = hostile();
    const run = cli(file);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.replace(/\u200b/g, "")).toContain("##[warning]pwn!");
    expect(runnerCommands(run.stdout)).toEqual([]);
    const json = cli(file, "--json");
    expect(json.code, json.stderr).toBe(0);
    expect(runnerCommands(json.stdout)).toEqual([]);
    const inspection = JSON.parse(json.stdout) as Inspection;
    expect(inspection.delegates[0]!.id).toBe("##[warning]pwn!");
  });
});
