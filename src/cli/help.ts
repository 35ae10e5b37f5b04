// `trt-pte --help`: generated from the inputs table, so it never drifts from action.yml.

import path from "node:path";
import { INPUTS } from "../settings/inputs.js";
import { INSPECT_USAGE } from "./inspect-command.js";
import { DIFF_USAGE } from "./diff-command.js";
import { FETCH_USAGE } from "./fetch-command.js";

export const DEFAULT_ARTIFACT_DIR = path.join(".trt-pte", "artifacts");

function wrap(text: string, indent: number, width = 100): string {
  const words = text.split(/\s+/);
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line !== "" && line.length + word.length + 1 > width - indent) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  if (line !== "") lines.push(line);
  return lines.join(`\n${" ".repeat(indent)}`);
}

/** The export flags: every action input but the action-only ones, in the table's order. */
function exportFlags(): string {
  return INPUTS.filter((input) => input.actionOnly === undefined)
    .map((input) => {
      const value =
        input.kind === "boolean"
          ? "true|false"
          : input.choices
            ? input.choices.join("|")
            : input.kind === "integer"
              ? "N"
              : "VALUE";
      const head = `  --${input.name} ${value}`;
      const extra = [
        input.required ? "required" : "",
        input.default !== undefined ? `default: ${input.default}` : "",
      ]
        .filter(Boolean)
        .join("; ");
      const desc = `${input.description.replace(/`/g, "")}${extra ? ` (${extra})` : ""}`;
      return `${head}\n      ${wrap(desc, 6)}`;
    })
    .join("\n");
}

const USAGE = `Usage:
  trt-pte export --model FILE.py:FACTORY [--inputs SPECS] [--target TARGET] [options]
  trt-pte export --config trt-pte.yml [--only NAME ...] [options]
  ${INSPECT_USAGE}
  ${DIFF_USAGE}
  ${FETCH_USAGE}
  trt-pte COMMAND --help`;

const INSPECT_HELP = `Inspect: prints what a .pte holds (plans, operators, delegates with TensorRT engine I/O and CUDA
blobs, segments, bytes by kind) as a tree, or with --json as the trt-pte/inspection@1 document
(docs/inspecting.md). Without --ptd it reads the .ptd files beside the .pte. --mermaid
prints the partition as a Mermaid flowchart.`;

const FETCH_HELP = `Fetch: downloads the newest trt-pte build of a pull request, a run or a branch into -o (default:
the current directory), each file checked against the digest GitHub recorded and the sha256 its
report.json lists; nothing is written unless every file passes (docs/downloads.md). The token
comes from GH_TOKEN, GITHUB_TOKEN or \`gh auth token\`; GITHUB_API_URL selects GitHub Enterprise
Server. --verify-attestation also runs \`gh attestation verify\` on each file.`;

const DIFF_HELP = `Diff: what changed from A to B, two .pte files (with the .ptd files beside each) or two
report.json files, or a .pte and a report.json (then only what both record); --json prints the
trt-pte/diff@2 document (sizes in bytes). Exit 0 unless a gate flag is given and trips (1).`;

/** The CLI's help: every command's, or one command's (`trt-pte COMMAND --help`). */
export function helpText(command?: "export" | "inspect" | "diff" | "fetch"): string {
  const exportHelp = `Export flags (the action's inputs, same names and defaults):
${exportFlags()}
  --artifact-dir DIR
      Where the "artifact" is copied when uploading locally (default: ${DEFAULT_ARTIFACT_DIR}).
  --baseline REPORT.json
      Compare the build with this earlier report.json (the summary's "vs" section and the gates).

With --config, every model the file lists is built in turn (each cached and compared as alone), past
one that fails, and the command ends with one line per model: result, target, size, latency, cache
and what changed (docs/config.md). Build flags (--target, --inputs, ...) then live in the file.

The action's ${[...INPUTS]
    .filter((i) => i.actionOnly !== undefined)
    .map((i) => i.name)
    .join(", ")} inputs have no flag: they need a workflow.`;
  const sections =
    command === "export"
      ? [exportHelp]
      : command === "inspect"
        ? [INSPECT_HELP]
        : command === "diff"
          ? [DIFF_HELP]
          : command === "fetch"
            ? [FETCH_HELP]
            : [exportHelp, INSPECT_HELP, DIFF_HELP, FETCH_HELP];
  return `trt-pte: compile a PyTorch model into a verified ExecuTorch .pte

${USAGE}

${sections.join("\n\n")}

Relative paths resolve against the current directory. Exit code 0 on success, 1 on a failed export
or fetch or a malformed .pte/.ptd, 2 on a usage error.
`;
}
