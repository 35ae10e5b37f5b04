// CHANGELOG.md as data: its released entries (`## [X.Y.Z] - YYYY-MM-DD`), newest first, and the
// notes of one of them. The release workflow (.github/workflows/release-trt-pte.yml) runs
//
//   npx tsx scripts/changelog.ts release-notes NOTES_FILE
//
// which checks that package.json's version is the newest entry, dated, and writes that entry's text
// as the release notes; test/changelog.test.ts holds the file to the same rules on every commit.

import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export interface ChangelogEntry {
  version: string;
  /** ISO date of the release. */
  date: string;
  /** The entry's text under its heading, trimmed. */
  notes: string;
}

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$/;
const HEADING = /^## \[([^\]]+)\](?: - (.*))?$/;

export interface Changelog {
  /** Whether there is an `## [Unreleased]` section (where changes gather until the next release). */
  unreleased: string | null;
  entries: ChangelogEntry[];
}

/** Reads the `## [...]` sections; throws on a heading that is neither Unreleased nor a dated version. */
export function parseChangelog(text: string): Changelog {
  const sections: { title: string; date: string | undefined; lines: string[]; line: number }[] = [];
  text.split("\n").forEach((line, i) => {
    const m = HEADING.exec(line);
    if (m) sections.push({ title: m[1] ?? "", date: m[2], lines: [], line: i + 1 });
    else if (line.startsWith("## "))
      throw new Error(`CHANGELOG.md:${i + 1}: a section is "## [X.Y.Z] - YYYY-MM-DD"`);
    else sections.at(-1)?.lines.push(line);
  });
  let unreleased: string | null = null;
  const entries: ChangelogEntry[] = [];
  for (const s of sections) {
    const notes = s.lines.join("\n").trim();
    if (s.title === "Unreleased") {
      if (entries.length > 0 || unreleased !== null)
        throw new Error(`CHANGELOG.md:${s.line}: [Unreleased] comes first, once`);
      unreleased = notes;
      continue;
    }
    if (!SEMVER.test(s.title))
      throw new Error(`CHANGELOG.md:${s.line}: '${s.title}' is not a semantic version`);
    if (s.date === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(s.date))
      throw new Error(
        `CHANGELOG.md:${s.line}: ${s.title} needs its release date, "## [${s.title}] - YYYY-MM-DD"`,
      );
    if (notes === "") throw new Error(`CHANGELOG.md:${s.line}: ${s.title} says nothing`);
    entries.push({ version: s.title, date: s.date, notes });
  }
  return { unreleased, entries };
}

/** Orders two semantic versions (pre-release tags sort before their release). */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) => {
    const [core = "", pre] = v.split("-", 2);
    return { nums: core.split(".").map(Number), pre };
  };
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < 3; i++) if (x.nums[i] !== y.nums[i]) return (x.nums[i] ?? 0) - (y.nums[i] ?? 0);
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/**
 * The newest entry, checked against package.json's version: what a release of this commit would be.
 * Entries must be newest first, each version once.
 */
export function releaseEntry(changelog: Changelog, packageVersion: string): ChangelogEntry {
  const { entries } = changelog;
  entries.forEach((entry, i) => {
    const above = entries[i - 1];
    if (above !== undefined && compareVersions(above.version, entry.version) <= 0)
      throw new Error(`CHANGELOG.md: ${above.version} is listed above ${entry.version}; newest first`);
  });
  const newest = entries[0];
  if (newest === undefined) throw new Error("CHANGELOG.md has no released entry");
  if (newest.version !== packageVersion)
    throw new Error(
      `package.json's version is ${packageVersion} but CHANGELOG.md's newest entry is ${newest.version}: bump one to match the other`,
    );
  return newest;
}

function main(argv: string[]): number {
  const [command, out] = argv;
  if (command !== "release-notes" || out === undefined) {
    process.stderr.write("usage: tsx scripts/changelog.ts release-notes NOTES_FILE\n");
    return 2;
  }
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const { version } = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as {
    version: string;
  };
  const entry = releaseEntry(
    parseChangelog(fs.readFileSync(path.join(root, "CHANGELOG.md"), "utf8")),
    version,
  );
  fs.writeFileSync(out, `${entry.notes}\n`);
  process.stdout.write(`${entry.version}\n`);
  return 0;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = main(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 1;
  }
}
