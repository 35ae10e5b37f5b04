// The key's inputs that live outside the workspace's `hash-files`, and the check that they are
// enough: the model file wherever it is, every installed distribution's version, the sources of
// editable installs; after a fresh export, the source files the model imported that none of these
// (nor `hash-files`) covers are named in a warning, so a stale hit cannot come from them silently.

import { realpathSync } from "node:fs";
import path from "node:path";
import type { Settings } from "../settings/settings.js";
import type { EditableInstall } from "../protocol.js";
import { hashFiles } from "./hash-files.js";
import { sha256File } from "../util/hash.js";

/** Installers: they put packages in place but never run in an export, and update on their own. */
export const INSTALLER_DISTRIBUTIONS: ReadonlySet<string> = new Set(["pip", "setuptools", "wheel"]);

/** What an editable install's key input hashes: its Python sources. */
export const EDITABLE_PATTERNS = ["**/*.py"];

/** The model file of a `path/to/file.py:factory` spec, absolute; null for `package.module:factory`. */
export function modelFile(settings: Settings): string | null {
  const where = settings.model.slice(0, settings.model.lastIndexOf(":"));
  // The driver's rule (src/python/trt_pte/loader.py _is_file_spec), relative to the workspace.
  const isFile = where.endsWith(".py") || where.includes("/") || where.includes(path.sep);
  return isFile ? path.resolve(settings.workspace, where) : null;
}

export async function modelFileDigest(file: string | null): Promise<string | null> {
  if (file === null) return null;
  try {
    return await sha256File(file);
  } catch {
    return null; // not there: the export fails and says so; nothing is cached
  }
}

/** Every distribution's version except the installers'. */
export function keyDistributions(distributions: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(distributions).filter(([n]) => !INSTALLER_DISTRIBUTIONS.has(n)));
}

/** The digest of each editable install's Python sources (null where its folder is gone). */
export async function editableDigests(
  editable: readonly EditableInstall[],
  skipDirs: readonly string[],
): Promise<Record<string, string | null>> {
  const digests: Record<string, string | null> = {};
  for (const { name, path: root } of editable) {
    const hashed = await hashFiles(root, EDITABLE_PATTERNS, skipDirs);
    digests[name] = hashed.files === 0 ? null : hashed.digest;
  }
  return digests;
}

export interface KeyCoverage {
  workspace: string;
  /** The workspace files `hash-files` matched, relative, `/`-separated. */
  hashed: ReadonlySet<string>;
  modelFile: string | null;
  editableRoots: readonly string[];
}

function real(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

const inside = (file: string, root: string): boolean => {
  const rel = path.relative(root, file);
  return rel !== "" && !rel.startsWith("..") && !path.isAbsolute(rel);
};

/** The imported source files (real paths, from the driver) that no key input covers. */
export function uncoveredSources(sources: readonly string[], coverage: KeyCoverage): string[] {
  const workspace = real(coverage.workspace);
  const model = coverage.modelFile === null ? null : real(coverage.modelFile);
  const editableRoots = coverage.editableRoots.map(real);
  return sources.filter((file) => {
    if (file === model) return false;
    if (file.endsWith(".py") && editableRoots.some((root) => inside(file, root))) return false;
    if (inside(file, workspace)) {
      const rel = path.relative(workspace, file).split(path.sep).join("/");
      if (coverage.hashed.has(rel)) return false;
    }
    return true;
  });
}

/** The warning for uncovered sources, naming them (a few) and the ways to cover them. */
export function uncoveredWarning(files: readonly string[], workspace: string): string {
  const shown = files
    .slice(0, 5)
    .map((f) => {
      const rel = path.relative(workspace, f);
      return rel.startsWith("..") || path.isAbsolute(rel) ? f : rel;
    })
    .join(", ");
  const more = files.length > 5 ? ` and ${files.length - 5} more` : "";
  return (
    `cache: the model imported ${files.length} source file(s) that the cache key does not cover: ${shown}${more}. ` +
    "A change to them would not rebuild the .pte. Cover them: add a pattern that matches them to `hash-files` " +
    "(files in the workspace), or install their package into the interpreter's environment " +
    "(`pip install -e <folder>` hashes its sources; a regular install keys on its version)."
  );
}
