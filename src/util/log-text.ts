// Text from a file or a program trt-pte does not control, made inert for the runner's log. The
// runner reads every line a step prints (stdout and stderr, split at \n, \r or \r\n) as a workflow
// command when, after leading whitespace, it starts with `::` (`::add-mask::`, `::error file=...`,
// `::stop-commands::`), or when it holds `##[` anywhere (the older syntax, still honoured). One
// invisible character (U+200B, which the runner does not trim) in front of each such `::`, and between
// `##` and `[`, leaves the line readable and unparsable. Everything trt-pte logs goes through here,
// in the log adapters (src/platform/github.ts, local.ts) and the CLI's output.

const ZWSP = "\u200b";

// The runner trims what .NET calls white space, which includes U+001C-U+001F and U+0085 besides \s.
// eslint-disable-next-line no-control-regex -- those separators are exactly what the runner trims
const COMMAND_START = /^([\s\u001c-\u001f\u0085]*)::/;

export function inert(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/##\[/g, `##${ZWSP}[`).replace(COMMAND_START, `$1${ZWSP}::`))
    .join("\n");
}

/** JSON for a log or a terminal: `##[` only occurs inside strings, where `\u005b` reads back the same. */
export function inertJson(json: string): string {
  return json.replace(/##\[/g, "##\\u005b");
}
