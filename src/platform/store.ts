// One interface over the two places a cache entry can live: GitHub's cache service (@actions/cache)
// and a persistent folder on a self-hosted runner (`cache-dir`). Both take paths relative to the
// workspace, so an entry restores to the same place whichever runner saved it.

export interface CacheStore {
  /** A short name for logs and the summary: "GitHub cache" or the folder. */
  readonly name: string;
  /**
   * Restores `paths` from the entry `key`, or else from the newest entry whose key starts with one
   * of `restoreKeys` (in order). Returns the key that matched, or undefined on a miss.
   */
  restore(
    paths: readonly string[],
    key: string,
    restoreKeys?: readonly string[],
  ): Promise<string | undefined>;
  /**
   * Saves `paths` under `key`. Keys are immutable: "exists" when another job saved it first;
   * "refused" when the store declined (the store has already said why in the log).
   */
  save(paths: readonly string[], key: string): Promise<"saved" | "exists" | "refused">;
}
