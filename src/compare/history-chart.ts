// The branch's history with this build as the last point, as Mermaid `xychart-beta` charts that
// GitHub renders: the built latency at one shape (the median, and its 95% interval's bounds when
// every build has one), and the .pte + .ptd size when it changed. Labels are the commits' short
// hashes (or run numbers); the entries were checked by src/compare/history.ts, and every label
// still goes through the escaping helper.

import type { HistoryEntry } from "../report/comparison.js";
import { mermaidText } from "./mermaid.js";

/** A number as Mermaid's chart grammar takes it: plain decimal, no exponent. */
function plain(x: number): string {
  const text = String(Number(x.toPrecision(4)));
  return /e/i.test(text) ? x.toFixed(9).replace(/\.?0+$/, "") : text;
}

/** A build's axis label: its short commit, or its run where commits repeat (re-runs, cache hits). */
function label(entry: HistoryEntry, all: readonly HistoryEntry[]): string {
  const unique = entry.sha !== "" && all.filter((e) => e.sha === entry.sha).length === 1;
  if (unique || (entry.sha !== "" && entry.run_id === null)) return entry.sha.slice(0, 7);
  return entry.run_id === null ? entry.date.slice(0, 10) : `run ${entry.run_id}`;
}

function axis(labels: readonly string[]): string {
  return `[${labels.map((l) => `"${mermaidText(l, 24)}"`).join(", ")}]`;
}

/** The shape the chart follows: `opt` when this build has it, else its first. */
function chartShape(current: HistoryEntry): string | null {
  return current.points.find((p) => p.shape === "opt")?.shape ?? current.points[0]?.shape ?? null;
}

export interface HistoryCharts {
  /** The latency chart, or "" when fewer than two builds have a latency at the shape. */
  latency: string;
  /** The size chart, or "" when the size did not change over the builds shown. */
  size: string;
}

/**
 * Mermaid chart texts (without fences) over `history` and `current` (this build, the last
 * point). `currentLabel` names it on the axis ("this PR", "this build").
 */
export function historyCharts(
  history: readonly HistoryEntry[],
  current: HistoryEntry | null,
  currentLabel = "this build",
): HistoryCharts {
  if (current === null || history.length === 0) return { latency: "", size: "" };
  const all = [...history, current];
  const labelOf = (e: HistoryEntry) => (e === current ? currentLabel : label(e, history));
  let latency = "";
  const shape = chartShape(current);
  const timed =
    shape === null
      ? []
      : all.flatMap((e) => e.points.filter((p) => p.shape === shape).map((p) => ({ e, p })));
  if (shape !== null && timed.length >= 2) {
    const lines = [
      "xychart-beta",
      `  title "${mermaidText(`Built latency at ${shape}, ms`)}"`,
      `  x-axis ${axis(timed.map(({ e }) => labelOf(e)))}`,
      `  y-axis "${mermaidText("median ms")}"`,
      `  line [${timed.map(({ p }) => plain(p.built_ms)).join(", ")}]`,
    ];
    const bounds = timed.flatMap(({ p }) => (p.built_ci === null ? [] : [p.built_ci]));
    if (bounds.length === timed.length) {
      lines.push(`  line [${bounds.map((b) => plain(b[0])).join(", ")}]`);
      lines.push(`  line [${bounds.map((b) => plain(b[1])).join(", ")}]`);
    }
    latency = `${lines.join("\n")}\n`;
  }
  const sizes = all.map((e) => e.pte_bytes + e.ptd_bytes);
  let size = "";
  if (new Set(sizes).size > 1) {
    const kib = Math.max(...sizes) < 10 * 1024 * 1024;
    const scale = kib ? 1024 : 1024 * 1024;
    size = `${[
      "xychart-beta",
      `  title "${mermaidText(`.pte + .ptd, ${kib ? "KiB" : "MiB"}`)}"`,
      `  x-axis ${axis(all.map(labelOf))}`,
      `  y-axis "${kib ? "KiB" : "MiB"}"`,
      `  bar [${sizes.map((b) => plain(b / scale)).join(", ")}]`,
    ].join("\n")}\n`;
  }
  return { latency, size };
}

/** The charts as markdown with a one-line key, or "" when there is nothing to draw. */
export function historyMarkdown(
  history: readonly HistoryEntry[],
  current: HistoryEntry | null,
  currentLabel = "this build",
): string {
  const charts = historyCharts(history, current, currentLabel);
  const parts: string[] = [];
  if (charts.latency !== "") {
    const bounds = charts.latency.split("\n").filter((l) => l.trim().startsWith("line")).length > 1;
    parts.push(
      `\`\`\`mermaid\n${charts.latency}\`\`\``,
      `The last ${history.length} builds of the branch, then ${currentLabel}: the built median` +
        `${bounds ? " and its 95% interval's bounds" : ""} (each build timed in its own run).`,
    );
  }
  if (charts.size !== "") parts.push(`\`\`\`mermaid\n${charts.size}\`\`\``);
  return parts.length === 0 ? "" : `${parts.join("\n\n")}\n`;
}
