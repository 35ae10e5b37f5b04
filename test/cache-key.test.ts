// The output cache key: every input that determines the .pte moves it, nothing else does.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { INPUTS } from "../src/settings/inputs.js";
import { readSettings } from "../src/settings/settings.js";
import { computeOutputKey } from "../src/cache/layers.js";
import { canonicalJson } from "../src/cache/key.js";
import { uncoveredSources, uncoveredWarning } from "../src/cache/key-inputs.js";
import type { Preflight } from "../src/preflight.js";

const pre: Preflight = {
  python: { executable: "/venv/bin/python", version: "3.12.3" },
  packages: { torch: "2.13.0", executorch: "1.4.1", torch_tensorrt: "2.13.0", tensorrt: "11.0.0.114" },
  distributions: {},
  editable: [],
  gpus: [{ name: "NVIDIA H100 80GB HBM3", computeCapability: "9.0", driverVersion: "580.159.04" }],
};

const BASE: Record<string, string> = {
  model: "models/net.py:build",
  target: "tensorrt",
  inputs: "float32[b:1..4..8,3,32,32]",
};

/** A different value for each input; the second element says whether it belongs in the key. */
const ALTERNATIVES: Record<string, [value: string, inKey: boolean]> = {
  model: ["models/net.py:build_small", true],
  inputs: ["float32[b:1..4..16,3,32,32]", true],
  target: ["cuda", true],
  python: ["/opt/other/python", false], // its effect reaches the key through the versions it reports
  "output-dir": ["elsewhere", false],
  "artifact-name": ["custom", false],
  "retention-days": ["3", false],
  upload: ["false", false],
  cache: ["false", false],
  "cache-dir": ["/var/cache/trt-pte", false],
  "cache-dir-max-size": ["1GiB", false],
  "hash-files": ["models/*.py", true], // no longer covers the weights file
  "engine-cache": ["true", true], // engines are then built refittable
  "engine-cache-max-size": ["1GiB", false],
  comment: ["true", false],
  "gpu-name": ["a100", false], // names the artifact, not the build
  precision: ["fp16", true],
  "min-block-size": ["1", true],
  "torch-executed-ops": ["aten.cos.default", true],
  "require-full-compilation": ["true", true],
  "optimization-level": ["5", true],
  "workspace-size": ["1GiB", true],
  "hardware-compatible": ["true", true],
  "truncate-double": ["true", true],
  "fallback-data-dependent-ops": ["true", true],
  tolerance: ["0.5", false], // judges the .pte, does not make it: a hit is re-judged against it
  "github-token": ["ghs_other", false],
  // What runs and times the .pte is in the request the driver gets, and its findings are in the entry's
  // report, which a hit publishes: a hit must not answer for a run that was set up differently.
  runner: ["/opt/executor_runner", true],
  "benchmark-seconds": ["0", true],
  "fail-on-nondeterminism": ["true", true],
  // Names of variables, not their values; see docs/caching.md on what the key leaves to you.
  "env-passthrough": ["WANDB_*", false],
  // Comparison with the base branch and its gates judge the .pte against a baseline and run on a hit
  // too (docs/comparing.md): they never make it.
  compare: ["false", false],
  "max-size-increase": ["10%", false],
  "max-latency-increase": ["15%", false],
  "max-tensorrt-nodes-lost": ["0", false],
  "max-error-increase": ["50%", false],
  // Which models a call builds; each one's key is its own settings, its name included (below).
  config: ["trt-pte.yml", false],
  only: ["detector", false],
};

let workspace: string;
const key = async (values: Record<string, string>, preflight: Preflight = pre, driver = "driver-v1") => {
  const settings = readSettings((n) => values[n] ?? "", { workspace, allowedRoots: [] });
  return (await computeOutputKey(settings, preflight, driver)).key;
};

beforeAll(() => {
  workspace = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-key-"));
  fs.mkdirSync(path.join(workspace, "models", "weights"), { recursive: true });
  fs.writeFileSync(path.join(workspace, "models", "net.py"), "def build(): ...\n");
  fs.writeFileSync(path.join(workspace, "models", "weights", "net.safetensors"), Buffer.alloc(1024, 7));
  fs.writeFileSync(path.join(workspace, "README.md"), "unrelated\n");
});

describe("output cache key", () => {
  it("has an alternative value and a decision for every action input", () => {
    expect(Object.keys(ALTERNATIVES).sort()).toEqual(INPUTS.map((i) => i.name).sort());
  });

  it.each(Object.entries(ALTERNATIVES))(
    "changing %s moves the key exactly when it determines the .pte",
    async (name, [value, inKey]) => {
      const before = await key(BASE);
      const after = await key({ ...BASE, [name]: value });
      if (inKey) expect(after).not.toBe(before);
      else expect(after).toBe(before);
    },
  );

  it.each(["python", "torch", "torch_tensorrt", "tensorrt", "executorch"])(
    "moves with the %s version",
    async (pkg) => {
      const changed: Preflight =
        pkg === "python"
          ? { ...pre, python: { ...pre.python, version: "3.12.4" } }
          : { ...pre, packages: { ...pre.packages, [pkg]: "9.9.9" } };
      expect(await key(BASE, changed)).not.toBe(await key(BASE));
    },
  );

  it("moves with the GPU name, compute capability and driver major, not the driver minor", async () => {
    const gpu = pre.gpus[0]!;
    const withGpu = (g: Partial<typeof gpu>) => ({ ...pre, gpus: [{ ...gpu, ...g }] });
    const base = await key(BASE);
    expect(await key(BASE, withGpu({ name: "NVIDIA L4" }))).not.toBe(base);
    expect(await key(BASE, withGpu({ computeCapability: "8.9" }))).not.toBe(base);
    expect(await key(BASE, withGpu({ driverVersion: "590.10.01" }))).not.toBe(base);
    expect(await key(BASE, withGpu({ driverVersion: "580.200.00" }))).toBe(base);
  });

  it("moves with a trt-pte.yml model's name, which names its files", async () => {
    const named = (name: string) =>
      computeOutputKey(
        readSettings((n) => BASE[n as keyof typeof BASE] ?? "", { workspace, allowedRoots: [], name }),
        pre,
        "driver-v1",
      ).then((k) => k.key);
    expect(await named("small")).not.toBe(await named("large"));
  });

  it("ignores the GPU for CPU targets", async () => {
    const cpu = { ...BASE, target: "xnnpack" };
    expect(await key(cpu, { ...pre, gpus: [] })).toBe(await key(cpu));
  });

  it("moves with the content of model files and weights, and with the driver's own code", async () => {
    const base = await key(BASE);
    const weights = path.join(workspace, "models", "weights", "net.safetensors");
    fs.writeFileSync(weights, Buffer.alloc(1024, 8));
    expect(await key(BASE)).not.toBe(base);
    fs.writeFileSync(weights, Buffer.alloc(1024, 7));
    expect(await key(BASE)).toBe(base);
    expect(await key(BASE, pre, "driver-v2")).not.toBe(base);
  });

  it("does not move with unrelated files or earlier outputs", async () => {
    const base = await key(BASE);
    fs.writeFileSync(path.join(workspace, "README.md"), "changed\n");
    fs.mkdirSync(path.join(workspace, "trt-pte-out", "x"), { recursive: true });
    fs.writeFileSync(path.join(workspace, "trt-pte-out", "x", "leftover.py"), "x = 1\n");
    fs.mkdirSync(path.join(workspace, ".venv", "lib"), { recursive: true });
    fs.writeFileSync(path.join(workspace, ".venv", "lib", "site.py"), "x = 2\n");
    expect(await key(BASE)).toBe(base);
  });

  it("moves with a model file outside the workspace", async () => {
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-models-"));
    const file = path.join(outside, "net.py");
    fs.writeFileSync(file, "def build(): return 1\n");
    const spec = { ...BASE, model: `${file}:build` };
    const before = await key(spec);
    fs.writeFileSync(file, "def build(): return 2\n");
    expect(await key(spec)).not.toBe(before);
  });

  it("moves with the model file even when hash-files does not match it", async () => {
    const spec = { ...BASE, "hash-files": "models/weights/*" };
    const net = path.join(workspace, "models", "net.py");
    const before = await key(spec);
    fs.writeFileSync(net, "def build(): return 3\n");
    const after = await key(spec);
    fs.writeFileSync(net, "def build(): ...\n");
    expect(after).not.toBe(before);
  });

  it("moves with any installed distribution's version, not with pip, setuptools or wheel", async () => {
    const withDists = (d: Record<string, string>): Preflight => ({ ...pre, distributions: d });
    const dists = { timm: "1.0.9", transformers: "4.56.0", pip: "25.2", setuptools: "80.0", wheel: "0.45" };
    const base = await key(BASE, withDists(dists));
    expect(await key(BASE, withDists({ ...dists, timm: "1.0.10" }))).not.toBe(base);
    expect(await key(BASE, withDists({ ...dists, my_team_pkg: "0.1" }))).not.toBe(base);
    expect(await key(BASE, withDists({ ...dists, pip: "25.3", setuptools: "81.0", wheel: "0.46" }))).toBe(
      base,
    );
  });

  it("moves with the sources of an editable install, whose version does not move", async () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-editable-"));
    fs.mkdirSync(path.join(project, "src", "teamlib"), { recursive: true });
    const module = path.join(project, "src", "teamlib", "layers.py");
    fs.writeFileSync(module, "WIDTH = 8\n");
    const withEditable: Preflight = {
      ...pre,
      distributions: { teamlib: "0.1.0" },
      editable: [{ name: "teamlib", path: project }],
    };
    const before = await key(BASE, withEditable);
    fs.writeFileSync(module, "WIDTH = 16\n");
    const after = await key(BASE, withEditable);
    expect(after).not.toBe(before);
    fs.writeFileSync(path.join(project, "notes.txt"), "not code\n");
    expect(await key(BASE, withEditable)).toBe(after);
  });

  it("stays a valid @actions/cache key: no commas, at most 512 characters", async () => {
    const k = await key({ ...BASE, model: `models/net.py:${"f".repeat(300)}` });
    expect(k).not.toContain(",");
    expect(k.length).toBeLessThanOrEqual(512);
  });
});

describe("sources the key does not cover", () => {
  it("names imported files outside hash-files, the model file and editable installs", () => {
    const ws = fs.realpathSync(workspace);
    const project = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-editable-")));
    const elsewhere = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-elsewhere-")));
    const sources = [
      path.join(ws, "models", "net.py"),
      path.join(ws, "tools", "helpers.py"),
      path.join(project, "teamlib", "layers.py"),
      path.join(elsewhere, "net.py"),
      path.join(elsewhere, "blocks.py"),
    ];
    const uncovered = uncoveredSources(sources, {
      workspace,
      hashed: new Set(["models/net.py"]),
      modelFile: path.join(elsewhere, "net.py"),
      editableRoots: [project],
    });
    expect(uncovered).toEqual([path.join(ws, "tools", "helpers.py"), path.join(elsewhere, "blocks.py")]);
    const warning = uncoveredWarning(uncovered, ws);
    expect(warning).toContain("tools/helpers.py");
    expect(warning).toContain(path.join(elsewhere, "blocks.py"));
    expect(warning).toMatch(/hash-files/);
    expect(warning).toMatch(/pip install -e/);
  });
});

describe("canonicalJson", () => {
  it("sorts keys at every level and drops undefined", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined, x: 0 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[2,{"x":0,"z":1}]},"b":1}',
    );
  });
});
