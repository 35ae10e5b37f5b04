// Each build's comparison with its base branch, for the call's one comment: read from the build's
// report.json as plain, checked data (the fork-PR commenter reads reports from runs it does not
// trust). Numbers are kept only when finite and recomputed from before/after, names are capped and
// rendered as code, lists are capped, and the baseline run's link is rebuilt from its numeric ID.

import type {
  BuiltChange,
  EngineChange,
  GateVerdict,
  LatencyChange,
  NumberChange,
  ReportDiff,
} from "../report/comparison.js";
import { GATES } from "../settings/gate-limits.js";
import { change } from "../compare/diff.js";
import { GATE_ICON, GATE_WORD, diffLines } from "../compare/render.js";
import { code } from "../util/format.js";

export interface GatheredComparison {
  state: "off" | "no_baseline" | "compared" | "unavailable";
  baseRef: string | null;
  baselineRunId: string | null;
  baselineSha256: string | null;
  diff: ReportDiff | null;
  gates: GateVerdict[];
  /**
   * Whether the build said its baseline may not be the base branch's own (read from a cache scope the
   * code under test can save into). Only the flag is kept: the words shown are ours.
   */
  advisory: boolean;
}

type Json = Record<string, unknown>;

const MAX_ITEMS = 32;
const MAX_NAME = 200;

function obj(value: unknown): Json | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : null;
}
function num(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}
function name(value: unknown): string | null {
  return typeof value === "string" && value.length <= MAX_NAME ? value : null;
}
function names(value: unknown): string[] {
  return (Array.isArray(value) ? value : []).slice(0, MAX_ITEMS).flatMap((v) => {
    const n = name(v);
    return n === null ? [] : [n];
  });
}
function numberChange(value: unknown): NumberChange {
  const c = obj(value);
  return change(num(c?.before), num(c?.after));
}
function keyed(value: unknown): Record<string, NumberChange> {
  const out: Record<string, NumberChange> = {};
  for (const [k, v] of Object.entries(obj(value) ?? {}).slice(0, MAX_ITEMS))
    if (k.length <= MAX_NAME) out[k] = numberChange(v);
  return out;
}

const ENGINE_STATES = ["added", "removed", "changed", "same"] as const;

function engines(value: unknown): EngineChange[] {
  return (Array.isArray(value) ? value : []).slice(0, MAX_ITEMS).flatMap((v, index) => {
    const e = obj(v);
    if (e === null) return [];
    const state = ENGINE_STATES.find((s) => s === e.state) ?? "changed";
    const io = (key: string) => ({ before: names(obj(e[key])?.before), after: names(obj(e[key])?.after) });
    return [{ index, state, bytes: numberChange(e.bytes), inputs: io("inputs"), outputs: io("outputs") }];
  });
}

function pair(value: unknown): [number, number] | null {
  if (!Array.isArray(value) || value.length !== 2) return null;
  const [a, b] = [num(value[0]), num(value[1])];
  return a === null || b === null || a > b ? null : [a, b];
}

const HOWS = ["same_job", "across_runs"] as const;

/** A built change as checked data: the verdict is recomputed from the interval, never taken as written. */
function builtChange(value: unknown): BuiltChange | null {
  const c = obj(value);
  const ratio = num(c?.ratio);
  const how = HOWS.find((h) => h === c?.how);
  if (c === null || ratio === null || ratio <= 0 || how === undefined) return null;
  const interval = pair(c.interval);
  const rounds = num(c.rounds);
  return {
    ratio,
    interval,
    how,
    verdict:
      interval === null
        ? "no_clear_change"
        : interval[0] > 1
          ? "slower"
          : interval[1] < 1
            ? "faster"
            : "no_clear_change",
    rounds: rounds === null ? null : Math.round(rounds),
    before_ci: pair(c.before_ci),
    after_ci: pair(c.after_ci),
  };
}

function latency(value: unknown): LatencyChange[] {
  return (Array.isArray(value) ? value : []).slice(0, MAX_ITEMS).flatMap((v) => {
    const p = obj(v);
    const shape = name(p?.shape);
    if (p === null || shape === null) return [];
    return [
      {
        shape,
        built_median_ms: numberChange(p.built_median_ms),
        eager_median_ms: numberChange(p.eager_median_ms),
        speedup: numberChange(p.speedup),
        built_change: builtChange(p.built_change),
      },
    ];
  });
}

function parseDiff(value: unknown): ReportDiff | null {
  const d = obj(value);
  if (d === null) return null;
  const size = obj(d.size) ?? {};
  const accuracy = obj(d.accuracy);
  const kernels = obj(d.kernels);
  return {
    size: {
      pte: numberChange(size.pte),
      delegates: numberChange(size.delegates),
      constants: numberChange(size.constants),
      named_data: numberChange(size.named_data),
      ptd: numberChange(size.ptd),
    },
    delegates: keyed(d.delegates),
    engines: engines(d.engines),
    payloads: keyed(d.payloads),
    nodes: keyed(d.nodes),
    ops_left_tensorrt: names(d.ops_left_tensorrt),
    kernels: { added: names(kernels?.added), removed: names(kernels?.removed) },
    accuracy:
      accuracy === null
        ? null
        : { max_rel: numberChange(accuracy.max_rel), max_abs: numberChange(accuracy.max_abs) },
    latency: latency(d.latency),
    export_seconds: numberChange(d.export_seconds),
    versions: (Array.isArray(d.versions) ? d.versions : []).slice(0, MAX_ITEMS).flatMap((v) => {
      const entry = obj(v);
      const n = name(entry?.name);
      if (entry === null || n === null) return [];
      return [{ name: n, before: name(entry.before), after: name(entry.after) }];
    }),
  };
}

const STATES = ["off", "no_baseline", "compared", "unavailable"] as const;
const VERDICTS = ["pass", "fail", "unclear", "skipped"] as const;

function gates(value: unknown): GateVerdict[] {
  return (Array.isArray(value) ? value : []).slice(0, GATES.length).flatMap((v) => {
    const g = obj(v);
    const def = GATES.find((d) => d.input === g?.input);
    const state = VERDICTS.find((s) => s === g?.state);
    if (g === null || def === undefined || state === undefined) return [];
    return [
      { gate: def.gate, input: def.input, limit: name(g.limit) ?? "?", state, detail: name(g.detail) ?? "" },
    ];
  });
}

/** The comparison a report.json holds, or null when it holds none (an older report). */
export function parseComparison(report: Json): GatheredComparison | null {
  const comparison = obj(report.comparison);
  const state = STATES.find((s) => s === comparison?.state);
  if (comparison === null || state === undefined) return null;
  const baseline = obj(report.baseline);
  const runId = name(obj(baseline?.run)?.run_id);
  const sha = name(baseline?.pte_sha256);
  return {
    state,
    baseRef: name(baseline?.ref) ?? name(comparison.base_ref),
    baselineRunId: runId !== null && /^[0-9]{1,16}$/.test(runId) ? runId : null,
    baselineSha256: sha !== null && /^[0-9a-f]{64}$/.test(sha) ? sha : null,
    diff: state === "compared" ? parseDiff(report.diff) : null,
    gates: gates(report.gates),
    advisory: typeof comparison.advisory === "string" && comparison.advisory !== "",
  };
}

/** The rollup's words for an advisory comparison (the build's own summary says why at length). */
function advisoryText(ref: string): string {
  return `Advisory: this baseline came from a cache scope the code this pull request builds can save into, so it may not be ${ref}'s build; the gates compared with it as found.`;
}

/** Markdown lines for one build's section: "vs `main`" and the changed facts, then the gates. */
export function comparisonLines(c: GatheredComparison, runUrl: (id: string) => string): string[] {
  if (c.state === "off" && c.gates.length === 0) return [];
  const ref = c.baseRef === null ? "the baseline" : code(c.baseRef);
  const run = c.baselineRunId === null ? "" : ` ([run ${c.baselineRunId}](${runUrl(c.baselineRunId)}))`;
  const lines: string[] = [];
  if (c.state === "compared" && c.diff !== null) {
    const { lines: changed } = diffLines(c.diff);
    lines.push(
      `- **vs ${ref}**${run}: ${changed.length === 0 ? "no change in what was measured" : ""}`.trimEnd(),
    );
    for (const l of changed) lines.push(`  - ${l}`);
    if (c.advisory) lines.push(`  - ⚠️ ${advisoryText(ref)}`);
  } else if (c.state === "no_baseline") {
    lines.push(`- **vs ${ref}**: no build to compare with yet`);
  } else if (c.state === "unavailable") {
    lines.push(`- **vs ${ref}**: the baseline could not be read`);
  }
  for (const g of c.gates)
    lines.push(
      `- ${GATE_ICON[g.state]} ${code(`${g.input}: ${g.limit}`)} ${GATE_WORD[g.state]}: ${code(g.detail)}`,
    );
  return lines;
}
