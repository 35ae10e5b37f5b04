// A cache in a persistent folder on a self-hosted runner (`cache-dir`): no upload or download, so
// GB-size engines restore at disk speed. Layout:
//   <root>/entries/<sha256(key)>/meta.json   {key, created, bytes}
//   <root>/entries/<sha256(key)>/files/...   the cached paths, relative to the workspace
// Writes go to <root>/tmp first and are renamed into entries/ (atomic on one file system), so two
// jobs on one runner never see half an entry; the first rename wins and the loser cleans up.
// Reads touch meta.json's mtime, and saving evicts the least recently used entries over the bound.

import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import type { CacheStore } from "./store.js";
import { folderBytes } from "../util/files.js";

interface Meta {
  key: string;
  created: string;
  bytes: number;
}

const ENTRIES = "entries";
const TMP = "tmp";

function entryName(key: string): string {
  return createHash("sha256").update(key).digest("hex").slice(0, 32);
}

/** Copies `from` (file or folder) to `to`, creating parents. */
async function copyInto(from: string, to: string): Promise<void> {
  await fs.mkdir(path.dirname(to), { recursive: true });
  await fs.cp(from, to, { recursive: true, force: true, preserveTimestamps: true });
}

async function readMeta(entryDir: string): Promise<Meta | undefined> {
  try {
    return JSON.parse(await fs.readFile(path.join(entryDir, "meta.json"), "utf8")) as Meta;
  } catch {
    return undefined; // an entry from a crashed writer never gets renamed in; this is belt and braces
  }
}

export interface DirStoreOptions {
  root: string;
  /** Paths given to restore/save are relative to this folder. */
  workspace: string;
  maxBytes: number;
  log?: (message: string) => void;
}

export function dirCacheStore(options: DirStoreOptions): CacheStore {
  const { root, workspace, maxBytes } = options;
  const entriesDir = path.join(root, ENTRIES);
  const log = options.log ?? (() => undefined);

  async function listEntries(): Promise<{ dir: string; meta: Meta; used: number }[]> {
    let names: string[];
    try {
      names = await fs.readdir(entriesDir);
    } catch {
      return [];
    }
    const found = [];
    for (const name of names) {
      const dir = path.join(entriesDir, name);
      const meta = await readMeta(dir);
      if (meta === undefined) continue;
      const used = (await fs.stat(path.join(dir, "meta.json"))).mtimeMs;
      found.push({ dir, meta, used });
    }
    return found;
  }

  async function findEntry(
    key: string,
    restoreKeys: readonly string[],
  ): Promise<{ dir: string; meta: Meta } | undefined> {
    const exactDir = path.join(entriesDir, entryName(key));
    const exact = await readMeta(exactDir);
    if (exact?.key === key) return { dir: exactDir, meta: exact };
    if (restoreKeys.length === 0) return undefined;
    const all = await listEntries();
    for (const prefix of restoreKeys) {
      const newest = all
        .filter((e) => e.meta.key.startsWith(prefix))
        .sort((a, b) => Date.parse(b.meta.created) - Date.parse(a.meta.created))[0];
      if (newest) return newest;
    }
    return undefined;
  }

  async function evict(keep: string): Promise<void> {
    const all = (await listEntries()).sort((a, b) => a.used - b.used);
    let total = all.reduce((sum, e) => sum + e.meta.bytes, 0);
    for (const entry of all) {
      if (total <= maxBytes) break;
      if (entry.meta.key === keep) continue;
      // Rename before deleting so a concurrent reader sees the entry whole or not at all.
      const doomed = path.join(root, TMP, `evict-${randomBytes(6).toString("hex")}`);
      try {
        await fs.rename(entry.dir, doomed);
      } catch {
        continue; // another job evicted it first
      }
      await fs.rm(doomed, { recursive: true, force: true });
      total -= entry.meta.bytes;
      log(`cache-dir: evicted ${entry.meta.key} (${entry.meta.bytes} bytes, least recently used)`);
    }
  }

  return {
    name: `cache-dir ${root}`,

    async restore(paths, key, restoreKeys = []) {
      const found = await findEntry(key, restoreKeys);
      if (found === undefined) return undefined;
      const files = path.join(found.dir, "files");
      for (const p of paths) {
        const source = path.join(files, p);
        const target = path.resolve(workspace, p);
        try {
          await fs.access(source);
        } catch {
          continue; // a path that did not exist when the entry was saved
        }
        await fs.rm(target, { recursive: true, force: true });
        await copyInto(source, target);
      }
      const now = new Date();
      await fs.utimes(path.join(found.dir, "meta.json"), now, now).catch(() => undefined);
      return found.meta.key;
    },

    async save(paths, key) {
      const finalDir = path.join(entriesDir, entryName(key));
      if ((await readMeta(finalDir))?.key === key) return "exists";
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
        const meta: Meta = { key, created: new Date().toISOString(), bytes: await folderBytes(staging) };
        if (meta.bytes > maxBytes) {
          log(`cache-dir: not saving ${key}: ${meta.bytes} bytes is over the ${maxBytes}-byte bound`);
          return "refused";
        }
        await fs.writeFile(path.join(staging, "meta.json"), JSON.stringify(meta));
        await fs.mkdir(entriesDir, { recursive: true });
        try {
          await fs.rename(staging, finalDir);
        } catch (e) {
          const code = (e as NodeJS.ErrnoException).code;
          if (code === "ENOTEMPTY" || code === "EEXIST") return "exists"; // a concurrent job won
          throw e;
        }
        await evict(key);
        return "saved";
      } finally {
        await fs.rm(staging, { recursive: true, force: true });
      }
    },
  };
}
