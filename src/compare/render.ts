// The comparison as markdown for the job summary, the sticky comment and the reusable workflow's
// report: a compact "vs `main`" list, one line per fact that changed, ▲/▼ with percentages, short
// enough to read on a phone. Every name from the model or the event goes through code.

import type {
  BaselineRef,
  ComparisonState,
  GateVerdict,
  LatencyChange,
  NumberChange,
  ReportDiff,
} from "../report/comparison.js";
import { intervalText, signedPercent } from "./gates.js";
import { formatBytes, code } from "../util/format.js";
import { escapeControls } from "../util/log-text.js";

const BACKENDS: Record<string, string> = {
  TensorRTBackend: "TensorRT",
  CudaBackend: "CUDA",
  XnnpackBackend: "XNNPACK",
  undelegated: "undelegated",
};
const ORDER = ["TensorRTBackend", "CudaBackend", "XnnpackBackend"];

/** A backend id (read from the .pte, so the model's to choose) as its short name, or as code. */
function backendName(id: string, style: Style): string {
  return BACKENDS[id] ?? style.code(id);
}

/** The packages the driver reports; any other name came from somewhere else and is code. */
const KNOWN_VERSIONS = new Set([
  "torch",
  "torch_tensorrt",
  "tensorrt",
  "executorch",
  "python",
  "cuda",
  "driver",
]);

function byBackend(a: string, b: string): number {
  const rank = (k: string) => (k === "undelegated" ? 99 : ORDER.includes(k) ? ORDER.indexOf(k) : 50);
  return rank(a) - rank(b) || a.localeCompare(b);
}

function signed(value: number, unit: (n: number) => string): string {
  return `${value > 0 ? "+" : value < 0 ? "−" : "±"}${unit(Math.abs(value))}`;
}

/** `▲ +700 B (+28.2%)`, `▼ −2 (−16.7%)`, or `=`. */
export function arrow(c: NumberChange, unit: (n: number) => string = String): string {
  if (c.delta === null) return "";
  if (c.delta === 0) return "=";
  const pct =
    c.percent === null ? "" : ` (${c.percent > 0 ? "+" : "−"}${formatPercent(Math.abs(c.percent))})`;
  return `${c.delta > 0 ? "▲" : "▼"} ${signed(c.delta, unit)}${pct}`;
}

function formatPercent(p: number): string {
  return `${p >= 100 ? Math.round(p) : p >= 10 ? p.toFixed(1) : p.toFixed(2)}%`;
}

const NUMBER = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });
function sci(x: number): string {
  return x === 0 ? "0" : Math.abs(x) < 1e-3 || Math.abs(x) >= 1e4 ? x.toExponential(1) : NUMBER.format(x);
}
const ms = (x: number): string => `${NUMBER.format(x)} ms`;
const seconds = (x: number): string => `${NUMBER.format(x)} s`;

function ciText(ci: [number, number] | null): string {
  return ci === null ? "" : ` (${NUMBER.format(ci[0])}–${NUMBER.format(ci[1])})`;
}

/**
 * The built latency's change, the way a reviewer acts on it: same job, `built 0.46 → 0.48 ms, +4%
 * (95% CI −1…+9%): no clear change`; across runs each side's own interval, `built 0.46 (0.45–0.47)
 * → 0.48 (0.47–0.50) ms, …, across runs`. ▲/▼ only for a change beyond the interval.
 */
export function builtLatency(p: LatencyChange): string {
  const c = p.built_change;
  if (c === null) return `built ${fromTo(p.built_median_ms, ms)}`;
  const side = (v: number | null, ci: [number, number] | null) =>
    v === null ? "?" : `${NUMBER.format(v)}${ciText(ci)}`;
  const sides = `${side(p.built_median_ms.before, c.before_ci)} → ${side(p.built_median_ms.after, c.after_ci)} ms`;
  const how = c.how === "same_job" ? `same job, ${c.rounds ?? "?"} paired rounds` : "across runs";
  if (c.interval === null)
    return `built ${sides}, ${signedPercent(c.ratio)} (no interval: a report from before report@3) · ${how}`;
  const ci = intervalText({ ...c, interval: c.interval });
  const arrow_ = c.verdict === "slower" ? "▲ " : c.verdict === "faster" ? "▼ " : "";
  const said = c.verdict === "no_clear_change" ? ": no clear change" : "";
  return `built ${sides}, ${arrow_}${signedPercent(c.ratio)} (${ci})${said} · ${how}`;
}

function fromTo(c: NumberChange, unit: (n: number) => string): string {
  const side = (v: number | null) => (v === null ? "?" : unit(v));
  return `${side(c.before)} → ${side(c.after)} ${arrow(c, unit)}`.trimEnd();
}

function changed(c: NumberChange | undefined): boolean {
  return c !== undefined && c.delta !== null && c.delta !== 0;
}

/** How names and labels are marked: markdown for GitHub, plain text for the terminal. */
export interface Style {
  strong(text: string): string;
  code(text: string): string;
}

export const MARKDOWN: Style = { strong: (t) => `**${t}**`, code };

/** Plain text: control characters shown as escapes, so a name from the file cannot start a new line. */
export const TEXT: Style = {
  strong: (t) => `${t}:`,
  code: (t) => escapeControls(t),
};

/** The changed lines of a diff, as markdown bullets (without the heading); `same` lists what did not change. */
export function diffLines(diff: ReportDiff, style: Style = MARKDOWN): { lines: string[]; same: string[] } {
  const lines: string[] = [];
  const same: string[] = [];
  const s = diff.size;
  const shipped = s.pte;
  if (changed(shipped)) {
    const parts: string[] = [];
    for (const [name, c] of [
      ["delegates", s.delegates],
      ["constants", s.constants],
      ["named data", s.named_data],
      [".ptd", s.ptd],
    ] as const) {
      if (changed(c)) parts.push(`${name} ${signed(c.delta ?? 0, formatBytes)}`);
    }
    lines.push(
      `${style.strong(".pte")} ${fromTo(shipped, formatBytes)}${parts.length > 0 ? `: ${parts.join(", ")}` : ""}`,
    );
  } else {
    if (shipped.delta === 0) same.push("size");
    if (changed(s.ptd)) lines.push(`${style.strong(".ptd")} ${fromTo(s.ptd, formatBytes)}`);
  }

  const nodes = Object.entries(diff.nodes)
    .filter(([, c]) => changed(c))
    .sort(([a], [b]) => byBackend(a, b));
  if (nodes.length > 0) {
    lines.push(
      `${style.strong("Nodes")} ${nodes.map(([k, c]) => `${backendName(k, style)} ${fromTo(c, String)}`).join(" · ")}`,
    );
  } else if (Object.keys(diff.nodes).length > 0) same.push("nodes");
  if (diff.ops_left_tensorrt.length > 0)
    lines.push(
      `${style.strong("Left TensorRT")} ${diff.ops_left_tensorrt.map((n) => style.code(n)).join(", ")}`,
    );
  if (diff.kernels.added.length > 0 || diff.kernels.removed.length > 0) {
    const k = diff.kernels;
    const parts = [
      ...k.added.map((op) => `+${style.code(op)}`),
      ...k.removed.map((op) => `−${style.code(op)}`),
    ];
    lines.push(`${style.strong("Kernels")} ${parts.join(", ")}`);
  }

  const delegates = Object.entries(diff.delegates)
    .filter(([, c]) => changed(c))
    .sort(([a], [b]) => byBackend(a, b));
  if (delegates.length > 0)
    lines.push(
      `${style.strong("Delegates")} ${delegates.map(([k, c]) => `${backendName(k, style)} ${fromTo(c, String)}`).join(" · ")}`,
    );
  const engines = diff.engines.filter((e) => e.state !== "same");
  for (const e of engines) {
    const list = (names: string[]) => names.map((n) => style.code(n)).join(", ") || "–";
    const io = (side: "before" | "after") => `${list(e.inputs[side])} → ${list(e.outputs[side])}`;
    // Only the side that changed, before ⇒ after: short enough for a phone.
    const ioChanges = (["inputs", "outputs"] as const)
      .filter((k) => list(e[k].before) !== list(e[k].after))
      .map((k) => `${k} ${list(e[k].before)} ⇒ ${list(e[k].after)}`);
    const what =
      e.state === "added"
        ? `added, ${formatBytes(e.bytes.after ?? 0)}: ${io("after")}`
        : e.state === "removed"
          ? `removed (was ${formatBytes(e.bytes.before ?? 0)})`
          : [fromTo(e.bytes, formatBytes), ...ioChanges].join("; ");
    lines.push(`${style.strong(`TensorRT engine ${e.index}`)} ${what}`);
  }
  if (diff.engines.length > 0 && engines.length === 0) same.push("engines");
  const payloads = Object.entries(diff.payloads ?? {}).filter(([, c]) => changed(c));
  if (payloads.length > 0)
    lines.push(
      `${style.strong("Payloads")} ${payloads.map(([k, c]) => `${style.code(k)} ${fromTo(c, formatBytes)}`).join(" · ")}`,
    );

  if (diff.accuracy !== null) {
    if (changed(diff.accuracy.max_rel))
      lines.push(`${style.strong("Max rel error")} ${fromTo(diff.accuracy.max_rel, sci)}`);
    else if (diff.accuracy.max_rel.delta === 0) same.push("accuracy");
  }
  for (const p of diff.latency) {
    const parts = [builtLatency(p)];
    if (p.eager_median_ms.delta !== null) parts.push(`eager ${fromTo(p.eager_median_ms, ms)}`);
    lines.push(`${style.strong("Latency")} at ${style.code(p.shape)} (median): ${parts.join(" · ")}`);
  }
  if (changed(diff.export_seconds))
    lines.push(`${style.strong("Export")} ${fromTo(diff.export_seconds, seconds)}`);
  if (diff.versions.length > 0)
    lines.push(
      `${style.strong("Versions")} ${diff.versions.map((v) => `${KNOWN_VERSIONS.has(v.name) ? v.name : style.code(v.name)} ${v.before === null ? "–" : style.code(v.before)} → ${v.after === null ? "–" : style.code(v.after)}`).join(" · ")}`,
    );
  return { lines, same };
}

export const GATE_ICON = { pass: "✅", fail: "❌", unclear: "⚠️", skipped: "➖" } as const;
export const GATE_WORD = {
  pass: "passed",
  fail: "**tripped**",
  unclear: "could not tell",
  skipped: "skipped",
} as const;

export function gateLines(verdicts: readonly GateVerdict[]): string[] {
  return verdicts.map(
    (v) => `${GATE_ICON[v.state]} \`${v.input}: ${v.limit}\` ${GATE_WORD[v.state]}: ${v.detail}`,
  );
}

export interface ComparisonView {
  comparison: ComparisonState;
  baseline: BaselineRef | null;
  diff: ReportDiff | null;
  gates: readonly GateVerdict[];
}

function heading(view: ComparisonView): string {
  const ref = view.baseline?.ref ?? view.comparison.base_ref;
  const base = `vs ${ref === null ? "baseline" : code(ref)}`;
  const b = view.baseline;
  if (b === null) return base;
  const run = b.run === null ? "" : ` · [run ${b.run.run_id}](${b.run.url})`;
  return `${base}${run} · ${code(b.pte_sha256.slice(0, 12))}`;
}

/** Why there is no diff, in words; the branch name is the event's, so it is code. */
function noteText(c: ComparisonState): string {
  if (c.state === "off") return "Comparison is off (`compare: false`).";
  if (c.state === "no_baseline")
    return c.base_ref === null
      ? "No branch to compare with: this is neither a push nor a pull request build."
      : `No build of ${code(c.base_ref)} to compare with yet.`;
  return `The baseline${c.base_ref === null ? "" : ` of ${code(c.base_ref)}`} could not be read; see the log.`;
}

/** The whole section, or "" when comparison is off and no gate is set. */
export function renderComparison(view: ComparisonView, level = "####"): string {
  const off = view.comparison.state === "off";
  if (off && view.gates.length === 0) return "";
  const out = [`${level} ${off ? "Regression gates" : heading(view)}`, ""];
  if (view.comparison.advisory !== undefined) out.push(`⚠️ ${view.comparison.advisory}`, "");
  if (view.diff === null) {
    out.push(noteText(view.comparison));
  } else {
    const { lines, same } = diffLines(view.diff);
    if (lines.length === 0) out.push("No change in what was measured.");
    for (const l of lines) out.push(`- ${l}`);
    if (same.length > 0 && lines.length > 0) out.push(`- Unchanged: ${same.join(", ")}`);
    if (view.comparison.latency) out.push(`- ${view.comparison.latency}`);
  }
  if (view.gates.length > 0) {
    if (!off) out.push("", "**Gates**");
    out.push("");
    for (const l of gateLines(view.gates)) out.push(`- ${l}`);
  }
  return `${out.join("\n")}\n`;
}

/**
 * What changed against the baseline in a few words, for a rollup's one line per model: the size
 * change of what ships, then the names of the other facts that moved (the section has the details),
 * a tripped gate first.
 */
export function changeSummary(
  state: ComparisonState["state"],
  diff: ReportDiff | null,
  gates: readonly GateVerdict[],
): string {
  const tripped = gates.filter((g) => g.state === "fail").map((g) => `❌ ${g.input}`);
  const parts: string[] = [];
  if (diff === null) {
    parts.push(
      state === "off" ? "not compared" : state === "no_baseline" ? "no baseline yet" : "baseline unreadable",
    );
  } else {
    const shipped = diff.size.pte;
    if (changed(shipped)) parts.push(`.pte ${arrow(shipped, formatBytes)}`);
    else if (changed(diff.size.ptd)) parts.push(`.ptd ${arrow(diff.size.ptd, formatBytes)}`);
    if (Object.values(diff.nodes).some(changed) || diff.ops_left_tensorrt.length > 0) parts.push("partition");
    if (diff.engines.some((e) => e.state !== "same")) parts.push("engines");
    if (diff.accuracy !== null && changed(diff.accuracy.max_rel)) parts.push("accuracy");
    const latency = diff.latency.find((p) => changed(p.built_median_ms));
    if (latency !== undefined) parts.push(`latency ${arrow(latency.built_median_ms, ms)}`);
    if (diff.versions.length > 0) parts.push("versions");
    if (parts.length === 0) parts.push("no change");
  }
  return [...tripped, ...parts].join(", ");
}
