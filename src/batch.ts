// A call that builds every model of a trt-pte.yml: each model in turn through the same pipeline as
// one (src/main.ts: cached, compared and uploaded as its own artifact), going on past a model that
// fails; then one summary with the rollup first, one comment for the call, and the `builds` output.
// The call fails when any model did, after the others were published.

import path from "node:path";
import { writeOwnFile } from "./output-folder.js";
import type { Platform } from "./platform/platform.js";
import type { PlannedModel } from "./settings/model-list.js";
import type { Settings } from "./settings/settings.js";
import {
  buildEntry,
  buildModel,
  regressionError,
  setOutputs,
  useItSection,
  type BuiltModel,
} from "./main.js";
import { reportFailure } from "./failure.js";
import { TrtPteError } from "./errors.js";
import { publishComment } from "./publish/publish-comment.js";
import { NO_EXTRAS, SUMMARY_FILE, renderSummary, renderSummaryText } from "./publish/summary.js";
import { renderCallComment, renderCallSummary, rollupRow, type ModelView } from "./publish/call-report.js";
import { rollupText, type RollupRow } from "./publish/rollup.js";
import { runInfo } from "./report/report.js";

export interface ModelResult {
  name: string;
  settings: Settings;
  built: BuiltModel | null;
  /** Why the model failed (its error, or a gate it tripped after publishing); null when it did not. */
  error: unknown;
}

export interface CallResult {
  results: ModelResult[];
  rows: RollupRow[];
  /** The rollup as terminal lines (the CLI ends with it). */
  text: string[];
  /** Set when any model failed: what the call ends with. */
  failure: TrtPteError | null;
}

export interface CallOptions {
  /** Where the models came from, as the user named it (the trt-pte.yml). */
  source: string;
  /** The call's sticky-comment key (configCommentKey in src/settings/names.ts). */
  commentKey: string;
}

/** A model for the renderers, its "Use it" section written for the comment (of `pr`) or the summary. */
function view(
  result: ModelResult,
  env: NodeJS.ProcessEnv,
  where: "comment" | "summary",
  pr?: number,
): ModelView {
  const built = result.built;
  return {
    name: result.name,
    target: result.settings.target,
    report: built?.outcome.report ?? null,
    downloads: built?.downloads ?? null,
    extras: built === null ? NO_EXTRAS : { ...built.extras, useIt: useItSection(built, env, where, pr) },
    error: result.error,
  };
}

async function buildOne(
  model: PlannedModel,
  platform: Platform,
  env: NodeJS.ProcessEnv,
): Promise<ModelResult> {
  try {
    const built = await buildModel(model.settings, platform, env);
    return {
      name: model.name,
      settings: built.settings,
      built,
      error: regressionError(built.outcome.report),
    };
  } catch (error) {
    return { name: model.name, settings: model.settings, built: null, error };
  }
}

export async function runModels(
  models: readonly PlannedModel[],
  platform: Platform,
  env: NodeJS.ProcessEnv,
  options: CallOptions,
): Promise<CallResult> {
  const { log } = platform;
  const results: ModelResult[] = [];
  for (const [i, model] of models.entries()) {
    log.info(
      `trt-pte: model ${i + 1} of ${models.length}: ${model.name} (${model.settings.model} → ${model.settings.target})`,
    );
    const result = await buildOne(model, platform, env);
    if (result.error !== null) reportFailure(result.error, log, model.name);
    results.push(result);
  }

  const views = results.map((r) => view(r, env, "summary"));
  // Each built model keeps its new output only once the call's own publishing went through.
  let published: unknown = null;
  try {
    await publishCall(results, views, platform, env, options);
  } catch (error) {
    published = error;
  }
  for (const result of results) await result.built?.finish(published);
  if (published !== null) throw published;

  const rows = views.map(rollupRow);
  return { results, rows, text: rollupText(rows), failure: callFailure(results) };
}

/** The call's comment, summary (and each model's markdown beside its report.json) and outputs. */
async function publishCall(
  results: readonly ModelResult[],
  views: readonly ModelView[],
  platform: Platform,
  env: NodeJS.ProcessEnv,
  options: CallOptions,
): Promise<void> {
  const { log } = platform;
  // Publishing settings are the call's, the same for every model.
  const call = results[0]?.settings;
  const run = runInfo(env);
  const footer =
    run === null ? "" : `<sub>Updated by [run ${run.run_id}](${run.url}) for ${run.sha.slice(0, 7)}.</sub>`;
  const comment =
    call === undefined
      ? ({ state: "off" } as const)
      : await publishComment(
          call,
          platform,
          (pr) =>
            renderCallComment(
              results.map((r) => view(r, env, "comment", pr)),
              options.source,
              footer,
            ),
          env,
          log,
          options.commentKey,
        );
  const text = views
    .map((v) =>
      v.report === null
        ? `${v.name}: failed (its error is above)\n`
        : renderSummaryText(v.report, v.downloads, { state: "off" }, v.extras),
    )
    .join("\n");
  await platform.writeSummary({ markdown: renderCallSummary(views, options.source, comment), text });
  for (const v of views) {
    const settings = results.find((r) => r.name === v.name)?.built?.settings;
    if (v.report === null || settings === undefined) continue;
    await writeOwnFile(
      path.join(settings.outputDir, SUMMARY_FILE),
      renderSummary(v.report, v.downloads, { state: "off" }, v.extras),
    );
  }
  platform.setOutput(
    "builds",
    JSON.stringify(results.map((r) => buildEntry(r.settings, r.built?.outcome ?? null, r.error))),
  );
  // The single-build outputs say something only when there is one build.
  const only = results.length === 1 ? results[0]?.built : undefined;
  if (only) setOutputs(platform, only.outcome);
}

function callFailure(results: readonly ModelResult[]): TrtPteError | null {
  const failed = results.filter((r) => r.error !== null);
  if (failed.length === 0) return null;
  const first = failed[0]?.error;
  const names = failed.map((r) => r.name);
  const shown =
    names.length > 8 ? `${names.slice(0, 8).join(", ")} and ${names.length - 8} more` : names.join(", ");
  return new TrtPteError(
    first instanceof TrtPteError ? first.kind : "internal",
    `${failed.length} of ${results.length} model${results.length === 1 ? "" : "s"} failed: ${shown}`,
    "each model's error is above; the other models were built and published",
  );
}
