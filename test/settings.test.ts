import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  checkLinks,
  defaultTolerance,
  parseSizeInput,
  parseOpList,
  readSettings,
  type Settings,
  type Context,
} from "../src/settings/settings.js";
import { buildRequest } from "../src/export.js";
import { defaultArtifactName, modelName, sanitizeName } from "../src/settings/names.js";
import { SettingsError } from "../src/errors.js";

const ctx: Context = { workspace: "/ws", allowedRoots: ["/runner/tmp"] };
const read = (values: Record<string, string>) => readSettings((name) => values[name] ?? "", ctx);

describe("readSettings", () => {
  it("fills the defaults of action.yml", () => {
    const s = read({ model: "examples/cos_block.py:build" });
    expect(s).toMatchObject({
      target: "tensorrt",
      python: "python3",
      upload: true,
      retentionDays: undefined,
      artifactName: "cos_block-build-tensorrt",
      outputDir: "/ws/trt-pte-out/cos_block-build-tensorrt",
      modelName: "cos_block-build",
      inputs: [],
      compile: { precision: "fp32", torchExecutedOps: [] },
      tolerance: 0.01,
    });
  });

  it("appends gpu-name to the default artifact name, never to one the user chose", () => {
    const model = "examples/cos_block.py:build";
    expect(read({ model, "gpu-name": "a100" })).toMatchObject({
      gpuName: "a100",
      artifactName: "cos_block-build-tensorrt-a100",
      outputDir: "/ws/trt-pte-out/cos_block-build-tensorrt-a100",
    });
    expect(read({ model, "gpu-name": "a100", "artifact-name": "mine" }).artifactName).toBe("mine");
    expect(read({ model }).gpuName).toBe("");
  });

  it("parses typed values", () => {
    const s = read({
      model: "m.py:f",
      target: "xnnpack",
      upload: "false",
      "retention-days": "7",
      inputs: "int8[2]",
    });
    expect(s).toMatchObject({
      target: "xnnpack",
      upload: false,
      retentionDays: 7,
      inputs: [{ dtype: "int8" }],
    });
  });

  it("resolves a path-like python against the workspace and leaves a bare name for PATH", () => {
    expect(read({ model: "m.py:f", python: ".venv/bin/python" }).python).toBe("/ws/.venv/bin/python");
    expect(read({ model: "m.py:f", python: "python3.11" }).python).toBe("python3.11");
  });

  it.each([
    [{}, "model: is required"],
    [{ model: "model.py" }, "model: 'model.py' is not of the form path/to/file.py:factory"],
    [{ model: "m.py:f", target: "tpu" }, "target: unknown target 'tpu'"],
    [{ model: "m.py:f", upload: "maybe" }, "upload: 'maybe' is not a boolean"],
    [{ model: "m.py:f", "retention-days": "91" }, "retention-days: 91 is out of range"],
    [{ model: "m.py:f", "retention-days": "a week" }, "retention-days: 'a week' is not a whole number"],
    [{ model: "m.py:f", inputs: "float32[1" }, "inputs: at 1:10: expected ',' or ']'"],
    [
      { model: "m.py:f", "output-dir": "../elsewhere" },
      "output-dir: '../elsewhere' resolves to /elsewhere, outside the workspace /ws",
    ],
    [{ model: "m.py:f", "output-dir": "/etc" }, "output-dir: '/etc' resolves to /etc, outside the workspace"],
  ])("%j is refused: %s", (values, message) => {
    expect(() => read(values)).toThrow(SettingsError);
    expect(() => read(values)).toThrow(message);
  });

  it("reads how the .pte is run and timed, and sends it to the driver", () => {
    const model = "examples/cos_block.py:build";
    const defaults = read({ model });
    expect(defaults).toMatchObject({ runner: null, benchmarkSeconds: 10, failOnNondeterminism: false });
    const s = read({
      model,
      runner: "build/executor_runner",
      "benchmark-seconds": "0",
      "fail-on-nondeterminism": "true",
    });
    expect(s).toMatchObject({
      runner: "/ws/build/executor_runner",
      benchmarkSeconds: 0,
      failOnNondeterminism: true,
    });
    expect(buildRequest(s, "/out")).toMatchObject({
      runner: "/ws/build/executor_runner",
      benchmark_seconds: 0,
      fail_on_nondeterminism: true,
    });
    expect(() => read({ model, "benchmark-seconds": "-1" })).toThrow(/benchmark-seconds/);
  });

  it("accepts an output folder in the runner's temp dir", () => {
    expect(read({ model: "m.py:f", "output-dir": "/runner/tmp/out" }).outputDir).toBe(
      path.join("/runner/tmp/out", "m-f-tensorrt"),
    );
  });
});

describe("folders reached through links", () => {
  // A workspace with what a pull request can commit: links to folders outside it, and one that
  // points nowhere (a write through it would create its target).
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-links-")));
  const ws = path.join(root, "ws");
  const runnerTemp = path.join(root, "runner-temp");
  const outside = path.join(root, "home", ".ssh");
  fs.mkdirSync(path.join(ws, "sub"), { recursive: true });
  fs.mkdirSync(runnerTemp);
  fs.mkdirSync(outside, { recursive: true });
  fs.symlinkSync(outside, path.join(ws, "trt-pte-out"));
  fs.symlinkSync(outside, path.join(ws, "sub", "escape"));
  fs.symlinkSync(path.join(ws, "sub"), path.join(ws, "inside"));
  fs.symlinkSync(runnerTemp, path.join(ws, "to-temp"));
  fs.symlinkSync(path.join(root, "nowhere"), path.join(ws, "dangling"));
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
  const linked: Context = { workspace: ws, allowedRoots: [runnerTemp] };
  const readIn = (values: Record<string, string>) => readSettings((name) => values[name] ?? "", linked);

  it.each([
    [
      "the default output folder, committed as a link",
      {},
      `${ws}/trt-pte-out leads to ${outside} through a link`,
    ],
    [
      "a folder below a link",
      { "output-dir": "sub/escape/deeper" },
      `${ws}/sub/escape/deeper leads to ${outside}/deeper through a link`,
    ],
    [
      "a link that points nowhere",
      { "output-dir": "dangling/out" },
      "a link to something that does not exist",
    ],
  ])("refuses %s", (_what, values, message) => {
    const read = () => readIn({ model: "m.py:f", ...values });
    expect(read).toThrow(SettingsError);
    expect(read).toThrow(message);
    expect(read).toThrow(/^output-dir: /);
  });

  it("takes a link that stays inside the workspace or the runner's temp dir", () => {
    expect(readIn({ model: "m.py:f", "output-dir": "inside/out" }).outputDir).toBe(
      path.join(ws, "inside", "out", "m-f-tensorrt"),
    );
    expect(readIn({ model: "m.py:f", "output-dir": "to-temp" }).outputDir).toBe(
      path.join(ws, "to-temp", "m-f-tensorrt"),
    );
  });

  it("refuses .trt-pte and the cache folders the same way", () => {
    fs.mkdirSync(path.join(ws, ".trt-pte"));
    fs.symlinkSync(outside, path.join(ws, ".trt-pte", "cache"));
    try {
      expect(() =>
        checkLinks(".trt-pte/cache/timing", path.join(ws, ".trt-pte/cache/timing"), linked),
      ).toThrow(
        `.trt-pte/cache/timing: ${ws}/.trt-pte/cache/timing leads to ${outside}/timing through a link`,
      );
      expect(() => checkLinks(".trt-pte", path.join(ws, ".trt-pte"), linked)).not.toThrow();
    } finally {
      fs.rmSync(path.join(ws, ".trt-pte"), { recursive: true });
    }
  });
});

describe("Torch-TensorRT settings", () => {
  const seed = {
    model: "examples/cos_block.py:build",
    "min-block-size": "1",
    "torch-executed-ops": "aten.cos.default",
  };

  it("reads every setting and sends only the ones set, in the driver's vocabulary", () => {
    const s = read({
      ...seed,
      precision: "fp16",
      "torch-executed-ops": "torch.ops.aten.cos.default,\n aten.add.Tensor ,aten.cos.default\n",
      "optimization-level": "5",
      "workspace-size": "2GiB",
      "hardware-compatible": "true",
      "truncate-double": "false",
      "fallback-data-dependent-ops": "yes",
      tolerance: "1e-1",
    });
    expect(s.compile).toEqual({
      precision: "fp16",
      minBlockSize: 1,
      torchExecutedOps: ["aten.cos.default", "aten.add.Tensor"],
      requireFullCompilation: undefined,
      optimizationLevel: 5,
      workspaceSize: 2 * 2 ** 30,
      hardwareCompatible: true,
      truncateDouble: false,
      fallbackDataDependentOps: true,
    });
    expect(s.tolerance).toBe(0.1);
    const request = buildRequest(s, "/ws/out");
    expect(request.compile).toEqual({
      precision: "fp16",
      min_block_size: 1,
      torch_executed_ops: ["aten.cos.default", "aten.add.Tensor"],
      optimization_level: 5,
      workspace_size: 2147483648,
      hardware_compatible: true,
      truncate_double: false,
      fallback_data_dependent_ops: true,
    });
    expect(request.tolerance).toBe(0.1);
  });

  it("leaves unset settings out of the request, so each release's defaults apply", () => {
    const request = buildRequest(read({ model: "m.py:f", target: "xnnpack" }), "/ws/out");
    expect(request.compile).toEqual({ precision: "fp32" });
    expect(request.tolerance).toBe(1e-4);
  });

  it("picks the tolerance per target and precision; none only reports", () => {
    expect(read({ model: "m.py:f", precision: "bf16" }).tolerance).toBe(0.1);
    expect(read({ model: "m.py:f", target: "cuda" }).tolerance).toBe(0.01);
    expect(read({ model: "m.py:f", target: "portable" }).tolerance).toBe(
      defaultTolerance("portable", "fp32"),
    );
    expect(read({ model: "m.py:f", tolerance: "None" }).tolerance).toBeNull();
    expect(read({ model: "m.py:f", tolerance: ".5" }).tolerance).toBe(0.5);
    expect(defaultTolerance("tensorrt", "fp16")).toBe(0.05);
  });

  it.each(["workspace-size", "cache-dir-max-size", "engine-cache-max-size"])(
    "reads %s with the one size grammar and the same errors",
    (name) => {
      const with_ = (value: string) => ({ model: "m.py:f", "cache-dir": "/runner/tmp/c", [name]: value });
      const bytes = (s: Settings): number | undefined =>
        ({
          "workspace-size": s.compile.workspaceSize,
          "cache-dir-max-size": s.cache.dirMaxBytes,
          "engine-cache-max-size": s.cache.engineCacheMaxBytes,
        })[name];
      expect(bytes(read(with_("1.5GiB")))).toBe(1.5 * 2 ** 30);
      expect(bytes(read(with_("20g")))).toBe(20 * 2 ** 30);
      expect(bytes(read(with_("1048576")))).toBe(2 ** 20);
      expect(() => read(with_("2GB"))).toThrow(`${name}: '2GB' is not a size`);
      expect(() => read(with_("2GB"))).toThrow(
        expect.objectContaining({
          hint: "write bytes, or a number with a binary unit: 1048576, 512MiB, 20GiB",
        }),
      );
      expect(() => read(with_("0"))).toThrow(`${name}: '0' is out of range`);
      expect(() => read(with_("9000000T"))).toThrow(`${name}: '9000000T' is out of range`);
    },
  );

  it("parses sizes and op lists", () => {
    expect(parseSizeInput("workspace-size", "1073741824")).toBe(2 ** 30);
    expect(parseSizeInput("workspace-size", "512 MiB")).toBe(512 * 2 ** 20);
    expect(parseSizeInput("workspace-size", "64kib")).toBe(65536);
    expect(parseOpList("torch-executed-ops", " ,\n")).toEqual([]);
  });

  it.each([
    [{ ...seed, precision: "fp8" }, "precision: unknown precision 'fp8'"],
    [{ ...seed, "min-block-size": "0" }, "min-block-size: 0 is out of range"],
    [{ ...seed, "optimization-level": "6" }, "optimization-level: 6 is out of range"],
    [{ ...seed, "torch-executed-ops": "aten.cos" }, "torch-executed-ops: 'aten.cos' is not an op overload"],
    [{ ...seed, "torch-executed-ops": "cos(x)" }, "torch-executed-ops: 'cos(x)' is not an op overload"],
    [{ ...seed, "workspace-size": "2GB" }, "workspace-size: '2GB' is not a size"],
    [{ ...seed, "workspace-size": "0" }, "workspace-size: '0' is out of range"],
    [{ ...seed, "hardware-compatible": "maybe" }, "hardware-compatible: 'maybe' is not a boolean"],
    [{ ...seed, tolerance: "tight" }, "tolerance: 'tight' is not a number"],
    [{ ...seed, tolerance: "-1" }, "tolerance: '-1' is not a number"],
    [
      { ...seed, "require-full-compilation": "true" },
      "require-full-compilation: cannot be true while `torch-executed-ops` keeps ops out of TensorRT",
    ],
    [
      { model: "m.py:f", "require-full-compilation": "true", "fallback-data-dependent-ops": "true" },
      "require-full-compilation: cannot be true together with `fallback-data-dependent-ops`",
    ],
    [{ ...seed, target: "xnnpack" }, "min-block-size: applies only to target tensorrt (target is xnnpack)"],
    [{ model: "m.py:f", target: "cuda", precision: "fp16" }, "precision: applies only to target tensorrt"],
  ])("%j is refused: %s", (values, message) => {
    expect(() => read(values)).toThrow(SettingsError);
    expect(() => read(values)).toThrow(message);
  });
});

describe("names", () => {
  it("derive the model name from file or module and factory", () => {
    expect(modelName("examples/cos_block.py:build")).toBe("cos_block-build");
    expect(modelName("pkg.vision.resnet:make")).toBe("resnet-make");
  });

  it("sanitise artifact names to characters GitHub and file systems accept", () => {
    expect(sanitizeName('a:b<c>d|e*f?g"h\\i/j k')).toBe("a-b-c-d-e-f-g-h-i-j-k");
    expect(sanitizeName("..")).toBe("model");
    expect(sanitizeName("x".repeat(300))).toHaveLength(200);
    expect(defaultArtifactName("m.py:f", "tensorrt", "H100 80GB HBM3")).toBe("m-f-tensorrt-H100-80GB-HBM3");
  });
});

describe("env-passthrough", () => {
  it("takes names and globs by commas, spaces or lines, once each", () => {
    expect(read({ model: "m.py:f" }).envPassthrough).toEqual([]);
    expect(
      read({ model: "m.py:f", "env-passthrough": "WANDB_*, MY_VAR\nMY_VAR  GITHUB_SHA" }).envPassthrough,
    ).toEqual(["WANDB_*", "MY_VAR", "GITHUB_SHA"]);
  });

  it.each([
    ["INPUT_GITHUB-TOKEN", "would pass INPUT_* to the model's process"],
    ["input_model", "would pass INPUT_*"],
    ["ACTIONS_RUNTIME_TOKEN", "would pass ACTIONS_*"],
    ["GITHUB_TOKEN", "would pass GITHUB_TOKEN"],
    ["GITHUB_*", "would pass GITHUB_TOKEN"],
    ["GITHUB_ENV", "would pass GITHUB_ENV"],
    ["GITHUB_PATH", "would pass GITHUB_PATH"],
    ["GITHUB_OUTPUT", "would pass GITHUB_OUTPUT"],
    ["GITHUB_STATE", "would pass GITHUB_STATE"],
    ["GITHUB_STEP_SUMMARY", "would pass GITHUB_STEP_SUMMARY"],
    ["*", "would pass INPUT_*"],
    ["G*Y", "would pass GITHUB_STEP_SUMMARY"],
    ["TMPDIR", "names TMPDIR, which trt-pte sets to the run's own temp folder"],
    ["TRITON_*", "names TRITON_CACHE_DIR"],
    ["MY VAR=1", "'VAR=1' is not a variable name or glob"],
    ["$(id)", "'$(id)' is not a variable name or glob"],
  ])("refuses %s", (value, message) => {
    const values = { model: "m.py:f", "env-passthrough": value };
    expect(() => read(values)).toThrow(SettingsError);
    expect(() => read(values)).toThrow(/^env-passthrough: /);
    expect(() => read(values)).toThrow(message);
  });
});
