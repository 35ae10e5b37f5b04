// One permissions story everywhere: what the documentation says a job must grant (docs/reusable-workflow.md
// for a call of the reusable workflow, README's quick start for the action) is granted by every
// example workflow, every workflow snippet in README.md and docs/, and the reusable workflow's own
// header; and what docs say a call needs is exactly what the reusable workflow's jobs ask for
// (GitHub refuses a call whose caller grants less). Third-party actions in snippets are pinned by
// commit SHA, as in the example files (test/workflows/workflow-files.test.ts).

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { REPO } from "../support/action-run.js";
import { readWorkflow, type Job, type Workflow } from "../support/workflows.js";

type Grants = Record<string, string>;

const DOCS = [
  "README.md",
  ...fs
    .readdirSync(path.join(REPO, "docs"))
    .filter((n) => n.endsWith(".md"))
    .map((n) => `docs/${n}`),
];
const EXAMPLES = fs
  .readdirSync(path.join(REPO, "workflows"))
  .filter((n) => n.endsWith(".yml"))
  .map((n) => `workflows/${n}`);
const REUSABLE = /^trt-pte\/trt-pte\/\.github\/workflows\/compile-pte\.yml@/;
const ACTION = /^trt-pte\/trt-pte@/;

/** The ```yaml blocks of a markdown file. */
function yamlBlocks(doc: string): string[] {
  const text = fs.readFileSync(path.join(REPO, doc), "utf8");
  return [...text.matchAll(/^```ya?ml\n([\s\S]*?)^```/gm)].map((m) => m[1]!);
}

/** The call shown in compile-pte.yml's header comment, as YAML. */
function headerSnippet(): string {
  const lines = fs.readFileSync(path.join(REPO, ".github/workflows/compile-pte.yml"), "utf8").split("\n");
  const start = lines.findIndex((l) => /^#\s+jobs:\s*$/.test(l));
  expect(start, "compile-pte.yml's header shows a call").toBeGreaterThan(-1);
  const end = lines.findIndex((l, i) => i > start && /^#\s*$/.test(l));
  return lines
    .slice(start, end)
    .map((l) => l.replace(/^# ?/, ""))
    .join("\n");
}

const LEVEL: Record<string, number> = { none: 0, read: 1, write: 2 };

/** `permissions:` as a map, `read-all`/`write-all` spelled out over the scopes asked about. */
function grantsOf(permissions: Job["permissions"] | undefined, scopes: readonly string[]): Grants {
  if (typeof permissions === "string") {
    const level = permissions === "write-all" ? "write" : permissions === "read-all" ? "read" : "none";
    return Object.fromEntries(scopes.map((s) => [s, level]));
  }
  return permissions ?? {};
}

/** The scopes of `needed` that `granted` does not cover (write covers read). */
function lacking(granted: Grants, needed: Grants): string[] {
  return Object.entries(needed)
    .filter(([scope, level]) => (LEVEL[granted[scope] ?? "none"] ?? 0) < (LEVEL[level] ?? 0))
    .map(([scope, level]) => `${scope}: ${level}`);
}

/** What the reusable workflow's jobs ask for, scope by scope (the highest level any job asks). */
function askedByTheReusableWorkflow(): Grants {
  const asked: Grants = {};
  for (const job of Object.values(readWorkflow(".github/workflows/compile-pte.yml").jobs)) {
    for (const [scope, level] of Object.entries(grantsOf(job.permissions, []))) {
      if ((LEVEL[level] ?? 0) > (LEVEL[asked[scope] ?? "none"] ?? 0)) asked[scope] = level;
    }
  }
  return asked;
}

/** The permissions the job calling trt-pte grants in the first snippet of `doc` that has one. */
function documented(doc: string, calls: RegExp): { grants: Grants; job: Job } {
  for (const block of yamlBlocks(doc)) {
    const parsed = parse(block) as Partial<Workflow> | null;
    for (const job of Object.values(parsed?.jobs ?? {})) {
      const usesIt = calls.test(job.uses ?? "") || (job.steps ?? []).some((s) => calls.test(s.uses ?? ""));
      if (usesIt) return { grants: grantsOf(job.permissions, []), job };
    }
  }
  throw new Error(`${doc} shows no job that calls ${calls}`);
}

const callNeeds = documented("docs/reusable-workflow.md", REUSABLE).grants;
const quickStart = documented("README.md", ACTION);
/** The action needs `pull-requests: write` only to comment (docs/action.md, the `comment` input). */
const actionNeeds = (comments: boolean): Grants => {
  const { "pull-requests": _comment, ...rest } = quickStart.grants;
  return comments ? quickStart.grants : rest;
};

/** Every job of a workflow that calls trt-pte, with what it must grant. */
function demands(workflow: Partial<Workflow>): { id: string; granted: Grants; needed: Grants }[] {
  const out: { id: string; granted: Grants; needed: Grants }[] = [];
  for (const [id, job] of Object.entries(workflow.jobs ?? {})) {
    const scopes = ["actions", "contents", "pull-requests"];
    const granted = grantsOf(job.permissions ?? workflow.permissions, scopes);
    if (REUSABLE.test(job.uses ?? "")) out.push({ id, granted, needed: callNeeds });
    for (const step of job.steps ?? []) {
      if (!ACTION.test(step.uses ?? "")) continue;
      const comment = step.with?.comment;
      out.push({
        id,
        granted,
        needed: actionNeeds(comment !== undefined && comment !== false && comment !== "false"),
      });
    }
  }
  return out;
}

/** Each place that shows a workflow: name → its YAML. */
function places(): [string, string][] {
  const found: [string, string][] = [[".github/workflows/compile-pte.yml (header)", headerSnippet()]];
  for (const file of EXAMPLES) found.push([file, fs.readFileSync(path.join(REPO, file), "utf8")]);
  for (const doc of DOCS)
    yamlBlocks(doc).forEach((block, i) => found.push([`${doc} (yaml block ${i + 1})`, block]));
  return found;
}

describe("permissions", () => {
  it("docs ask a call of the reusable workflow for exactly what its jobs ask", () => {
    expect(callNeeds).toEqual(askedByTheReusableWorkflow());
    expect(callNeeds).toEqual({ actions: "read", contents: "read", "pull-requests": "write" });
  });

  it("README's quick start comments, and grants what checking out and commenting need", () => {
    const step = (quickStart.job.steps ?? []).find((s) => ACTION.test(s.uses ?? ""));
    expect(step?.with?.comment).toBe(true);
    expect(quickStart.grants).toEqual({ contents: "read", "pull-requests": "write" });
  });

  it("every example, snippet and header grants what the documentation says is required", () => {
    const problems: string[] = [];
    let checked = 0;
    for (const [where, text] of places()) {
      const workflow = parse(text) as Partial<Workflow> | null;
      if (workflow === null || typeof workflow !== "object" || workflow.jobs === undefined) continue;
      for (const { id, granted, needed } of demands(workflow)) {
        checked++;
        const missing = lacking(granted, needed);
        if (missing.length > 0) problems.push(`${where}: job '${id}' lacks ${missing.join(", ")}`);
      }
    }
    expect(problems).toEqual([]);
    // The header, pr.yml, multi-gpu.yml, release.yml, precheck-portable.yml and the docs' snippets.
    expect(checked).toBeGreaterThanOrEqual(7);
  });

  it("a snippet that grants less is caught", () => {
    const short = parse(headerSnippet().replace("actions: read, ", "")) as Workflow;
    const [call] = demands(short);
    expect(lacking(call!.granted, call!.needed)).toEqual(["actions: read"]);
  });
});

describe("third-party actions in README and docs", () => {
  it("are pinned by commit SHA, as in the example workflows", () => {
    const unpinned: string[] = [];
    for (const doc of DOCS) {
      for (const block of yamlBlocks(doc)) {
        for (const m of block.matchAll(/^\s*(?:-\s+)?uses:\s*([^\s#]+)/gm)) {
          const uses = m[1]!;
          if (/^(trt-pte\/trt-pte[/@]|\.\/|\$\/|docker:\/\/)/.test(uses)) continue;
          if (!/@[0-9a-f]{40}$/.test(uses)) unpinned.push(`${doc}: ${uses}`);
        }
      }
    }
    expect(unpinned).toEqual([]);
  });
});
