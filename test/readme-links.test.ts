// Every place that sends a person to README (error hints, input descriptions, comments in the code)
// must land on a section that exists, and README's own links must resolve.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "./support/action-run.js";

const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
const headings = [...readme.matchAll(/^#{2,4} (.+)$/gm)].map((m) => m[1]!.trim());

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

describe("README references", () => {
  it("every README “Section” named in the code is a heading of README.md", () => {
    const missing: string[] = [];
    for (const file of [
      ...sources("src"),
      ...sources("workflows"),
      ...sources(".github"),
      ...sources("scripts"),
    ]) {
      const text = fs.readFileSync(file, "utf8");
      for (const m of text.matchAll(/README (?:“([^”]+)”|\\?"([^"\\]+)\\?")/g)) {
        const section = m[1] ?? m[2]!;
        if (!headings.includes(section)) missing.push(`${path.relative(REPO, file)}: README “${section}”`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("every #anchor link in README.md resolves", () => {
    const known = anchors(headings);
    const broken = [...readme.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!).filter((a) => !known.has(a));
    expect(broken).toEqual([]);
  });

  it("every relative file link in README.md exists", () => {
    const broken = [...readme.matchAll(/\]\((?!https?:|#)([^)]+)\)/g)]
      .map((m) => m[1]!.split("#")[0]!)
      .filter((target) => !fs.existsSync(path.join(REPO, target)));
    expect(broken).toEqual([]);
  });
});
