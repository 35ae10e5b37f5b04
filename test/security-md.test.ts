// SECURITY.md states the threat model in prose; the facts it shares with the workflows must be the
// workflows' own: the fork gate's environment, who holds which token, and where its links lead.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "./support/action-run.js";
import { readWorkflow } from "./support/workflows.js";

const security = fs.readFileSync(path.join(REPO, "SECURITY.md"), "utf8");
const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
const securityDoc = fs.readFileSync(path.join(REPO, "docs", "security.md"), "utf8");

describe("SECURITY.md", () => {
  it("names the environment the reusable workflow's fork gate waits on", () => {
    const gate = readWorkflow(".github/workflows/compile-pte.yml").jobs["fork-gate"] as {
      environment?: string;
    };
    expect(gate.environment).toBeTruthy();
    expect(security).toContain(`\`${gate.environment!}\``);
    expect(securityDoc).toContain(`\`${gate.environment!}\``);
  });

  it("gives each job of its table the permissions the workflows give it", () => {
    const jobs = readWorkflow(".github/workflows/compile-pte.yml").jobs;
    expect(jobs.plan!.permissions).toEqual({ contents: "read" });
    expect(jobs["fork-gate"]!.permissions).toEqual({ actions: "read" });
    expect(jobs.report!.permissions).toEqual({ "pull-requests": "write" });
    expect(jobs.build!.permissions).toEqual({ contents: "read" });
    expect(readWorkflow("workflows/comment-fork-prs.yml").jobs.comment!.permissions).toEqual({
      actions: "read",
      "pull-requests": "write",
    });
    expect(security).toContain("| `contents: read`; `actions: read`; `pull-requests: write` |");
    expect(security).toContain("| `contents: read` |");
    expect(security).toContain("| `actions: read`, `pull-requests: write` |");
  });

  it("says how to report a vulnerability privately, and README links it", () => {
    expect(security).toMatch(/^## Reporting a vulnerability$/m);
    expect(security).toContain("Report a vulnerability");
    expect(readme).toContain("[SECURITY.md](SECURITY.md)");
  });

  it("links only to files and README sections that exist", () => {
    for (const m of security.matchAll(/\]\((?!https?:|#)([^)]+)\)/g))
      expect(fs.existsSync(path.join(REPO, m[1]!.split("#")[0]!)), m[1]).toBe(true);
    for (const m of security.matchAll(/`([\w./-]+\.yml)`/g))
      if (m[1]!.includes("/")) expect(fs.existsSync(path.join(REPO, m[1]!)), m[1]).toBe(true);
  });
});
