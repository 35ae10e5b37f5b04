// The first eight bytes of ExecuTorch files: a u32 root offset, then a four-letter identifier.

import fs from "node:fs/promises";

export const PTE_IDENTIFIER = "ET12";
export const PTD_IDENTIFIER = "FT01";

/** The identifier at bytes 4..7, or null when the file is shorter than 8 bytes. */
export async function readIdentifier(file: string): Promise<string | null> {
  const handle = await fs.open(file, "r");
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await handle.read(head, 0, 8, 0);
    return bytesRead < 8 ? null : head.toString("latin1", 4, 8);
  } finally {
    await handle.close();
  }
}
