import fs from "node:fs/promises";
import path from "node:path";

/** Total bytes of the regular files below `dir` (0 when it does not exist). */
export async function folderBytes(dir: string): Promise<number> {
  let entries;
  try {
    entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  } catch {
    return 0;
  }
  let total = 0;
  for (const entry of entries) {
    if (entry.isFile()) total += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/** What a folder trt-pte makes for its own output holds, so none of it shows in `git status`. */
export const OWN_FOLDER_GITIGNORE =
  "# Made by trt-pte for its own output: nothing in here belongs in the repository.\n*\n";

/**
 * Makes `dir` (and its parents) when it is not there yet, with a `.gitignore` that ignores all of
 * it; a folder that already exists is the user's and is left as it is. Returns whether it made it.
 */
export async function makeOwnFolder(dir: string): Promise<boolean> {
  try {
    await fs.mkdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") return false;
    if (code !== "ENOENT") throw error;
    await fs.mkdir(path.dirname(dir), { recursive: true });
    return makeOwnFolder(dir);
  }
  await fs.writeFile(path.join(dir, ".gitignore"), OWN_FOLDER_GITIGNORE);
  return true;
}
