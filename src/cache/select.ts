// Which store holds this run's caches: `cache-dir` when set, else the platform's own (GitHub's
// cache service in a workflow, the user's cache folder on a laptop), or none when `cache: false`.
// A job whose event may not save (src/cache/scope.ts) gets either store read-only.

import type { Settings } from "../settings/settings.js";
import type { Log, Platform } from "../platform/platform.js";
import { readOnlyStore, type CacheStore } from "../platform/store.js";
import { dirCacheStore } from "../platform/dir-store.js";
import { LOCAL_SCOPE, ScopeError, workflowCacheScope, type CacheScope } from "./scope.js";

export async function selectCacheStore(
  settings: Settings,
  platform: Platform,
  log: Log,
  env: NodeJS.ProcessEnv,
): Promise<CacheStore | null> {
  if (!settings.cache.enabled) return null;
  return openCacheStore(settings, platform, log, env);
}

export interface OpenOptions {
  /**
   * Leaves the missing-service warning, and why this job saves nothing, to the caches' own call.
   */
  quiet?: boolean;
  /**
   * A workflow job's restores read only this ref's scope (a full ref), if it is one the job may
   * read at all, never the job's own scope before it; saves still go into the job's own. A branch's
   * baselines are saved only by pushes to it, in its scope (src/compare/baseline.ts), so reading
   * them anywhere else would read what another ref's code saved under the branch's name. Only a
   * store with `scoping: "given"` can honour this; GitHub's service picks scopes itself.
   */
  readOnlyFrom?: string;
}

/**
 * The store itself, whatever `cache` says: baselines (src/compare/) live in it and do not depend on
 * that input.
 */
export async function openCacheStore(
  settings: Settings,
  platform: Platform,
  log: Log,
  env: NodeJS.ProcessEnv,
  options: OpenOptions = {},
): Promise<CacheStore | null> {
  // The CLI's entries are its own, even when it runs inside a workflow (cache/scope.ts).
  let scope: CacheScope;
  try {
    scope = platform.inWorkflow ? workflowCacheScope(env) : LOCAL_SCOPE;
  } catch (e) {
    if (!(e instanceof ScopeError)) throw e;
    if (options.quiet !== true) log.warning(`cache: every layer is off: ${e.message}`);
    return null;
  }
  const only = options.readOnlyFrom;
  if (platform.inWorkflow && only !== undefined)
    scope = { ...scope, readScopes: scope.readScopes.filter((s) => s.ref === only) };
  const store = await scopedStore(settings, platform, log, scope, options);
  if (store === null || scope.readOnly === null) return store;
  if (options.quiet !== true) log.info(`cache: ${scope.readOnly}`);
  return readOnlyStore(store);
}

/** The store this job's scope reads and writes, before any read-only wrapping. */
async function scopedStore(
  settings: Settings,
  platform: Platform,
  log: Log,
  scope: CacheScope,
  options: OpenOptions,
): Promise<CacheStore | null> {
  const { cache } = settings;
  const warn = (m: string): void => log.warning(m);
  if (cache.dir !== undefined) {
    return dirCacheStore({
      root: cache.dir,
      workspace: settings.workspace,
      maxBytes: cache.dirMaxBytes,
      scope,
      log: (m) => log.info(m),
      warn,
    });
  }
  const store = await platform.defaultCacheStore({
    workspace: settings.workspace,
    maxBytes: cache.dirMaxBytes,
    scope,
    warn,
  });
  if (store === null && options.quiet !== true) {
    log.warning(
      "cache: no cache service is available to this job (GitHub Enterprise Server without one, or no runtime token); " +
        "every layer is off. Set `cache-dir` on a self-hosted runner, or `cache: false` to say so.",
    );
  }
  return store;
}
