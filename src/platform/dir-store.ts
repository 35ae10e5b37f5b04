// A cache in a persistent folder on a self-hosted runner (`cache-dir`): no upload or download, so
// GB-size engines restore at disk speed. Entries are scoped like GitHub's own cache (src/cache/scope.ts): each
// belongs to the repository and ref that saved it, a job restores only from the scopes it trusts
// (its own, its base branch, the default branch) and saves only into its own. Layout:
//   <root>/scopes/<sha256(scope id)>/<sha256(key)>/meta.json  {key, scope, bytes, files: {path: sha256}}
//   <root>/scopes/<sha256(scope id)>/<sha256(key)>/files/...  the cached paths, relative to the workspace
// Writes go to <root>/tmp first and are renamed into place (atomic on one file system), so two jobs
// on one runner never see half an entry; the first rename wins and the loser cleans up. "Newest"
// is when the entry's folder was made, as the file system recorded it: no writer can date its entry
// into the future. Every restored file is checked against the sha256 its
// entry recorded; a mismatch is a miss and a warning. Reads touch meta.json's mtime, and saving
// evicts the least recently used entries (of any scope) over the bound.
//
// What a folder cannot do: code running as the runner's user can write into it directly, past all
// of this. docs/runners.md says what to do about that.

import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { scopeId, type CacheStore, type ScopeRef, type StoreScope } from "./store.js";
import { hashFile } from "../util/hash.js";

interface Meta {
  key: string;
  scope: ScopeRef;
  bytes: number;
  /** Every regular file below files/, by path relative to it (`/`-separated), with its sha256. */
  files: Record<string, string>;
}

const SCOPES = "scopes";
const TMP = "tmp";

const nameOf = (text: string): string => createHash("sha256").update(text).digest("hex").slice(0, 32);

/** Copies `from` (file or folder) to `to`, creating parents. */
async function copyInto(from: string, to: string): Promise<void> {
  await fs.mkdir(path.dirname(to), { recursive: true });
  await fs.cp(from, to, { recursive: true, force: true, preserveTimestamps: true });
}

/**
 * sha256 of every regular file below `dir`, or a reason it cannot stand for an entry: a link or
 * any other kind of file could point outside it.
 */
async function manifest(dir: string): Promise<{ files: Record<string, string>; bytes: number } | string> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return { files: {}, bytes: 0 };
  }
  const files: Record<string, string> = {};
  let bytes = 0;
  for (const entry of entries.sort((a, b) => (a.parentPath + a.name < b.parentPath + b.name ? -1 : 1))) {
    const full = path.join(entry.parentPath, entry.name);
    const rel = path.relative(dir, full).split(path.sep).join("/");
    if (entry.isDirectory()) continue;
    if (!entry.isFile()) return `${rel} is not a regular file`;
    const { hex, bytes: n } = await hashFile(full);
    files[rel] = hex;
    bytes += n;
  }
  return { files, bytes };
}

/** Where two manifests differ, in words, or null when they are equal. */
function difference(recorded: Record<string, string>, found: Record<string, string>): string | null {
  for (const [rel, hex] of Object.entries(recorded)) {
    if (!(rel in found)) return `${rel} is missing`;
    if (found[rel] !== hex) return `${rel} has sha256 ${found[rel]}, the entry recorded ${hex}`;
  }
  const extra = Object.keys(found).find((rel) => !(rel in recorded));
  return extra === undefined ? null : `${extra} is not in the entry's record`;
}

async function readMeta(entryDir: string): Promise<Meta | undefined> {
  try {
    const meta = JSON.parse(await fs.readFile(path.join(entryDir, "meta.json"), "utf8")) as Meta;
    return typeof meta.key === "string" && typeof meta.files === "object" && meta.files !== null
      ? meta
      : undefined;
  } catch {
    return undefined; // an entry from a crashed writer never gets renamed in; this is belt and braces
  }
}

export interface DirStoreOptions {
  root: string;
  /** Paths given to restore/save are relative to this folder. */
  workspace: string;
  maxBytes: number;
  /** The job's scope: saves go into it, restores read its `readScopes` in order. */
  scope: StoreScope;
  log?: (message: string) => void;
  /** Something is wrong with an entry (it is then a miss); the action shows these as warnings. */
  warn?: (message: string) => void;
}

interface Found {
  dir: string;
  meta: Meta;
}

export function dirCacheStore(options: DirStoreOptions): CacheStore {
  const { root, workspace, maxBytes, scope } = options;
  const log = options.log ?? (() => undefined);
  const warn = options.warn ?? log;
  const scopeDir = (s: ScopeRef): string => path.join(root, SCOPES, nameOf(scopeId(s)));
  const ownDir = scopeDir(scope);

  /** The entry in scope `s` with exactly `key`; the meta must agree with where it lies. */
  async function exact(s: ScopeRef, key: string): Promise<Found | undefined> {
    const dir = path.join(scopeDir(s), nameOf(key));
    const meta = await readMeta(dir);
    return meta?.key === key && scopeId(meta.scope) === scopeId(s) ? { dir, meta } : undefined;
  }

  async function listScope(dir: string): Promise<(Found & { changed: bigint })[]> {
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch {
      return [];
    }
    const found = [];
    for (const name of names) {
      const entryDir = path.join(dir, name);
      const meta = await readMeta(entryDir);
      if (meta === undefined) continue;
      // Birth time where the file system keeps one (set when the entry's folder was made, and no
      // call changes it later), else change time (which touching the folder would move).
      const stat = await fs.stat(entryDir, { bigint: true });
      found.push({ dir: entryDir, meta, changed: stat.birthtimeNs > 0n ? stat.birthtimeNs : stat.ctimeNs });
    }
    return found;
  }

  /** GitHub's order: in each trusted scope, the exact key, then each prefix's newest entry. */
  async function findEntry(key: string, restoreKeys: readonly string[]): Promise<Found | undefined> {
    for (const s of scope.readScopes) {
      const hit = await exact(s, key);
      if (hit !== undefined) return hit;
      if (restoreKeys.length === 0) continue;
      const all = (await listScope(scopeDir(s))).filter((e) => scopeId(e.meta.scope) === scopeId(s));
      for (const prefix of restoreKeys) {
        const newest = all
          .filter((e) => e.meta.key.startsWith(prefix))
          .sort((a, b) => (b.changed > a.changed ? 1 : b.changed < a.changed ? -1 : 0))[0];
        if (newest) return newest;
      }
    }
    return undefined;
  }

  /** Entries of the unscoped layout of earlier releases (<root>/entries): never read, so removed. */
  async function dropUnscoped(): Promise<void> {
    const legacy = path.join(root, "entries");
    const doomed = path.join(root, TMP, `unscoped-${randomBytes(6).toString("hex")}`);
    try {
      await fs.rename(legacy, doomed);
    } catch {
      return; // none, or another job is removing it
    }
    await fs.rm(doomed, { recursive: true, force: true });
    log(`cache-dir: removed the unscoped entries an earlier trt-pte left in ${legacy}`);
  }

  async function evict(keepDir: string): Promise<void> {
    await dropUnscoped();
    let scopeNames: string[];
    try {
      scopeNames = await fs.readdir(path.join(root, SCOPES));
    } catch {
      return;
    }
    const all: (Found & { used: number })[] = [];
    for (const name of scopeNames) {
      for (const entry of await listScope(path.join(root, SCOPES, name))) {
        const used = (await fs.stat(path.join(entry.dir, "meta.json"))).mtimeMs;
        all.push({ ...entry, used });
      }
    }
    all.sort((a, b) => a.used - b.used);
    let total = all.reduce((sum, e) => sum + e.meta.bytes, 0);
    for (const entry of all) {
      if (total <= maxBytes) break;
      if (entry.dir === keepDir) continue;
      // Rename before deleting so a concurrent reader sees the entry whole or not at all.
      const doomed = path.join(root, TMP, `evict-${randomBytes(6).toString("hex")}`);
      try {
        await fs.rename(entry.dir, doomed);
      } catch {
        continue; // another job evicted it first
      }
      await fs.rm(doomed, { recursive: true, force: true });
      total -= entry.meta.bytes;
      log(
        `cache-dir: evicted ${entry.meta.key} of ${scopeId(entry.meta.scope)} (${entry.meta.bytes} bytes, least recently used)`,
      );
    }
  }

  /** Copies the entry's files into a folder beside the workspace's paths and checks them there. */
  async function restoreChecked(found: Found, paths: readonly string[]): Promise<boolean> {
    // Inside the workspace (so the final moves are renames) and in .trt-pte, which no key hashes.
    const staging = path.join(
      workspace,
      ".trt-pte",
      TMP,
      `restore-${process.pid}-${randomBytes(6).toString("hex")}`,
    );
    try {
      const files = path.join(found.dir, "files");
      for (const p of paths) {
        const source = path.join(files, p);
        try {
          await fs.access(source);
        } catch {
          continue; // a path that did not exist when the entry was saved
        }
        await copyInto(source, path.join(staging, p));
      }
      const copied = await manifest(staging);
      const problem = typeof copied === "string" ? copied : difference(found.meta.files, copied.files);
      if (problem !== null) {
        warn(
          `cache-dir: ignoring entry ${found.meta.key} of ${scopeId(found.meta.scope)}: ${problem}. ` +
            "Something changed it after it was saved; it counts as a miss and this run builds again.",
        );
        return false;
      }
      for (const p of paths) {
        const from = path.join(staging, p);
        const target = path.resolve(workspace, p);
        try {
          await fs.access(from);
        } catch {
          continue;
        }
        await fs.rm(target, { recursive: true, force: true });
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.rename(from, target).catch(async () => copyInto(from, target));
      }
      return true;
    } finally {
      await fs.rm(staging, { recursive: true, force: true });
    }
  }

  return {
    name: `cache-dir ${root}`,
    scoping: "given",

    async restore(paths, key, restoreKeys = []) {
      const found = await findEntry(key, restoreKeys);
      if (found === undefined) return undefined;
      if (!(await restoreChecked(found, paths))) return undefined;
      const now = new Date();
      await fs.utimes(path.join(found.dir, "meta.json"), now, now).catch(() => undefined);
      return found.meta.key;
    },

    async save(paths, key) {
      const finalDir = path.join(ownDir, nameOf(key));
      if ((await exact(scope, key)) !== undefined) return "exists";
      const staging = path.join(root, TMP, `save-${process.pid}-${randomBytes(6).toString("hex")}`);
      await fs.mkdir(staging, { recursive: true });
      try {
        for (const p of paths) {
          const source = path.resolve(workspace, p);
          try {
            await fs.access(source);
          } catch {
            continue;
          }
          await copyInto(source, path.join(staging, "files", p));
        }
        const recorded = await manifest(path.join(staging, "files"));
        if (typeof recorded === "string") {
          log(`cache-dir: not saving ${key}: ${recorded}`);
          return "refused";
        }
        if (recorded.bytes > maxBytes) {
          log(`cache-dir: not saving ${key}: ${recorded.bytes} bytes is over the ${maxBytes}-byte bound`);
          return "refused";
        }
        const meta: Meta = {
          key,
          scope: { repository: scope.repository, ref: scope.ref },
          bytes: recorded.bytes,
          files: recorded.files,
        };
        await fs.writeFile(path.join(staging, "meta.json"), JSON.stringify(meta));
        await fs.mkdir(ownDir, { recursive: true });
        try {
          await fs.rename(staging, finalDir);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === "ENOTEMPTY" || code === "EEXIST") return "exists"; // a concurrent job won
          throw e;
        }
        await evict(finalDir);
        return "saved";
      } finally {
        await fs.rm(staging, { recursive: true, force: true });
      }
    },
  };
}
