// Small formatting helpers shared by the summary, the comment and the inspector, and the markdown
// escaping of text trt-pte does not control (names read from a .pte, a report or a result file, model
// messages): every such string in a comment or summary goes through `code`, and through `cell` when it
// sits in a table.

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/**
 * Escapes text for a GFM table cell: a `|` would end the cell, even inside a code span, and a line
 * break would end the row. GitHub's table scanner (cmark-gfm) takes every `\|` as an escaped pipe
 * whatever precedes it, so backslashes need nothing.
 */
export function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n|\r/g, " ");
}

/** The longest untrusted string one inline-code span shows; longer ones are cut with "…". */
export const CODE_MAX_CHARS = 200;

// Line breaks (a blank line would end the span's paragraph and free what follows), other control
// characters, and the bidirectional controls that make text read differently than it is.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/**
 * Untrusted text as one inline-code span, the one way a comment or summary shows it. Inside a code
 * span markdown, HTML, links, images and @-mentions are inert (CommonMark: code spans bind tighter
 * than all of them), so all that remains is to keep the span closed where we close it: the fence is a
 * backtick run longer than any inside the text, padded with a space where the text starts or ends
 * with a backtick or a space (CommonMark strips exactly one such pair), and line breaks and control
 * characters become spaces. Put the result through `cell` when it goes into a table.
 */
export function code(value: string, maxChars: number = CODE_MAX_CHARS): string {
  const chars = Array.from(value.replace(UNSAFE, " "));
  const text = chars.length > maxChars ? `${chars.slice(0, maxChars - 1).join("")}…` : chars.join("");
  if (text === "") return "` `";
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(text) && text.trim() !== "" ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * Text as a fenced code block (`language` names the highlighting): the fence is a backtick run longer
 * than any inside the text, so nothing in it closes the block early, and control characters other
 * than line breaks become spaces. Inside, markdown, HTML, links and @-mentions are inert.
 */
export function codeBlock(text: string, language = ""): string {
  const clean = text.replace(
    // eslint-disable-next-line no-control-regex -- exactly the characters that must not reach the page
    /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu,
    " ",
  );
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(Math.max(3, longest + 1));
  return `${fence}${language}\n${clean}\n${fence}`;
}

/** A word for a POSIX shell command line: as it is when it holds nothing the shell reads, else single-quoted. */
export function shellWord(value: string): string {
  if (/^[A-Za-z0-9._/:=@%+,-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/**
 * A double-quoted string literal that Python, C++ and JSON read alike: quotes and backslashes
 * escaped, and anything outside printable ASCII shown as `?` (no escape reads the same in all three).
 */
export function stringLiteral(value: string): string {
  return `"${value.replace(/[^\x20-\x7e]/g, "?").replace(/["\\]/g, (c) => `\\${c}`)}"`;
}
