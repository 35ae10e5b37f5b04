// The one comment (and job summary) for a reusable-workflow call: a section per model × target × GPU.
// Pure functions of the results, kept apart from the GitHub calls so the single-job comment can share
// them. Every string that came from a result file is shown as inline code (no markdown, HTML or
// @-mention survives that), and every link is built here from numeric IDs, never read from a file.

import { code, formatBytes } from "../util/format.js";
import { COMMENT_MAX_CHARS, fitSections } from "../util/fit-markdown.js";
import type { BuildResult, ReportSummary } from "./results.js";
import { renderUseIt, type FetchSource } from "../publish/use-it.js";
import { runMarker } from "../github/sticky-comment.js";
import { artifactUrl, jobUrl, runUrl, type RunLinks } from "../github/run-links.js";
import { comparisonLines } from "./comparison.js";
import { COMMENT_ROLLUP_CHARS, rollupTable, type RollupRow, type RowState } from "../publish/rollup.js";
import { changeSummary } from "../compare/render.js";
import { ms, speedupText } from "../publish/render-run.js";
import { historyDetails, latencyText } from "./latency.js";

// The marker line goes in front of the body (src/github/sticky-comment.ts); keys are at most 64 hex digits.
const COMMENT_MARKER_ROOM = 128;

/** Hidden first line of the comment: how a later run finds the comment to update. */
export function commentMarker(key: string): string {
  return `<!-- trt-pte:call:${key} -->`;
}

/** The GPU name as the artifact names and outputs use it (a call without `gpus` has one, "default"). */
export function gpuLabel(gpu: string): string {
  return gpu === "" ? "default" : gpu;
}

function accuracyText(accuracy: NonNullable<BuildResult["report"]>["accuracy"]): string | null {
  if (accuracy === null) return null;
  if (accuracy.status !== "checked") return `accuracy not checked`;
  const maxAbs = accuracy.maxAbs === null ? "?" : accuracy.maxAbs.toExponential(1);
  const tolerance = accuracy.tolerance === null ? "" : ` (tolerance ${accuracy.tolerance.toExponential(1)})`;
  const verdict = accuracy.passed === true ? " ✅" : accuracy.passed === false ? " ❌" : "";
  return `accuracy: max abs error ${maxAbs}${tolerance}${verdict}`;
}

/** The build's files as links, the .pte first, then its .ptd files, then the rest (its report). */
function fileLinks(result: BuildResult, links: RunLinks): string {
  const rank = (name: string) => (name.endsWith(".pte") ? 0 : name.endsWith(".ptd") ? 1 : 2);
  return [...result.files]
    .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name))
    .map((f) => `[${code(f.name)}](${artifactUrl(links, f.id)})`)
    .join(" · ");
}

/** The "Use it" section of a build whose files were uploaded one by one; "" otherwise. */
function useIt(result: BuildResult, report: ReportSummary, links: RunLinks, by: FetchSource): string {
  const pte = result.files.find((f) => f.name.endsWith(".pte"));
  if (pte === undefined) return "";
  return renderUseIt({
    // The build's name from its checked artifact name (`<build>.pte`), not from the report's text.
    fetch: { repository: links.repository, by, build: pte.name.slice(0, -".pte".length) },
    target: report.target,
    pte: pte.name,
    ptd: result.files.filter((f) => f.name.endsWith(".ptd")).map((f) => f.name),
    executorch: report.versions.executorch ?? null,
    inputs: report.inputs,
  });
}

/** The model's name: the trt-pte.yml's, else the report's short name, else the spec. */
function modelOf(result: BuildResult): string {
  return result.name || result.report?.modelName || result.model;
}

function targetOf(result: BuildResult): string {
  return result.report?.target || result.target || "tensorrt";
}

function section(result: BuildResult, links: RunLinks, label: string | null, by: FetchSource): string {
  const report = result.report;
  const title = [modelOf(result), targetOf(result), gpuLabel(result.gpu)];
  const icon = result.outcome === "success" ? "✅" : result.outcome === "failure" ? "❌" : "⚠️";
  const lines = [`#### ${icon} ${title.map((t) => code(t)).join(" · ")}`, ""];
  if (label !== null) lines.push(label, "");
  const log = result.checkRunId === null ? runUrl(links) : jobUrl(links, result.checkRunId);

  // A tripped regression gate fails the build after it published: its comparison still shows.
  const compared =
    report?.comparison === null || report?.comparison === undefined
      ? []
      : comparisonLines(report.comparison, (id) => runUrl({ ...links, runId: id }));
  if (result.outcome !== "success") {
    const what =
      result.outcome === "failure"
        ? "The build failed"
        : result.outcome === "cancelled"
          ? "The build was cancelled"
          : "The build did not run (an earlier step failed)";
    lines.push(`${what}: see [the job log](${log}).`);
    if (compared.length > 0) lines.push("", ...compared);
    return lines.join("\n");
  }
  if (report === null) {
    lines.push(`Built, but its report is missing: see [the job log](${log}).`);
    return lines.join("\n");
  }
  const download =
    result.files.length > 0
      ? fileLinks(result, links)
      : result.artifactId === null
        ? "not uploaded (`upload: false`)"
        : `[${code(report.artifactName)}](${artifactUrl(links, result.artifactId)})`;
  lines.push(`**Download:** ${download}`, "");
  const files = [
    `${code(report.pte.name)} ${formatBytes(report.pte.bytes)}, sha256 ${code(report.pte.sha256.slice(0, 16))}…`,
  ];
  for (const ptd of report.ptd) files.push(`${code(ptd.name)} ${formatBytes(ptd.bytes)}`);
  lines.push(`- Files: ${files.join(" · ")}`);
  // What only the export process could report, under one label (src/publish/render.ts PROCESS_LABEL).
  const reported: string[] = [];
  const partition = Object.entries(report.partition).filter(([, n]) => n > 0);
  if (partition.length > 0) {
    reported.push(`Delegated: ${partition.map(([name, n]) => `${code(name)} ×${n}`).join(", ")}`);
  }
  const accuracy = accuracyText(report.accuracy);
  if (accuracy !== null) reported.push(`${accuracy.charAt(0).toUpperCase()}${accuracy.slice(1)}`);
  if (reported.length > 0) {
    lines.push("- Reported by the export process, which runs the model's code:");
    lines.push(...reported.map((r) => `  - ${r}`));
  }
  if (report.gpu !== null) {
    const cc =
      report.gpu.computeCapability === ""
        ? ""
        : ` (compute capability ${code(report.gpu.computeCapability)})`;
    lines.push(`- Built on ${code(report.gpu.name)}${cc}`);
  }
  const versions = Object.entries(report.versions);
  if (versions.length > 0)
    lines.push(`- Versions: ${versions.map(([k, v]) => `${code(k)} ${code(v)}`).join(", ")}`);
  if (report.timing !== null) lines.push(`- ${latencyText(report.timing)}`);
  lines.push(...compared);
  const use = useIt(result, report, links, by);
  if (use !== "") lines.push("", use.trimEnd());
  const history = historyDetails(report.history);
  if (history !== "") lines.push("", history);
  return lines.join("\n");
}

/** A build the call planned that sent no result: a model name ("" for a call with `model`) and GPU. */
export interface MissingBuild {
  name: string;
  gpu: string;
}

function rowState(result: BuildResult): RowState {
  if (result.outcome === "success") return "built";
  if (result.outcome === "failure") {
    const tripped = result.report?.comparison?.gates.some((g) => g.state === "fail") ?? false;
    return tripped ? "regressed" : "failed";
  }
  return result.outcome;
}

/** `, 4.6× (95% CI 4.5–4.7) vs eager` (`4.6× eager` for a report from before intervals), or "". */
function speedupPart(report: ReportSummary | null): string {
  const t = report?.timing ?? null;
  if (t !== null && t.speedupCi !== undefined)
    return `, ${speedupText(t.speedup, t.speedupCi, t.noisy)} vs eager`;
  const speedup = report?.latency?.speedup ?? null;
  return speedup === null ? "" : `, ${speedup.toPrecision(2)}× eager`;
}

/** One build as a rollup row; every string in it came from a result file and is shown as code. */
export function rollupRow(result: BuildResult, links: RunLinks): RollupRow {
  const report = result.report;
  const latency = report?.latency ?? null;
  const comparison = report?.comparison ?? null;
  return {
    name: modelOf(result),
    gpu: gpuLabel(result.gpu),
    target: targetOf(result),
    state: rowState(result),
    detail: "",
    download: result.artifactId === null ? null : { url: artifactUrl(links, result.artifactId) },
    bytes: report === null ? null : report.pte.bytes + report.ptd.reduce((sum, f) => sum + f.bytes, 0),
    latency:
      latency === null
        ? ""
        : `${ms(latency.medianMs)} ms (p10–p90 ${ms(latency.p10Ms)}–${ms(latency.p90Ms)})${speedupPart(report)}`,
    cache: report?.cacheHit === true ? "hit" : report?.cacheHit === false ? "miss" : "",
    changes: comparison === null ? "" : changeSummary(comparison.state, comparison.diff, comparison.gates),
  };
}

function missingRow(build: MissingBuild): RollupRow {
  return {
    name: build.name,
    gpu: gpuLabel(build.gpu),
    target: "",
    state: "missing",
    detail: "",
    download: null,
    bytes: null,
    latency: "",
    cache: "",
    changes: "",
  };
}

export interface CallSummary {
  key: string;
  results: readonly BuildResult[];
  /** Builds the call planned that sent no result (the job never ran or died). */
  missing: readonly MissingBuild[];
  /** Result files that could not be read, with why. */
  unreadable: readonly { file: string; reason: string }[];
  /** Builds, missing GPUs and unreadable files over the caps of src/gather/calls.ts. */
  notShown?: number;
}

/**
 * The markdown body of one call's comment, without its marker. `label`, when given, heads every
 * build's section (the fork commenter's: whose report the section is).
 */
export function renderCall(
  call: CallSummary,
  links: RunLinks,
  commit: string,
  maxChars: number = COMMENT_MAX_CHARS,
  label: string | null = null,
  /** How the "Use it" sections' `trt-pte fetch` finds the builds: the pull request in a comment. */
  by: FetchSource = { run: links.runId },
): string {
  const ordered = [...call.results].sort(
    (a, b) => modelOf(a).localeCompare(modelOf(b)) || a.gpu.localeCompare(b.gpu),
  );
  const built = ordered.filter((r) => r.outcome === "success").length;
  const total = ordered.length + call.missing.length;
  const head = [
    `### trt-pte: ${built} of ${total} build${total === 1 ? "" : "s"} succeeded`,
    "",
    `[Run ${links.runId}](${runUrl(links)})${/^[0-9a-f]{7,64}$/.test(commit) ? ` · commit ${commit.slice(0, 7)}` : ""}`,
    // Hidden: how `trt-pte fetch --pr` finds this run's builds.
    ...(/^[0-9]+$/.test(links.runId) ? [runMarker(links.runId)] : []),
  ];
  // Several builds get the rollup first, one line each; it is part of the head, so always kept.
  if (total > 1) {
    const rows = [...ordered.map((r) => rollupRow(r, links)), ...call.missing.map(missingRow)];
    head.push("", rollupTable(rows, COMMENT_ROLLUP_CHARS));
  }
  const sections = ordered.map((r) => section(r, links, label, by));
  for (const { name, gpu } of call.missing) {
    const what = [...(name === "" ? [] : [name]), gpuLabel(gpu)].map((t) => code(t)).join(" · ");
    sections.push(
      `#### ⚠️ ${what}\n\nNo result: the job did not run or stopped before reporting ([run](${runUrl(links)})).`,
    );
  }
  for (const bad of call.unreadable) {
    sections.push(`#### ⚠️ Unreadable result ${code(bad.file)}\n\n${code(bad.reason)}`);
  }
  // In the head, which is always kept: the sections may not all fit.
  const over = call.notShown ?? 0;
  if (over > 0) head.push("", `…and ${over} more result${over === 1 ? "" : "s"} than one comment shows.`);
  return fitSections(head.join("\n"), sections, {
    maxChars: maxChars - COMMENT_MARKER_ROOM,
    omittedLine: (n) =>
      `…and ${n} more section${n === 1 ? "" : "s"} that did not fit in one comment: see [the run's summary](${runUrl(links)}).`,
  });
}
