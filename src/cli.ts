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
import { closest, isHelp } from "./cli/flags.js";

const COMMANDS = {
  export: exportCommand,
  inspect: inspectCommand,
  diff: diffCommand,
  fetch: (argv: string[]) => fetchCommand(argv),
} satisfies Record<string, (argv: string[]) => number | Promise<number>>;

type Command = keyof typeof COMMANDS;
const isCommand = (name: string | undefined): name is Command =>
  name !== undefined && Object.hasOwn(COMMANDS, name);

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || isHelp(command) || command === "help") {
    const about = rest[0];
    print(helpText(command === "help" && isCommand(about) ? about : undefined));
    return command === undefined ? 2 : 0;
  }
  if (!isCommand(command)) {
    const guess = closest(command, Object.keys(COMMANDS));
    const meant = guess === null ? "" : ` Did you mean 'trt-pte ${guess}'?`;
    printError(`trt-pte: unknown command '${command}'.${meant} Run trt-pte --help.\n`);
    return 2;
  }
  // `--help` after the command, before any `--`: that command's help, whatever else is there.
  const options = rest.includes("--") ? rest.slice(0, rest.indexOf("--")) : rest;
  if (options.some(isHelp)) {
    print(helpText(command));
    return 0;
  }
  return COMMANDS[command](rest);
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
