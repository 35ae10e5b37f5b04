// One run's caching, start to end: the store, the output key, what each layer did (for the report
// and summary). main.ts asks it three questions: is the .pte cached, which build caches wrap the
// export, and save what was built.

import fs from "node:fs/promises";
import type { Settings } from "../settings/settings.js";
import { targetSpec } from "../settings/targets.js";
import type { Log, Platform } from "../platform/platform.js";
import type { Preflight } from "../preflight.js";
import { runOfEntry, type CacheReport, type LayerStatus } from "../report/report.js";
import type { CacheStore } from "../platform/store.js";
import { selectCacheStore } from "./select.js";
import { BuildCacheLayers, computeOutputKey, restoreOutput, saveOutput } from "./layers.js";
import { loadCachedExport, type CachedExport } from "./cached-export.js";
import { driverDigest } from "./key.js";
import { uncoveredSources, uncoveredWarning, type KeyCoverage } from "./key-inputs.js";
import { driverRoot } from "../python-driver.js";
import { formatBytes } from "../util/format.js";

export class CacheSession {
  readonly report: CacheReport;
  private outputKey: string | null = null;
  private coverage: KeyCoverage | null = null;

  private constructor(
    private readonly store: CacheStore,
    private readonly settings: Settings,
    private readonly pre: Preflight,
    private readonly log: Log,
    private readonly env: NodeJS.ProcessEnv,
  ) {
    this.report = {
      enabled: true,
      store: store.name,
      hit: false,
      key: null,
      from_run: null,
      hashed_files: null,
      layers: [],
    };
  }

  /** Null when caching is off (`cache: false`) or no store is available. */
  static async open(
    settings: Settings,
    platform: Platform,
    pre: Preflight,
    env: NodeJS.ProcessEnv = process.env,
  ): Promise<CacheSession | null> {
    const store = await selectCacheStore(settings, platform, platform.log, env);
    return store === null ? null : new CacheSession(store, settings, pre, platform.log, env);
  }

  private setLayer(status: LayerStatus): void {
    const at = this.report.layers.findIndex((l) => l.layer === status.layer);
    if (at >= 0) this.report.layers[at] = status;
    else this.report.layers.push(status);
  }

  /**
   * The verified cached export for this run's key, restored into `into` (the run's staging folder),
   * or null (a miss, or an entry that fails checks).
   */
  async restoreOutput(into: string): Promise<CachedExport | null> {
    const { key, files, coverage } = await computeOutputKey(
      this.settings,
      this.pre,
      await driverDigest(driverRoot()),
    );
    this.outputKey = key;
    this.coverage = coverage;
    this.report.key = key;
    this.report.hashed_files = { count: files.files, bytes: files.bytes };
    this.log.info(`key ${key} (${files.files} files, ${formatBytes(files.bytes)} hashed)`);
    const status = await restoreOutput(this.store, this.settings, key, this.log, into);
    this.setLayer(status);
    if (status.state !== "hit") return null;
    const cached = await loadCachedExport(into);
    if (typeof cached === "string") {
      this.log.warning(`cache: ignoring the cached entry: ${cached}; building again`);
      this.setLayer({ ...status, state: "miss", detail: cached });
      await fs.rm(into, { recursive: true, force: true });
      return null;
    }
    this.report.hit = true;
    this.report.from_run = runOfEntry(cached.report.run, this.env);
    this.log.info(
      `cache hit: ${cached.files.pte.name} was built by run ${this.report.from_run?.run_id ?? "(local)"}; no export needed`,
    );
    return cached;
  }

  /** After a fresh export: warns about imported source files the key did not cover. */
  checkSources(sources: readonly string[]): void {
    if (this.coverage === null) return;
    const uncovered = uncoveredSources(sources, this.coverage);
    if (uncovered.length > 0) this.log.warning(uncoveredWarning(uncovered, this.settings.workspace));
  }

  /** TensorRT's own caches around the export (targets whose table row has `build_caches`). */
  buildLayers(): BuildCacheLayers | null {
    return targetSpec(this.settings.target).build_caches
      ? new BuildCacheLayers(this.store, this.settings, this.pre, this.log)
      : null;
  }

  recordBuildLayers(layers: BuildCacheLayers): void {
    for (const status of layers.statuses) this.setLayer(status);
  }

  async saveOutput(): Promise<void> {
    if (this.outputKey === null) return;
    this.setLayer(await saveOutput(this.store, this.settings, this.outputKey, this.log));
  }
}
