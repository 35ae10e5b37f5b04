// The ports the pipeline talks to. Two adapters implement them: github.ts (the Actions toolkit) and
// local.ts (folders on disk and the terminal), so the same pipeline runs in a workflow and on a laptop.

import type { SourceLocation } from "../errors.js";
import type { CacheStore, StoreScope } from "./store.js";
import type { IssueCommentsApi } from "../github/sticky-comment.js";

export interface Log {
  info(message: string): void;
  warning(message: string, where?: SourceLocation): void;
  error(message: string, where?: SourceLocation): void;
  /** Runs fn inside a collapsible log group and reports its duration when it ends. */
  group<T>(title: string, fn: () => Promise<T>): Promise<T>;
  /**
   * Runs fn while what it logs with `info` is another program's output (the driver's, so the model's):
   * where the log is a runner's, workflow commands stay off until fn ends.
   */
  verbatim<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Lines another program printed that the reader need not see (third-party noise), told by one
   * `summary`: a collapsed group holding them where the log has groups, the summary alone elsewhere.
   */
  aside(summary: string, lines: readonly string[]): void;
}

export interface UploadedArtifact {
  id: number;
  size: number;
  /** `sha256:<hex>` as the store recorded it, when it reports one. */
  digest: string | undefined;
  /** Where a person downloads it (a page for GitHub, a folder locally). */
  url: string;
}

export interface ArtifactStore {
  /** Gets ready for an upload that will come (e.g. loads its client) without waiting for it. */
  prepare?(): void;
  /**
   * Uploads one file as it is (no zip) as the artifact `name`, which is also the file's name once
   * downloaded.
   */
  uploadFile(
    name: string,
    file: string,
    options: { retentionDays: number | undefined },
  ): Promise<UploadedArtifact>;
  /** Deletes an artifact this run uploaded: a build whose upload failed halfway leaves none behind. */
  remove(name: string): Promise<void>;
  /**
   * Where an upload can be taken back (a folder on disk): keeps what uploads of `names` replaced
   * until the build they belong to ends, then drops it (`succeeded`) or puts it back. A service's
   * upload is final and has no settle.
   */
  settle?(succeeded: boolean, names: readonly string[]): Promise<void>;
}

export interface Platform {
  readonly log: Log;
  readonly artifacts: ArtifactStore;
  /**
   * True for a workflow job (the GitHub adapter): its cache entries belong to its repository and
   * ref (src/cache/scope.ts); elsewhere (the CLI) they belong to the one local scope.
   */
  readonly inWorkflow: boolean;
  /** The cache store used when no `cache-dir` is set, or null where there is none. */
  defaultCacheStore(options: {
    workspace: string;
    maxBytes: number;
    scope: StoreScope;
    warn: (message: string) => void;
  }): Promise<CacheStore | null>;
  /** The pull-request comments API with this token, or null where there is no GitHub. */
  issueComments(token: string): IssueCommentsApi | null;
  /** The run's summary: markdown where it is rendered (the job summary), text where it is printed. */
  writeSummary(summary: { markdown: string; text: string }): Promise<void>;
  setOutput(name: string, value: string): void;
}
