// Nothing is lost: a run that fails at any stage, with the cache on or off, in the CLI and the
// action, leaves the model's last good output where it was (and the CLI's copy of its artifact),
// with the whole log of the failed run beside it. The pipeline (src/main.ts) runs in this process on
// the local platform (the CLI) and on a workflow-like platform (the action's ports: artifact store,
// cache, summary, comments), each stage failed in turn. The driver is a stand-in speaking its real
// protocol (test/support/standin-driver.py) with .pte files the real executorch wrote, so the
// pipeline's own work (staging, verification, caching, publishing) runs for real in milliseconds.

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runPipeline } from "../src/main.js";
import { readSettings, type Settings } from "../src/settings/settings.js";
import { localPlatform } from "../src/platform/local.js";
import { dirCacheStore } from "../src/platform/dir-store.js";
import type { ArtifactStore, Log, Platform } from "../src/platform/platform.js";
import type { CacheStore } from "../src/platform/store.js";
import { TrtPteError } from "../src/errors.js";
import { sha256File } from "../src/util/hash.js";
import { cloneWorkspace, standinWorkspace, type StandinWorkspace } from "./support/standin.js";

const NAME = "net-portable";
const workspace = standinWorkspace;

/** Every file under `dir` with its bytes, or null when there is no such folder. */
function snapshot(dir: string): Record<string, string> | null {
  if (!fs.existsSync(dir)) return null;
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) {
      const p = path.join(e.parentPath, e.name);
      out[path.relative(dir, p)] = fs.readFileSync(p).toString("base64");
    }
  }
  return out;
}

type Fault = "upload" | "summary" | "cache" | "comment" | "compare" | null;

interface Variant {
  name: "cli" | "action";
  cache: boolean;
}

/** The platform of the variant, failing at `fault`; `lines` collects what it logged. */
function platformFor(variant: Variant, ws: string, fault: Fault, lines: string[]): Platform {
  const failing = (what: string) => () => {
    throw new Error(`${what} is down`);
  };
  const brokenStore: CacheStore = {
    name: "broken",
    scoping: "given",
    restore: failing("the cache"),
    save: failing("the cache"),
  };
  if (variant.name === "cli") {
    const local = localPlatform({
      artifactDir: path.join(ws, ".trt-pte", "artifacts"),
      cacheDir: variant.cache ? path.join(ws, ".cache") : null,
      write: (l) => lines.push(l),
      printSummary: () => undefined,
    });
    return {
      ...local,
      // The .pte goes up last: the report's copy is already replaced when it fails.
      artifacts:
        fault === "upload"
          ? {
              ...local.artifacts,
              uploadFile: (name, file, options) =>
                name.endsWith(".pte")
                  ? Promise.reject(new Error("the artifact folder is full"))
                  : local.artifacts.uploadFile(name, file, options),
            }
          : local.artifacts,
      writeSummary: fault === "summary" ? failing("the terminal") : local.writeSummary,
      defaultCacheStore: fault === "cache" ? async () => brokenStore : local.defaultCacheStore,
    };
  }
  const log: Log = {
    info: (m) => lines.push(m),
    warning: (m) => lines.push(`::warning::${m}`),
    error: (m) => lines.push(`::error::${m}`),
    group: (_title, fn) => fn(),
    verbatim: (fn) => fn(),
    aside: (summary, folded) => lines.push(`::group::${summary}`, ...folded, "::endgroup::"),
  };
  const uploaded = new Map<string, string>();
  const artifacts: ArtifactStore = {
    async uploadFile(name, file) {
      if (fault === "upload" && name.endsWith(".pte"))
        throw new Error(
          "Failed to CreateArtifact: (409) Conflict: an artifact with this name already exists",
        );
      uploaded.set(name, file);
      return {
        id: uploaded.size,
        size: fs.statSync(file).size,
        digest: `sha256:${await sha256File(file)}`,
        url: `https://github.com/octo/models/actions/runs/1/artifacts/${uploaded.size}`,
      };
    },
    async remove(name) {
      uploaded.delete(name);
    },
  };
  const store = (scope: Parameters<Platform["defaultCacheStore"]>[0]["scope"]) =>
    dirCacheStore({ root: path.join(ws, ".gh-cache"), workspace: ws, maxBytes: 1 << 30, scope });
  return {
    log,
    artifacts,
    inWorkflow: true,
    defaultCacheStore: async ({ scope }) =>
      fault === "cache" || fault === "compare" ? brokenStore : store(scope),
    issueComments: () =>
      fault === "comment"
        ? {
            list: failing("the comments API"),
            create: failing("the comments API"),
            update: failing("the comments API"),
          }
        : null,
    writeSummary: fault === "summary" ? failing("the step summary file") : async () => undefined,
    setOutput: () => undefined,
  };
}

const WORKFLOW_ENV: NodeJS.ProcessEnv = {
  GITHUB_REPOSITORY: "octo/models",
  GITHUB_REF: "refs/heads/main",
  GITHUB_EVENT_NAME: "push",
  GITHUB_SERVER_URL: "https://github.com",
  GITHUB_RUN_ID: "1",
  GITHUB_RUN_ATTEMPT: "1",
};

function settingsFor(ws: string, python: string, what: string, extra: Record<string, string> = {}): Settings {
  const values: Record<string, string> = {
    model: `scenario.py:${what}`,
    target: "portable",
    python,
    "artifact-name": NAME,
    cache: "false",
    compare: "false",
    "benchmark-seconds": "0",
    ...extra,
  };
  return readSettings((n) => values[n] ?? "", { workspace: ws, allowedRoots: [] });
}

async function run(
  variant: Variant,
  ws: string,
  python: string,
  what: string,
  fault: Fault = null,
  extra: Record<string, string> = {},
): Promise<{ error: unknown; lines: string[] }> {
  const lines: string[] = [];
  const cache: Record<string, string> = variant.cache ? { cache: "true" } : {};
  const settings = settingsFor(ws, python, what, { ...cache, ...extra });
  const env = variant.name === "action" ? WORKFLOW_ENV : {};
  try {
    await runPipeline(settings, platformFor(variant, ws, fault, lines), env);
    return { error: null, lines };
  } catch (error) {
    return { error, lines };
  }
}

const out = (ws: string) => path.join(ws, "trt-pte-out", NAME);
const artifactCopy = (ws: string) => path.join(ws, ".trt-pte", "artifacts", NAME);

/** What a failed run must leave: the output and artifact copy as they were, nothing half-made beside them. */
function expectNothingLost(
  ws: string,
  before: { output: Record<string, string> | null; artifact: Record<string, string> | null },
  error: unknown,
): void {
  expect(error).not.toBeNull();
  expect(snapshot(out(ws))).toEqual(before.output);
  expect(snapshot(artifactCopy(ws))).toEqual(before.artifact);
  const beside = fs.readdirSync(path.dirname(out(ws))).sort();
  expect(beside.filter((n) => /\.(staging|previous)-\d+$/.test(n))).toEqual([]);
  const log = fs.readFileSync(`${out(ws)}.log`, "utf8");
  expect(log).toMatch(
    new RegExp(`^error: .*${error instanceof TrtPteError ? error.kind : "internal"}: `, "m"),
  );
}

const VARIANTS: Variant[] = [
  { name: "cli", cache: false },
  { name: "cli", cache: true },
  { name: "action", cache: false },
  { name: "action", cache: true },
];

describe.each(VARIANTS)("a run that fails ($name, cache $cache) leaves the last good output", (variant) => {
  /** One good build of `dynamic_shapes`'s .pte (made once, copied for each test). */
  let template: Promise<StandinWorkspace> | undefined;
  const goodBuild = async (): Promise<StandinWorkspace> => {
    const w = workspace();
    w.use("dynamic_shapes");
    expect((await run(variant, w.ws, w.python, "ok")).error).toBeNull();
    return w;
  };

  /** A workspace whose output folder holds that good build. */
  async function withGoodBuild(): Promise<
    StandinWorkspace & { before: Parameters<typeof expectNothingLost>[1] }
  > {
    const w = cloneWorkspace(await (template ??= goodBuild()));
    w.use("portable"); // what a later run would build: another file, so a swap would show
    return { ...w, before: { output: snapshot(out(w.ws)), artifact: snapshot(artifactCopy(w.ws)) } };
  }

  it.each([
    ["preflight", "ok", "/nonexistent/python3", "settings"],
    ["export", "model_bug", null, "model_error"],
    ["run", "run_fails", null, "export_failure"],
    ["verify", "garbage", null, "verification"],
  ] as const)("at %s", async (_stage, what, python, kind) => {
    const w = await withGoodBuild();
    const failed = await run(variant, w.ws, python ?? w.python, what);
    expect((failed.error as TrtPteError).kind).toBe(kind);
    expectNothingLost(w.ws, w.before, failed.error);
  });

  it.each(["upload", "summary"] as const)("at %s, after the new build was in place", async (fault) => {
    const w = await withGoodBuild();
    const failed = await run(variant, w.ws, w.python, "ok", fault);
    expect(failed.error).not.toBeNull();
    expectNothingLost(w.ws, w.before, failed.error);
  });

  it("at the cache restore (the store fails), then at the export", async () => {
    const w = await withGoodBuild();
    const lines: string[] = [];
    const settings = settingsFor(w.ws, w.python, "model_bug", { cache: "true" });
    const error = await runPipeline(
      settings,
      platformFor(variant, w.ws, "cache", lines),
      variant.name === "action" ? WORKFLOW_ENV : {},
    ).catch((e: unknown) => e);
    expect(lines.join("\n")).toMatch(
      /cache: restoring the output failed, continuing without it: the cache is down/,
    );
    expectNothingLost(w.ws, w.before, error);
  });
});

describe("a failure that only warns (compare, comment) keeps the new build", () => {
  it.each(["comment", "compare"] as const)("%s", async (fault) => {
    const w = workspace();
    const payload = path.join(w.ws, ".event.json");
    fs.writeFileSync(
      payload,
      JSON.stringify({ pull_request: { number: 7, head: { repo: { full_name: "octo/models" } } } }),
    );
    const env: NodeJS.ProcessEnv =
      fault === "comment"
        ? {
            ...WORKFLOW_ENV,
            GITHUB_EVENT_NAME: "pull_request",
            GITHUB_EVENT_PATH: payload,
            GITHUB_REF: "refs/pull/7/merge",
          }
        : WORKFLOW_ENV;
    const extra: Record<string, string> =
      fault === "comment" ? { comment: "true", "github-token": "t" } : { compare: "true" };
    const lines: string[] = [];
    const settings = settingsFor(w.ws, w.python, "ok", extra);
    await runPipeline(settings, platformFor({ name: "action", cache: false }, w.ws, fault, lines), env);
    expect(lines.join("\n")).toMatch(
      fault === "comment"
        ? /comment: posting failed, the run goes on/
        : /compare: reading the baseline of main failed/,
    );
    expect(Object.keys(snapshot(out(w.ws)) ?? {}).sort()).toEqual([
      "report.json",
      "scenario-ok.pte",
      "summary.md",
    ]);
  });
});

describe("a cache hit that fails later", () => {
  it.each(VARIANTS.filter((v) => v.cache))("($name) puts back the build it replaced", async (variant) => {
    const w = workspace();
    // v1 built and cached, then v2 (another scenario.py) built: the output holds v2.
    expect((await run(variant, w.ws, w.python, "ok")).error).toBeNull();
    w.use("dynamic_shapes");
    expect((await run(variant, w.ws, w.python, "ok")).error).toBeNull();
    const before = { output: snapshot(out(w.ws)), artifact: snapshot(artifactCopy(w.ws)) };
    // Back to v1: a cache hit, promoted, and then the summary cannot be written.
    w.use("portable");
    const failed = await run(variant, w.ws, w.python, "ok", "summary");
    expect(failed.lines.join("\n")).toMatch(/cache hit/);
    expectNothingLost(w.ws, before, failed.error);
  });
});

describe("the specialised batch", () => {
  it("names the input and dimension the .pte fixes, and keeps it beside the log (never in the output)", async () => {
    const w = workspace();
    // The fixture's forward takes float32[2,8] (static); `inputs` lets the batch range over 1..4.
    const failed = await run({ name: "cli", cache: true }, w.ws, w.python, "run_fails", null, {
      inputs: "float32[b:1..2..4,8]",
    });
    const error = failed.error as TrtPteError;
    expect(error.kind).toBe("export_failure");
    const kept = path.join(`${out(w.ws)}.failed`, "scenario-run_fails.pte");
    expect(error.message).toContain(
      "what was built takes fixed shapes where `inputs` allows a range: dimension 0 of input 0 (float32[b:1..2..4,8]) is fixed to 2 (its forward takes float32[2,8])",
    );
    expect(error.hint).toMatch(/^the usual causes are a reshape or view with a literal size/);
    expect(error.hint).toContain(`the .pte that was built is kept at ${kept}: \`trt-pte inspect ${kept}\``);
    expect(fs.existsSync(kept)).toBe(true);
    expect(fs.existsSync(out(w.ws))).toBe(false);
    // Nothing of it reached the cache (no cache folder was even made).
    const cache = path.join(w.ws, ".cache");
    const cached = fs.existsSync(cache) ? fs.readdirSync(cache, { recursive: true }).map(String) : [];
    expect(cached.filter((p) => p.endsWith(".pte"))).toEqual([]);
    // A later good run clears it.
    expect((await run({ name: "cli", cache: true }, w.ws, w.python, "ok")).error).toBeNull();
    expect(fs.existsSync(`${out(w.ws)}.failed`)).toBe(false);
  });
});
