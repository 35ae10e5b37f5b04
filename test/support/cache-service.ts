// GitHub's cache service v2 (Twirp JSON, github.actions.results.api.v1.CacheService) as the real
// @actions/cache client speaks it: CreateCacheEntry → blob upload → FinalizeCacheEntryUpload, and
// GetCacheEntryDownloadURL with exact primary key and newest-prefix restore keys, all scoped by the
// entry version the client derives from the paths. Keys are immutable, as in the real service.
// `failNext` injects the failures the action must survive (unavailable, quota).
// A token with an `ac` claim (runtimeToken's `access`) is scoped as GitHub scopes caches: an entry
// belongs to the ref the job may write, and a restore searches the job's own scope first, then the
// other refs it may read (a pull request's base branch), never another's. A token without one is
// unscoped, as the older tests expect.

import type http from "node:http";
import { type Handler, type Recorded, sendJson, authorizedScope, twirpError } from "./http.js";
import type { BlobStore } from "./blob-store.js";

const SERVICE = "/twirp/github.actions.results.api.v1.CacheService/";

export interface CacheEntry {
  id: number;
  key: string;
  version: string;
  blobKey: string;
  size: number;
  finalized: boolean;
  created: number;
  /** The ref whose scope holds it; null when saved by an unscoped token. */
  scope: string | null;
}

export class CacheService implements Handler {
  readonly entries: CacheEntry[] = [];
  private nextId = 1;
  private failures: { method: string; status: number; code: string; msg: string }[] = [];

  constructor(private readonly blobs: BlobStore) {}

  /** Makes the next call of `method` fail the way the real service can. */
  failNext(method: string, status: number, code: string, msg: string): void {
    this.failures.push({ method, status, code, msg });
  }

  handle(req: Recorded, res: http.ServerResponse, base: string): boolean {
    if (!req.url.startsWith(SERVICE)) return false;
    const scope = authorizedScope(req, res);
    if (scope === null) return true;
    const method = req.url.slice(SERVICE.length);
    const failure = this.failures.findIndex((f) => f.method === method);
    if (failure >= 0) {
      const [f] = this.failures.splice(failure, 1);
      twirpError(res, f!.status, f!.code, f!.msg);
      return true;
    }
    const body = JSON.parse(req.body.toString("utf8") || "{}") as Record<string, unknown>;
    const key = String(body.key ?? "");
    const version = String(body.version ?? "");
    const access = scope.access;
    const writeScope =
      access === null ? null : (access.find((a) => (a.Permission & 2) !== 0)?.Scope ?? undefined);
    // The job's own (writable) scope first, then the others it may read, in the token's order.
    const readScopes =
      access === null
        ? null
        : [
            ...access.filter((a) => (a.Permission & 2) !== 0),
            ...access.filter((a) => (a.Permission & 2) === 0 && (a.Permission & 1) !== 0),
          ].map((a) => a.Scope);
    if (method === "CreateCacheEntry") {
      if (writeScope === undefined) {
        twirpError(res, 403, "permission_denied", "this job may not write to any cache scope");
        return true;
      }
      if (this.entries.some((e) => e.key === key && e.version === version && e.scope === writeScope)) {
        twirpError(
          res,
          409,
          "already_exists",
          "cache entry with the same key, version, and scope already exists",
        );
        return true;
      }
      const entry: CacheEntry = {
        id: this.nextId++,
        key,
        version,
        blobKey: `caches/${this.nextId}-${version}`,
        size: 0,
        finalized: false,
        created: Date.now() + this.nextId,
        scope: writeScope,
      };
      this.entries.push(entry);
      const [container, ...rest] = entry.blobKey.split("/");
      sendJson(res, 200, { ok: true, signed_upload_url: this.blobs.url(base, container!, rest.join("/")) });
    } else if (method === "FinalizeCacheEntryUpload") {
      const entry = this.entries.find(
        (e) => e.key === key && e.version === version && !e.finalized && e.scope === writeScope,
      );
      const blob = entry && this.blobs.blobs.get(entry.blobKey);
      if (entry === undefined || blob === undefined || blob.length !== Number(body.size_bytes)) {
        sendJson(res, 200, { ok: false, message: "no uploaded entry of that size to finalize" });
        return true;
      }
      Object.assign(entry, { finalized: true, size: blob.length });
      sendJson(res, 200, { ok: true, entry_id: String(entry.id) });
    } else if (method === "GetCacheEntryDownloadURL") {
      let match: CacheEntry | undefined;
      for (const where of readScopes ?? [null]) {
        const ready = this.entries.filter(
          (e) => e.finalized && e.version === version && (where === null || e.scope === where),
        );
        match = ready.find((e) => e.key === key);
        for (const prefix of (body.restore_keys as string[] | undefined) ?? []) {
          if (match) break;
          match = ready.filter((e) => e.key.startsWith(prefix)).sort((a, b) => b.created - a.created)[0];
        }
        if (match) break;
      }
      if (match === undefined) {
        sendJson(res, 200, { ok: false });
        return true;
      }
      const [container, ...rest] = match.blobKey.split("/");
      sendJson(res, 200, {
        ok: true,
        signed_download_url: this.blobs.url(base, container!, rest.join("/")),
        matched_key: match.key,
      });
    } else {
      twirpError(res, 404, "bad_route", `no method ${method}`);
    }
    return true;
  }
}
