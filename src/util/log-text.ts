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

// What a terminal acts on rather than shows: the C0 controls (ESC starts an escape sequence, BEL ends
// an OSC one, CR and LF move the cursor), DEL, the C1 controls (CSI and OSC in one character), and the
// bidirectional controls that make a line read other than it is.
// eslint-disable-next-line no-control-regex -- exactly the characters that must not reach a terminal
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text from a file or a service for a terminal: each control character shown as an escape (`\x1b`,
 * `\u202e`), so it can neither move the cursor, color, retitle nor rewrite what is shown.
 * `keepNewlines` leaves `\n` as it is, for whole messages whose own lines trt-pte made.
 */
export function escapeControls(text: string, keepNewlines = false): string {
  return text.replace(CONTROLS, (c) => {
    if (keepNewlines && c === "\n") return c;
    const n = c.charCodeAt(0);
    return n <= 0xff ? `\\x${n.toString(16).padStart(2, "0")}` : `\\u${n.toString(16).padStart(4, "0")}`;
  });
}
