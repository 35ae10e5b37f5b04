// The job summary: one section per model and target (a job may call the action several times, and
// each call appends its own section).

import type { Report } from "../report/report.js";
import { code, formatBytes } from "../util/format.js";
import { delegateSummary } from "../pte/render-summary.js";
import {
  type CommentOutcome,
  type Downloads,
  formatAccuracy,
  formatCache,
  formatDownload,
  formatInputs,
  engineList,
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

export function renderSummary(
  report: Report,
  downloads: Downloads | null,
  comment: CommentOutcome = { state: "off" },
  extras: ExtraSections = NO_EXTRAS,
): string {
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
  rows.push(["Time", formatTimings(report.timings)]);
  const comment_ = commentLine(comment);
  if (comment_ !== null) rows.push(["PR comment", comment_]);
  rows.push(PROCESS_LABEL);
  rows.push(["Inputs", formatInputs(report.inputs)]);
  rows.push(["Nodes", formatNodes(report.partition)]);
  rows.push(["Accuracy", formatAccuracy(report.accuracy)]);
  rows.push(["Ran", formatExecution(report)]);
  rows.push(["Deterministic", formatDeterminism(report)]);
  rows.push(["Latency", formatLatency(report)]);
  rows.push(["Memory", formatMemory(report)]);
  const picture = extras.picture === "" ? "" : `\n#### Partition\n\n${extras.picture}`;
  const comparison = extras.comparison === "" ? "" : `\n${extras.comparison}`;
  const useIt = extras.useIt ? `\n${extras.useIt}` : "";
  const history = (extras.history ?? "") === "" ? "" : `\n#### Latency history\n\n${extras.history}`;
  return `### ${title(report)}\n\nModel ${code(report.model, 1000)}\n\n${table(rows)}\n${engineList(report)}${useIt}${comparison}${history}${picture}`;
}
