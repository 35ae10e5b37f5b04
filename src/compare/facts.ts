// The comparable facts of one build, read from a report.json of any schema (a baseline may be older
// than this run: trt-pte/report@1 has no benchmark, early ones no inspection) or from a .pte's
// Inspection alone (`trt-pte diff A.pte B.pte`). Every field is null where its source does not say.

import type { Inspection } from "../pte/inspection.js";
import { bindingText } from "../pte/render-summary.js";
import { SHAPE_POINTS } from "../settings/input-spec.js";

export interface EngineFacts {
  bytes: number;
  inputs: string[];
  outputs: string[];
}

export type Interval = [number, number];

export interface LatencyFacts {
  shape: string;
  built: number | null;
  /** The built median's 95% interval; null in reports before @3. */
  builtCi: Interval | null;
  eager: number | null;
  speedup: number | null;
  /** This build against the base branch's .pte timed beside it in the same job. */
  vsBase: { baseMs: number; ratio: number; low: number; high: number; rounds: number } | null;
}

export interface Facts {
  schema: string | null;
  pteBytes: number | null;
  sha256: string | null;
  ptdBytes: number | null;
  delegateBytes: number | null;
  constantBytes: number | null;
  namedDataBytes: number | null;
  /** Delegates per backend id. */
  delegates: Record<string, number> | null;
  /** Bytes of each non-TensorRT payload part: CUDA blobs by key role, XNNPACK and other payloads. */
  payloads: Record<string, number> | null;
  /** TensorRT engines in delegate order; null when the source does not list them. */
  engines: EngineFacts[] | null;
  /** Nodes per backend id and `undelegated`, as the driver counted them. */
  nodes: Record<string, number> | null;
  /** KernelCall instructions per op (`aten::cos.out`), read from the file. */
  kernels: Record<string, number> | null;
  /** Ops the user kept out of TensorRT (`torch-executed-ops`), as the report recorded them. */
  keptOut: string[];
  accuracy: { maxRel: number; maxAbs: number } | null;
  latency: LatencyFacts[];
  /** The base .pte the driver timed beside this build (`vsBase`), when it did. */
  timedBaseSha256: string | null;
  exportSeconds: number | null;
  versions: Record<string, string | null>;
}

type Json = Record<string, unknown>;

function obj(value: unknown): Json | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : null;
}
function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
function str(value: unknown): string | null {
  return typeof value === "string" ? value : null;
}
function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
function counts(value: unknown): Record<string, number> | null {
  const o = obj(value);
  if (o === null) return null;
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(o)) if (num(v) !== null) out[k] = v as number;
  return out;
}

/** The facts a .pte's inspection holds: sizes, delegates, engines and kernels (no nodes, accuracy or timing). */
export function inspectionFacts(
  inspection: Inspection,
): Omit<
  Facts,
  | "schema"
  | "sha256"
  | "accuracy"
  | "latency"
  | "timedBaseSha256"
  | "exportSeconds"
  | "versions"
  | "nodes"
  | "keptOut"
> {
  const delegates: Record<string, number> = {};
  for (const d of inspection.delegates) delegates[d.id] = (delegates[d.id] ?? 0) + 1;
  const engines: EngineFacts[] = [];
  for (const d of inspection.delegates) {
    if (d.payload.format !== "tensorrt") continue;
    engines.push({
      bytes: d.payload.engine.bytes,
      inputs: d.payload.io_bindings.filter((b) => b.is_input).map(bindingText),
      outputs: d.payload.io_bindings.filter((b) => !b.is_input).map(bindingText),
    });
  }
  const payloads: Record<string, number> = {};
  for (const d of inspection.delegates) {
    const where = `${d.plan}/${d.index}`;
    if (d.payload.format === "cuda") {
      for (const k of d.payload.keys)
        payloads[`CUDA ${where} ${k.role}${k.found_in?.endsWith(".ptd") ? " (.ptd)" : ""}`] = k.bytes ?? 0;
    } else if (d.payload.format === "xnnpack") {
      payloads[`XNNPACK ${where}`] = d.bytes;
    } else if (d.payload.format !== "tensorrt") {
      payloads[`${d.id} ${where}`] = d.bytes;
    }
  }
  const kernels: Record<string, number> = {};
  for (const plan of inspection.plans)
    for (const op of plan.operators) {
      if (op.calls === 0) continue;
      const name = op.overload === "" ? op.name : `${op.name}.${op.overload}`;
      kernels[name] = (kernels[name] ?? 0) + op.calls;
    }
  const b = inspection.bytes_by_kind;
  return {
    pteBytes: inspection.file.bytes,
    ptdBytes: b.external_data,
    delegateBytes: b.delegates,
    constantBytes: b.constants,
    namedDataBytes: b.named_data,
    delegates,
    payloads,
    engines,
    kernels,
  };
}

/** The driver's own steps that built the files (`export.*`, without the accuracy check and benchmark). */
function exportSeconds(timings: Json | null): number | null {
  if (timings === null) return null;
  let total: number | null = null;
  for (const [k, v] of Object.entries(timings)) {
    if (!k.startsWith("export.") || /accuracy|benchmark/.test(k) || num(v) === null) continue;
    total = (total ?? 0) + (v as number);
  }
  return total === null ? null : Math.round(total * 1000) / 1000;
}

/** A [low, high] pair of finite numbers in order, or null. */
export function interval(value: unknown): Interval | null {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [low, high] = [num(value[0]), num(value[1])];
  return low === null || high === null || low > high ? null : [low, high];
}

function vsBase(point: Json): LatencyFacts["vsBase"] {
  const base = obj(point.base);
  const change = obj(base?.change);
  const baseMs = num(obj(base?.timing)?.median_ms);
  const [ratio, low, high, rounds] = [
    num(change?.ratio),
    num(change?.low),
    num(change?.high),
    num(change?.rounds),
  ];
  if (baseMs === null || ratio === null || low === null || high === null || !(low <= ratio && ratio <= high))
    return null;
  return { baseMs, ratio, low, high, rounds: rounds ?? 0 };
}

function latency(benchmark: Json | null): LatencyFacts[] {
  return list(benchmark?.points).flatMap((p) => {
    const point = obj(p);
    if (point === null) return [];
    return [
      {
        // Only a known shape point: the gates put it in their own words (src/compare/gates.ts).
        shape: (SHAPE_POINTS as readonly unknown[]).includes(point.shape) ? (point.shape as string) : "?",
        built: num(obj(point.built)?.median_ms),
        builtCi: interval(obj(point.built)?.median_ci),
        eager: num(obj(point.eager)?.median_ms),
        speedup: num(point.speedup),
        vsBase: vsBase(point),
      },
    ];
  });
}

function timedBase(benchmark: Json | null): string | null {
  const base = obj(benchmark?.base);
  const sha = str(base?.sha256);
  return base?.status === "timed" && sha !== null && /^[0-9a-f]{64}$/.test(sha) ? sha : null;
}

/** Facts from a parsed report.json; tolerant of older schemas and missing fields. */
export function reportFacts(report: unknown): Facts {
  const r = obj(report) ?? {};
  const inspection = obj(r.inspection);
  const fromFile =
    inspection !== null && obj(inspection.bytes_by_kind) !== null
      ? inspectionFacts(inspection as unknown as Inspection)
      : null;
  const pte = obj(r.pte);
  const ptd = list(r.ptd).map((f) => num(obj(f)?.bytes));
  const accuracy = obj(r.accuracy);
  const checked = accuracy?.status === "checked" && num(accuracy.max_rel) !== null;
  const details = obj(r.details);
  const keptOut = list(obj(obj(details?.compile_settings))?.torch_executed_ops).filter(
    (op): op is string => typeof op === "string",
  );
  const versions: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(obj(r.versions) ?? {})) versions[k] = str(v);
  return {
    schema: str(r.schema),
    pteBytes: num(pte?.bytes) ?? fromFile?.pteBytes ?? null,
    sha256: str(pte?.sha256),
    ptdBytes: ptd.every((b) => b !== null)
      ? ptd.reduce<number>((a, b) => a + (b ?? 0), 0)
      : (fromFile?.ptdBytes ?? null),
    delegateBytes: fromFile?.delegateBytes ?? null,
    constantBytes: fromFile?.constantBytes ?? null,
    namedDataBytes: fromFile?.namedDataBytes ?? null,
    delegates: fromFile?.delegates ?? null,
    payloads: fromFile?.payloads ?? null,
    engines: fromFile?.engines ?? null,
    nodes: counts(r.partition),
    kernels: fromFile?.kernels ?? null,
    keptOut,
    accuracy: checked ? { maxRel: accuracy.max_rel as number, maxAbs: num(accuracy.max_abs) ?? 0 } : null,
    latency: latency(obj(r.benchmark)),
    timedBaseSha256: timedBase(obj(r.benchmark)),
    exportSeconds: exportSeconds(obj(r.timings)),
    versions,
  };
}

/**
 * Two sides of different kinds (a .pte's inspection and a report.json) narrowed to what both know:
 * a fact one side cannot say is left out of both, so a diff never reads "unknown → 1.4.1" as a change
 * or an unknown as unchanged.
 */
export function sharedFacts(a: Facts, b: Facts): [Facts, Facts] {
  const narrow = (x: Facts, y: Facts): Facts => {
    const out: Facts = { ...x };
    for (const key of Object.keys(out) as (keyof Facts)[]) {
      if (x[key] === null || y[key] === null) (out as unknown as Record<string, unknown>)[key] = null;
    }
    if (x.latency.length === 0 || y.latency.length === 0) out.latency = [];
    if (x.schema === null || y.schema === null) out.keptOut = []; // only a report records them
    out.versions = Object.fromEntries(
      Object.entries(x.versions).filter(([k, v]) => v !== null && (y.versions[k] ?? null) !== null),
    );
    return out;
  };
  return [narrow(a, b), narrow(b, a)];
}
