// The local adapter: the same ports on a laptop or any machine without GitHub. Artifacts are copied
// into a folder, the summary and outputs are printed to the terminal.

import fs from "node:fs/promises";
import path from "node:path";
import type { SourceLocation } from "../errors.js";
import type { ArtifactStore, Log, Platform } from "./platform.js";
import { formatDuration } from "../util/time.js";
import { inert } from "../util/log-text.js";
import { manifestDigest, sha256File } from "../util/hash.js";
import os from "node:os";
import { dirCacheStore } from "./dir-store.js";

function at(where: SourceLocation | undefined): string {
  if (where === undefined) return "";
  return where.line === undefined ? `${where.file}: ` : `${where.file}:${where.line}: `;
}

// The CLI may run in a workflow step, whose output the runner reads for commands: every line is inert.
export function localLog(print: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Log {
  const write = (line: string): void => print(inert(line));
  return {
    info: (message) => write(message),
    warning: (message, where) => write(`warning: ${at(where)}${message}`),
    error: (message, where) => write(`error: ${at(where)}${message}`),
    verbatim: (fn) => fn(),
    async group(title, fn) {
      const started = performance.now();
      write(`▸ ${title}`);
      try {
        return await fn();
      } finally {
        write(`  ${title}: ${formatDuration(performance.now() - started)}`);
      }
    },
  };
}

/** Copies an artifact's files into `<dir>/<name>/`, keeping their paths below rootDirectory. */
export function folderArtifacts(dir: string): ArtifactStore {
  let nextId = 1;
  return {
    async upload(name, files, rootDirectory) {
      const destination = path.join(dir, name);
      // Copy into a temporary sibling first, then swap it in: a reader never sees half an artifact.
      const staging = `${destination}.partial-${process.pid}`;
      await fs.rm(staging, { recursive: true, force: true });
      let size = 0;
      for (const file of files) {
        const target = path.join(staging, path.relative(rootDirectory, file));
        await fs.mkdir(path.dirname(target), { recursive: true });
        await fs.copyFile(file, target);
        size += (await fs.stat(target)).size;
      }
      await fs.rm(destination, { recursive: true, force: true });
      await fs.rename(staging, destination);
      const manifest = files.map((f) => path.relative(rootDirectory, f)).sort();
      const digest = `sha256:${await sha256Manifest(destination, manifest)}`;
      return { id: nextId++, size, digest, url: destination };
    },
  };
}

async function sha256Manifest(dir: string, names: readonly string[]): Promise<string> {
  const hashed: [string, string][] = [];
  for (const name of names) hashed.push([name, await sha256File(path.join(dir, name))]);
  return manifestDigest(hashed);
}

/** The CLI's own cache folder when no `--cache-dir` is given: $XDG_CACHE_HOME/trt-pte or ~/.cache/trt-pte. */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), ".cache"), "trt-pte");
}

export interface LocalPlatformOptions {
  artifactDir: string;
  /** Folder for the default cache store; null turns the default store off. */
  cacheDir?: string | null;
  write?: (line: string) => void;
  /** Where the summary goes; the terminal by default. */
  printSummary?: (markdown: string) => void;
}

export function localPlatform(options: LocalPlatformOptions): Platform & { outputs: Map<string, string> } {
  const outputs = new Map<string, string>();
  const write = options.write ?? ((l: string) => process.stderr.write(`${l}\n`));
  return {
    log: localLog(write),
    artifacts: folderArtifacts(options.artifactDir),
    outputs,
    issueComments: () => null,
    inWorkflow: false,
    async defaultCacheStore({ workspace, maxBytes, scope, warn }) {
      const root = options.cacheDir === undefined ? userCacheDir() : options.cacheDir;
      return root === null
        ? null
        : dirCacheStore({ root, workspace, maxBytes, scope, log: (line) => write(inert(line)), warn });
    },
    async writeSummary(markdown) {
      (options.printSummary ?? ((m: string) => process.stdout.write(`${inert(m)}\n`)))(markdown);
    },
    setOutput: (name, value) => void outputs.set(name, value),
  };
}
