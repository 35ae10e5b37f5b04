// Every file a comment cites must be in the repository: a reader who follows "(see X)" lands on X.
// Comments are read as the languages define them (TypeScript's own scanner, Python's tokenize), so
// a path in a string or an import is not a citation. A cited path is checked when it names a
// markdown file or starts at a folder of this repository (src/, test/, docs/, ...) or at one of the
// notes folders that never were in it; other paths (`path/to/file.py`, executorch's
// `schema/program.fbs`) are examples or upstream files and are left alone.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { REPO, TEST_PYTHON } from "./support/action-run.js";

const OUTSIDE_NOTES = ["notes", "reference", "shared"];
const ROOTS = fs
  .readdirSync(REPO, { withFileTypes: true })
  .map((e) => e.name)
  .filter((n) => n !== "node_modules" && (!n.startsWith(".") || n === ".github" || n === ".ci"));
const PATH =
  /(?<![\w/.-])((?:\.{1,2}\/)?(?:[\w.-]+\/)*[\w-][\w.-]*\.(?:md|ts|js|mjs|py|ya?ml|json|txt|sh|toml|fbs))(?![\w/-])/g;

function files(dir: string, ext: RegExp): string[] {
  if (!fs.existsSync(path.join(REPO, dir))) return [];
  return fs
    .readdirSync(path.join(REPO, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && ext.test(e.name) && !e.parentPath.includes("__pycache__"))
    .map((e) => path.join(e.parentPath, e.name));
}

/** The comments of a TypeScript file, as the compiler sees them. */
function tsComments(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false);
  const seen = new Map<number, string>();
  const collect = (pos: number) => {
    for (const range of [
      ...(ts.getLeadingCommentRanges(text, pos) ?? []),
      ...(ts.getTrailingCommentRanges(text, pos) ?? []),
    ])
      seen.set(range.pos, text.slice(range.pos, range.end));
  };
  const visit = (node: ts.Node) => {
    collect(node.getFullStart());
    collect(node.getEnd());
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...seen.values()];
}

/** The comments and docstrings of Python files, by Python's own tokenizer: {file: [text, ...]}. */
function pyComments(paths: readonly string[]): Record<string, string[]> {
  const script = `
import io, json, sys, tokenize
out = {}
for name in sys.argv[1:]:
    found, start = [], True
    with open(name, "rb") as f:
        for tok in tokenize.tokenize(f.readline):
            if tok.type == tokenize.COMMENT or (tok.type == tokenize.STRING and start):
                found.append(tok.string)
            if tok.type not in (tokenize.COMMENT, tokenize.NL, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING):
                start = tok.type == tokenize.NEWLINE
    out[name] = found
print(json.dumps(out))
`;
  const run = spawnSync(TEST_PYTHON, ["-c", script, ...paths], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`tokenizing Python failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Record<string, string[]>;
}

/** Full-line and trailing `#` comments of YAML and shell files. */
function hashComments(file: string): string[] {
  return fs
    .readFileSync(file, "utf8")
    .split("\n")
    .flatMap((line) => {
      const m = /(?:^|\s)#\s(.*)$/.exec(line);
      return m ? [m[1]!] : [];
    });
}

function checked(cited: string): boolean {
  const first = cited.replace(/^(\.\.?\/)+/, "").split("/")[0]!;
  return (
    cited.endsWith(".md") ||
    cited.startsWith("./") ||
    cited.startsWith("../") ||
    (cited.includes("/") && (ROOTS.includes(first) || OUTSIDE_NOTES.includes(first)))
  );
}

/** Exists relative to the repository, the citing file's folder or one of its parents, or docs/. */
function exists(cited: string, file: string): boolean {
  const bases = [path.join(REPO, "docs")];
  for (let dir = path.dirname(file); dir.startsWith(REPO); dir = path.dirname(dir)) bases.push(dir);
  return bases.some((base) => fs.existsSync(path.join(base, cited)));
}

function missingCitations(comments: Record<string, string[]>): string[] {
  const missing: string[] = [];
  for (const [file, texts] of Object.entries(comments)) {
    for (const text of texts) {
      for (const m of text.matchAll(PATH)) {
        const cited = m[1]!;
        if (checked(cited) && !exists(cited, file)) missing.push(`${path.relative(REPO, file)}: ${cited}`);
      }
    }
  }
  return missing;
}

const DIRS = ["src", "test", "scripts", "bench", "workflows", ".github", "gather", "examples"];

describe("file citations in comments", () => {
  it("every file a comment under src/ (and the tests, scripts, benchmarks, workflows) cites exists", () => {
    const comments: Record<string, string[]> = {};
    const ours = (f: string) => !f.includes(`${path.sep}fixtures${path.sep}generated`);
    for (const dir of DIRS) {
      for (const f of files(dir, /\.(ts|mjs)$/).filter(ours)) comments[f] = tsComments(f);
      for (const f of files(dir, /\.(ya?ml|sh)$/).filter(ours)) comments[f] = hashComments(f);
    }
    const python = DIRS.flatMap((dir) => files(dir, /\.py$/)).filter(ours);
    Object.assign(comments, pyComments(python));
    expect(Object.keys(comments).filter((f) => f.startsWith(path.join(REPO, "src"))).length).toBeGreaterThan(
      50,
    );
    expect(missingCitations(comments)).toEqual([]);
  });

  it("every docs/ARCHITECTURE.md “Section” named in a comment is a heading of the note", () => {
    const note = fs.readFileSync(path.join(REPO, "docs", "ARCHITECTURE.md"), "utf8");
    const headings = new Set([...note.matchAll(/^#{2,4} (.+)$/gm)].map((m) => m[1]!.trim()));
    const missing: string[] = [];
    for (const dir of ["src", "test", "scripts", "bench", "workflows", ".github"]) {
      for (const file of files(dir, /\.(ts|py|ya?ml|sh)$/)) {
        const text = fs.readFileSync(file, "utf8").replace(/\n\s*(\/\/|#|\*)\s*/g, " ");
        for (const m of text.matchAll(/docs\/ARCHITECTURE\.md \\?"([^"\\]+)\\?"/g)) {
          if (!headings.has(m[1]!)) missing.push(`${path.relative(REPO, file)}: “${m[1]}”`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it("catches a citation of a note that is not in the repository, and ignores paths in code", () => {
    const file = path.join(REPO, "src", "example.ts");
    expect(
      missingCitations({
        [file]: [
          '// see DESIGN.md "Paths" and notes/tensorrt-research.md §5',
          "// read by src/pte/inspect.ts (README.md); the model is path/to/file.py:build",
          "// executorch's schema/program.fbs, the layout test/python/no_such_file.py writes",
        ],
      }),
    ).toEqual([
      "src/example.ts: DESIGN.md",
      "src/example.ts: notes/tensorrt-research.md",
      "src/example.ts: test/python/no_such_file.py",
    ]);
    const imports = tsComments(path.join(REPO, "src", "main.ts")).join("\n");
    expect(imports).not.toContain("./settings/settings.js");
  });
});
