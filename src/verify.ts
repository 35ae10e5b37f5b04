// Stage 3: check what the driver wrote before anything is published. The .pte is read by our own
// reader (src/pte/) and held to what the target and the driver's partition report promise: the
// delegates that must be there, every payload inside the file, every .ptd the program reads from
// present. A failed check names what was expected and what was found, and nothing gets uploaded.

import fs from "node:fs/promises";
import path from "node:path";
import type { ExportResult, ResultFile } from "./protocol.js";
import { targetSpec, type Target } from "./settings/targets.js";
import { TrtPteError } from "./errors.js";
import { inspectPte } from "./pte/inspect.js";
import type { Inspection } from "./pte/inspection.js";
import { PteFormatError } from "./pte/format-error.js";
import { renderTree } from "./pte/render-tree.js";
import type { Log } from "./platform/platform.js";

export interface VerifiedFiles {
  pte: ResultFile;
  ptd: ResultFile[];
  /** What the .pte holds; paths are relative to the output folder. */
  inspection: Inspection;
}

/** The partition report's key for compute nodes left to ExecuTorch's portable kernels. */
const UNDELEGATED = "undelegated";

function fail(
  message: string,
  hint = "the export wrote a file that is not what it reported; see the log above",
): never {
  throw new TrtPteError("verification", message, hint);
}

async function checkFile(dir: string, file: ResultFile): Promise<void> {
  let size: number;
  try {
    size = (await fs.stat(path.join(dir, file.name))).size;
  } catch {
    fail(`expected ${file.name} in ${dir}, found no such file`);
  }
  if (size !== file.bytes) fail(`expected ${file.name} to be ${file.bytes} bytes, found ${size}`);
}

/** Verifies the export in `dir`; with a log, prints what the .pte holds before judging it. */
export async function verifyOutput(
  dir: string,
  result: ExportResult,
  target: Target | undefined = result.target,
  log?: Log,
): Promise<VerifiedFiles> {
  const files = result.files ?? [];
  const ptes = files.filter((f) => f.kind === "pte");
  const pte = ptes[0];
  if (pte === undefined || ptes.length !== 1)
    fail(`expected one .pte in the export result, found ${ptes.length}`);
  const ptd = files.filter((f) => f.kind === "ptd");
  for (const f of [pte, ...ptd]) await checkFile(dir, f);

  let inspection: Inspection;
  try {
    inspection = inspectPte(path.join(dir, pte.name), { ptd: ptd.map((f) => path.join(dir, f.name)) });
  } catch (e) {
    if (!(e instanceof PteFormatError)) throw e;
    fail(
      `expected ${path.basename(e.file)} to be a well-formed ExecuTorch file, found at byte ${e.offset} (${e.structure}): ${e.problem}`,
      "the export wrote a malformed file; this is a bug in the exporter (torch_tensorrt / executorch), not in your model: report it with the log above",
    );
  }
  inspection = relativePaths(inspection, dir);
  log?.info(renderTree(inspection));
  const problems = checkInspection(inspection, target, result.partition);
  if (problems.length > 0) {
    fail(
      `${pte.name} does not hold what the export promised:\n${problems.map((p) => `  - ${p}`).join("\n")}`,
      "nothing was uploaded; the tree above shows what the .pte holds",
    );
  }
  return { pte, ptd, inspection };
}

/** The inspection with file paths made relative to the output folder (the staging folder moves). */
function relativePaths(inspection: Inspection, dir: string): Inspection {
  return {
    ...inspection,
    file: { ...inspection.file, path: path.relative(dir, inspection.file.path) },
    external_data: inspection.external_data.map((f) => ({ ...f, path: path.relative(dir, f.path) })),
  };
}

/**
 * What must hold for `target` (its delegates in the target table) given the driver's partition
 * report (backend id → compute nodes, plus `undelegated`). Each problem reads "expected ..., found ...".
 */
export function checkInspection(
  inspection: Inspection,
  target: Target | undefined,
  partition: Record<string, number> | undefined,
): string[] {
  const problems: string[] = [];
  const ids = inspection.delegates.map((d) => d.id);
  const count = (id: string): number => ids.filter((x) => x === id).length;
  const found = (): string => {
    if (ids.length === 0) return "no delegates at all";
    const byId = [...new Set(ids)].map((id) => `${id} ×${count(id)}`);
    return `only ${byId.join(", ")}`;
  };

  const { delegates, fallback_delegate: fallback } =
    target === undefined ? { delegates: [], fallback_delegate: null } : targetSpec(target);
  for (const id of delegates) {
    if (count(id) === 0) {
      problems.push(`expected at least one ${id} delegate for target ${target}, found ${found()}`);
    }
  }
  const reported = Object.entries(partition ?? {}).filter(([, n]) => n > 0);
  if (fallback !== null) {
    const outside = reported.filter(([id]) => !delegates.includes(id));
    if (outside.length > 0 && count(fallback) === 0) {
      const nodes = outside.map(([id, n]) => `${id} ${n}`).join(", ");
      const own = delegates.map((id) => id.replace(/Backend$/, "")).join(", ");
      problems.push(
        `expected a ${fallback} delegate for the nodes that stayed outside ${own} (the export reports ${nodes}), found ${found()}`,
      );
    }
  }
  for (const [id, nodes] of reported) {
    if (id === UNDELEGATED || count(id) > 0) continue;
    if (id === fallback) continue; // already reported above
    problems.push(
      `expected a ${id} delegate (the export reports ${nodes} nodes delegated to it), found ${found()}`,
    );
  }
  for (const d of inspection.delegates) {
    if (d.offset !== null && d.offset + d.bytes > inspection.file.bytes) {
      problems.push(
        `expected the payload of ${d.id} delegate ${d.plan}/${d.index} inside the file, found bytes ${d.offset}..${d.offset + d.bytes} of a ${inspection.file.bytes}-byte file`,
      );
    }
  }
  const ptds = inspection.external_data.map((f) => f.name);
  for (const key of inspection.external_keys) {
    if (key.found_in !== null) continue;
    problems.push(
      `expected named data '${key.key}' (needed by ${key.needed_by}) in a .ptd beside the .pte, found ${ptds.length === 0 ? "no .ptd files" : `it in none of ${ptds.join(", ")}`}`,
    );
  }
  return problems;
}
