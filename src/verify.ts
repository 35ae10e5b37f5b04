// Stage 3: check what the driver wrote before anything is published. A failed check names what was
// expected and what was found, and nothing gets uploaded.

import fs from "node:fs/promises";
import path from "node:path";
import type { ExportResult, ResultFile } from "./protocol.js";
import { TrtPteError } from "./errors.js";
import { PTD_IDENTIFIER, PTE_IDENTIFIER, readIdentifier } from "./pte/identifier.js";

export interface VerifiedFiles {
  pte: ResultFile;
  ptd: ResultFile[];
}

function fail(message: string): never {
  throw new TrtPteError(
    "verification",
    message,
    "the export wrote a file that is not what it reported; see the log above",
  );
}

async function checkFile(dir: string, file: ResultFile, identifier: string): Promise<void> {
  const full = path.join(dir, file.name);
  let size: number;
  try {
    size = (await fs.stat(full)).size;
  } catch {
    fail(`expected ${file.name} in ${dir}, found no such file`);
  }
  if (size !== file.bytes) fail(`expected ${file.name} to be ${file.bytes} bytes, found ${size}`);
  const found = await readIdentifier(full);
  if (found !== identifier) {
    fail(
      `expected ${file.name} to carry the ExecuTorch identifier '${identifier}' at bytes 4-7, found ${found === null ? "a file under 8 bytes" : `'${found}'`}`,
    );
  }
}

export async function verifyOutput(dir: string, result: ExportResult): Promise<VerifiedFiles> {
  const files = result.files ?? [];
  const ptes = files.filter((f) => f.kind === "pte");
  const pte = ptes[0];
  if (pte === undefined || ptes.length !== 1)
    fail(`expected one .pte in the export result, found ${ptes.length}`);
  await checkFile(dir, pte, PTE_IDENTIFIER);
  const ptd = files.filter((f) => f.kind === "ptd");
  for (const f of ptd) await checkFile(dir, f, PTD_IDENTIFIER);
  return { pte, ptd };
}
