// How the report step groups build results into comments, and the per-build outputs it sets.

import type { BuildResult, Unreadable } from "./results.js";
import { gpuLabel, type CallSummary, type MissingBuild } from "./render.js";
import { artifactUrl, type RunLinks } from "../github/run-links.js";

/**
 * Bounds on what one report step does with results it may not trust (the fork commenter reads a
 * fork's run): comments it keeps (each costs a listing of the pull request's comments and a write),
 * builds per comment (a call's matrix has at most GitHub's 256 jobs), and unreadable files it names.
 * What is over is counted, not shown.
 */
export const MAX_CALLS = 10;
export const MAX_RESULTS_PER_CALL = 256;
export const MAX_UNREADABLE = 10;

/** What the call planned: its models (`[""]` for a call with `model`) × its GPUs. */
export interface Expected {
  models: readonly string[];
  gpus: readonly string[];
}

const order = (a: { name: string; gpu: string }, b: { name: string; gpu: string }) =>
  a.name.localeCompare(b.name) || a.gpu.localeCompare(b.gpu);

function call(
  key: string,
  results: readonly BuildResult[],
  missing: readonly MissingBuild[],
  unreadable: readonly Unreadable[],
): CallSummary {
  const shown = [...results].sort(order).slice(0, MAX_RESULTS_PER_CALL);
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

/** One call per key (at most MAX_CALLS); with `key` given, exactly that call, including builds that sent nothing. */
export function groupCalls(
  results: readonly BuildResult[],
  unreadable: readonly Unreadable[],
  key: string,
  expected: Expected,
): CallSummary[] {
  if (key !== "") {
    const mine = results.filter((r) => r.key === key);
    const present = new Set(mine.map((r) => JSON.stringify([r.name, r.gpu])));
    const planned = (expected.models.length === 0 ? [""] : expected.models).flatMap((name) =>
      expected.gpus.map((gpu) => ({ name, gpu })),
    );
    return [
      call(
        key,
        mine,
        planned.filter((b) => !present.has(JSON.stringify([b.name, b.gpu]))),
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
  /** The model's name in the call's trt-pte.yml; absent for a call with `model`. */
  model?: string;
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
    ...(r.name === "" ? {} : { model: r.name }),
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

/**
 * `artifact-ids` / `artifact-urls`: GPU name → value for a call with `model` (as before), and model
 * name → GPU name → value for a trt-pte.yml's models, so `fromJSON(...).detector.a100` reads one.
 */
export function byBuild(
  entries: readonly ArtifactEntry[],
  field: "artifact-id" | "artifact-url",
): Record<string, unknown> {
  // Maps, then Object.fromEntries: names read from result files never reach an object's prototype.
  const flat = new Map<string, string>();
  const nested = new Map<string, Map<string, string>>();
  for (const e of entries) {
    if (e.model === undefined) flat.set(e.gpu, e[field]);
    else nested.set(e.model, (nested.get(e.model) ?? new Map<string, string>()).set(e.gpu, e[field]));
  }
  return Object.fromEntries([
    ...flat,
    ...[...nested].map(([model, gpus]) => [model, Object.fromEntries(gpus)] as const),
  ]);
}
