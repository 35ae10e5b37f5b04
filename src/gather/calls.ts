// How the report step groups build results into comments, and the per-GPU outputs it sets.

import type { BuildResult, Unreadable } from "./results.js";
import { gpuLabel, type CallSummary } from "./render.js";
import { artifactUrl, type RunLinks } from "../github/run-links.js";

/** One call per key; with `key` given, exactly that call, including GPUs that sent nothing. */
export function groupCalls(
  results: readonly BuildResult[],
  unreadable: readonly Unreadable[],
  key: string,
  expected: readonly string[],
): CallSummary[] {
  if (key !== "") {
    const mine = results.filter((r) => r.key === key);
    const present = new Set(mine.map((r) => r.gpu));
    return [{ key, results: mine, missing: expected.filter((g) => !present.has(g)), unreadable }];
  }
  const keys = [...new Set(results.map((r) => r.key))].sort();
  return keys.map((k) => ({ key: k, results: results.filter((r) => r.key === k), missing: [], unreadable }));
}

export interface ArtifactEntry {
  gpu: string;
  outcome: string;
  "artifact-name": string;
  "artifact-id": string;
  "artifact-url": string;
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
    digest: r.digest,
  }));
}
