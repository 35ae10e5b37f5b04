// Which store holds this run's caches: `cache-dir` when set, else the platform's own (GitHub's
// cache service in a workflow, the user's cache folder on a laptop), or none when `cache: false`.

import type { Settings } from "../settings/settings.js";
import type { Log, Platform } from "../platform/platform.js";
import type { CacheStore } from "../platform/store.js";
import { dirCacheStore } from "../platform/dir-store.js";

export async function selectCacheStore(
  settings: Settings,
  platform: Platform,
  log: Log,
): Promise<CacheStore | null> {
  const { cache } = settings;
  if (!cache.enabled) return null;
  if (cache.dir !== undefined) {
    return dirCacheStore({
      root: cache.dir,
      workspace: settings.workspace,
      maxBytes: cache.dirMaxBytes,
      log: (m) => log.info(m),
    });
  }
  const store = await platform.defaultCacheStore({
    workspace: settings.workspace,
    maxBytes: cache.dirMaxBytes,
  });
  if (store === null) {
    log.warning(
      "cache: no cache service is available to this job (GitHub Enterprise Server without one, or no runtime token); " +
        "every layer is off. Set `cache-dir` on a self-hosted runner, or `cache: false` to say so.",
    );
  }
  return store;
}
