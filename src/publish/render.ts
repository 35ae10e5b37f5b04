// The facts of one export as short markdown pieces, shared by the job summary and the PR comment
// so both say the same thing the same way. Two-column tables: they stay readable on a phone.
// Every string that came from the driver, the .pte or a cached report is shown through `code`, and
// `table` escapes every cell, so nothing a model names becomes a link, a mention, HTML or a new row.

import type { Report } from "../report/report.js";
import type { AccuracyResult, OutputInfo } from "../protocol.js";
import { cell, code } from "../util/format.js";
import { formatDuration } from "../util/time.js";
import { formatInputSpecs, type InputSpec } from "../settings/input-spec.js";
import { STACK_PACKAGES } from "../settings/targets.js";
import { engineLines } from "../pte/render-summary.js";
import { measuredBy } from "./render-run.js";

/** One uploaded file: its artifact's name (the file's name once downloaded) and its page. */
export interface PublishedArtifact {
  name: string;
  url: string;
}

/** Where one build's files download from. */
export interface Downloads {
  pte: PublishedArtifact;
  ptd: readonly PublishedArtifact[];
  report: PublishedArtifact;
}

/** What happened to the PR comment, for the summary. */
export interface CommentOutcome {
  state: "off" | "created" | "updated" | "skipped" | "failed";
  url?: string;
  reason?: string;
}

const NUMBER = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 3 });

function sci(x: number): string {
  if (!Number.isFinite(x)) return "∞";
  return x === 0 ? "0" : Math.abs(x) < 1e-3 || Math.abs(x) >= 1e4 ? x.toExponential(1) : NUMBER.format(x);
}

export function formatNodes(partition: Record<string, number>): string {
  const order = ["TensorRTBackend", "CudaBackend", "XnnpackBackend"];
  const names: Record<string, string> = {
    TensorRTBackend: "TensorRT",
    CudaBackend: "CUDA",
    XnnpackBackend: "XNNPACK",
    undelegated: "undelegated",
  };
  const keys = Object.keys(partition).sort((a, b) => {
    const ia = a === "undelegated" ? 99 : order.indexOf(a) < 0 ? 50 : order.indexOf(a);
    const ib = b === "undelegated" ? 99 : order.indexOf(b) < 0 ? 50 : order.indexOf(b);
    return ia - ib || a.localeCompare(b);
  });
  return keys.map((k) => `${names[k] ?? code(k)} ${partition[k]}`).join(" · ") || "–";
}

export function formatAccuracy(accuracy: AccuracyResult | null): string {
  if (accuracy === null) return "–";
  if (accuracy.status === "skipped") return `not checked: ${code(accuracy.reason ?? "")}`;
  const uninformative = accuracy.uninformative ?? null;
  // A match against constant outputs proves nothing: not a green check (issue: any build matches).
  const verdict = accuracy.passed === false ? "❌" : uninformative !== null ? "⚠️ could not tell:" : "✅";
  const limit = accuracy.tolerance === null ? "" : ` (tolerance ${sci(accuracy.tolerance)})`;
  const shapes =
    accuracy.points.length > 1 ? ` at ${code(accuracy.points.map((p) => p.shape).join("/"))}` : "";
  const why = uninformative === null ? "" : ` (${code(uninformative)})`;
  const worst = worstOutput(accuracy);
  const where = worst === null ? "" : ` in ${code(worst)}`;
  return `${verdict} max abs ${sci(accuracy.max_abs)} · max rel ${sci(accuracy.max_rel)}${where}${limit}${shapes}, ${code(accuracy.against)}${why}`;
}

/** The named output with the largest relative error, when the model has more than one output. */
function worstOutput(accuracy: AccuracyResult): string | null {
  const outputs = accuracy.points.flatMap((p) => p.outputs);
  if (new Set(outputs.map((o) => o.index)).size < 2 || accuracy.max_rel === 0) return null;
  const worst = outputs.reduce((a, b) => (b.max_rel > a.max_rel ? b : a));
  return worst.name ?? String(worst.index);
}

/** `scores float32[1,4] · boxes float32[1,128]`: each output by its name in what forward() returns. */
export function formatOutputs(outputs: readonly OutputInfo[]): string {
  return outputs
    .map((o) => {
      const tensor = `${o.dtype}[${o.shape.join(",")}]`;
      const positional = /^[\d.]+$/.test(o.name);
      return code(positional && outputs.length === 1 ? tensor : `${o.name} ${tensor}`);
    })
    .join(" · ");
}

export function formatVersions(versions: Record<string, string | null>): string {
  return [...STACK_PACKAGES, "python"]
    .filter((k) => versions[k])
    .map((k) => `${k} ${code(versions[k] ?? "")}`)
    .join(" · ");
}

export function formatGpu(report: Report): string {
  const g = report.gpu;
  if (g === null) return "none";
  const facts = [`sm ${code(g.compute_capability || "?")}`];
  if (g.driver_version !== "") facts.push(`driver ${code(g.driver_version)}`);
  if (g.l4t !== undefined) facts.push(`L4T ${code(g.l4t)}`);
  return `${code(g.name)} (${facts.join(", ")})`;
}

/**
 * Seconds per stage. On a cache hit no export ran: the stages are this run's, and the driver's steps
 * (`export.*`) are the building run's, said so with who measured them.
 */
export function formatTimings(report: Report): string {
  const entries = Object.entries(report.timings);
  const now = entries
    .filter(([k]) => !k.startsWith("export."))
    .map(([k, s]) => `${k.replace(/_/g, " ")} ${formatDuration(s * 1000)}`);
  const run = report.timings["export.run"];
  if (!report.cache.hit) {
    // The driver's steps stay inside `export`, except running and timing the .pte: its own line.
    return [...now, ...(run === undefined ? [] : [`of which run & time ${formatDuration(run * 1000)}`])].join(
      " · ",
    );
  }
  const steps = entries.filter(([k]) => k.startsWith("export."));
  if (steps.length === 0) return `${now.join(" · ")} (no export ran)`;
  const built = formatDuration(steps.reduce((sum, [, s]) => sum + s, 0) * 1000);
  const ofWhich = run === undefined ? "" : `, of which run & time ${formatDuration(run * 1000)}`;
  return `now: ${now.join(" · ")} (no export ran) · the export that built it: ${built}${ofWhich}${measuredBy(report)}`;
}

export function formatInputs(inputs: readonly InputSpec[]): string {
  return inputs.length === 0 ? "–" : code(formatInputSpecs(inputs), 1000);
}

/** The engines and blobs as a bullet list under the table (nothing when there are none). */
export function engineList(report: Report): string {
  const lines = engineLines(report.inspection);
  return lines.length === 0 ? "" : `\n${lines.map((l) => `- ${l}`).join("\n")}\n`;
}

export function formatCache(report: Report): string {
  const { cache } = report;
  if (!cache.enabled) return "off";
  if (cache.hit) {
    const from =
      cache.from_run === null
        ? "an earlier local run"
        : `run [${cache.from_run.run_id}](${cache.from_run.url})`;
    return `**cache hit**: built by ${from}; no export ran`;
  }
  return cache.layers.map((l) => `${l.layer} ${l.state}`).join(" · ") || "miss";
}

/** A link per file: each downloads the file itself (one artifact per file, unzipped). */
export function formatDownload(downloads: Downloads | null): string {
  if (downloads === null) return "not uploaded (`upload: false`)";
  return [downloads.pte, ...downloads.ptd, downloads.report]
    .map((d) => `[⬇ ${cell(d.name)}](${d.url})`)
    .join(" · ");
}

/**
 * The one label over the rows only the export process could report (accuracy, what ran,
 * determinism, latency, memory, node counts): it runs the model's code, so those are its figures,
 * which a pull request can forge; trt-pte checks what it can (the node counts against the .pte,
 * what ran against the environment). docs/security.md says which gates rest on them.
 */
export const PROCESS_LABEL: readonly [string, string] = [
  "**Reported by the export process**",
  "which runs the model's code",
];

export function table(rows: readonly (readonly [string, string])[]): string {
  return ["| | |", "|---|---|", ...rows.map(([k, v]) => `| ${cell(k)} | ${cell(v)} |`)].join("\n");
}

export function title(report: Report): string {
  // Both come from this run's settings: a sanitised name (src/settings/names.ts) and a known target.
  return `trt-pte · ${cell(report.model_name)} · ${report.target}`;
}
