// The pipeline: preflight → export → verify → publish. Each stage is a module of its own; this
// file only orders them, times them, and keeps half-made output from ever being published.

import fs from "node:fs/promises";
import path from "node:path";
import type { Settings } from "./settings/settings.js";
import type { Platform, UploadedArtifact } from "./platform/platform.js";
import { preflight } from "./preflight.js";
import { runExport } from "./export.js";
import { verifyOutput } from "./verify.js";
import { buildReport, type Report } from "./publish/report.js";
import { renderSummary } from "./publish/summary.js";
import { uploadExport } from "./publish/upload.js";
import { REPORT_FILE } from "./publish/constants.js";
import { formatBytes } from "./publish/format.js";

export interface PipelineOutcome {
  report: Report;
  reportPath: string;
  ptePath: string;
  ptdPaths: string[];
  artifact: UploadedArtifact | null;
}

/** Replaces `finalDir` with `stagingDir` so the final folder only ever holds one complete, verified export. */
async function promote(stagingDir: string, finalDir: string): Promise<void> {
  await fs.rm(finalDir, { recursive: true, force: true });
  await fs.rename(stagingDir, finalDir);
}

export async function runPipeline(
  settings: Settings,
  platform: Platform,
  env: NodeJS.ProcessEnv = process.env,
): Promise<PipelineOutcome> {
  const { log } = platform;
  const seconds: Record<string, number> = {};
  async function stage<T>(name: string, title: string, fn: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await log.group(title, fn);
    } finally {
      seconds[name] = Math.round(performance.now() - started) / 1000;
    }
  }

  const pre = await stage("preflight", "Preflight", () => preflight(settings, log));

  const staging = `${settings.outputDir}.staging-${process.pid}`;
  await fs.rm(staging, { recursive: true, force: true });
  let report: Report;
  let files;
  try {
    const result = await stage("export", `Export ${settings.model} → ${settings.target}`, () =>
      runExport(settings, staging, log),
    );
    files = await stage("verify", "Verify", async () => {
      const verified = await verifyOutput(staging, result);
      log.info(`${verified.pte.name}: ${formatBytes(verified.pte.bytes)}, sha256 ${verified.pte.sha256}`);
      return verified;
    });
    report = buildReport(settings, pre, result, files, seconds, env);
    await fs.writeFile(path.join(staging, REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
    await promote(staging, settings.outputDir);
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }

  const artifact = settings.upload
    ? await stage("upload", `Upload artifact ${settings.artifactName}`, () =>
        uploadExport(settings, platform.artifacts, files),
      )
    : null;

  const outcome: PipelineOutcome = {
    report,
    reportPath: path.join(settings.outputDir, REPORT_FILE),
    ptePath: path.join(settings.outputDir, files.pte.name),
    ptdPaths: files.ptd.map((f) => path.join(settings.outputDir, f.name)),
    artifact,
  };
  await platform.writeSummary(
    renderSummary(report, artifact === null ? null : { name: settings.artifactName, url: artifact.url }),
  );
  setOutputs(platform, outcome);
  return outcome;
}

function setOutputs(platform: Platform, outcome: PipelineOutcome): void {
  platform.setOutput("pte", outcome.ptePath);
  platform.setOutput("ptd", outcome.ptdPaths.join("\n"));
  platform.setOutput("report", outcome.reportPath);
  platform.setOutput("artifact-id", outcome.artifact === null ? "" : String(outcome.artifact.id));
  platform.setOutput("artifact-url", outcome.artifact?.url ?? "");
  platform.setOutput("digest", `sha256:${outcome.report.pte.sha256}`);
  platform.setOutput("artifact-digest", outcome.artifact?.digest ?? "");
}
