// Judges the regression gates (src/settings/gate-limits.ts) on a diff: one verdict per gate that is
// set. A tripped gate fails the job only after the files are written and published (src/main.ts).

import type { GateVerdict, NumberChange, ReportDiff } from "../report/comparison.js";
import { GATES, type GateDefinition, type GateSettings, type Limit } from "../settings/gate-limits.js";
import { TENSORRT } from "./diff.js";
import { formatBytes } from "../util/format.js";

/** How much worse `c` is, in the limit's terms (positive = worse); null when unknown. */
function worsening(c: NumberChange, limit: Limit, sign: 1 | -1 = 1): number | null {
  if (c.delta === null) return null;
  if (limit.kind === "absolute") return sign * c.delta;
  if (c.before === null || c.before === 0) return sign * c.delta > 0 ? Infinity : 0;
  return (sign * c.delta * 100) / Math.abs(c.before);
}

function amount(value: number, limit: Limit, unit: (n: number) => string): string {
  if (!Number.isFinite(value)) return "from 0";
  const sign = value >= 0 ? "+" : "−";
  return limit.kind === "percent"
    ? `${sign}${Math.abs(value).toFixed(1)}%`
    : `${sign}${unit(Math.abs(value))}`;
}

const plain = (n: number): string => String(+n.toPrecision(4));

function judge(
  def: GateDefinition,
  limit: Limit,
  measured: { change: NumberChange; what: string; unit: (n: number) => string; sign?: 1 | -1 } | null,
): GateVerdict {
  const base = { gate: def.gate, input: def.input, limit: limit.text };
  if (measured === null) return { ...base, state: "skipped", detail: "not measured in both builds" };
  const worse = worsening(measured.change, limit, measured.sign);
  if (worse === null)
    return { ...base, state: "skipped", detail: `${measured.what}: not known in both builds` };
  const state = worse > limit.value ? "fail" : "pass";
  return {
    ...base,
    state,
    detail: `${measured.what} ${amount(worse, limit, measured.unit)} (limit ${limit.text})`,
  };
}

/** The worst latency point: the one whose built median got worse by the most, in the limit's terms. */
function worstLatency(
  diff: ReportDiff,
  limit: Limit,
): { change: NumberChange; what: string; unit: (n: number) => string } | null {
  let worst: { change: NumberChange; what: string; unit: (n: number) => string; by: number } | null = null;
  for (const p of diff.latency) {
    const by = worsening(p.built_median_ms, limit);
    if (by === null) continue;
    if (worst === null || by > worst.by)
      worst = {
        change: p.built_median_ms,
        what: `built median at ${p.shape}`,
        unit: (n) => `${plain(n)} ms`,
        by,
      };
  }
  return worst;
}

/** One verdict per gate that is set; none when no gate is set. */
export function judgeGates(gates: GateSettings, diff: ReportDiff | null): GateVerdict[] {
  const verdicts: GateVerdict[] = [];
  for (const def of GATES) {
    const limit = gates[def.key];
    if (limit === undefined) continue;
    if (diff === null) {
      verdicts.push({
        gate: def.gate,
        input: def.input,
        limit: limit.text,
        state: "skipped",
        detail: "no baseline to compare with",
      });
      continue;
    }
    const shipped = {
      change: sumChange(diff.size.pte, diff.size.ptd),
      what: ".pte + .ptd size",
      unit: formatBytes,
    };
    const nodes = diff.nodes[TENSORRT];
    const measured =
      def.gate === "size"
        ? shipped
        : def.gate === "latency"
          ? worstLatency(diff, limit)
          : def.gate === "tensorrt-nodes"
            ? nodes === undefined
              ? null
              : { change: nodes, what: "TensorRT nodes lost", unit: plain, sign: -1 as const }
            : diff.accuracy === null
              ? null
              : { change: diff.accuracy.max_rel, what: "max relative error", unit: plain };
    verdicts.push(judge(def, limit, measured));
  }
  return verdicts;
}

function sumChange(a: NumberChange, b: NumberChange): NumberChange {
  const before = a.before === null ? null : a.before + (b.before ?? 0);
  const after = a.after === null ? null : a.after + (b.after ?? 0);
  const delta = before === null || after === null ? null : after - before;
  return { before, after, delta, percent: delta === null || !before ? null : (delta / before) * 100 };
}

export function trippedGates(verdicts: readonly GateVerdict[]): GateVerdict[] {
  return verdicts.filter((v) => v.state === "fail");
}
