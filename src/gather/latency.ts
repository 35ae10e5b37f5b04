// Each build's latency for the call's one comment, read from its report.json as checked data:
// numbers only when finite and in order, the noise verdict as a boolean, nothing else taken. The
// branch's history comes through src/compare/history.ts, which drops malformed entries.

import type { HistoryEntry } from "../report/comparison.js";
import { entryOf, readHistory } from "../compare/history.js";
import { ms, speedupText } from "../publish/render-run.js";
import { historyMarkdown } from "../compare/history-chart.js";

export interface GatheredLatency {
  shape: "min" | "opt" | "max";
  builtMs: number;
  eagerMs: number;
  speedup: number;
  /** Absent in reports before @3. */
  speedupCi: [number, number] | undefined;
  noisy: boolean;
  /** Paired rounds (every side ran this many times); null before @3. */
  rounds: number | null;
}

export interface GatheredHistory {
  history: HistoryEntry[];
  current: HistoryEntry | null;
}

type Json = Record<string, unknown>;

function obj(value: unknown): Json | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : null;
}
function positive(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : null;
}

/** The headline point (opt, else the first) of a report's benchmark, or null. */
export function parseLatency(report: Json): GatheredLatency | null {
  const points = obj(report.benchmark)?.points;
  if (!Array.isArray(points)) return null;
  const shaped = points.slice(0, 3).map(obj);
  const head = shaped.find((p) => p?.shape === "opt") ?? shaped[0] ?? null;
  const shape = head?.shape;
  if (head === null || (shape !== "min" && shape !== "opt" && shape !== "max")) return null;
  const builtMs = positive(obj(head.built)?.median_ms);
  const eagerMs = positive(obj(head.eager)?.median_ms);
  const speedup = positive(head.speedup);
  if (builtMs === null || eagerMs === null || speedup === null) return null;
  const ci = Array.isArray(head.speedup_ci) ? head.speedup_ci.map(positive) : [];
  const [low, high] = [ci[0] ?? null, ci[1] ?? null];
  const rounds =
    typeof head.rounds === "number" && Number.isSafeInteger(head.rounds) && head.rounds > 0
      ? head.rounds
      : null;
  return {
    shape,
    builtMs,
    eagerMs,
    speedup,
    speedupCi: low !== null && high !== null && low <= speedup && speedup <= high ? [low, high] : undefined,
    noisy: head.noisy === true,
    rounds,
  };
}

export function parseHistory(report: Json): GatheredHistory {
  return { history: readHistory(report.history), current: entryOf(report) };
}

/** `Latency at opt: 0.41 ms vs eager 1.90 ms: 4.6× (95% CI 4.4–4.8), 200 paired runs each` */
export function latencyText(l: GatheredLatency): string {
  const runs = l.rounds === null ? "" : `, ${l.rounds} paired runs each`;
  return `Latency at ${l.shape}: ${ms(l.builtMs)} ms vs eager ${ms(l.eagerMs)} ms: ${speedupText(l.speedup, l.speedupCi, l.noisy)}${runs}`;
}

/** The history charts collapsed, or "" when there is no history. */
export function historyDetails(h: GatheredHistory): string {
  const charts = historyMarkdown(h.history, h.current, "this build");
  return charts === "" ? "" : `<details><summary>Latency history</summary>\n\n${charts}\n</details>`;
}
