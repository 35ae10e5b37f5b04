// GitHub's cache service through the real @actions/cache client, loaded when a job first needs it
// (the toolkit clients are most of the bundle's start-up time).

import type * as CacheModule from "@actions/cache";
import type { CacheStore } from "./store.js";

/** The store, or null where this job cannot reach the service (GHES without it, no runtime token). */
export async function githubCacheStore(): Promise<CacheStore | null> {
  const cache: typeof CacheModule = await import("@actions/cache");
  if (!cache.isFeatureAvailable()) return null;
  return {
    name: "GitHub cache",
    // The service reads the job's own ref's entries first, then its base and default branches';
    // the client names keys, never scopes.
    scoping: "service",
    async restore(paths, key, restoreKeys = []) {
      return cache.restoreCache([...paths], key, [...restoreKeys]);
    },
    async save(paths, key) {
      // saveCache logs why and returns -1 when the key is already taken (keys are immutable; a
      // concurrent job saved the same content) or the service refuses (quota, unavailable).
      const id = await cache.saveCache([...paths], key);
      return id === -1 ? "refused" : "saved";
    },
  };
}
