// The three cache layers around an export:
//   output  — the finished .pte/.ptd/report, keyed by everything that determines them; a hit skips
//             the export entirely (no Python export process starts);
//   timing  — TensorRT's timing cache, keyed by GPU and TensorRT version, restored by prefix;
//   engine  — Torch-TensorRT's engine cache (opt-in), keyed like timing plus torch_tensorrt.
// A cache problem is a warning and a "error" line in the summary, never a failed run.

import fs from "node:fs/promises";
import path from "node:path";
import type { Settings } from "../settings/settings.js";
import { STACK_PACKAGES, targetSpec } from "../settings/targets.js";
import type { Preflight } from "../preflight.js";
import type { Log } from "../platform/platform.js";
import type { BuildCaches } from "../protocol.js";
import type { CacheStore, SaveResult } from "../platform/store.js";
import type { LayerStatus } from "../report/report.js";
import { buildRequest } from "../export.js";
import { hashFiles, type FilesHash } from "./hash-files.js";
import {
  editableDigests,
  keyDistributions,
  modelFile,
  modelFileDigest,
  type KeyCoverage,
} from "./key-inputs.js";
import {
  KEY_SCHEMA,
  engineCachePrefix,
  folderDigest,
  gpuForKey,
  outputKey,
  timingCachePrefix,
  type KeyMaterial,
} from "./key.js";
import { formatBytes } from "../util/format.js";
import { folderBytes } from "../util/files.js";
import { errorMessage } from "../errors.js";

/** Where TensorRT's caches live during a run, relative to the workspace (a stable path keeps cache versions stable). */
export const TIMING_CACHE_DIR = path.join(".trt-pte", "cache", "timing");
export const TIMING_CACHE_FILE = "timing_cache.bin";
export const ENGINE_CACHE_DIR = path.join(".trt-pte", "cache", "engine");
/**
 * Where the output layer's entry is saved from and restored to, relative to the workspace. One
 * path whatever `output-dir` is: GitHub's cache client hashes the paths into an entry's version, and
 * the folder store files entries by path, so an entry saved from one output folder restores into
 * another. The files move between it and the output folder (links and renames, copies only across
 * file systems).
 */
export const OUTPUT_STAGE_DIR = path.join(".trt-pte", "cache", "output");

/** A path as the store sees it: relative to the workspace where possible. */
function storePath(settings: Settings, absolute: string): string {
  const rel = path.relative(settings.workspace, absolute);
  return rel.startsWith("..") || path.isAbsolute(rel) ? absolute : rel;
}

async function guarded<T>(log: Log, what: string, fn: () => Promise<T>): Promise<T | Error> {
  try {
    return await fn();
  } catch (e) {
    const message = errorMessage(e);
    log.warning(`cache: ${what} failed, continuing without it: ${message}`);
    return e instanceof Error ? e : new Error(message);
  }
}

export interface OutputKey {
  key: string;
  material: KeyMaterial;
  files: FilesHash;
  /** What the key covers, to check a fresh export's imported sources against. */
  coverage: KeyCoverage;
}

export async function computeOutputKey(
  settings: Settings,
  pre: Preflight,
  driver: string,
): Promise<OutputKey> {
  // The output folder holds earlier builds (.pte and friends): never let them feed the key.
  const outputRoot = path.dirname(settings.outputDir);
  const files = await hashFiles(settings.workspace, settings.cache.hashFiles, [outputRoot]);
  // What only measures or publishes stays out: the tolerance judges, the base build is timed beside;
  // where the specs sit in the text only points messages at them.
  const {
    output_dir: _o,
    workspace: _w,
    tolerance: _t,
    caches: _c,
    base_build: _b,
    input_positions: _p,
    ...request
  } = buildRequest(settings, "");
  const versions: Record<string, string | null> = { python: pre.python.version };
  for (const name of STACK_PACKAGES) versions[name] = pre.packages[name] ?? null;
  const model = modelFile(settings);
  const material: KeyMaterial = {
    schema: KEY_SCHEMA,
    driver,
    request,
    versions,
    distributions: keyDistributions(pre.distributions),
    editable: await editableDigests(pre.editable, [outputRoot]),
    model_file: await modelFileDigest(model),
    gpu: gpuForKey(settings.target, pre.gpus),
    files: files.digest,
    engine_cache: targetSpec(settings.target).build_caches && settings.cache.engineCache,
  };
  const coverage: KeyCoverage = {
    workspace: settings.workspace,
    hashed: new Set(files.paths),
    modelFile: model,
    editableRoots: pre.editable.map((e) => e.path),
  };
  return { key: outputKey(material), material, files, coverage };
}

/** Moves a folder, copying only where a rename cannot (another file system). */
async function moveFolder(from: string, to: string): Promise<void> {
  await fs.rm(to, { recursive: true, force: true });
  await fs.mkdir(path.dirname(to), { recursive: true });
  try {
    await fs.rename(from, to);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EXDEV") throw e;
    await fs.cp(from, to, { recursive: true, preserveTimestamps: true });
    await fs.rm(from, { recursive: true, force: true });
  }
}

/** A copy of `from` at `to` made of hard links (no bytes copied), or of copies where links fail. */
async function linkFolder(from: string, to: string): Promise<void> {
  await fs.rm(to, { recursive: true, force: true });
  for (const entry of await fs.readdir(from, { withFileTypes: true, recursive: true })) {
    const source = path.join(entry.parentPath, entry.name);
    const target = path.join(to, path.relative(from, source));
    if (entry.isDirectory()) {
      await fs.mkdir(target, { recursive: true });
    } else if (entry.isFile()) {
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.link(source, target).catch(() => fs.copyFile(source, target));
    }
  }
}

/**
 * Restores the output entry `key` (exact match only, under the store's scope rules) into `dest`,
 * replacing it; false when there is no such entry. Throws on a store failure.
 */
export async function restoreOutputEntry(
  store: CacheStore,
  workspace: string,
  key: string,
  dest: string,
): Promise<boolean> {
  const stage = path.join(workspace, OUTPUT_STAGE_DIR);
  await fs.rm(dest, { recursive: true, force: true });
  await fs.rm(stage, { recursive: true, force: true });
  try {
    const found = await store.restore([OUTPUT_STAGE_DIR], key);
    if (found === undefined) return false;
    await moveFolder(stage, dest);
    return true;
  } finally {
    await fs.rm(stage, { recursive: true, force: true });
  }
}

/**
 * Restores the output folder for `key` (exact match only) into `into`, the run's staging folder: the
 * output folder itself changes only once the entry is verified (src/output-folder.ts).
 */
export async function restoreOutput(
  store: CacheStore,
  settings: Settings,
  key: string,
  log: Log,
  into: string,
): Promise<LayerStatus> {
  const matched = await guarded(log, "restoring the output", () =>
    restoreOutputEntry(store, settings.workspace, key, into).then((hit) => (hit ? key : undefined)),
  );
  if (matched instanceof Error) return { layer: "output", state: "error", key, detail: matched.message };
  if (matched === undefined) return { layer: "output", state: "miss", key };
  return { layer: "output", state: "hit", key };
}

/** A layer's detail when this job's event may not save (src/cache/scope.ts). */
export const NOT_SAVED = "not saved: this event's jobs restore only";

const LAYER_WORDS = {
  output: "the .pte",
  timing: "TensorRT's timing cache",
  engine: "the engine cache",
} as const;

/**
 * Turns a store's answer into the layer's status; a refusal is worth a warning (next run rebuilds).
 * A job that may not save (its reason is in the log once) keeps the state its restore had.
 */
function savedStatus(
  layer: LayerStatus["layer"],
  key: string,
  saved: SaveResult | Error,
  log: Log,
  restored: LayerStatus["state"],
): LayerStatus {
  if (saved instanceof Error) return { layer, state: "error", key, detail: saved.message };
  if (saved === "skipped") return { layer, state: restored, key, detail: NOT_SAVED };
  if (saved === "refused") {
    log.warning(
      `cache: ${LAYER_WORDS[layer]} was not saved: the cache store declined it (quota, size, or another job saving the same key); the next run builds it again`,
    );
    return { layer, state: "error", key, detail: "the store declined to save it" };
  }
  return saved === "saved"
    ? { layer, state: "saved", key }
    : { layer, state: "unchanged", key, detail: "already saved by another job" };
}

export async function saveOutput(
  store: CacheStore,
  settings: Settings,
  key: string,
  log: Log,
): Promise<LayerStatus> {
  const stage = path.join(settings.workspace, OUTPUT_STAGE_DIR);
  const saved = await guarded(log, "saving the output", async () => {
    try {
      await linkFolder(settings.outputDir, stage);
      return await store.save([OUTPUT_STAGE_DIR], key);
    } finally {
      await fs.rm(stage, { recursive: true, force: true });
    }
  });
  return savedStatus("output", key, saved, log, "miss");
}

/** The build caches (target tensorrt): restored before the export, saved after it when changed. */
export class BuildCacheLayers {
  private readonly digests = new Map<string, string | null>();
  readonly statuses: LayerStatus[] = [];

  constructor(
    private readonly store: CacheStore,
    private readonly settings: Settings,
    private readonly pre: Preflight,
    private readonly log: Log,
  ) {}

  private layers(): { layer: "timing" | "engine"; dir: string; prefix: string; maxBytes?: number }[] {
    const gpu = this.pre.gpus[0];
    const trt = this.pre.packages.tensorrt ?? null;
    const layers: { layer: "timing" | "engine"; dir: string; prefix: string; maxBytes?: number }[] = [
      {
        layer: "timing",
        dir: path.join(this.settings.workspace, TIMING_CACHE_DIR),
        prefix: timingCachePrefix(gpu, trt),
      },
    ];
    if (this.settings.cache.engineCache) {
      layers.push({
        layer: "engine",
        dir: path.join(this.settings.workspace, ENGINE_CACHE_DIR),
        prefix: engineCachePrefix(gpu, trt, this.pre.packages.torch_tensorrt ?? null),
        maxBytes: this.settings.cache.engineCacheMaxBytes,
      });
    }
    return layers;
  }

  /** Where the driver finds and writes the caches for this run. */
  paths(): BuildCaches {
    const engine = this.settings.cache.engineCache;
    return {
      timing_cache_path: path.join(this.settings.workspace, TIMING_CACHE_DIR, TIMING_CACHE_FILE),
      engine_cache_dir: engine ? path.join(this.settings.workspace, ENGINE_CACHE_DIR) : null,
      engine_cache_max_bytes: engine ? this.settings.cache.engineCacheMaxBytes : null,
    };
  }

  async restore(): Promise<void> {
    for (const { layer, dir, prefix } of this.layers()) {
      await fs.rm(dir, { recursive: true, force: true });
      await fs.mkdir(dir, { recursive: true });
      const rel = storePath(this.settings, dir);
      // The primary key never matches exactly (saved keys end in a content hash): the prefix
      // restores the newest entry for this GPU and TensorRT version.
      const matched = await guarded(this.log, `restoring the ${layer} cache`, () =>
        this.store.restore([rel], prefix, [prefix]),
      );
      if (matched instanceof Error) {
        this.statuses.push({ layer, state: "error", key: prefix, detail: matched.message });
      } else {
        this.statuses.push(
          matched === undefined
            ? { layer, state: "miss", key: prefix }
            : { layer, state: "hit", key: prefix, matchedKey: matched },
        );
      }
      this.digests.set(layer, await folderDigest(dir));
    }
  }

  async save(): Promise<void> {
    for (const { layer, dir, prefix, maxBytes } of this.layers()) {
      const status = this.statuses.find((s) => s.layer === layer);
      const digest = await folderDigest(dir);
      if (digest === null || digest === this.digests.get(layer)) {
        if (status && status.state !== "error")
          status.detail = digest === null ? "nothing written" : "unchanged";
        continue;
      }
      const bytes = await folderBytes(dir);
      if (maxBytes !== undefined && bytes > maxBytes) {
        this.log.warning(
          `cache: not saving the ${layer} cache: ${formatBytes(bytes)} is over its ${formatBytes(maxBytes)} bound`,
        );
        if (status) status.detail = `over the ${formatBytes(maxBytes)} bound, not saved`;
        continue;
      }
      const key = `${prefix}${digest.slice(0, 16)}`;
      const saved = await guarded(this.log, `saving the ${layer} cache`, () =>
        this.store.save([storePath(this.settings, dir)], key),
      );
      const entry = savedStatus(layer, key, saved, this.log, status?.state ?? "miss");
      const at = this.statuses.findIndex((s) => s.layer === layer);
      if (at >= 0) this.statuses[at] = { ...entry, matchedKey: this.statuses[at]?.matchedKey };
      else this.statuses.push(entry);
    }
  }
}
