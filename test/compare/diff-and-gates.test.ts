// The diff of two builds and the gates on it, on reports whose inspections come from .pte files
// written by the real executorch package (test/python/generate_pte_fixtures.py): tensorrt_cuda, the
// same model with a wider input (tensorrt_weights_wide), and with relu kept out of TensorRT too
// (tensorrt_split), plus a baseline in the older report@1 shape that lacks most fields.

import { describe, expect, it } from "vitest";
import type { Report } from "../../src/report/report.js";
import { reportFacts } from "../../src/compare/facts.js";
import { diffFacts } from "../../src/compare/diff.js";
import { judgeGates } from "../../src/compare/gates.js";
import { parseLimit, readGateSettings } from "../../src/settings/gate-limits.js";
import { SettingsError } from "../../src/errors.js";
import { fixtureReport as base, tensorrtReport } from "../support/reports.js";

describe("the diff", () => {
  it("sizes in integer bytes, by kind, and each engine's I/O when the model grows", () => {
    const before = tensorrtReport("tensorrt_weights");
    const after = tensorrtReport("tensorrt_weights_wide");
    const diff = diffFacts(reportFacts(before), reportFacts(after));
    const pte = diff.size.pte;
    expect(pte.before).toBe(before.inspection.file.bytes);
    expect(pte.after).toBe(after.inspection.file.bytes);
    expect(pte.delta).toBe(after.inspection.file.bytes - before.inspection.file.bytes);
    expect(Number.isInteger(pte.delta)).toBe(true);
    expect(pte.delta).toBeGreaterThan(0);
    expect(diff.size.delegates.delta).toBe(
      after.inspection.bytes_by_kind.delegates - before.inspection.bytes_by_kind.delegates,
    );
    expect(diff.size.ptd.delta).toBe(
      after.inspection.bytes_by_kind.external_data - before.inspection.bytes_by_kind.external_data,
    );
    expect(diff.engines).toHaveLength(1);
    expect(diff.engines[0]!.state).toBe("changed");
    expect(diff.engines[0]!.inputs).toEqual({ before: ["x float32[2,8]"], after: ["x float32[2,32]"] });
    const engineBytes = (r: Report) =>
      r.inspection.delegates.flatMap((d) =>
        d.payload.format === "tensorrt" ? [d.payload.engine.bytes] : [],
      );
    expect(diff.engines[0]!.bytes).toMatchObject({
      before: engineBytes(before)[0],
      after: engineBytes(after)[0],
    });
    expect(diff.engines[0]!.bytes.delta).toBeGreaterThan(0);
    // The CUDA delegate (cos, no weights) kept its blobs: listed, unchanged.
    expect(Object.keys(diff.payloads)).toEqual([
      "CUDA forward/1 so_blob",
      "CUDA forward/1 weights_blob (.ptd)",
    ]);
    expect(Object.values(diff.payloads).every((c) => c.delta === 0)).toBe(true);
    expect(diff.nodes.TensorRTBackend!.delta).toBe(0);
  });

  it("nodes that left TensorRT, the engine split in two, and the ops named where the report knows them", () => {
    const keptOut = (ops: string[]) => ({ compile_settings: { torch_executed_ops: ops } });
    const before = tensorrtReport("tensorrt_cuda", { details: keptOut(["aten.cos.default"]) });
    const after = tensorrtReport("tensorrt_split", {
      partition: { TensorRTBackend: 3, CudaBackend: 2, undelegated: 0 },
      details: keptOut(["aten.cos.default", "aten.relu.default"]),
    });
    const diff = diffFacts(reportFacts(before), reportFacts(after));
    expect(diff.nodes.TensorRTBackend).toMatchObject({ before: 4, after: 3, delta: -1 });
    expect(diff.nodes.CudaBackend).toMatchObject({ before: 1, after: 2, delta: 1 });
    expect(diff.ops_left_tensorrt).toEqual(["aten.relu.default"]);
    expect(diff.delegates.TensorRTBackend).toMatchObject({ before: 1, after: 2 });
    expect(diff.engines.map((e) => e.state)).toEqual(["changed", "added"]);
  });

  it("compares a report@1 baseline without inspection or benchmark on the fields it has", () => {
    const old = {
      schema: "trt-pte/report@1",
      pte: { name: "model.pte", kind: "pte", bytes: 1000, sha256: "c".repeat(64) },
      ptd: [],
      partition: { XnnpackBackend: 5, undelegated: 0 },
      accuracy: { status: "checked", max_rel: 1e-7, max_abs: 1e-6 },
      versions: { torch: "2.12.0", executorch: "1.4.1" },
      timings: { "export.export": 1, "export.lower": 2, "export.accuracy": 9 },
    };
    const now = base();
    const diff = diffFacts(reportFacts(old), reportFacts(now));
    expect(diff.size.pte).toMatchObject({ before: 1000, after: now.pte.bytes, delta: now.pte.bytes - 1000 });
    expect(diff.size.delegates.before).toBeNull();
    expect(diff.size.delegates.delta).toBeNull();
    expect(diff.engines).toEqual([]);
    expect(diff.latency).toEqual([]);
    expect(diff.export_seconds.before).toBe(3); // the accuracy check is not build time
    expect(diff.versions).toContainEqual({ name: "torch", before: "2.12.0", after: "2.13.0+cpu" });
    expect(diff.accuracy!.max_rel.before).toBe(1e-7);
  });

  it("compares built and eager medians per benchmarked shape", () => {
    const bench = (built: number, eager: number) => ({
      benchmark: {
        device: "cpu",
        budget_s: 10,
        points: [
          {
            shape: "opt",
            eager: { median_ms: eager, p10_ms: 0, p90_ms: 0, runs: 9 },
            built: { median_ms: built, p10_ms: 0, p90_ms: 0, runs: 9 },
            speedup: eager / built,
          },
        ],
      },
    });
    const diff = diffFacts(
      reportFacts({ ...base(), ...bench(2, 4) }),
      reportFacts({ ...base(), ...bench(2.5, 4) }),
    );
    expect(diff.latency).toHaveLength(1);
    expect(diff.latency[0]!.built_median_ms).toMatchObject({
      before: 2,
      after: 2.5,
      delta: 0.5,
      percent: 25,
    });
    expect(diff.latency[0]!.eager_median_ms.delta).toBe(0);
  });
});

describe("gates", () => {
  const grown = () =>
    diffFacts(
      reportFacts(tensorrtReport("tensorrt_weights")),
      reportFacts(tensorrtReport("tensorrt_weights_wide")),
    );

  it("parse `10%`, `5MiB`, `15%`, `2ms`, counts and error bounds, and refuse anything else", () => {
    expect(parseLimit("max-size-increase", "10%")).toEqual({ kind: "percent", value: 10, text: "10%" });
    expect(parseLimit("max-size-increase", "5MiB")).toEqual({
      kind: "absolute",
      value: 5 * 2 ** 20,
      text: "5MiB",
    });
    expect(parseLimit("max-latency-increase", "2ms")).toMatchObject({ kind: "absolute", value: 2 });
    expect(parseLimit("max-tensorrt-nodes-lost", "0")).toMatchObject({ kind: "absolute", value: 0 });
    expect(parseLimit("max-error-increase", "1e-4")).toMatchObject({ kind: "absolute", value: 1e-4 });
    expect(parseLimit("max-size-increase", "")).toBeUndefined();
    expect(() => parseLimit("max-size-increase", "ten percent")).toThrow(SettingsError);
    expect(() => parseLimit("max-latency-increase", "5MiB")).toThrow(
      /max-latency-increase: '5MiB' is not a limit/,
    );
    expect(() => parseLimit("max-tensorrt-nodes-lost", "-1")).toThrow(/'-1' is not a limit/);
    try {
      parseLimit("max-tensorrt-nodes-lost", "-1");
    } catch (e) {
      expect((e as SettingsError).hint).toBe("write it like 0, 3 or 10%, or leave it empty for no gate");
    }
  });

  it("trip when the growth is over the limit, pass when under, skip without a baseline", () => {
    const diff = grown();
    const pct =
      ((diff.size.pte.delta! + diff.size.ptd.delta!) * 100) / (diff.size.pte.before! + diff.size.ptd.before!);
    const tight = judgeGates(
      readGateSettings((n) => (n === "max-size-increase" ? `${Math.floor(pct / 2)}%` : "")),
      diff,
    );
    expect(tight).toEqual([
      expect.objectContaining({ gate: "size", input: "max-size-increase", state: "fail" }),
    ]);
    expect(tight[0]!.detail).toMatch(/^\.pte \+ \.ptd size \+\d+\.\d% \(limit \d+%\)$/);
    expect(
      judgeGates(
        readGateSettings((n) => (n === "max-size-increase" ? "1KiB" : "")),
        diff,
      )[0]!.detail,
    ).toMatch(/^\.pte \+ \.ptd size \+[\d.]+ KiB \(limit 1KiB\)$/);
    const loose = judgeGates(
      readGateSettings((n) => (n === "max-size-increase" ? "5MiB" : "")),
      diff,
    );
    expect(loose[0]!.state).toBe("pass");
    expect(
      judgeGates(
        readGateSettings((n) => (n === "max-size-increase" ? "10%" : "")),
        null,
      )[0],
    ).toMatchObject({
      state: "skipped",
      detail: "no baseline to compare with",
    });
    expect(
      judgeGates(
        readGateSettings(() => ""),
        diff,
      ),
    ).toEqual([]);
  });

  it("count nodes lost by TensorRT, and skip latency that was not measured", () => {
    // Neither build was benchmarked (no GPU, or timing off).
    const before = tensorrtReport("tensorrt_cuda", { benchmark: null });
    const after = tensorrtReport("tensorrt_split", {
      benchmark: null,
      partition: { TensorRTBackend: 3, CudaBackend: 2, undelegated: 0 },
    });
    const diff = diffFacts(reportFacts(before), reportFacts(after));
    const gates = readGateSettings(
      (n) => ({ "max-tensorrt-nodes-lost": "0", "max-latency-increase": "15%" })[n] ?? "",
    );
    const verdicts = judgeGates(gates, diff);
    expect(verdicts.find((v) => v.gate === "tensorrt-nodes")).toMatchObject({
      state: "fail",
      detail: "TensorRT nodes lost +1 (limit 0)",
    });
    expect(verdicts.find((v) => v.gate === "latency")).toMatchObject({ state: "skipped" });
    const allowed = judgeGates(
      readGateSettings((n) => (n === "max-tensorrt-nodes-lost" ? "1" : "")),
      diff,
    );
    expect(allowed[0]!.state).toBe("pass");
  });
});
