// One interface over the two places a cache entry can live: GitHub's cache service (@actions/cache)
// and a persistent folder on a self-hosted runner (`cache-dir`). Both take paths relative to the
// workspace, so an entry restores to the same place whichever runner saved it.

/** One place entries live: a repository and a ref (src/cache/scope.ts works out a job's). */
export interface ScopeRef {
  repository: string;
  /** A full ref: `refs/heads/main`, `refs/pull/7/merge`, `refs/tags/v1`; "local" for the CLI. */
  ref: string;
}

/** What a store needs of a job's scope: where it saves, and where it may restore from, in order. */
export interface StoreScope extends ScopeRef {
  readScopes: readonly ScopeRef[];
}

/** A scope's identity, `<repository>@<ref>`: what a store files entries under. */
export function scopeId(scope: ScopeRef): string {
  return `${scope.repository}@${scope.ref}`;
}

export interface CacheStore {
  /** A short name for logs and the summary: "GitHub cache" or the folder. */
  readonly name: string;
  /**
   * Who decides which scopes a restore reads: "given", the `readScopes` of the StoreScope the store
   * was opened with, in that order (a folder); "service", the service itself, whatever the client
   * asks (GitHub's cache reads the job's own ref first, then its base and default branches').
   */
  readonly scoping: "given" | "service";
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
   * "refused" when the store declined (the store has already said why in the log); "skipped" when
   * this job may not save at all (readOnlyStore).
   */
  save(paths: readonly string[], key: string): Promise<SaveResult>;
}

export type SaveResult = "saved" | "exists" | "refused" | "skipped";

/**
 * `store` for a job that may restore but never save (src/cache/scope.ts decides which): every save
 * is "skipped" before it reaches the store.
 */
export function readOnlyStore(store: CacheStore): CacheStore {
  return {
    name: store.name,
    scoping: store.scoping,
    restore: (paths, key, restoreKeys) => store.restore(paths, key, restoreKeys),
    save: () => Promise.resolve("skipped"),
  };
}
