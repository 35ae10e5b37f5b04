// A branch's baseline: the report of its newest push build, kept as a small entry (report.json only,
// never the large files) in the store the caches use. Keys are
//   trt-pte-baseline-<artifact key>-<branch>:<run id>-<attempt>
// saved once per push run and restored by the prefix up to `:`, which both stores answer with the
// newest entry. Git refuses `:` in branch names, so `main:` never matches a branch `main-x`.
// A pull request reads its base branch's baseline: GitHub's cache service lets a pull request's run
// restore its base branch's entries (forks included) and never write them; cache-dir's scopes do
// the same (src/platform/dir-store.ts). A branch's baselines are read only from its own scope where
// the store lets trt-pte choose (src/compare/refs.ts); who saved what comparison reads is told by
// that scope and the key, never by the report inside the entry.

import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { CacheStore, SaveResult } from "../platform/store.js";
import type { Settings } from "../settings/settings.js";
import { modelName, sanitizeName } from "../settings/names.js";
import { REPORT_FILE } from "../report/report.js";

/** Where the entry's one file lives while it is saved or restored, relative to the workspace. */
export const BASELINE_DIR = path.join(".trt-pte", "baseline");

/** The artifact key (model, target, GPU) as a readable name and a short hash of the exact values. */
export function artifactKey(settings: Settings, gpu: string | undefined): string {
  const gpuName = settings.gpuName !== "" ? settings.gpuName : (gpu ?? "").replace(/^NVIDIA\s+/i, "");
  // A trt-pte.yml may build one factory twice under two names (other inputs, say): the name then
  // tells the two apart. A name derived from the spec adds nothing, and keys stay as they were.
  const named = settings.modelName !== modelName(settings.model);
  const exact = JSON.stringify([
    settings.model,
    settings.target,
    gpuName,
    ...(named ? [settings.modelName] : []),
  ]);
  const digest = createHash("sha256").update(exact).digest("hex").slice(0, 12);
  return `${sanitizeName([settings.modelName, settings.target, gpuName].filter((p) => p !== "").join("-"))}-${digest}`;
}

/** Commas separate restore keys on the wire; a branch may hold one. */
function keyBranch(branch: string): string {
  return branch.replace(/%/g, "%25").replace(/,/g, "%2C");
}

export function baselinePrefix(artifact: string, branch: string): string {
  return `trt-pte-baseline-${artifact}-${keyBranch(branch)}:`;
}

export function baselineKey(artifact: string, branch: string, runId: string, attempt: string): string {
  return `${baselinePrefix(artifact, branch)}${runId}-${attempt}`;
}

/** The run id of a baseline key (`...:<run id>-<attempt>`), or null when the key has none. */
export function baselineRunId(key: string): string | null {
  return /:([0-9]{1,20})-[0-9]{1,10}$/.exec(key)?.[1] ?? null;
}

export interface RestoredBaseline {
  key: string;
  /** The parsed report; its schema may be older than this run's. */
  report: unknown;
}

export class BaselineStore {
  private readonly relative: string;

  constructor(
    private readonly store: CacheStore,
    private readonly workspace: string,
    artifact: string,
  ) {
    this.relative = path.join(BASELINE_DIR, artifact);
  }

  get name(): string {
    return this.store.name;
  }

  get scoping(): CacheStore["scoping"] {
    return this.store.scoping;
  }

  private get absolute(): string {
    return path.resolve(this.workspace, this.relative);
  }

  /** The newest baseline saved for `branch`, or null when there is none. Throws on a store or JSON failure. */
  async restore(artifact: string, branch: string): Promise<RestoredBaseline | null> {
    await fs.rm(this.absolute, { recursive: true, force: true });
    try {
      const prefix = baselinePrefix(artifact, branch);
      // The exact key can never match (it holds a run id); the prefix finds the newest.
      const key = await this.store.restore([this.relative], prefix, [prefix]);
      if (key === undefined) return null;
      const text = await fs.readFile(path.join(this.absolute, REPORT_FILE), "utf8");
      return { key, report: JSON.parse(text) as unknown };
    } finally {
      await fs.rm(this.absolute, { recursive: true, force: true });
    }
  }

  async save(key: string, reportFile: string): Promise<SaveResult> {
    await fs.rm(this.absolute, { recursive: true, force: true });
    await fs.mkdir(this.absolute, { recursive: true });
    try {
      await fs.copyFile(reportFile, path.join(this.absolute, REPORT_FILE));
      return await this.store.save([this.relative], key);
    } finally {
      await fs.rm(this.absolute, { recursive: true, force: true });
    }
  }
}
