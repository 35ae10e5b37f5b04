import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/** sha256 (lowercase hex) and size of a file, streamed so memory stays flat for multi-GB engines. */
export async function hashFile(file: string): Promise<{ hex: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(file, { highWaterMark: 4 << 20 })) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { hex: hash.digest("hex"), bytes };
}

export async function sha256File(file: string): Promise<string> {
  return (await hashFile(file)).hex;
}

/**
 * The digest of a set of named files: sha256 over one `name\0<sha256 hex>\n` line per file, in the
 * order given (callers sort), so a renamed, added, removed or changed file changes it.
 */
export function manifestDigest(entries: Iterable<readonly [name: string, hex: string]>): string {
  const hash = createHash("sha256");
  for (const [name, hex] of entries) hash.update(`${name}\0${hex}\n`);
  return hash.digest("hex");
}
