// One run's comparison, start to end: find the baseline (the CLI's `--baseline` file, or the newest
// baseline of the branch this run compares with, in the caches' store), restore the base build's
// .pte for the driver to time beside this one (before the export), diff, judge the gates, carry
// the branch's history on, and on a push record this run's report as its branch's baseline. A
// store problem is a warning and a note, never a failed run; only a tripped gate fails it, and
// main.ts does that last.

import fs from "node:fs/promises";
import path from "node:path";
import type { Settings } from "../settings/settings.js";
import type { Log, Platform } from "../platform/platform.js";
import type { Report } from "../report/report.js";
import type {
  BaselineRef,
  ComparisonState,
  GateVerdict,
  HistoryEntry,
  ReportDiff,
} from "../report/comparison.js";
import type { CacheStore } from "../platform/store.js";
import { openCacheStore } from "../cache/select.js";
import { restoreBaseBuild, type RestoredBaseBuild } from "./base-build.js";
import { chainHistory } from "./history.js";
import { code } from "../util/format.js";
import { BaselineStore, artifactKey, baselineKey, baselineRunId } from "./baseline.js";
import { compareRefs, type CompareRefs } from "./refs.js";
import { diffFacts } from "./diff.js";
import { reportFacts } from "./facts.js";
import { judgeGates } from "./gates.js";
import type { ComparisonView } from "./render.js";
import { runLinks, runUrl } from "../github/run-links.js";

export interface Comparison extends ComparisonView {
  comparison: ComparisonState;
  baseline: BaselineRef | null;
  diff: ReportDiff | null;
  gates: GateVerdict[];
  /** The baseline report as read (any schema), for the partition picture's marks. */
  baselineReport: unknown;
  /** The branch's earlier builds, for this report's `history` and the chart. */
  history: HistoryEntry[];
}

/**
 * A baseline found: from the CLI's `--baseline` file (the user's own), or from the store, where
 * the branch it was looked up for and the key that matched say whose it is.
 */
type Found =
  | { report: unknown; from: "file" }
  | { report: unknown; from: "store"; branch: string; key: string; advisory: string | null }
  | { state: "no_baseline" | "unavailable"; note: string };

type Json = Record<string, unknown>;

/**
 * Which build the baseline is; its run's link is rebuilt from the numeric run ID, never read. From
 * the store, the branch is the one trt-pte looked in and the run is the key's; the report inside
 * the entry names neither. A file names its own (its `run.ref`, else the file's name).
 */
function baselineRef(
  found: Exclude<Found, { note: string }>,
  file: string,
  env: NodeJS.ProcessEnv,
): BaselineRef {
  const r = (typeof found.report === "object" && found.report !== null ? found.report : {}) as Json;
  const run = (r.run ?? null) as Json | null;
  const pte = (r.pte ?? {}) as Json;
  let ref: string;
  let runId: string | null;
  if (found.from === "store") {
    ref = found.branch;
    runId = baselineRunId(found.key);
  } else {
    const branch = typeof run?.ref === "string" ? run.ref.replace(/^refs\/heads\//, "") : "";
    ref = branch !== "" ? branch : path.basename(file);
    runId = typeof run?.run_id === "string" && /^[0-9]+$/.test(run.run_id) ? run.run_id : null;
  }
  return {
    ref,
    run: runId === null ? null : { run_id: runId, url: runUrl(runLinks(env, runId)) },
    pte_sha256: typeof pte.sha256 === "string" ? pte.sha256 : "",
    schema: typeof r.schema === "string" ? r.schema : "unknown",
  };
}

/**
 * Why a baseline from `store` could be another ref's, in words for the summary; null when it can
 * only be the branch's own. GitHub's cache service reads the job's own scope before the base
 * branch's, and the code a pull request builds can save there (its process can reach the runner's
 * cache token), so a baseline it planted would be read first; a folder store reads only the branch's.
 */
function advisoryNote(store: BaselineStore, refs: CompareRefs, branch: string): string | null {
  if (store.scoping !== "service" || !refs.shadowable) return null;
  return (
    `Advisory: ${store.name} reads this job's own cache scope before ${code(branch)}'s, and the code this job builds can save into it, ` +
    `so this baseline may not be ${code(branch)}'s build and the gates compare with it as found (docs/security.md, *Baselines*).`
  );
}

export class CompareSession {
  private found: Promise<Found> | null = null;
  /** Why the base build was not handed to the driver (our own words), once that was tried. */
  private baseBuildNote: string | null = null;

  private constructor(
    private readonly settings: Settings,
    private readonly log: Log,
    private readonly refs: CompareRefs,
    private readonly store: BaselineStore | null,
    private readonly cacheStore: CacheStore | null,
    private readonly artifact: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** Null when comparison is off. The store is the caches' own, opened whatever `cache` says. */
  static async open(
    settings: Settings,
    platform: Platform,
    gpu: string | undefined,
    env: NodeJS.ProcessEnv,
  ): Promise<CompareSession | null> {
    if (!settings.compare.enabled) return null;
    const refs = compareRefs(env);
    const artifact = artifactKey(settings, gpu);
    // The CLI's --baseline file stands in for the baseline store; a run outside GitHub has no
    // branch to read. The store still holds the base build's .pte (a local run's own entries).
    const fromFile = settings.compare.baselineFile !== undefined;
    if (!fromFile && refs.baseBranch === null && refs.saveBranch === null) return null;
    // The base branch's scope only, for the baseline and the base build's .pte alike.
    const store = await openCacheStore(settings, platform, platform.log, env, {
      quiet: true,
      readOnlyFrom: refs.baseScope ?? undefined,
    });
    return new CompareSession(
      settings,
      platform.log,
      refs,
      store === null || fromFile ? null : new BaselineStore(store, settings.workspace, artifact),
      store,
      artifact,
      env,
    );
  }

  private baseline(): Promise<Found> {
    this.found ??= this.findBaseline();
    return this.found;
  }

  /**
   * Before a fresh export: the baseline's own .pte, restored and checked, for the driver to time
   * beside this build; null (and the reason kept for the report) when there is none to time.
   */
  async restoreBaseBuild(): Promise<RestoredBaseBuild | null> {
    const found = await this.baseline();
    if ("note" in found) return null;
    const restored =
      this.cacheStore === null
        ? "no cache store is reachable to hold the base build's .pte"
        : await restoreBaseBuild(this.cacheStore, this.settings.workspace, found.report);
    if (typeof restored === "string") {
      this.baseBuildNote = restored;
      this.log.info(
        `compare: the base build is not timed beside this one (${restored}); latency compares across runs`,
      );
      return null;
    }
    this.log.info(
      `compare: timing the base build's .pte (sha256 ${restored.request.sha256.slice(0, 12)}) beside this one`,
    );
    return restored;
  }

  /** How the latency was compared, in words for the summary (null when nothing was timed). */
  private latencyHow(report: Report, diff: ReportDiff): string | null {
    if (diff.latency.length === 0) return null;
    const sameJob = diff.latency.find((p) => p.built_change?.how === "same_job");
    if (sameJob !== undefined)
      return `Latency: the base build's .pte was timed beside this build in one job, in paired rounds${report.cache.hit ? ", by the run that built this .pte" : ""}.`;
    const base = report.benchmark?.base;
    const why =
      base?.status === "skipped"
        ? `the base build's .pte was not timed beside this build: ${code(base.reason ?? "")}`
        : report.cache.hit
          ? "this .pte came from the cache, so this job timed nothing"
          : this.baseBuildNote !== null
            ? code(this.baseBuildNote)
            : "the base build's .pte was not timed beside this build";
    return `Latency across runs (each report's own 95% intervals; runs on other machines or at other times differ by more): ${why}.`;
  }

  /** Compares `report` with the baseline; never throws for a missing or unreadable baseline. */
  async compare(report: Report): Promise<Comparison> {
    const found = await this.baseline();
    if ("note" in found) {
      return {
        comparison: { state: found.state, base_ref: this.refs.baseBranch, note: found.note, saved: null },
        baseline: null,
        diff: null,
        gates: judgeGates(this.settings.compare.gates, null),
        baselineReport: null,
        history: [],
      };
    }
    const diff = diffFacts(reportFacts(found.report), reportFacts(report));
    const baseline = baselineRef(found, this.settings.compare.baselineFile ?? "baseline", this.env);
    return {
      comparison: {
        state: "compared",
        base_ref: baseline.ref,
        note: null,
        saved: null,
        latency: this.latencyHow(report, diff),
        ...(found.from === "store" && found.advisory !== null ? { advisory: found.advisory } : {}),
      },
      baseline,
      diff,
      gates: judgeGates(this.settings.compare.gates, diff),
      baselineReport: found.report,
      history: chainHistory(found.report),
    };
  }

  private async findBaseline(): Promise<Found> {
    const file = this.settings.compare.baselineFile;
    if (file !== undefined) {
      try {
        return { report: JSON.parse(await fs.readFile(file, "utf8")) as unknown, from: "file" };
      } catch (e) {
        this.log.warning(`compare: cannot read the baseline ${file}: ${(e as Error).message}`);
        return { state: "unavailable", note: `The baseline ${file} could not be read.` };
      }
    }
    const branch = this.refs.baseBranch;
    if (branch === null)
      return { state: "no_baseline", note: "No branch to compare with (not a push or pull request build)." };
    if (this.store === null)
      return {
        state: "unavailable",
        note: `No cache store is reachable to hold baselines, so there is no build of ${branch} to compare with.`,
      };
    try {
      const restored = await this.store.restore(this.artifact, branch);
      if (restored === null)
        return { state: "no_baseline", note: `No build of ${branch} to compare with yet.` };
      this.log.info(`compare: baseline ${restored.key} from ${this.store.name}`);
      const advisory = advisoryNote(this.store, this.refs, branch);
      if (advisory !== null) this.log.info(`compare: ${advisory}`);
      return { report: restored.report, from: "store", branch, key: restored.key, advisory };
    } catch (e) {
      this.log.warning(
        `compare: reading the baseline of ${branch} failed, comparing with nothing: ${(e as Error).message}`,
      );
      return { state: "unavailable", note: `The baseline of ${branch} could not be read.` };
    }
  }

  /** On a push to a branch: records `reportFile` as that branch's newest baseline. */
  async record(reportFile: string): Promise<ComparisonState["saved"]> {
    const branch = this.refs.saveBranch;
    if (branch === null || this.store === null || this.settings.compare.baselineFile !== undefined)
      return null;
    const key = baselineKey(
      this.artifact,
      branch,
      this.env.GITHUB_RUN_ID ?? "local",
      this.env.GITHUB_RUN_ATTEMPT ?? "1",
    );
    try {
      const saved = await this.store.save(key, reportFile);
      this.log.info(`compare: baseline ${key}: ${saved}`);
      // Only a push records one, and a push may save (src/cache/scope.ts): "skipped" is belt and braces.
      return saved === "skipped" ? null : saved;
    } catch (e) {
      this.log.warning(
        `compare: saving this build as the baseline of ${branch} failed: ${(e as Error).message}`,
      );
      return "error";
    }
  }
}
