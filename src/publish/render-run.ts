// What ran the .pte, whether it was deterministic, how fast it was against eager, what memory it
// took and what it needs to run elsewhere, as short markdown pieces for the summary and the comment.
// On a cache hit these facts come from the run that built the entry and are labelled so. Strings the
// driver reports (runtime names, reasons, device names, file names) are untrusted: they go through
// `code`; the table escapes its cells itself.

import type { Report } from "../report/report.js";
import type { BenchmarkPoint, TimingResult } from "../protocol.js";
import { code, formatBytes } from "../util/format.js";
import { isTarget, targetSpec } from "../settings/targets.js";

/** Milliseconds with three significant digits (0.41, 1.90, 12.3, 1234). */
export function ms(value: number): string {
  if (value >= 1000) return Math.round(value).toString();
  return value.toPrecision(3);
}

/** Significant digits (2 to 4) at which the values read apart: `2.0–2.2`, `1.04–1.09`. */
function apart(values: readonly number[]): (x: number) => string {
  for (const digits of [2, 3, 4]) {
    const f = (x: number) => (x >= 10 ** digits ? Math.round(x).toString() : x.toPrecision(digits));
    if (new Set(values.map(f)).size === new Set(values).size) return f;
  }
  return (x) => (x >= 10000 ? Math.round(x).toString() : x.toPrecision(4));
}

function times(speedup: number | null): string {
  if (speedup === null) return "";
  return ` (${speedup >= 10 ? speedup.toFixed(0) : speedup.toPrecision(2)}×)`;
}

/**
 * A speedup as a reviewer should read it: `2.1× (95% CI 2.0–2.2)`, or `noisy: 1.4–2.7× (95% CI;
 * why)` instead of a confident number; a report from before @3 has no interval and says so.
 */
export function speedupText(
  speedup: number | null,
  ci: [number, number] | undefined,
  noisy = false,
  why: string | null = null,
): string {
  if (speedup === null) return "no speedup (the built median is 0)";
  if (ci === undefined) return `${times(speedup).slice(2, -1)} (no interval: timed before report@3)`;
  const f = apart([ci[0], speedup, ci[1]]);
  if (noisy) return `noisy: ${f(ci[0])}–${f(ci[1])}× (95% CI${why ? `; ${code(why)}` : ""})`;
  return `${f(speedup)}× (95% CI ${f(ci[0])}–${f(ci[1])})`;
}

function spread(t: TimingResult): string {
  return `${ms(t.p10_ms)}–${ms(t.p90_ms)}`;
}

/** How many times each side ran: `200 paired runs each`, or, before paired rounds, `built 1000 runs, eager 8`. */
function runCounts(point: BenchmarkPoint): string {
  const { built, eager } = point;
  if (point.rounds !== undefined) return `${point.rounds} paired runs each`;
  return built.runs === eager.runs
    ? `${built.runs} runs each`
    : `built ${built.runs} runs, eager ${eager.runs}`;
}

/** `0.41 ms vs eager 1.90 ms: 4.6× (95% CI 4.4–4.8), 200 paired runs each (p10–p90 0.40–0.45 vs 1.85–2.01 ms)` */
export function latencyLine(point: BenchmarkPoint): string {
  const { built, eager } = point;
  const speed = speedupText(point.speedup, point.speedup_ci, point.noisy, point.noise ?? null);
  return (
    `${ms(built.median_ms)} ms vs eager ${ms(eager.median_ms)} ms: ${speed}, ${runCounts(point)} ` +
    `(p10–p90 ${spread(built)} vs ${spread(eager)} ms)`
  );
}

/** `opt`, or `opt (= max)` when max has the same shapes and was measured once with it. */
function pointName(point: BenchmarkPoint): string {
  return `${point.shape}${(point.same_as ?? []).map((s) => ` (= ${code(s)})`).join("")}`;
}

/** "measured by run 123" on a cache hit: the facts are the building run's, not this one's. */
export function measuredBy(report: Report): string {
  if (!report.cache.hit) return "";
  const from = report.cache.from_run;
  return from === null
    ? " · measured by the earlier local run that built it"
    : ` · measured by [run ${from.run_id}](${from.url})`;
}

export function formatExecution(report: Report): string {
  const e = report.execution;
  if (e === null) return "–";
  const checks = e.checks !== null && e.checks !== e.runtime ? `; checks used ${code(e.checks)}` : "";
  const said = e.pte_ran
    ? `✅ the .pte ran in ${code(e.runtime)}${checks}`
    : `⚠️ the .pte itself did not run (${e.runtime === "none" ? "nothing ran" : `checked: ${code(e.runtime)}`}): ${code(e.reason ?? "")}`;
  return `${said}${measuredBy(report)}`;
}

export function formatDeterminism(report: Report): string {
  const d = report.determinism;
  if (d === null) return "not checked: nothing in process returned outputs";
  const said = d.identical
    ? `✅ bitwise identical in ${d.runs} runs on one input`
    : `⚠️ outputs differ between ${d.runs} runs on one input, by up to ${d.max_abs_diff === null ? "a different shape" : d.max_abs_diff.toPrecision(3)} (${code(d.where ?? "")})`;
  return `${said}${measuredBy(report)}`;
}

export function formatLatency(report: Report): string {
  const b = report.benchmark;
  if (b === null) return "not timed";
  // The OPT point in full, the other points by their speedup (report.json has them all).
  const head = b.points.find((p) => p.shape === "opt") ?? b.points[0];
  if (head === undefined) return "not timed";
  const others = b.points
    .filter((p) => p !== head)
    .map((p) => `${pointName(p)} ${speedupText(p.speedup, p.speedup_ci, p.noisy)}`);
  const at = b.points.length > 1 || (head.same_as ?? []).length > 0 ? `at ${pointName(head)}: ` : "";
  const rest = others.length > 0 ? `; ${others.join("; ")}` : "";
  const threads = b.threads === null ? "" : `, ${b.threads} threads`;
  const parts = [`${at}${latencyLine(head)}${rest} · ${code(b.built)} on ${code(b.device)}${threads}`];
  if (b.built_includes) parts.push(`built includes ${code(b.built_includes)}`);
  const compiled = head.compiled;
  if (compiled && b.compiled) {
    parts.push(
      `${code(b.compiled)} (device-resident inputs, like eager) ${ms(compiled.timing.median_ms)} ms: ` +
        speedupText(compiled.speedup, compiled.speedup_ci, compiled.noisy),
    );
  }
  for (const flag of b.shape_flags ?? []) parts.push(`⚠️ ${code(flag)}`);
  return `${parts.join("<br>")}${measuredBy(report)}`;
}

export function formatMemory(report: Report): string {
  const m = report.memory;
  if (m === null) return "–";
  const parts: string[] = [];
  if (m.eager_device_bytes !== null) parts.push(`device: eager ${formatBytes(m.eager_device_bytes)}`);
  if (m.built_device_bytes !== null) {
    parts.push(
      `built ${formatBytes(m.built_device_bytes)}${m.built_device_how ? ` (${code(m.built_device_how)})` : ""}`,
    );
  }
  if (m.host_peak_bytes !== null) parts.push(`host peak of the export ${formatBytes(m.host_peak_bytes)}`);
  return parts.length === 0 ? "–" : `${parts.join(" · ")}${measuredBy(report)}`;
}

function majorMinor(version: string | null | undefined): string | null {
  if (!version) return null;
  const m = /^(\d+)\.(\d+)/.exec(version);
  return m === null ? version : `${m[1]}.${m[2]}`;
}

/** What a device needs to run the file: TensorRT, GPU architecture, ExecuTorch, the .ptd files. */
/** The facts of a report that say what its .pte needs to run. */
export type NeedsFacts = Pick<Report, "target" | "versions" | "details" | "gpu">;

/**
 * What the .pte needs to run, part by part, each name quoted by `quote` (inline code in markdown,
 * as is on a terminal). `ptdNames` are the .ptd files as the reader will have them (the artifacts'
 * names once uploaded); the runtime is given them with the .pte, wherever they are.
 */
export function needsToRun(
  report: NeedsFacts,
  ptdNames: readonly string[],
  quote: (text: string) => string,
): string[] {
  const parts: string[] = [];
  const versions = report.versions;
  if (report.target === "tensorrt") {
    const trt = majorMinor(versions.tensorrt);
    parts.push(trt === null ? "TensorRT (version not recorded)" : `TensorRT ${quote(trt)}`);
  }
  if (isTarget(report.target) && targetSpec(report.target).gpu) {
    const compile = (report.details.compile_settings ?? {}) as Record<string, unknown>;
    if (report.target === "tensorrt" && compile.hardware_compatible === true)
      parts.push("an Ampere or newer GPU");
    else if (report.gpu !== null) {
      parts.push(
        `a GPU of compute capability ${quote(report.gpu.compute_capability)} (built on ${quote(report.gpu.name)})`,
      );
    } else parts.push("the GPU architecture it was built on");
  } else {
    parts.push("any CPU");
  }
  const et = versions.executorch;
  parts.push(et ? `ExecuTorch ${quote(et)}` : "ExecuTorch");
  if (ptdNames.length > 0) parts.push(`loaded with ${ptdNames.map((p) => quote(p)).join(", ")}`);
  return parts;
}

/** What the .pte needs to run, for the summary and the comment. */
export function formatNeeds(
  report: Report,
  ptdNames: readonly string[] = report.ptd.map((p) => p.name),
): string {
  return needsToRun(report, ptdNames, code).join(" · ");
}

/**
 * The headline point in a few words, for a rollup's line: `0.41 ms (p10–p90 0.40–0.45), 4.6× eager`;
 * "" when not timed.
 */
export function latencyBrief(report: Report): string {
  const points = report.benchmark?.points ?? [];
  const point = points.find((p) => p.shape === "opt") ?? points[0];
  if (point === undefined) return "";
  const speedup =
    point.speedup !== null && point.speedup_ci !== undefined
      ? `, ${speedupText(point.speedup, point.speedup_ci, point.noisy)} vs eager`
      : times(point.speedup).replace(/^ \((.*)\)$/, ", $1 eager");
  return `${ms(point.built.median_ms)} ms (p10–p90 ${spread(point.built)})${speedup}`;
}

/** The opt point's speedup (the first point when there is no opt), for the `speedup` output. */
export function headlineSpeedup(report: Report): number | null {
  const points = report.benchmark?.points ?? [];
  const point = points.find((p) => p.shape === "opt") ?? points[0];
  return point?.speedup ?? null;
}
