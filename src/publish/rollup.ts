// The rollup: one line per build of a call that builds several (a trt-pte.yml's models, or models ×
// GPUs in the reusable workflow), so a reviewer sees how the pull request changed the set as a whole
// before reading any one build. The same rows render as a markdown table (summary, comment) and as
// plain text (the CLI). Names and details may come from files trt-pte does not trust (the reusable
// workflow's results): markdown shows them as code, text with control characters escaped.

import { cell, code, formatBytes } from "../util/format.js";
import { TEXT } from "../compare/render.js";

/**
 * What a comment's rollup may take of GitHub's 65536 characters, the sections sharing the rest:
 * about 180 rows of 64-character names with links, latencies and changes (up to ~300 characters each);
 * rows past it are counted in the table's last line and the job summary has them all.
 */
export const COMMENT_ROLLUP_CHARS = 56_000;

export type RowState = "built" | "regressed" | "failed" | "cancelled" | "skipped" | "missing";

export interface RollupRow {
  /** The model's name (a trt-pte.yml's `name`, or the short name of `model`). */
  name: string;
  /** The GPU kind of the build ("" when the call names none). */
  gpu: string;
  target: string;
  state: RowState;
  /** Why a build that is not `built` is not: an error's kind or first line; "" when built. */
  detail: string;
  /** Where to download it; null when nothing was uploaded. */
  download: { url: string } | null;
  /** The .pte and its .ptd files together; null when there are none. */
  bytes: number | null;
  /** Latency at the headline shape with its spread and the speedup, or "" when not timed. */
  latency: string;
  /** `hit`, `built` or `off`; "" when unknown. */
  cache: string;
  /** What changed against the baseline in a few words (changeSummary in src/compare/render.ts). */
  changes: string;
}

const ICON: Record<RowState, string> = {
  built: "✅",
  regressed: "❌",
  failed: "❌",
  cancelled: "⚠️",
  skipped: "⚠️",
  missing: "⚠️",
};

const WORD: Record<RowState, string> = {
  built: "built",
  regressed: "gate tripped",
  failed: "failed",
  cancelled: "cancelled",
  skipped: "did not run",
  missing: "no result",
};

export function isSuccess(row: RollupRow): boolean {
  return row.state === "built";
}

/** `2 of 3 models built`, or `2 of 3 builds succeeded` when the rows are models × GPUs. */
export function rollupHeadline(rows: readonly RollupRow[]): string {
  const built = rows.filter(isSuccess).length;
  const n = rows.length;
  return rows.some((r) => r.gpu !== "")
    ? `${built} of ${n} build${n === 1 ? "" : "s"} succeeded`
    : `${built} of ${n} model${n === 1 ? "" : "s"} built`;
}

function result(row: RollupRow): string {
  const detail = row.detail === "" ? "" : `: ${code(row.detail, 80)}`;
  return `${ICON[row.state]} ${WORD[row.state]}${row.state === "built" ? "" : detail}`;
}

/**
 * The markdown table, within `maxChars` (the rest of the rows counted in a last line): a comment has
 * a size limit, and the rollup is the part of it that is always kept.
 */
export function rollupTable(rows: readonly RollupRow[], maxChars = Infinity): string {
  const gpus = rows.some((r) => r.gpu !== "");
  const head = ["Model", ...(gpus ? ["GPU"] : []), "Target", "Result", "Size", "Latency", "Cache", "Changes"];
  const lines = [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`];
  let length = lines.join("\n").length;
  let shown = 0;
  for (const row of rows) {
    const name = row.download === null ? code(row.name) : `[${code(row.name)}](${row.download.url})`;
    const cells = [
      name,
      ...(gpus ? [row.gpu === "" ? "–" : code(row.gpu)] : []),
      row.target === "" ? "–" : code(row.target),
      result(row),
      row.bytes === null ? "–" : formatBytes(row.bytes),
      row.latency === "" ? "–" : row.latency,
      row.cache === "" ? "–" : row.cache,
      row.changes === "" ? "–" : row.changes,
    ];
    const line = `| ${cells.map(cell).join(" | ")} |`;
    // Room for the line that counts what is left out.
    if (length + line.length + 1 > maxChars - 80) break;
    lines.push(line);
    length += line.length + 1;
    shown++;
  }
  const over = rows.length - shown;
  if (over > 0) lines.push("", `…and ${over} more row${over === 1 ? "" : "s"}: see the job summary.`);
  return lines.join("\n");
}

/** The same rows as aligned plain text for a terminal, one line each. */
export function rollupText(rows: readonly RollupRow[]): string[] {
  const table = rows.map((row) => [
    row.state === "built" ? "ok" : WORD[row.state],
    TEXT.code(row.name),
    ...(rows.some((r) => r.gpu !== "") ? [TEXT.code(row.gpu)] : []),
    TEXT.code(row.target),
    row.bytes === null ? "-" : formatBytes(row.bytes),
    row.latency === "" ? "-" : row.latency,
    row.cache === "" ? "-" : `cache ${row.cache}`,
    row.state === "built" || row.state === "regressed" ? row.changes : TEXT.code(row.detail),
  ]);
  const widths = table[0]?.map((_, i) => Math.max(...table.map((cols) => cols[i]?.length ?? 0))) ?? [];
  return table.map((cols) =>
    cols
      .map((c, i) => (i === cols.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd(),
  );
}
