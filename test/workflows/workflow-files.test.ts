// Rules every workflow file we ship keeps (ours and the examples), on top of what actionlint and
// zizmor check in ./scripts/test: least privilege per job, no expressions inside shell scripts,
// actions pinned by commit SHA (one SHA per action across files), and no persisted git credentials.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../support/action-run.js";
import { conditionHolds, readWorkflow, workflowFiles } from "../support/workflows.js";
import { pullRequest } from "../support/events.js";

const files = workflowFiles();
const isExample = (file: string) => file.startsWith("workflows/");
const ATTEST = "actions/attest-build-provenance";
/** What signing build provenance needs (actions/attest-build-provenance's README). */
const SIGNING = ["id-token", "attestations"];

/** `uses:` lines with what they pin to and the version comment after them. */
function usesLines(file: string): { uses: string; ref: string; comment: string; line: number }[] {
  return fs
    .readFileSync(path.join(REPO, file), "utf8")
    .split("\n")
    .flatMap((text, i) => {
      const m = /^\s*(?:-\s+)?uses:\s*([^\s#]+)\s*(?:#\s*(.*))?$/.exec(text);
      if (!m) return [];
      const [action = "", ref = ""] = m[1]!.split("@");
      return [{ uses: action, ref, comment: m[2] ?? "", line: i + 1 }];
    });
}

describe("workflow files", () => {
  it("are all where ./scripts/test lints them (.github/workflows/*.yml and workflows/*.yml)", () => {
    expect(files).toContain(".github/workflows/compile-pte.yml");
    expect(files).toContain(".github/workflows/ci.yml");
    for (const example of ["pr", "multi-gpu", "release", "comment-fork-prs", "precheck-portable"]) {
      expect(files).toContain(`workflows/${example}.yml`);
    }
    for (const file of files) expect(file).toMatch(/\.yml$/);
  });

  it.each(files)("%s: grants nothing at the top and least privilege per job", (file) => {
    const workflow = readWorkflow(file);
    expect(workflow.permissions).toEqual({});
    for (const [id, job] of Object.entries(workflow.jobs)) {
      expect(job.permissions, `${file}: job '${id}' declares no permissions`).toBeDefined();
      const attests = (job.steps ?? []).some((s) => s.uses?.startsWith(`${ATTEST}@`));
      for (const [scope, level] of Object.entries(job.permissions as Record<string, string>)) {
        // Write access only where a job's purpose needs it.
        if (level === "write")
          expect(["pull-requests", "contents", ...SIGNING], `${file}: ${id} ${scope}`).toContain(scope);
        // Writing the repository: the release example attaches files to a release; trt-pte's own
        // release workflow creates the tags and the draft release.
        if (scope === "contents" && level === "write")
          expect(["workflows/release.yml", ".github/workflows/release-trt-pte.yml"]).toContain(file);
        // Signing only in a job that attests, and only in the examples: a called workflow's job
        // permissions must be granted by every caller, so compile-pte.yml asking would force them on all.
        if (SIGNING.includes(scope)) {
          expect(attests, `${file}: ${id} holds ${scope} but attests nothing`).toBe(true);
          expect(isExample(file), `${file}: ${id} ${scope}`).toBe(true);
        }
      }
      if (attests)
        expect(job.permissions, `${file}: ${id}`).toEqual({ "id-token": "write", attestations: "write" });
    }
  });

  it.each(files.filter((f) => !("workflow_call" in readWorkflow(f).on)))(
    "%s: runs in a concurrency group",
    (file) => {
      const { concurrency } = readWorkflow(file) as { concurrency?: { group?: string } };
      expect(concurrency?.group, file).toMatch(/\$\{\{.+\}\}/);
    },
  );

  it("leaves concurrency of the reusable workflow to its callers (theirs would deadlock with its own)", () => {
    expect(readWorkflow(".github/workflows/compile-pte.yml")).not.toHaveProperty("concurrency");
  });

  it.each(["workflows/release.yml", "workflows/pr.yml"])(
    "%s: attests every .pte and .ptd of the reusable workflow's artifacts, in a job of its own",
    (file) => {
      const workflow = readWorkflow(file);
      const attest = workflow.jobs.attest!;
      expect(attest.needs).toBe("pte");
      expect(workflow.jobs.pte!.uses).toMatch(/compile-pte\.yml@/);
      const [download, sign] = attest.steps!;
      expect(download!.uses).toMatch(/^actions\/download-artifact@/);
      // Every file of every build (one artifact each), downloaded flat under their own names.
      expect(download!.with!["artifact-ids"]).toBe(
        "${{ join(fromJSON(needs.pte.outputs.artifacts).*.all-artifact-ids, ',') }}",
      );
      expect(download!.with!["merge-multiple"]).toBe(true);
      expect(sign!.uses).toMatch(new RegExp(`^${ATTEST}@[0-9a-f]{40}$`));
      const subjects = String(sign!.with!["subject-path"]).trim().split("\n");
      expect(subjects).toEqual([`${download!.with!.path}/*.pte`, `${download!.with!.path}/*.ptd`]);
    },
  );

  it("attests a pull request's build only when the code is this repository's", () => {
    const attest = readWorkflow("workflows/pr.yml").jobs.attest!;
    expect(conditionHolds(attest.if, { github: pullRequest() })).toBe(true);
    expect(conditionHolds(attest.if, { github: pullRequest({ fromFork: true }) })).toBe(false);
    expect(conditionHolds(attest.if, { github: pullRequest({ fromFork: true, deletedFork: true }) })).toBe(
      false,
    );
  });

  it.each(files)("%s: passes data to shell scripts through env, never as ${{ }} inside run:", (file) => {
    for (const [id, job] of Object.entries(readWorkflow(file).jobs)) {
      for (const step of job.steps ?? []) {
        if (step.run !== undefined)
          expect(step.run, `${file}: ${id} / ${step.name ?? step.run}`).not.toContain("${{");
      }
    }
  });

  it.each(files)(
    "%s: pins every action and reusable workflow by commit SHA, with its version beside it",
    (file) => {
      for (const { uses, ref, comment, line } of usesLines(file)) {
        if (uses.startsWith("$/")) continue; // this repository at the running commit
        if (isExample(file) && uses.startsWith("trt-pte/trt-pte") && !/^[0-9a-f]{40}$/.test(ref)) {
          // The examples name trt-pte's release (see .github/zizmor-examples.yml), except where a
          // commit is pinned (the fork commenter's report step, below), which the rule after this holds.
          expect(ref, `${file}:${line}`).toBe("v0");
          continue;
        }
        expect(ref, `${file}:${line} ${uses}`).toMatch(/^[0-9a-f]{40}$/);
        // trt-pte's own pin may name an unreleased commit after a release (the test below).
        if (!uses.startsWith("trt-pte/trt-pte"))
          expect(comment, `${file}:${line} ${uses}`).toMatch(/^v\d+\.\d+\.\d+$/);
      }
    },
  );

  it("pins the fork commenter's report step by commit: the trt-pte code that runs with write access after a fork's run", () => {
    const pins = usesLines("workflows/comment-fork-prs.yml").filter(
      (u) => u.uses === "trt-pte/trt-pte/gather",
    );
    expect(pins).toHaveLength(1);
    const { ref, comment } = pins[0]!;
    expect(ref).toMatch(/^[0-9a-f]{40}$/);
    // A release's version, or the newest release before an unreleased commit.
    expect(comment).toMatch(/^(after )?v\d+\.\d+\.\d+( \(unreleased\))?$/);
    // Where this repository's history is at hand (not in a shallow clone): the commit is one of this
    // branch's own, it holds the report step that checks a fork run's approval, and its package is
    // the version the comment names.
    const git = (...args: string[]) => spawnSync("git", args, { cwd: REPO, encoding: "utf8" });
    if (git("rev-parse", "--is-shallow-repository").stdout.trim() !== "false") return;
    expect(git("merge-base", "--is-ancestor", ref, "HEAD").status, `${ref} is not in this history`).toBe(0);
    expect(git("cat-file", "-e", `${ref}:src/gather/fork-run.ts`).status).toBe(0);
    const version = (JSON.parse(git("show", `${ref}:package.json`).stdout) as { version: string }).version;
    expect(comment).toContain(`v${version}`);
  });

  it("uses one commit of each action everywhere", () => {
    const seen = new Map<string, string>();
    for (const file of files) {
      for (const { uses, ref } of usesLines(file)) {
        if (!/^[0-9a-f]{40}$/.test(ref)) continue;
        const repo = uses.split("/").slice(0, 2).join("/");
        expect(seen.get(repo) ?? ref, `${file}: ${repo}`).toBe(ref);
        seen.set(repo, ref);
      }
    }
    expect(seen.size).toBeGreaterThan(3);
  });

  it.each(files)("%s: checks out without leaving the token in .git/config", (file) => {
    for (const job of Object.values(readWorkflow(file).jobs)) {
      for (const step of job.steps ?? []) {
        if (step.uses?.startsWith("actions/checkout@"))
          expect(step.with?.["persist-credentials"]).toBe(false);
      }
    }
  });

  it("gives every job of the reusable workflow a time limit", () => {
    for (const [id, job] of Object.entries(readWorkflow(".github/workflows/compile-pte.yml").jobs)) {
      expect((job as { "timeout-minutes"?: unknown })["timeout-minutes"], id).toBeDefined();
    }
  });
});
