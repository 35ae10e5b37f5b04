// The base branch's build, timed beside this one in the same job. Its report (the baseline) names
// the output cache entry that holds its .pte (`cache.key`) and the files' digests; the entry is
// restored from the store under the usual scope rules (a pull request reads its base branch's
// entries and never writes them), every file is checked against the digest the baseline recorded,
// and the driver gets the paths (request `base_build`) and times both builds in paired rounds.
// Anything missing or different means no base build: the change is then computed across runs, and
// the reason is said.

import fs from "node:fs/promises";
import path from "node:path";
import type { CacheStore } from "../platform/store.js";
import type { BaseBuildRequest } from "../protocol.js";
import { restoreOutputEntry } from "../cache/layers.js";
import { sha256File } from "../util/hash.js";
import { errorMessage } from "../errors.js";

/** Where the base build's files are restored to for the export, relative to the workspace. */
export const BASE_BUILD_DIR = path.join(".trt-pte", "base-build");

const SHA256 = /^[0-9a-f]{64}$/;
// Output keys are trt-pte's own (src/cache/key.ts): printable, no separators the stores treat specially.
const OUTPUT_KEY = /^trt-pte-out-[A-Za-z0-9._-]{1,400}$/;

type Json = Record<string, unknown>;

function obj(value: unknown): Json | null {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Json) : null;
}

interface BaseFile {
  name: string;
  sha256: string;
}

/** A plain file name inside the entry (what verify wrote): no folders, no way out. */
function fileOf(value: unknown): BaseFile | null {
  const f = obj(value);
  const name = f?.name;
  const sha256 = f?.sha256;
  if (typeof name !== "string" || typeof sha256 !== "string" || !SHA256.test(sha256)) return null;
  if (name === "" || name === "." || name === ".." || /[/\\\0]/.test(name)) return null;
  return { name, sha256 };
}

export interface BaseEntry {
  key: string;
  pte: BaseFile;
  ptd: BaseFile[];
}

/** The output entry and files a baseline report names, or why it names none. */
export function baseEntryOf(baseline: unknown): BaseEntry | string {
  const r = obj(baseline);
  const key = obj(r?.cache)?.key;
  if (typeof key !== "string" || !OUTPUT_KEY.test(key))
    return "the base build's report names no output cache entry (it was built with caching off, or before trt-pte recorded one)";
  const pte = fileOf(r?.pte);
  const ptd = Array.isArray(r?.ptd) ? r.ptd.map(fileOf) : [];
  if (pte === null || ptd.some((f) => f === null))
    return "the base build's report does not name its files with their digests";
  return { key, pte, ptd: ptd as BaseFile[] };
}

export interface RestoredBaseBuild {
  request: BaseBuildRequest;
  /** Removes the restored files. */
  cleanup(): Promise<void>;
}

/**
 * Restores the base build's files for the driver, or says why not (a string). Never throws: a
 * store problem is a reason like any other.
 */
export async function restoreBaseBuild(
  store: CacheStore,
  workspace: string,
  baseline: unknown,
): Promise<RestoredBaseBuild | string> {
  const entry = baseEntryOf(baseline);
  if (typeof entry === "string") return entry;
  const dir = path.join(workspace, BASE_BUILD_DIR);
  const cleanup = () => fs.rm(dir, { recursive: true, force: true });
  try {
    if (!(await restoreOutputEntry(store, workspace, entry.key, dir))) {
      await cleanup();
      return "the base build's output cache entry is gone (evicted or expired)";
    }
    for (const file of [entry.pte, ...entry.ptd]) {
      const at = path.join(dir, file.name);
      const digest = await sha256File(at).catch(() => null);
      if (digest !== file.sha256) {
        await cleanup();
        return `the base build's cache entry holds ${digest === null ? "no" : "a different"} ${file.name} than its report recorded`;
      }
    }
    return {
      request: {
        pte: path.join(dir, entry.pte.name),
        ptd: entry.ptd.map((f) => path.join(dir, f.name)),
        sha256: entry.pte.sha256,
      },
      cleanup,
    };
  } catch (e) {
    await cleanup();
    return `restoring the base build's cache entry failed: ${errorMessage(e)}`;
  }
}
