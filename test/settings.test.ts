import path from "node:path";
import { describe, expect, it } from "vitest";
import { readSettings, type Context } from "../src/settings/settings.js";
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

  it("accepts an output folder in the runner's temp dir", () => {
    expect(read({ model: "m.py:f", "output-dir": "/runner/tmp/out" }).outputDir).toBe(
      path.join("/runner/tmp/out", "m-f-tensorrt"),
    );
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
