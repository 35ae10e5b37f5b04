// Every place that sends a person to the documentation (error hints, input descriptions, comments in
// the code) must land on a page and section that exist; README.md and the pages under docs/ must
// resolve every link they hold; and README stays a 10-minute read.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "./support/action-run.js";

/** README.md and every page under docs/, by their paths relative to the repository. */
const DOCS = [
  "README.md",
  ...fs
    .readdirSync(path.join(REPO, "docs"))
    .filter((n) => n.endsWith(".md"))
    .map((n) => `docs/${n}`),
];

/** The headings of a markdown file, leaving out lines inside code fences. */
function headings(doc: string): string[] {
  const text = fs.readFileSync(path.join(REPO, doc), "utf8");
  const out: string[] = [];
  let fenced = false;
  for (const line of text.split("\n")) {
    if (line.startsWith("```")) fenced = !fenced;
    const m = fenced ? null : /^#{1,4} (.+)$/.exec(line);
    if (m) out.push(m[1]!.trim());
  }
  return out;
}

/** GitHub's anchor for a heading: lowercased, punctuation dropped, spaces as hyphens, duplicates numbered. */
function anchors(titles: readonly string[]): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const title of titles) {
    const base = title
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, "")
      .replace(/\s/g, "-");
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    out.add(n === 0 ? base : `${base}-${n}`);
  }
  return out;
}

function sources(dir: string): string[] {
  return fs
    .readdirSync(path.join(REPO, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|py|yml|sh)$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));
}

/** Markdown links of a document, outside code fences and inline code. */
function links(doc: string): string[] {
  const text = fs
    .readFileSync(path.join(REPO, doc), "utf8")
    .replace(/^```[\s\S]*?^```/gm, "")
    .replace(/`[^`\n]*`/g, "");
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
}

describe("documentation references", () => {
  it("every README “Section” or docs/page.md “Section” named in the code exists", () => {
    const missing: string[] = [];
    for (const file of [
      ...sources("src"),
      ...sources("workflows"),
      ...sources(".github"),
      ...sources("scripts"),
    ]) {
      const text = fs.readFileSync(file, "utf8");
      const where = path.relative(REPO, file);
      for (const m of text.matchAll(/(README|docs\/[\w.-]+\.md) (?:“([^”]+)”|\\?"([^"\\]+)\\?")/g)) {
        const doc = m[1] === "README" ? "README.md" : m[1]!;
        const section = m[2] ?? m[3]!;
        if (!fs.existsSync(path.join(REPO, doc))) missing.push(`${where}: ${doc} does not exist`);
        else if (!headings(doc).includes(section))
          missing.push(`${where}: ${doc} has no section “${section}”`);
      }
      for (const m of text.matchAll(/\bdocs\/[\w.-]+\.md\b/g))
        if (!fs.existsSync(path.join(REPO, m[0]))) missing.push(`${where}: ${m[0]} does not exist`);
    }
    expect(missing).toEqual([]);
  });

  it.each(DOCS)("every link in %s resolves: files, pages and #anchors", (doc) => {
    const broken: string[] = [];
    for (const target of links(doc)) {
      if (/^(https?:|mailto:)/.test(target)) continue;
      const [file, anchor] = target.split("#") as [string, string | undefined];
      const resolved =
        file === "" ? doc : path.posix.normalize(path.posix.join(path.posix.dirname(doc), file));
      if (!fs.existsSync(path.join(REPO, resolved))) {
        broken.push(`${target}: no file ${resolved}`);
        continue;
      }
      if (anchor !== undefined && resolved.endsWith(".md") && !anchors(headings(resolved)).has(anchor))
        broken.push(`${target}: ${resolved} has no heading #${anchor}`);
    }
    expect(broken).toEqual([]);
  });

  it("README is a 10-minute read (at most 2,500 words) that links every page under docs/", () => {
    const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
    expect(readme.split(/\s+/).filter(Boolean).length).toBeLessThanOrEqual(2500);
    const linked = new Set(links("README.md").map((l) => l.split("#")[0]));
    const unlinked = DOCS.filter((d) => d !== "README.md" && !linked.has(d));
    expect(unlinked).toEqual([]);
  });
});
