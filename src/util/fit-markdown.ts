// Fitting a comment into GitHub's size limit without ever cutting inside markup. A body is a head and
// whole sections; what does not fit goes in this order: first the pictures and collapsed details of
// every section (blocks that start at a line of their own with ``` or <details>, which only trt-pte's
// renderers write: untrusted text is always inline code, with its line breaks removed, so it can never
// start a line), then whole sections from the end, replaced by one line that says how many and where
// the rest is. Nothing is ever cut mid-line, so no code span is left open.

/** GitHub refuses an issue comment body over 65536 characters; JS lengths count UTF-16 units, never fewer. */
export const COMMENT_MAX_CHARS = 65_536;

/**
 * A section without its ``` fenced blocks (diagrams) and <details> blocks. Details may hold details
 * (a model's collapsed comment holds its collapsed partition): the block ends where its own
 * </details> is, counted by depth; a fence inside one is skipped with it.
 */
export function withoutExtras(section: string): string {
  const kept: string[] = [];
  let fenced = false;
  let depth = 0;
  for (const line of section.split("\n")) {
    if (fenced) {
      if (/^```\s*$/.test(line)) fenced = false;
      continue;
    }
    if (/^```/.test(line)) fenced = true;
    else if (/^<details[\s>]/i.test(line)) depth++;
    else if (depth > 0 && /^<\/details>/i.test(line)) depth--;
    else if (depth === 0) kept.push(line);
  }
  return kept.join("\n").replace(/\n{3,}/g, "\n\n");
}

export interface FitOptions {
  maxChars?: number;
  /** The line that replaces `omitted` sections, e.g. "…and 3 more builds: see the job summary." */
  omittedLine: (omitted: number) => string;
}

const join = (head: string, sections: readonly string[]): string =>
  [head, ...sections].map((part) => part.replace(/\n+$/, "")).join("\n\n") + "\n";

export function fitSections(head: string, sections: readonly string[], options: FitOptions): string {
  const max = options.maxChars ?? COMMENT_MAX_CHARS;
  const full = join(head, sections);
  if (full.length <= max) return full;
  const lean = sections.map(withoutExtras);
  if (join(head, lean).length <= max) return join(head, lean);
  for (let keep = lean.length - 1; keep >= 0; keep--) {
    const body = join(head, [...lean.slice(0, keep), options.omittedLine(lean.length - keep)]);
    if (body.length <= max) return body;
  }
  // The head alone is over the limit: only trt-pte writes it, so this is a bug, not an input.
  throw new Error(`the comment's head alone is ${head.length} characters, over ${max}`);
}
