import { describe, expect, it } from "vitest";
import { checkCachedAccuracy, exportWarnings } from "../src/publish/warnings.js";
import { readSettings } from "../src/settings/settings.js";
import type { Report } from "../src/report/report.js";
import { TrtPteError } from "../src/errors.js";

const settings = (values: Record<string, string>) =>
  readSettings((n) => ({ model: "m.py:f", target: "tensorrt", ...values })[n] ?? "", {
    workspace: "/ws",
    allowedRoots: [],
  });

function report(partial: Partial<Report>): Report {
  return {
    target: "tensorrt",
    partition: { TensorRTBackend: 4 },
    details: {},
    accuracy: {
      status: "checked",
      against: "compiled module",
      reason: null,
      tolerance: 0.01,
      points: [],
      max_abs: 1e-4,
      max_rel: 1e-4,
      passed: true,
    },
    execution: null,
    determinism: null,
    ...partial,
  } as Report;
}

describe("export warnings", () => {
  it("say nothing about a clean TensorRT build", () => {
    expect(exportWarnings(report({}), settings({}))).toEqual([]);
  });

  it("name the ops that fell back out of TensorRT", () => {
    const [w] = exportWarnings(
      report({
        partition: { TensorRTBackend: 4, CudaBackend: 1, undelegated: 0 },
        details: { ops_left_to_pytorch: 1 },
      }),
      settings({ "torch-executed-ops": "aten.cos.default", "min-block-size": "1" }),
    );
    expect(w).toBe(
      "1 ops fell back out of TensorRT (torch-executed-ops: aten.cos.default): 1 in CudaBackend. They run slower than in an engine; `require-full-compilation: true` makes this an error.",
    );
  });

  it("warn when accuracy passed within the last half of the tolerance", () => {
    const near = report({ accuracy: { ...report({}).accuracy!, max_rel: 0.008 } });
    expect(exportWarnings(near, settings({}))[0]).toMatch(
      /accuracy is near its limit: max relative error 0.00800 against a tolerance of 0.01/,
    );
    expect(exportWarnings(near, settings({ tolerance: "none" }))).toEqual([]);
  });
});

describe("a cached .pte's accuracy", () => {
  it("is judged against today's tolerance", () => {
    const cached = report({ accuracy: { ...report({}).accuracy!, max_rel: 0.005 } });
    expect(() => checkCachedAccuracy(cached, settings({}))).not.toThrow();
    expect(() => checkCachedAccuracy(cached, settings({ tolerance: "0.001" }))).toThrow(TrtPteError);
    expect(() => checkCachedAccuracy(cached, settings({ tolerance: "0.001" }))).toThrow(
      "exceeds the tolerance 0.001",
    );
    expect(() => checkCachedAccuracy(cached, settings({ tolerance: "none" }))).not.toThrow();
  });
});
