import { describe, expect, it } from "vitest";
import { checkTarget, missingFor, type Preflight } from "../src/preflight.js";
import { TrtPteError } from "../src/errors.js";

const cpuOnly: Preflight = {
  python: { executable: "/venv/bin/python", version: "3.11.7" },
  packages: { torch: "2.13.0", executorch: "1.4.1", torch_tensorrt: null, tensorrt: null },
  distributions: {},
  editable: [],
  gpus: [],
};
const gpuBox: Preflight = {
  ...cpuOnly,
  packages: { torch: "2.13.0", executorch: "1.4.1", torch_tensorrt: "2.13.0", tensorrt: "11.0.0" },
  gpus: [{ name: "NVIDIA H100 80GB HBM3", computeCapability: "9.0", driverVersion: "580.159.04" }],
};

describe("preflight", () => {
  it("lets CPU targets run on a CPU machine", () => {
    expect(missingFor("xnnpack", cpuOnly)).toEqual([]);
    expect(missingFor("portable", cpuOnly)).toEqual([]);
  });

  it("names everything tensorrt lacks, and never suggests it ran", () => {
    expect(missingFor("tensorrt", cpuOnly)).toEqual([
      "an NVIDIA GPU (none found)",
      "torch_tensorrt (not installed in /venv/bin/python)",
      "tensorrt (not installed in /venv/bin/python)",
    ]);
    expect(() => checkTarget("tensorrt", cpuOnly)).toThrow(TrtPteError);
  });

  it("classifies a missing GPU alone as gpu_missing", () => {
    const noGpu = { ...gpuBox, gpus: [] };
    try {
      checkTarget("cuda", noGpu);
      expect.unreachable();
    } catch (e) {
      expect((e as TrtPteError).kind).toBe("gpu_missing");
    }
    expect(() => checkTarget("tensorrt", gpuBox)).not.toThrow();
  });
});
