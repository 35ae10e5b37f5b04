// The content hash of the files that determine the model: the `hash-files` globs (their default is in
// src/settings/inputs.ts), walked once with the usual heavy folders pruned, each file
// streamed through sha256 so memory stays flat for GB-size weights.

import fs from "node:fs/promises";
import path from "node:path";
import picomatch from "picomatch";
import { hashFile, manifestDigest } from "../util/hash.js";

/** Folders that never hold the model's own files; walking them would cost seconds for nothing. */
const PRUNED = new Set([
  ".git",
  "node_modules",
  ".venv",
  "venv",
  "__pycache__",
  ".tox",
  ".mypy_cache",
  ".pytest_cache",
  ".ruff_cache",
  ".trt-pte",
]);

export interface FilesHash {
  /** sha256 over every matched file's relative path and content hash, in path order. */
  digest: string;
  files: number;
  bytes: number;
  /** The matched files, relative to the workspace and `/`-separated, sorted. */
  paths: string[];
}

async function* walk(root: string, dir: string, skip: ReadonlySet<string>): AsyncGenerator<string> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  // A virtual environment under any name is the user's stack, not their model.
  if (dir !== root && entries.some((e) => e.name === "pyvenv.cfg")) return;
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!PRUNED.has(entry.name) && !skip.has(full)) yield* walk(root, full, skip);
    } else if (entry.isFile()) {
      yield path.relative(root, full).split(path.sep).join("/");
    }
  }
}

/** Files under `workspace` matched by the patterns (`!pattern` excludes), sorted. */
export async function matchFiles(
  workspace: string,
  patterns: readonly string[],
  skipDirs: readonly string[] = [],
): Promise<string[]> {
  const include = patterns.filter((p) => !p.startsWith("!"));
  const exclude = patterns.filter((p) => p.startsWith("!")).map((p) => p.slice(1));
  const isIncluded = picomatch(include, { dot: true });
  const isExcluded = exclude.length > 0 ? picomatch(exclude, { dot: true }) : () => false;
  const matched: string[] = [];
  for await (const rel of walk(
    workspace,
    workspace,
    new Set(skipDirs.map((d) => path.resolve(workspace, d))),
  )) {
    if (isIncluded(rel) && !isExcluded(rel)) matched.push(rel);
  }
  return matched.sort();
}

/** Hashes the matched files, a few at a time: one file's read overlaps another's hashing. */
export async function hashFiles(
  workspace: string,
  patterns: readonly string[],
  skipDirs: readonly string[] = [],
  concurrency = 4,
): Promise<FilesHash> {
  const files = await matchFiles(workspace, patterns, skipDirs);
  const digests: string[] = new Array<string>(files.length);
  let bytes = 0;
  let next = 0;
  async function worker(): Promise<void> {
    for (let i = next++; i < files.length; i = next++) {
      const { hex, bytes: n } = await hashFile(path.join(workspace, files[i] as string));
      digests[i] = hex;
      bytes += n;
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, files.length) }, worker));
  const digest = manifestDigest(files.map((f, i) => [f, digests[i] as string] as const));
  return { digest, files: files.length, bytes, paths: files };
}
