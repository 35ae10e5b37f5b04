// The job summary: one section per model and target (a job may call the action several times, and
// each call appends its own section).

import type { Report } from "../report/report.js";
import { code, formatBytes } from "../util/format.js";
import { delegateSummary, engineLines } from "../pte/render-summary.js";
import {
  type CommentOutcome,
  type Downloads,
  formatAccuracy,
  formatCache,
  formatDownload,
  formatInputs,
  formatOutputs,
  formatGpu,
  formatNodes,
  formatTimings,
  formatVersions,
  PROCESS_LABEL,
  table,
  title,
} from "./render.js";
import {
  formatDeterminism,
  formatExecution,
  formatLatency,
  formatMemory,
  formatNeeds,
} from "./render-run.js";
import { alignedRows, markdownSection, plainText } from "./plain-text.js";

function commentLine(outcome: CommentOutcome): string | null {
  switch (outcome.state) {
    case "off":
      return null;
    case "created":
    case "updated":
      return `[${outcome.state === "created" ? "posted" : "updated"}](${outcome.url ?? ""})`;
    default:
      // trt-pte's own explanation (src/publish/publish-comment.ts), markdown and all.
      return `not posted: ${outcome.reason ?? ""}`;
  }
}

/**
 * Sections rendered elsewhere (src/compare/): the comparison with the baseline, the partition
 * picture and the branch's latency history.
 */
export interface ExtraSections {
  comparison: string;
  /** A ```mermaid block. */
  picture: string;
  /** The collapsed "Use it" section (src/publish/use-it.ts), or "". */
  useIt?: string;
  /** ```mermaid xychart blocks with their key, or "". */
  history?: string;
}

export const NO_EXTRAS: ExtraSections = { comparison: "", picture: "", history: "" };

/** The summary as markdown, beside report.json in the output folder (not uploaded). */
export const SUMMARY_FILE = "summary.md";

/** The summary's pieces, each markdown: rendered as the job summary, or as text for a terminal. */
interface SummaryParts {
  title: string;
  model: string;
  rows: (readonly [string, string])[];
  /** One line per TensorRT engine and CUDA blob set (render-summary.ts `engineLines`). */
  engines: string[];
}

function summaryParts(report: Report, downloads: Downloads | null, comment: CommentOutcome): SummaryParts {
  // What trt-pte measured or read itself first; then, under one label, what only the export
  // process could report (it runs the model's code, so a pull request can forge those figures).
  const rows: (readonly [string, string])[] = [
    ["Download", formatDownload(downloads)],
    ["Target", report.target],
    [".pte", `${code(report.pte.name)} · ${formatBytes(report.pte.bytes)}`],
    ["sha256", code(report.pte.sha256)],
  ];
  for (const ptd of report.ptd) rows.push([".ptd", `${code(ptd.name)} · ${formatBytes(ptd.bytes)}`]);
  rows.push(["Delegates", delegateSummary(report.inspection)]);
  rows.push([
    "Needs to run",
    formatNeeds(
      report,
      downloads?.ptd.map((d) => d.name),
    ),
  ]);
  rows.push(["Cache", formatCache(report)]);
  rows.push(["GPU", formatGpu(report)]);
  rows.push(["Versions", formatVersions(report.versions)]);
  rows.push(["Time", formatTimings(report)]);
  const comment_ = commentLine(comment);
  if (comment_ !== null) rows.push(["PR comment", comment_]);
  rows.push(PROCESS_LABEL);
  rows.push(["Inputs", formatInputs(report.inputs)]);
  if ((report.outputs ?? []).length > 0) rows.push(["Outputs", formatOutputs(report.outputs)]);
  rows.push(["Nodes", formatNodes(report.partition)]);
  rows.push(["Accuracy", formatAccuracy(report.accuracy)]);
  rows.push(["Ran", formatExecution(report)]);
  rows.push(["Deterministic", formatDeterminism(report)]);
  rows.push(["Latency", formatLatency(report)]);
  rows.push(["Memory", formatMemory(report)]);
  return {
    title: title(report),
    model: code(report.model, 1000),
    rows,
    engines: engineLines(report.inspection),
  };
}

export function renderSummary(
  report: Report,
  downloads: Downloads | null,
  comment: CommentOutcome = { state: "off" },
  extras: ExtraSections = NO_EXTRAS,
): string {
  const parts = summaryParts(report, downloads, comment);
  const engines = parts.engines.length === 0 ? "" : `\n${parts.engines.map((l) => `- ${l}`).join("\n")}\n`;
  const picture = extras.picture === "" ? "" : `\n#### Partition\n\n${extras.picture}`;
  const comparison = extras.comparison === "" ? "" : `\n${extras.comparison}`;
  const useIt = extras.useIt ? `\n${extras.useIt}` : "";
  const history = (extras.history ?? "") === "" ? "" : `\n#### Latency history\n\n${extras.history}`;
  return `### ${parts.title}\n\nModel ${parts.model}\n\n${table(parts.rows)}\n${engines}${useIt}${comparison}${history}${picture}`;
}

/**
 * The same summary for a terminal: aligned `Label  value` rows (the export process's label as a
 * line of its own), no table pipes, no Mermaid source (`trt-pte inspect --mermaid` draws the
 * partition, the markdown file the latency history's chart); "Use it" comes last, its code as it is.
 */
export function renderSummaryText(
  report: Report,
  downloads: Downloads | null,
  comment: CommentOutcome = { state: "off" },
  extras: ExtraSections = NO_EXTRAS,
): string {
  const parts = summaryParts(report, downloads, comment);
  const at = parts.rows.indexOf(PROCESS_LABEL);
  const [ours, theirs] = at < 0 ? [parts.rows, []] : [parts.rows.slice(0, at), parts.rows.slice(at + 1)];
  const seen = new Set<string>();
  const column = Math.max(5, ...parts.rows.filter((r) => r !== PROCESS_LABEL).map(([l]) => l.length)) + 2;
  const out = [
    plainText(parts.title),
    "",
    alignedRows([["Model", parts.model], ...ours], undefined, seen, column),
  ];
  if (theirs.length > 0) {
    const label = `${plainText(PROCESS_LABEL[0])}, ${plainText(PROCESS_LABEL[1])}:`;
    out.push("", label, alignedRows(theirs, undefined, seen, column));
  }
  if (parts.engines.length > 0) out.push("", markdownSection(parts.engines.map((l) => `- ${l}`).join("\n")));
  if (extras.comparison !== "") out.push("", markdownSection(extras.comparison));
  if ((extras.history ?? "") !== "")
    out.push("", "The latency history as a chart: summary.md beside report.json");
  if (extras.picture !== "")
    out.push("", "The partition as a picture: trt-pte inspect --mermaid on the .pte");
  if (extras.useIt) out.push("", markdownSection(extras.useIt));
  return `${out.join("\n")}\n`;
}
