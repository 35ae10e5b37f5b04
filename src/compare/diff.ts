// The diff of two builds' facts (src/compare/facts.ts): what a reviewer asks of a model change. Pure
// data, rendered by src/compare/render.ts and stored as report.json's `diff`.

import type {
  BuiltChange,
  EngineChange,
  LatencyChange,
  NumberChange,
  ReportDiff,
} from "../report/comparison.js";
import type { EngineFacts, Facts, LatencyFacts } from "./facts.js";

export const TENSORRT = "TensorRTBackend";

export function change(before: number | null | undefined, after: number | null | undefined): NumberChange {
  const b = before ?? null;
  const a = after ?? null;
  const delta = a === null || b === null ? null : a - b;
  const percent = delta === null || b === 0 || b === null ? null : (delta / b) * 100;
  return { before: b, after: a, delta, percent };
}

function keyed(
  before: Record<string, number> | null,
  after: Record<string, number> | null,
): Record<string, NumberChange> {
  if (before === null && after === null) return {};
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].sort();
  // A side that does not report the mapping at all is unknown, not zero.
  return Object.fromEntries(
    keys.map((k) => [
      k,
      change(before === null ? null : (before[k] ?? 0), after === null ? null : (after[k] ?? 0)),
    ]),
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function engines(before: EngineFacts[] | null, after: EngineFacts[] | null): EngineChange[] {
  if (before === null || after === null) return [];
  const out: EngineChange[] = [];
  for (let i = 0; i < Math.max(before.length, after.length); i++) {
    const b = before[i];
    const a = after[i];
    const io = {
      inputs: { before: b?.inputs ?? [], after: a?.inputs ?? [] },
      outputs: { before: b?.outputs ?? [], after: a?.outputs ?? [] },
    };
    const state =
      b === undefined
        ? "added"
        : a === undefined
          ? "removed"
          : a.bytes === b.bytes &&
              sameList(io.inputs.before, io.inputs.after) &&
              sameList(io.outputs.before, io.outputs.after)
            ? "same"
            : "changed";
    out.push({ index: i, state, bytes: change(b?.bytes, a?.bytes), ...io });
  }
  return out;
}

function verdict(interval: [number, number] | null): BuiltChange["verdict"] {
  if (interval === null) return "no_clear_change";
  return interval[0] > 1 ? "slower" : interval[1] < 1 ? "faster" : "no_clear_change";
}

/**
 * The built change at one point: from the paired rounds when this build timed the baseline's own
 * .pte beside it (`sameJob`), else from the two reports' medians and their intervals.
 */
function builtChange(b: LatencyFacts, a: LatencyFacts, sameJob: boolean): BuiltChange | null {
  if (sameJob && a.vsBase !== null) {
    const interval: [number, number] = [a.vsBase.low, a.vsBase.high];
    return {
      ratio: a.vsBase.ratio,
      interval,
      how: "same_job",
      verdict: verdict(interval),
      rounds: a.vsBase.rounds,
      before_ci: null,
      after_ci: null,
    };
  }
  if (b.built === null || a.built === null || b.built <= 0) return null;
  const interval: [number, number] | null =
    b.builtCi === null || a.builtCi === null || b.builtCi[0] <= 0
      ? null
      : [a.builtCi[0] / b.builtCi[1], a.builtCi[1] / b.builtCi[0]];
  return {
    ratio: a.built / b.built,
    interval,
    how: "across_runs",
    verdict: verdict(interval),
    rounds: null,
    before_ci: b.builtCi,
    after_ci: a.builtCi,
  };
}

/** `sameJob`: the after build timed the before build's .pte beside it (the digests match). */
function latency(before: Facts, after: Facts, sameJob: boolean): LatencyChange[] {
  return after.latency.flatMap((a) => {
    const b = before.latency.find((p) => p.shape === a.shape);
    if (b === undefined) return [];
    const change_ = builtChange(b, a, sameJob);
    const builtBefore = change_?.how === "same_job" && a.vsBase !== null ? a.vsBase.baseMs : b.built;
    return [
      {
        shape: a.shape,
        built_median_ms: change(builtBefore, a.built),
        eager_median_ms: change(b.eager, a.eager),
        speedup: change(b.speedup, a.speedup),
        built_change: change_,
      },
    ];
  });
}

function kernelChanges(before: Facts, after: Facts): { added: string[]; removed: string[] } {
  if (before.kernels === null || after.kernels === null) return { added: [], removed: [] };
  const b = before.kernels;
  const a = after.kernels;
  return {
    added: Object.keys(a)
      .filter((k) => (a[k] ?? 0) > (b[k] ?? 0))
      .sort(),
    removed: Object.keys(b)
      .filter((k) => (b[k] ?? 0) > (a[k] ?? 0))
      .sort(),
  };
}

/**
 * The ops that left TensorRT, named where the reports know them: newly kept out by
 * `torch-executed-ops`, and (when TensorRT lost nodes) ops the file now runs as kernels that it did
 * not before. The CUDA delegate's ops are compiled code, so they cannot be named from the file.
 */
function opsLeftTensorRT(before: Facts, after: Facts, kernels: { added: string[] }): string[] {
  const lost = (before.nodes?.[TENSORRT] ?? 0) > (after.nodes?.[TENSORRT] ?? 0);
  const keptOut = after.keptOut.filter((op) => !before.keptOut.includes(op));
  return [...new Set([...keptOut, ...(lost ? kernels.added : [])])].sort();
}

function versions(before: Facts, after: Facts): ReportDiff["versions"] {
  const names = [...new Set([...Object.keys(before.versions), ...Object.keys(after.versions)])].sort();
  return names
    .map((name) => ({ name, before: before.versions[name] ?? null, after: after.versions[name] ?? null }))
    .filter((v) => v.before !== v.after);
}

export function diffFacts(before: Facts, after: Facts): ReportDiff {
  const kernels = kernelChanges(before, after);
  return {
    size: {
      pte: change(before.pteBytes, after.pteBytes),
      delegates: change(before.delegateBytes, after.delegateBytes),
      constants: change(before.constantBytes, after.constantBytes),
      named_data: change(before.namedDataBytes, after.namedDataBytes),
      ptd: change(before.ptdBytes, after.ptdBytes),
    },
    delegates: keyed(before.delegates, after.delegates),
    engines: engines(before.engines, after.engines),
    payloads: keyed(before.payloads, after.payloads),
    nodes: keyed(before.nodes, after.nodes),
    ops_left_tensorrt: opsLeftTensorRT(before, after, kernels),
    kernels,
    accuracy:
      before.accuracy === null && after.accuracy === null
        ? null
        : {
            max_rel: change(before.accuracy?.maxRel, after.accuracy?.maxRel),
            max_abs: change(before.accuracy?.maxAbs, after.accuracy?.maxAbs),
          },
    latency: latency(
      before,
      after,
      after.timedBaseSha256 !== null && before.sha256 !== null && after.timedBaseSha256 === before.sha256,
    ),
    export_seconds: change(before.exportSeconds, after.exportSeconds),
    versions: versions(before, after),
  };
}
