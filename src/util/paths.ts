// Where a path really leads. A path's text can stay inside the workspace while a symbolic link on
// its way (committed to the repository, or made by model code) leads elsewhere, so the folders
// trt-pte deletes and writes are judged by their real path: the real path of the deepest part that
// exists, with the rest of the path after it.

import fs from "node:fs";
import path from "node:path";

/** Whether `child` is `parent` or below it, by text (both absolute and normalised). */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === "" || (!rel.startsWith("..") && !path.isAbsolute(rel));
}

/**
 * `absolute` with every link on its way resolved: the real path of its deepest existing ancestor,
 * joined with the parts below it that do not exist yet. Throws for a link that points nowhere (a
 * write through it would create its target, wherever that is).
 */
export function realPathOf(absolute: string): string {
  const missing: string[] = [];
  for (let at = path.resolve(absolute); ; at = path.dirname(at)) {
    try {
      return path.join(fs.realpathSync(at), ...missing);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") throw e;
      if (isLink(at)) {
        throw new Error(`passes through ${at}, a link to something that does not exist`, { cause: e });
      }
      if (path.dirname(at) === at) return path.resolve(absolute);
      missing.unshift(path.basename(at));
    }
  }
}

function isLink(p: string): boolean {
  try {
    return fs.lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * How `absolute` leaves every root (each root judged by its own real path), as a phrase ("leads to
 * /etc/x through a link"), or null when it stays inside one.
 */
export function escapesRoots(absolute: string, roots: readonly string[]): string | null {
  let real: string;
  try {
    real = realPathOf(absolute);
  } catch (e) {
    return (e as Error).message;
  }
  const realRoots = roots.map((root) => {
    try {
      return realPathOf(root);
    } catch {
      return path.resolve(root);
    }
  });
  return realRoots.some((root) => isInside(real, root)) ? null : `leads to ${real} through a link`;
}
