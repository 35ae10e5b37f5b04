#!/usr/bin/env node
// `trt-pte`: the same pipeline outside GitHub. Every action input is a flag of the same name; the
// artifact is copied into a folder and the summary printed to the terminal.

import { describeError } from "./errors.js";
import { helpText } from "./cli/help.js";
import { exportCommand } from "./cli/export-command.js";
import { inspectCommand } from "./cli/inspect-command.js";
import { diffCommand } from "./cli/diff-command.js";
import { fetchCommand } from "./cli/fetch-command.js";
import { print, printError } from "./cli/output.js";

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    print(helpText());
    return command === undefined ? 2 : 0;
  }
  if (command === "export") return exportCommand(rest);
  if (command === "inspect") return inspectCommand(rest);
  if (command === "diff") return diffCommand(rest);
  if (command === "fetch") return fetchCommand(rest);
  printError(`trt-pte: unknown command '${command}'. Run trt-pte --help.\n`);
  return 2;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    printError(`${describeError(error)}\n`);
    process.exitCode = 1;
  },
);
