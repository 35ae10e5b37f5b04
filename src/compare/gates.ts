// Judges the regression gates (src/settings/gate-limits.ts) on a diff: one verdict per gate that is
// set. A tripped gate fails the job only after the files are written and published (src/main.ts).

import type { BuiltChange, GateVerdict, NumberChange, ReportDiff } from "../report/comparison.js";
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

/** A signed percentage: `+4%`, `−18%`, `+0.5%`. */
export function signedPercent(ratio: number): string {
  const p = (ratio - 1) * 100;
  const digits = Math.abs(p) < 1 ? 1 : 0;
  const text = Math.abs(p).toFixed(digits);
  return `${p < 0 && Number(text) !== 0 ? "−" : "+"}${text}%`;
}

/**
 * The change's interval in words. Same job it is the paired rounds' 95% interval. Across runs it is
 * [after low / before high, after high / before low] from two independent 95% intervals: it holds
 * when both do (at least 90%), so it is named for what it is, not called a 95% CI.
 */
export function intervalText(c: BuiltChange & { interval: [number, number] }): string {
  const range = `${signedPercent(c.interval[0])}…${signedPercent(c.interval[1])}`;
  return c.how === "same_job" ? `95% CI ${range}` : `${range} from both runs' 95% CIs`;
}

/** `+4% (95% CI −1…+9%, same job)`, the words a reviewer reads. */
export function changeText(c: BuiltChange): string {
  const how = c.how === "same_job" ? "same job" : "across runs";
  const ci = c.interval === null ? "no interval" : intervalText({ ...c, interval: c.interval });
  return `${signedPercent(c.ratio)} (${ci}, ${how})`;
}

/**
 * max-latency-increase: trips only when the increase exceeds the limit with 95% confidence (the
 * interval's low end is above it); passes when even its high end is within the limit; otherwise it
 * could not tell, which is a warning, never a pass. The point that decides is named.
 */
function judgeLatency(def: GateDefinition, limit: Limit, diff: ReportDiff): GateVerdict {
  const base = { gate: def.gate, input: def.input, limit: limit.text };
  // How much worse, in the limit's terms, at a ratio r of the built median: percent, or ms from before.
  const points = diff.latency.flatMap((p) => {
    const c = p.built_change;
    const before = p.built_median_ms.before;
    if (c === null || before === null) return [];
    const worse = (r: number) => (limit.kind === "percent" ? (r - 1) * 100 : before * (r - 1));
    const [low, high] = c.interval === null ? [null, null] : [worse(c.interval[0]), worse(c.interval[1])];
    return [{ p, c, low, high }];
  });
  if (points.length === 0)
    return { ...base, state: "skipped", detail: "built latency: not timed in both builds" };
  const what = (x: (typeof points)[number]) => `built median at ${x.p.shape} ${changeText(x.c)}`;
  const failing = points.filter((x) => x.low !== null && x.low > limit.value);
  if (failing.length > 0) {
    const worst = failing.reduce((a, b) => ((b.low ?? 0) > (a.low ?? 0) ? b : a));
    return {
      ...base,
      state: "fail",
      detail: `${what(worst)}: above the limit ${limit.text} with 95% confidence`,
    };
  }
  const unclear = points.filter((x) => x.high === null || x.high > limit.value);
  if (unclear.length > 0) {
    const worst =
      unclear.find((x) => x.high === null) ??
      unclear.reduce((a, b) => ((b.high ?? 0) > (a.high ?? 0) ? b : a));
    const why =
      worst.c.interval === null
        ? "a report has no interval (written before report@3), so it cannot tell"
        : `its interval straddles the limit ${limit.text}, so it cannot tell`;
    return { ...base, state: "unclear", detail: `${what(worst)}: ${why}` };
  }
  const worst = points.reduce((a, b) => ((b.high ?? 0) > (a.high ?? 0) ? b : a));
  return {
    ...base,
    state: "pass",
    detail: `${what(worst)}: within the limit ${limit.text} with 95% confidence`,
  };
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
    if (def.gate === "latency") {
      verdicts.push(judgeLatency(def, limit, diff));
      continue;
    }
    const nodes = diff.nodes[TENSORRT];
    const measured =
      def.gate === "size"
        ? shipped
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
