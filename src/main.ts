// The pipeline: preflight → cache restore → export → verify → cache save → publish. Each stage is a
// module of its own; this file orders them, times them, and keeps half-made output from ever
// being published.

import fs from "node:fs/promises";
import path from "node:path";
import { checkLinks, withGpuName, type Settings } from "./settings/settings.js";
import { ENGINE_CACHE_DIR, OUTPUT_STAGE_DIR, TIMING_CACHE_DIR } from "./cache/layers.js";
import { BASELINE_DIR } from "./compare/baseline.js";
import type { Log, Platform } from "./platform/platform.js";
import { preflight, type Preflight } from "./preflight.js";
import { ExportFailure, runExport } from "./export.js";
import { keepFailedBuild } from "./failed-build.js";
import { checkExecution, verifyOutput, type VerifiedFiles } from "./verify.js";
import {
  NOT_COMPARED,
  NO_CACHE,
  REPORT_FILE,
  buildReport,
  reportFromEntry,
  type Report,
} from "./report/report.js";
import { SUMMARY_FILE, renderSummary, renderSummaryText } from "./publish/summary.js";
import { headlineSpeedup } from "./publish/render-run.js";
import { renderComment } from "./publish/comment-body.js";
import { publishComment } from "./publish/publish-comment.js";
import { checkCachedAccuracy, exportWarnings } from "./publish/warnings.js";
import { artifactNames, downloadsOf, uploadExport, type PublishedBuild } from "./publish/upload.js";
import { renderUseIt, useItOf, type FetchSource } from "./publish/use-it.js";
import { formatBytes } from "./util/format.js";
import { CacheSession } from "./cache/session.js";
import type { Inspection } from "./pte/inspection.js";
import { CompareSession, type Comparison } from "./compare/session.js";
import { renderComparison } from "./compare/render.js";
import { mermaidBlock } from "./compare/mermaid.js";
import { entryOf } from "./compare/history.js";
import { historyMarkdown } from "./compare/history-chart.js";
import type { BaseBuildRequest, ExportResult } from "./protocol.js";
import { judgeGates, trippedGates } from "./compare/gates.js";
import { TrtPteError, errorMessage } from "./errors.js";
import { OutputSwap, outputPaths, writeOwnFile, type OutputPaths } from "./output-folder.js";
import { RunLog } from "./run-log.js";
import { NoiseFilter } from "./util/noise.js";
import type { ExtraSections } from "./publish/summary.js";
import type { Downloads } from "./publish/render.js";

export interface PipelineOutcome {
  report: Report;
  reportPath: string;
  ptePath: string;
  ptdPaths: string[];
  /** Every file's artifact, or null when `upload` is false. */
  published: PublishedBuild | null;
}

type Stage = <T>(name: string, title: string, fn: () => Promise<T>) => Promise<T>;

async function writeReport(dir: string, report: Report): Promise<void> {
  await fs.writeFile(path.join(dir, REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
}

/** The folders of the workspace trt-pte deletes and writes besides the output folder. */
const OWN_FOLDERS = [".trt-pte", TIMING_CACHE_DIR, ENGINE_CACHE_DIR, OUTPUT_STAGE_DIR, BASELINE_DIR];

/**
 * Refuses to go on when the output folder, `.trt-pte` or a cache folder is (or passes through) a
 * link leading out of the workspace and the runner's temp dir: checked before the first delete, and
 * again after the export, whose model code may have made one.
 */
function checkFolders(settings: Settings): void {
  const ctx = { workspace: settings.workspace, allowedRoots: settings.allowedRoots };
  checkLinks("output-dir", settings.outputDir, ctx);
  for (const folder of OWN_FOLDERS) checkLinks(folder, path.join(settings.workspace, folder), ctx);
}

interface Built {
  report: Report;
  files: VerifiedFiles;
}

/** One model's hold on its output folder, its log and its stage timer, as the stages below share them. */
interface Run {
  settings: Settings;
  platform: Platform;
  stage: Stage;
  swap: OutputSwap;
  record: RunLog;
  env: NodeJS.ProcessEnv;
}

/** Export into the staging folder, verify, and move it into place; TensorRT's caches wrap the export. */
async function buildFresh(
  run: Run,
  pre: Preflight,
  caches: CacheSession | null,
  baseBuild: BaseBuildRequest | null,
): Promise<Built> {
  const { settings, stage, swap } = run;
  const { log } = run.platform;
  const buildLayers = caches?.buildLayers() ?? null;
  if (buildLayers) await stage("cache_restore_build", "Restore TensorRT caches", () => buildLayers.restore());

  const staging = await swap.stage();
  const noise = new NoiseFilter(settings.workspace);
  const fold = (line: string): boolean => {
    if (!noise.fold(line)) return false;
    run.record.record(line);
    return true;
  };
  let result: ExportResult | undefined;
  let files: VerifiedFiles;
  try {
    try {
      result = await stage("export", `Export ${settings.model} → ${settings.target}`, () =>
        runExport(settings, staging, log, buildLayers?.paths(), baseBuild, fold),
      );
    } finally {
      const folded = noise.summary();
      if (folded !== null) log.aside(`${folded}, whole in ${swap.paths.log}`, noise.lines);
    }
    checkFolders(settings);
    caches?.checkSources(result.sources ?? []);
    const exported = result;
    files = await stage("verify", "Verify", async () => {
      const verified = await verifyOutput(staging, exported, settings.target, log);
      await checkExecution(exported.execution, settings.target, {
        distributions: pre.distributions,
        runner: settings.runner,
      });
      log.info(`${verified.pte.name}: ${formatBytes(verified.pte.bytes)}, sha256 ${verified.pte.sha256}`);
      return verified;
    });
  } catch (error) {
    // A .pte that was written but failed is kept beside the log, and says what it fixed; keeping it
    // must never hide the failure itself.
    const failed = error instanceof ExportFailure ? error.result : result;
    throw await keepFailedBuild(staging, swap.paths.failed, error, failed?.inputs ?? settings.inputs).catch(
      () => error,
    );
  }
  const report = buildReport(settings, pre, result, files, run.env);
  await writeReport(staging, report);
  await swap.promote();
  if (buildLayers) {
    await stage("cache_save_build", "Save TensorRT caches", () => buildLayers.save());
    caches?.recordBuildLayers(buildLayers);
  }
  return { report, files };
}

/** One model built, verified, uploaded and recorded as a baseline: all but its comment, summary and outputs. */
export interface BuiltModel {
  /** The settings it was built with (the artifact name may carry the detected GPU). */
  settings: Settings;
  outcome: PipelineOutcome;
  downloads: Downloads | null;
  extras: ExtraSections;
  /** The platform's log, kept for the model's log file too. */
  log: Log;
  /**
   * Ends the model's hold on its output folder once the caller has published it: null keeps the new
   * build; an error (the caller's publishing failed) puts back what was there. Writes the log file.
   */
  finish(error: unknown): Promise<void>;
}

/**
 * The "Use it" section: the comment names its pull request (it shows that PR's newest build), the
 * summary its run.
 */
export function useItSection(
  built: BuiltModel,
  env: NodeJS.ProcessEnv,
  where: "comment" | "summary",
  pr?: number,
): string {
  const runId = env.GITHUB_RUN_ID ?? "";
  const by: FetchSource | null =
    where === "comment" && pr !== undefined ? { pr } : /^[0-9]+$/.test(runId) ? { run: runId } : null;
  return renderUseIt(useItOf(built.outcome.report, built.downloads, env.GITHUB_REPOSITORY ?? "", by));
}

/**
 * The one model of a call: built and published with its own comment, summary and outputs. A tripped
 * gate ends the run after all of that.
 */
export async function runPipeline(
  given: Settings,
  platform: Platform,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PipelineOutcome> {
  const built = await buildModel(given, platform, env);
  const { settings, outcome, downloads, extras } = built;
  const { report } = outcome;
  const logged: Platform = { ...platform, log: built.log };
  try {
    const comment = await publishComment(
      settings,
      logged,
      (pr) => renderComment(report, downloads, { ...extras, useIt: useItSection(built, env, "comment", pr) }),
      env,
      built.log,
    );
    const summaryExtras = { ...extras, useIt: useItSection(built, env, "summary") };
    const markdown = renderSummary(report, downloads, comment, summaryExtras);
    await writeOwnFile(path.join(settings.outputDir, SUMMARY_FILE), markdown);
    await platform.writeSummary({
      markdown,
      text: renderSummaryText(report, downloads, comment, summaryExtras),
    });
    setOutputs(platform, outcome);
    platform.setOutput("builds", JSON.stringify([buildEntry(settings, outcome, null)]));
  } catch (error) {
    await built.finish(error);
    throw error;
  }
  await built.finish(null);
  const regression = regressionError(report);
  if (regression !== null) throw regression;
  return outcome;
}

/**
 * Everything of one model up to its comment, summary and outputs, which the caller renders, then
 * `finish`es. A model that fails at any stage leaves its last good output where it was
 * (src/output-folder.ts), and its whole log beside it.
 */
export async function buildModel(
  given: Settings,
  platform: Platform,
  env: NodeJS.ProcessEnv = process.env,
): Promise<BuiltModel> {
  const record = new RunLog(platform.log);
  // The output folder is known once preflight has named the GPU (a default artifact name has it).
  const held: { paths: OutputPaths; swap: OutputSwap | null; artifacts: string[] } = {
    paths: outputPaths(given.outputDir),
    swap: null,
    artifacts: [],
  };
  const finish = async (error: unknown): Promise<void> => {
    if (error === null) {
      await held.swap?.commit();
      await platform.artifacts.settle?.(true, held.artifacts);
    } else {
      await held.swap?.rollback();
      await platform.artifacts.settle?.(false, held.artifacts);
    }
    await record.write(held.paths.log, error ?? undefined).catch((e: unknown) => {
      platform.log.warning(`the run's log file ${held.paths.log} could not be written: ${errorMessage(e)}`);
    });
  };
  try {
    const built = await buildStages(given, { ...platform, log: record.log }, env, record, held);
    return { ...built, log: record.log, finish };
  } catch (error) {
    await finish(error);
    throw error;
  }
}

async function buildStages(
  given: Settings,
  platform: Platform,
  env: NodeJS.ProcessEnv,
  record: RunLog,
  held: { paths: OutputPaths; swap: OutputSwap | null; artifacts: string[] },
): Promise<Omit<BuiltModel, "log" | "finish">> {
  const { log } = platform;
  const seconds: Record<string, number> = {};
  const stage: Stage = async (name, title, fn) => {
    const started = performance.now();
    try {
      return await log.group(title, fn);
    } finally {
      seconds[name] = Math.round(performance.now() - started) / 1000;
    }
  };

  if (given.upload) platform.artifacts.prepare?.();
  const pre = await stage("preflight", "Preflight", () => preflight(given, log));
  const settings = withGpuName(given, pre.gpus[0]?.name);
  checkFolders(settings);
  held.paths = outputPaths(settings.outputDir);
  const swap = new OutputSwap(held.paths);
  held.swap = swap;
  const run: Run = { settings, platform, stage, swap, record, env };
  const caches = await CacheSession.open(settings, platform, pre, env);
  const cached = caches
    ? await stage("cache_restore", "Restore cached .pte", async () =>
        caches.restoreOutput(await swap.stage()),
      )
    : null;
  const comparer = await CompareSession.open(settings, platform, pre.gpus[0]?.name, env);
  let built: Built;
  if (cached !== null) {
    checkCachedAccuracy(cached.report, settings);
    await swap.promote();
    built = { files: cached.files, report: reportFromEntry(settings, cached.report, cached.files, env) };
  } else {
    // The base branch's .pte, timed beside this build by the driver (src/compare/base-build.ts).
    const base =
      comparer !== null && settings.benchmarkSeconds > 0
        ? await stage("base_build", "Restore the base build's .pte", () => comparer.restoreBaseBuild())
        : null;
    try {
      built = await buildFresh(run, pre, caches, base?.request ?? null);
    } finally {
      await base?.cleanup();
    }
    if (caches) await stage("cache_save", "Save .pte to the cache", () => caches.saveOutput());
  }
  const { files } = built;
  // The report on disk and in the artifact describes this run: its stages, cache layers and
  // comparison (a cached report's own comparison was its builder's, never this run's).
  const described: Report = {
    ...built.report,
    timings: { ...seconds, ...exportSteps(built.report) },
    cache: caches?.report ?? NO_CACHE,
    inspection: files.inspection,
  };
  const comparison = comparer
    ? await stage("compare", "Compare with the baseline", () => comparer.compare(described))
    : null;
  const report: Report = {
    ...described,
    comparison: comparison?.comparison ?? NOT_COMPARED,
    baseline: comparison?.baseline ?? null,
    diff: comparison?.diff ?? null,
    gates: comparison?.gates ?? judgeGates(settings.compare.gates, null),
    history: comparison?.history ?? [],
  };
  await writeReport(settings.outputDir, report);
  for (const warning of exportWarnings(report, settings)) log.warning(warning);

  // What the upload may replace in a store that can take it back (the CLI's artifact folder).
  held.artifacts = artifactNames(settings.artifactName, files);
  const published = settings.upload
    ? await stage("upload", `Upload artifacts of ${settings.artifactName}`, () =>
        uploadExport(settings, platform.artifacts, files),
      )
    : null;

  const outcome: PipelineOutcome = {
    report,
    reportPath: path.join(settings.outputDir, REPORT_FILE),
    ptePath: path.join(settings.outputDir, files.pte.name),
    ptdPaths: files.ptd.map((f) => path.join(settings.outputDir, f.name)),
    published,
  };
  // A push build becomes its branch's baseline whatever its gates say: it is what the branch ships now.
  if (comparer) {
    const saved = await comparer.record(outcome.reportPath);
    if (saved !== null) {
      report.comparison = { ...report.comparison, saved };
      await writeReport(settings.outputDir, report);
    }
  }
  const downloads = published === null ? null : downloadsOf(published);
  return { settings, outcome, downloads, extras: extraSections(report, comparison) };
}

function baselineInspection(comparison: Comparison | null): Inspection | null {
  const report = comparison?.baselineReport as { inspection?: Inspection } | null | undefined;
  const inspection = report?.inspection;
  return inspection !== undefined && Array.isArray(inspection.plans) && Array.isArray(inspection.delegates)
    ? inspection
    : null;
}

function extraSections(report: Report, comparison: Comparison | null): ExtraSections {
  const pullRequest = comparison !== null && report.run?.ref.startsWith("refs/pull/") === true;
  return {
    history: historyMarkdown(report.history, entryOf(report), pullRequest ? "this PR" : "this build"),
    comparison: renderComparison({
      comparison: report.comparison,
      baseline: report.baseline,
      diff: report.diff,
      gates: report.gates,
    }),
    picture: mermaidBlock(report.inspection, { baseline: baselineInspection(comparison) }),
  };
}

/** A tripped gate ends the run, after everything above was written and published; null when none tripped. */
export function regressionError(report: Report): TrtPteError | null {
  const tripped = trippedGates(report.gates);
  if (tripped.length === 0) return null;
  const what = tripped.map((g) => `${g.input} ${g.limit}: ${g.detail}`).join("; ");
  return new TrtPteError(
    "regression",
    // The kind leads the printed line (describeError): "regression: max-size-increase 10%: ...".
    `${what} against ${report.baseline?.ref ?? "the baseline"}`,
    "the files were still written and published; raise the limit or clear the input if the change is intended",
  );
}

/** The driver's own steps (`export.*`) of the build that produced the files, kept on a cache hit. */
function exportSteps(report: Report): Record<string, number> {
  return Object.fromEntries(Object.entries(report.timings).filter(([k]) => k.startsWith("export.")));
}

/**
 * One entry of the `builds` output (src/settings/inputs.ts): the .pte's artifact for id and url; a
 * model that failed before publishing has only its name, target and outcome.
 */
export interface BuildEntry {
  name: string;
  target: string;
  outcome: "success" | "failure";
  "artifact-name": string;
  "artifact-id": string;
  "artifact-url": string;
  digest: string;
  speedup: string;
  "cache-hit": string;
}

export function buildEntry(settings: Settings, outcome: PipelineOutcome | null, error: unknown): BuildEntry {
  const speedup = outcome === null ? null : headlineSpeedup(outcome.report);
  const pte = outcome?.published?.pte;
  return {
    name: settings.modelName,
    target: settings.target,
    outcome: outcome === null || error !== null ? "failure" : "success",
    "artifact-name": pte === undefined ? "" : settings.artifactName,
    "artifact-id": pte === undefined ? "" : String(pte.id),
    "artifact-url": pte?.url ?? "",
    digest: outcome === null ? "" : `sha256:${outcome.report.pte.sha256}`,
    speedup: speedup === null ? "" : speedup.toPrecision(3),
    "cache-hit": outcome === null ? "" : String(outcome.report.cache.hit),
  };
}

export function setOutputs(platform: Platform, outcome: PipelineOutcome): void {
  platform.setOutput("pte", outcome.ptePath);
  platform.setOutput("ptd", outcome.ptdPaths.join("\n"));
  platform.setOutput("report", outcome.reportPath);
  const published = outcome.published;
  const pte = published?.pte;
  platform.setOutput("artifact-id", pte === undefined ? "" : String(pte.id));
  platform.setOutput("artifact-url", pte?.url ?? "");
  // In upload order: the .pte last.
  const files = published === null ? [] : [...published.ptd, published.report, published.pte];
  platform.setOutput(
    "artifact-files",
    JSON.stringify(
      files.map(({ name, file, id, url, digest }) => ({ name, file, id, url, digest: digest ?? "" })),
    ),
  );
  platform.setOutput("digest", `sha256:${outcome.report.pte.sha256}`);
  platform.setOutput("artifact-digest", pte?.digest ?? "");
  platform.setOutput("cache-hit", String(outcome.report.cache.hit));
  platform.setOutput("pte-ran", String(outcome.report.execution?.pte_ran ?? false));
  const speedup = headlineSpeedup(outcome.report);
  platform.setOutput("speedup", speedup === null ? "" : speedup.toPrecision(3));
  platform.setOutput("gates", JSON.stringify(outcome.report.gates));
}
