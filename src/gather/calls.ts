// How the report step groups build results into comments, and the per-GPU outputs it sets.

import type { BuildResult, Unreadable } from "./results.js";
import { gpuLabel, type CallSummary } from "./render.js";
import { artifactUrl, type RunLinks } from "../github/run-links.js";

/**
 * Bounds on what one report step does with results it may not trust (the fork commenter reads a
 * fork's run): comments it keeps (each costs a listing of the pull request's comments and a write),
 * builds per comment, and unreadable files it names. What is over is counted, not shown.
 */
export const MAX_CALLS = 10;
export const MAX_RESULTS_PER_CALL = 64;
export const MAX_UNREADABLE = 10;

function call(
  key: string,
  results: readonly BuildResult[],
  missing: readonly string[],
  unreadable: readonly Unreadable[],
): CallSummary {
  const shown = [...results].sort((a, b) => a.gpu.localeCompare(b.gpu)).slice(0, MAX_RESULTS_PER_CALL);
  return {
    key,
    results: shown,
    missing: missing.slice(0, MAX_RESULTS_PER_CALL),
    unreadable: unreadable.slice(0, MAX_UNREADABLE),
    notShown:
      results.length -
      shown.length +
      Math.max(0, missing.length - MAX_RESULTS_PER_CALL) +
      Math.max(0, unreadable.length - MAX_UNREADABLE),
  };
}

/** One call per key (at most MAX_CALLS); with `key` given, exactly that call, including GPUs that sent nothing. */
export function groupCalls(
  results: readonly BuildResult[],
  unreadable: readonly Unreadable[],
  key: string,
  expected: readonly string[],
): CallSummary[] {
  if (key !== "") {
    const mine = results.filter((r) => r.key === key);
    const present = new Set(mine.map((r) => r.gpu));
    return [
      call(
        key,
        mine,
        expected.filter((g) => !present.has(g)),
        unreadable,
      ),
    ];
  }
  const keys = [...new Set(results.map((r) => r.key))].sort().slice(0, MAX_CALLS);
  return keys.map((k) =>
    call(
      k,
      results.filter((r) => r.key === k),
      [],
      unreadable,
    ),
  );
}

export interface ArtifactEntry {
  gpu: string;
  outcome: string;
  "artifact-name": string;
  "artifact-id": string;
  "artifact-url": string;
  /** Every artifact of the build (.pte, .ptd files, report), comma-separated as download-artifact's `artifact-ids` takes them. */
  "all-artifact-ids": string;
  digest: string;
}

/** One entry per build, for the workflow's `artifacts`, `artifact-ids` and `artifact-urls` outputs. */
export function artifactEntries(results: readonly BuildResult[], links: RunLinks): ArtifactEntry[] {
  return results.map((r) => ({
    gpu: gpuLabel(r.gpu),
    outcome: r.outcome,
    "artifact-name": r.report?.artifactName ?? "",
    "artifact-id": r.artifactId === null ? "" : String(r.artifactId),
    "artifact-url": r.artifactId === null ? "" : artifactUrl(links, r.artifactId),
    "all-artifact-ids": (r.files.length > 0
      ? r.files.map((f) => f.id)
      : r.artifactId === null
        ? []
        : [r.artifactId]
    ).join(","),
    digest: r.digest,
  }));
}
