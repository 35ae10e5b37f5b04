// The summary for a terminal: the same rows the job summary shows, as aligned text. The rows are
// rendered once, as markdown (summary.ts); this turns trt-pte's own inline markdown into text: a code
// span's content as it is (untrusted text only ever sits in one, src/util/format.ts `code`), a link as
// its text and address, bold as plain words. Headings, list items and code blocks of the sections
// below the table keep their words; the Mermaid picture is left to `trt-pte inspect --mermaid`.

const WIDTH = 100;

/** Where the code span opened by a run of `fence` backticks closes (the next run of that length), or -1. */
function codeSpanEnd(markdown: string, from: number, fence: number): number {
  let j = from;
  while (j < markdown.length) {
    if (markdown[j] !== "`") {
      j++;
      continue;
    }
    let k = j;
    while (markdown[k] === "`") k++;
    if (k - j === fence) return j;
    j = k;
  }
  return -1;
}

/**
 * One line of trt-pte's markdown as text. A link shows its address once: `seen` holds the addresses
 * already shown (the rows of one summary share it), and a link to one of them keeps its words only.
 */
export function plainText(markdown: string, seen: Set<string> = new Set()): string {
  let out = "";
  let i = 0;
  while (i < markdown.length) {
    const rest = markdown.slice(i);
    const fence = /^`+/.exec(rest)?.[0].length ?? 0;
    const end = fence > 0 ? codeSpanEnd(markdown, i + fence, fence) : -1;
    if (end >= 0) {
      const content = markdown.slice(i + fence, end);
      // `code` pads with one space where the text starts or ends with a backtick or a space.
      const padded =
        content.length > 2 && content.startsWith(" ") && content.endsWith(" ") && content.trim() !== "";
      out += padded ? content.slice(1, -1) : content;
      i = end + fence;
      continue;
    }
    const link = /^\[([^\]]*)\]\(([^)\s]*)\)/.exec(rest);
    if (link !== null) {
      const [whole, text = "", url = ""] = link;
      const words = plainText(text, seen);
      out += seen.has(url) ? words || url : text === "" || text === url ? url : `${words} (${url})`;
      seen.add(url);
      i += whole.length;
      continue;
    }
    if (rest.startsWith("**")) {
      i += 2;
      continue;
    }
    out += fence > 0 ? rest.slice(0, fence) : markdown[i];
    i += Math.max(fence, 1);
  }
  return out;
}

/** `text` cut at spaces into lines of at most `width` characters (a longer word keeps its line). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}

/**
 * Two-column rows as `Label   value`, the values aligned and wrapped under themselves; `seen` holds
 * the link addresses already shown, and `labelWidth` the column the values start at (blocks of one
 * summary share both).
 */
export function alignedRows(
  rows: readonly (readonly [string, string])[],
  width = WIDTH,
  seen: Set<string> = new Set(),
  labelWidth: number = Math.max(0, ...rows.map(([label]) => label.length)) + 2,
): string {
  const pad = `\n${" ".repeat(labelWidth)}`;
  return rows
    .map(
      ([label, value]) =>
        `${label.padEnd(labelWidth)}${wrap(plainText(value, seen), width - labelWidth).join(pad)}`,
    )
    .join("\n");
}

/**
 * A markdown section as text: headings and a collapsed section's summary as lines of their own, list
 * items and paragraphs indented, and a code block's lines as they are, flush left between blank
 * lines, so they copy and paste as written.
 */
export function markdownSection(markdown: string, width = WIDTH): string {
  const out: string[] = [];
  let fence: string | null = null;
  for (const line of markdown.split("\n")) {
    if (fence !== null) {
      if (line === fence) {
        fence = null;
        out.push("");
      } else out.push(line);
      continue;
    }
    const opens = /^(`{3,})\w*$/.exec(line);
    if (opens !== null) {
      fence = opens[1] ?? "```";
      out.push("");
      continue;
    }
    if (line.trim() === "" || line.trim() === "</details>") continue;
    const title = /^(?:#{1,6} |<details><summary>)(.*?)(?:<\/summary>)?$/.exec(line);
    if (title !== null) {
      out.push(plainText(title[1] ?? ""));
      continue;
    }
    const item = /^(\s*)- (.*)$/.exec(line);
    const indent = item === null ? "  " : `${item[1] ?? ""}  - `;
    const text = plainText(item === null ? line : (item[2] ?? ""));
    out.push(indent + wrap(text, width - indent.length).join(`\n${" ".repeat(indent.length)}`));
  }
  return out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .replace(/^\n+|\n+$/g, "");
}
