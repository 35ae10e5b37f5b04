// The job summary: one section per model and target (a job may call the action several times).

import type { Report } from "./report.js";
import { cell, formatBytes } from "./format.js";

export interface PublishedArtifact {
  name: string;
  url: string;
}

export function renderSummary(report: Report, artifact: PublishedArtifact | null): string {
  const rows: [string, string][] = [
    ["Model", `\`${cell(report.model)}\``],
    ["Target", report.target],
    [".pte", `${cell(report.pte.name)} · ${formatBytes(report.pte.bytes)}`],
    ["sha256", `\`${report.pte.sha256}\``],
  ];
  for (const ptd of report.ptd) rows.push([".ptd", `${cell(ptd.name)} · ${formatBytes(ptd.bytes)}`]);
  rows.push(["Cache", cacheLine(report)]);
  rows.push([
    "Download",
    artifact === null ? "not uploaded (`upload: false`)" : `[${cell(artifact.name)}](${artifact.url})`,
  ]);
  const table = ["| | |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join("\n");
  return `### trt-pte · ${cell(report.model_name)} · ${report.target}\n\n${table}\n`;
}

function cacheLine(report: Report): string {
  const { cache } = report;
  if (!cache.enabled) return "off";
  if (cache.hit) {
    const from =
      cache.from_run === null
        ? "an earlier local run"
        : `run [${cache.from_run.run_id}](${cache.from_run.url})`;
    return `**cache hit**: built by ${from}; no export ran`;
  }
  return cache.layers.map((l) => `${l.layer} ${l.state}`).join(", ") || "miss";
}
