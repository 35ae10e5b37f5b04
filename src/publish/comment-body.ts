// The sticky PR comment's body: the essentials of the summary and the download link.

import type { Report } from "../report/report.js";
import { code, formatBytes } from "../util/format.js";
import {
  type Downloads,
  engineList,
  formatAccuracy,
  formatCache,
  formatDownload,
  formatNodes,
  PROCESS_LABEL,
  table,
  title,
} from "./render.js";
import { formatDeterminism, formatExecution, formatLatency, formatNeeds } from "./render-run.js";

import { NO_EXTRAS, type ExtraSections } from "./summary.js";
import { runMarker } from "../github/sticky-comment.js";

export function renderComment(
  report: Report,
  downloads: Downloads | null,
  extras: ExtraSections = NO_EXTRAS,
): string {
  const rows: (readonly [string, string])[] = [
    ["Download", formatDownload(downloads)],
    [
      ".pte",
      `${code(report.pte.name)} · ${formatBytes(report.pte.bytes)} · sha256 ${code(report.pte.sha256.slice(0, 16))}…`,
    ],
  ];
  for (const ptd of report.ptd) rows.push([".ptd", `${code(ptd.name)} · ${formatBytes(ptd.bytes)}`]);
  rows.push(
    [
      "Needs to run",
      formatNeeds(
        report,
        downloads?.ptd.map((d) => d.name),
      ),
    ],
    ["Cache", formatCache(report)],
    // What follows, only the export process could report (src/publish/render.ts PROCESS_LABEL).
    PROCESS_LABEL,
    ["Nodes", formatNodes(report.partition)],
    ["Accuracy", formatAccuracy(report.accuracy)],
    ["Ran", formatExecution(report)],
    ["Deterministic", formatDeterminism(report)],
    ["Latency", formatLatency(report)],
  );
  const run = report.run;
  const footer =
    run === null
      ? ""
      : `\n<sub>Updated by [run ${run.run_id}](${run.url}) for ${run.sha.slice(0, 7)}.</sub>\n${/^[0-9]+$/.test(run.run_id) ? `${runMarker(run.run_id)}\n` : ""}`;
  const comparison = extras.comparison === "" ? "" : `\n${extras.comparison}`;
  // The picture is long: collapsed, so the comment stays short on a phone.
  const picture =
    extras.picture === "" ? "" : `\n<details><summary>Partition</summary>\n\n${extras.picture}\n</details>\n`;
  const useIt = extras.useIt ? `\n${extras.useIt}` : "";
  const history =
    (extras.history ?? "") === ""
      ? ""
      : `\n<details><summary>Latency history</summary>\n\n${extras.history}\n</details>\n`;
  return `### ${title(report)}\n\n${table(rows)}\n${engineList(report)}${useIt}${comparison}${history}${picture}${footer}`;
}
