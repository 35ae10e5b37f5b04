// `trt-pte inspect FILE.pte [--json] [--ptd FILE.ptd ...]`: what is inside a .pte, read by our own
// reader (src/pte/) without Python: plans, operators, delegates with TensorRT engine I/O and CUDA
// blobs, segments, bytes by kind. Without --ptd, the .ptd files beside the .pte are read. --mermaid
// prints the partition as the flowchart the job summary shows.

import { parseArgs } from "node:util";
import { describeError } from "../errors.js";
import { inspectPte } from "../pte/inspect.js";
import { renderTree } from "../pte/render-tree.js";
import { partitionMermaid } from "../compare/mermaid.js";
import { print, printError, printJson } from "./output.js";
import { checkFlags } from "./flags.js";

export const INSPECT_USAGE = "trt-pte inspect FILE.pte [--json | --mermaid] [--ptd FILE.ptd ...]";

export function inspectCommand(argv: string[]): number {
  const problem = checkFlags(argv, ["json", "mermaid", "ptd"], (flag) => flag === "ptd");
  if (problem !== null) {
    printError(`trt-pte inspect: ${problem}\nUsage: ${INSPECT_USAGE}\n`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      options: {
        json: { type: "boolean" },
        mermaid: { type: "boolean" },
        ptd: { type: "string", multiple: true },
      },
      strict: true,
      allowPositionals: true,
    });
  } catch (e) {
    printError(`trt-pte inspect: ${(e as Error).message}\nUsage: ${INSPECT_USAGE}\n`);
    return 2;
  }
  if (parsed.values.json && parsed.values.mermaid) {
    printError(`trt-pte inspect: --json and --mermaid are two outputs; pick one\nUsage: ${INSPECT_USAGE}\n`);
    return 2;
  }
  const [file, ...extra] = parsed.positionals;
  if (file === undefined || extra.length > 0) {
    printError(
      `trt-pte inspect: expected one .pte file, got ${parsed.positionals.length}\nUsage: ${INSPECT_USAGE}\n`,
    );
    return 2;
  }
  try {
    const inspection = inspectPte(file, parsed.values.ptd === undefined ? {} : { ptd: parsed.values.ptd });
    // Names come from the file: the output may be a workflow step's, so no line of it is a command.
    if (parsed.values.json) printJson(inspection);
    else print(parsed.values.mermaid ? partitionMermaid(inspection) : renderTree(inspection));
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "EISDIR" || code === "EACCES") {
      printError(`trt-pte inspect: cannot read ${(error as NodeJS.ErrnoException).path ?? file}: ${code}\n`);
      return 1;
    }
    printError(`${describeError(error)}\n`);
    return 1;
  }
}
