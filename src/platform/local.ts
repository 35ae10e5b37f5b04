// The local adapter: the same ports on a laptop or any machine without GitHub. Artifacts are copied
// into a folder, the summary is printed to the terminal as text (the pipeline writes its markdown
// beside report.json).

import fs from "node:fs/promises";
import path from "node:path";
import type { SourceLocation } from "../errors.js";
import type { ArtifactStore, Log, Platform } from "./platform.js";
import { formatDuration } from "../util/time.js";
import { inert } from "../util/log-text.js";
import { sha256File } from "../util/hash.js";
import os from "node:os";
import { dirCacheStore } from "./dir-store.js";

function at(where: SourceLocation | undefined): string {
  if (where === undefined) return "";
  if (where.line === undefined) return `${where.file}: `;
  return where.column === undefined
    ? `${where.file}:${where.line}: `
    : `${where.file}:${where.line}:${where.column}: `;
}

// The CLI may run in a workflow step, whose output the runner reads for commands: every line is inert.
export function localLog(print: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): Log {
  const write = (line: string): void => print(inert(line));
  return {
    info: (message) => write(message),
    warning: (message, where) => write(`warning: ${at(where)}${message}`),
    error: (message, where) => write(`error: ${at(where)}${message}`),
    verbatim: (fn) => fn(),
    aside: (summary) => write(summary),
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

/**
 * Copies each artifact, one file, to `<dir>/<name>`: the folder holds what a download would. A file
 * it replaces waits beside it until the run settles, so a run that fails later leaves the last good
 * copy where it was.
 */
export function folderArtifacts(dir: string): ArtifactStore {
  let nextId = 1;
  const replaced = new Map<string, string | null>(); // destination → where the file it replaced waits
  return {
    async uploadFile(name, file) {
      const destination = path.join(dir, name);
      await fs.mkdir(dir, { recursive: true });
      // Copy beside it first, then rename: a reader never sees half a file.
      const partial = `${destination}.partial-${process.pid}`;
      try {
        await fs.copyFile(file, partial);
        if (!replaced.has(destination)) {
          const previous = `${destination}.previous-${process.pid}`;
          const kept = await fs.rename(destination, previous).then(
            () => true,
            () => false,
          );
          replaced.set(destination, kept ? previous : null);
        }
        await fs.rename(partial, destination);
      } finally {
        await fs.rm(partial, { force: true });
      }
      const { size } = await fs.stat(destination);
      return { id: nextId++, size, digest: `sha256:${await sha256File(destination)}`, url: destination };
    },
    async remove(name) {
      await fs.rm(path.join(dir, name), { force: true });
    },
    async settle(succeeded, names) {
      for (const name of names) {
        const destination = path.join(dir, name);
        const previous = replaced.get(destination);
        if (previous === undefined) continue;
        replaced.delete(destination);
        if (succeeded) {
          if (previous !== null) await fs.rm(previous, { force: true });
          continue;
        }
        await fs.rm(destination, { force: true });
        if (previous !== null) await fs.rename(previous, destination);
      }
    },
  };
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
  /** Where the summary's text goes; the terminal by default. */
  printSummary?: (text: string) => void;
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
    async writeSummary({ text }) {
      (options.printSummary ?? ((t: string) => process.stdout.write(inert(t))))(text);
    },
    setOutput: (name, value) => void outputs.set(name, value),
  };
}
