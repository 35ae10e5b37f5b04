// Everything the CLI prints goes through here, made inert (src/util/log-text.ts): names and messages
// come from files (a .pte, a report.json, the driver) and the CLI may run in a workflow step, whose
// output the runner reads for commands. Text through `inert`; JSON through `inertJson`, which
// changes how `##[` is written, not what it decodes to.

import { inert, inertJson } from "../util/log-text.js";

export function print(text: string): void {
  process.stdout.write(inert(text));
}

/** `value` as indented JSON and a newline. */
export function printJson(value: unknown): void {
  process.stdout.write(`${inertJson(JSON.stringify(value, null, 2))}\n`);
}

export function printError(text: string): void {
  process.stderr.write(inert(text));
}
