// A branch's recent builds (run, commit, date, size, built latency per shape with its interval,
// speedup), carried in each push build's report: a build takes its baseline's history, adds the
// baseline itself, and keeps the newest HISTORY_LENGTH. So a push build's baseline holds the
// branch's last builds, chained from one baseline to the next, and nothing has to list the store.
// Entries are read as untrusted data: one that does not look exactly like an entry is dropped,
// never shown.

import type { HistoryEntry, HistoryPoint } from "../report/comparison.js";

/** How many earlier builds a report carries. */
export const HISTORY_LENGTH = 30;
/** The most entries read from a report before keeping the newest (a hostile file can hold millions). */
const READ_AT_MOST = 200;

type Json = Record<string, unknown>;

const RUN_ID = /^[0-9]{1,20}$/;
const SHA = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?Z$/;
const SHAPES = new Set(["min", "opt", "max"]);

function obj(value: unknown): Json | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : null;
}
function positive(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) && value > 0 ? value : null;
}
function bytes(value: unknown): number | null {
  return typeof value === "number" && Number.isSafeInteger(value) && value >= 0 ? value : null;
}
function ci(value: unknown): [number, number] | null | undefined {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const [low, high] = [positive(value[0]), positive(value[1])];
  return low === null || high === null || low > high ? undefined : [low, high];
}

function point(value: unknown): HistoryPoint | null {
  const p = obj(value);
  const builtMs = positive(p?.built_ms);
  const interval = ci(p?.built_ci);
  if (p === null || typeof p.shape !== "string" || !SHAPES.has(p.shape) || builtMs === null) return null;
  if (interval === undefined) return null;
  const speedup = p.speedup === null ? null : positive(p.speedup);
  if (speedup === null && p.speedup !== null) return null;
  return { shape: p.shape, built_ms: builtMs, built_ci: interval, speedup };
}

/** One entry exactly as HistoryEntry says, or null: malformed entries are dropped, never rendered. */
export function readEntry(value: unknown): HistoryEntry | null {
  const e = obj(value);
  if (e === null) return null;
  const runId =
    e.run_id === null ? null : typeof e.run_id === "string" && RUN_ID.test(e.run_id) ? e.run_id : undefined;
  const sha = typeof e.sha === "string" && (e.sha === "" || SHA.test(e.sha)) ? e.sha : null;
  const date = typeof e.date === "string" && DATE.test(e.date) ? e.date : null;
  const [pte, ptd] = [bytes(e.pte_bytes), bytes(e.ptd_bytes)];
  if (runId === undefined || sha === null || date === null || pte === null || ptd === null) return null;
  if (!Array.isArray(e.points) || e.points.length > SHAPES.size) return null;
  const points = e.points.map(point);
  if (points.some((p) => p === null)) return null;
  return { run_id: runId, sha, date, pte_bytes: pte, ptd_bytes: ptd, points: points as HistoryPoint[] };
}

/** The well-formed entries of a history, oldest first, at most HISTORY_LENGTH. */
export function readHistory(value: unknown): HistoryEntry[] {
  if (!Array.isArray(value)) return [];
  const entries = value
    .slice(-READ_AT_MOST)
    .map(readEntry)
    .filter((e): e is HistoryEntry => e !== null);
  return entries.slice(-HISTORY_LENGTH);
}

/** A build's own entry, from its report.json (this schema or newer); null when it lacks what one needs. */
export function entryOf(report: unknown): HistoryEntry | null {
  const r = obj(report) ?? {};
  const run = obj(r.run);
  const benchmark = obj(r.benchmark);
  const points = (Array.isArray(benchmark?.points) ? benchmark.points : []).slice(0, SHAPES.size).map((p) => {
    const q = obj(p) ?? {};
    const built = obj(q.built) ?? {};
    return {
      shape: q.shape,
      built_ms: built.median_ms,
      built_ci: built.median_ci ?? null,
      speedup: q.speedup ?? null,
    };
  });
  const ptd = Array.isArray(r.ptd) ? r.ptd.map((f) => bytes(obj(f)?.bytes)) : [];
  return readEntry({
    run_id: typeof run?.run_id === "string" ? run.run_id : null,
    sha: typeof run?.sha === "string" ? run.sha : "",
    date: r.date,
    pte_bytes: obj(r.pte)?.bytes,
    ptd_bytes: ptd.some((b) => b === null) ? null : ptd.reduce<number>((a, b) => a + (b ?? 0), 0),
    // A point that does not read as one is left out; the entry keeps the others.
    points: points.filter((p) => point(p) !== null),
  });
}

/** This build's history: its baseline's history, then the baseline itself, the newest HISTORY_LENGTH. */
export function chainHistory(baseline: unknown): HistoryEntry[] {
  if (baseline === null || baseline === undefined) return [];
  const earlier = readHistory(obj(baseline)?.history);
  const own = entryOf(baseline);
  return [...earlier, ...(own === null ? [] : [own])].slice(-HISTORY_LENGTH);
}
