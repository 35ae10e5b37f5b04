// GitHub's cache service through the real @actions/cache client.

import * as cache from "@actions/cache";
import type { CacheStore } from "./store.js";

export function githubCacheStore(): CacheStore {
  return {
    name: "GitHub cache",
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
