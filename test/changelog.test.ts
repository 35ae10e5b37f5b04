// Releases: CHANGELOG.md's newest entry is package.json's version, dated, and its text is what the
// release workflow drafts the release notes from (scripts/changelog.ts).

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { compareVersions, parseChangelog, releaseEntry } from "../scripts/changelog.js";
import { REPO } from "./support/action-run.js";
import { readWorkflow } from "./support/workflows.js";

const changelog = fs.readFileSync(path.join(REPO, "CHANGELOG.md"), "utf8");
const { version } = JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as {
  version: string;
};

describe("CHANGELOG.md", () => {
  it("has package.json's version as its newest entry, dated, newest first, and an Unreleased section", () => {
    const parsed = parseChangelog(changelog);
    expect(releaseEntry(parsed, version).version).toBe(version);
    expect(parsed.unreleased).not.toBeNull();
    for (const entry of parsed.entries) expect(Date.parse(entry.date), entry.version).not.toBeNaN();
  });

  it("refuses a version that does not match, an undated entry, and entries out of order", () => {
    const two = "## [Unreleased]\n\n## [0.2.0] - 2027-01-02\n- b\n\n## [0.1.0] - 2026-12-04\n- a\n";
    expect(releaseEntry(parseChangelog(two), "0.2.0")).toEqual({
      version: "0.2.0",
      date: "2027-01-02",
      notes: "- b",
    });
    expect(() => releaseEntry(parseChangelog(two), "0.3.0")).toThrow(
      "package.json's version is 0.3.0 but CHANGELOG.md's newest entry is 0.2.0",
    );
    expect(() => parseChangelog("## [0.2.0]\n- b\n")).toThrow("needs its release date");
    expect(() => parseChangelog("## [next] - 2027-01-01\n- b\n")).toThrow("not a semantic version");
    expect(() => parseChangelog("## 0.2.0\n")).toThrow('a section is "## [X.Y.Z] - YYYY-MM-DD"');
    const swapped = "## [0.1.0] - 2026-12-04\n- a\n\n## [0.2.0] - 2027-01-02\n- b\n";
    expect(() => releaseEntry(parseChangelog(swapped), "0.1.0")).toThrow("newest first");
  });

  it("orders versions as semantic versioning does", () => {
    expect(compareVersions("0.10.0", "0.9.1")).toBeGreaterThan(0);
    expect(compareVersions("1.0.0-rc.1", "1.0.0")).toBeLessThan(0);
    expect(compareVersions("1.2.3", "1.2.3")).toBe(0);
  });
});

describe("the release workflow's notes", () => {
  it("are the newest entry's text, written by the script the workflow runs", () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-notes-")), "notes.md");
    const run = spawnSync(
      path.join(REPO, "node_modules", ".bin", "tsx"),
      ["scripts/changelog.ts", "release-notes", out],
      {
        cwd: REPO,
        encoding: "utf8",
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe(version);
    expect(fs.readFileSync(out, "utf8").trim()).toBe(releaseEntry(parseChangelog(changelog), version).notes);

    const steps = Object.values(readWorkflow(".github/workflows/release-trt-pte.yml").jobs).flatMap(
      (j) => j.steps ?? [],
    );
    expect(steps.some((s) => s.run?.includes("scripts/changelog.ts release-notes"))).toBe(true);
  });
});
