// What GitHub would make live of a markdown body, read with a real CommonMark + GFM-tables parser
// (markdown-it) instead of regular expressions: the links, images and raw HTML it renders, and the
// text left outside code spans (where an @-mention or a bare URL would be live).

import MarkdownIt from "markdown-it";
type Token = ReturnType<InstanceType<typeof MarkdownIt>["parse"]>[number];

export interface LiveMarkdown {
  links: string[];
  images: string[];
  html: string[];
  /** Every text the reader sees as prose (not code), joined by newlines. */
  prose: string;
  /** The contents of every inline-code span. */
  code: string[];
  headings: string[];
  tables: number;
}

// GitHub allows (sanitised) raw HTML in comments, so the parser does too.
const md = new MarkdownIt({ html: true, linkify: false });

export function liveMarkdown(body: string): LiveMarkdown {
  const found: LiveMarkdown = {
    links: [],
    images: [],
    html: [],
    prose: "",
    code: [],
    headings: [],
    tables: 0,
  };
  const prose: string[] = [];
  const walk = (tokens: readonly Token[]): void => {
    tokens.forEach((t, i) => {
      if (t.type === "link_open") found.links.push(String(t.attrGet("href") ?? ""));
      else if (t.type === "image") found.images.push(String(t.attrGet("src") ?? ""));
      else if (t.type === "html_inline" || t.type === "html_block") found.html.push(t.content);
      else if (t.type === "code_inline") found.code.push(t.content);
      else if (t.type === "text") prose.push(t.content);
      else if (t.type === "table_open") found.tables++;
      else if (t.type === "heading_open") found.headings.push(tokens[i + 1]?.content ?? "");
      if (t.children !== null) walk(t.children);
    });
  };
  walk(md.parse(body, {}));
  found.prose = prose.join("\n");
  return found;
}
