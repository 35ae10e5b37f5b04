// The GitHub Action's entry point: INPUT_* variables → Settings → the pipeline, with the toolkit
// behind the platform ports. Everything else lives in main.ts and the stage modules.

import * as core from "@actions/core";
import os from "node:os";
import { readSettings } from "./settings/settings.js";
import { githubPlatform } from "./platform/github.js";
import { runPipeline } from "./main.js";
import { reportFailure } from "./failure.js";

async function main(): Promise<void> {
  const platform = githubPlatform();
  try {
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const settings = readSettings((name) => core.getInput(name), {
      workspace,
      allowedRoots: [process.env.RUNNER_TEMP ?? os.tmpdir()],
    });
    if (settings.githubToken !== "") core.setSecret(settings.githubToken);
    await runPipeline(settings, platform);
  } catch (error) {
    reportFailure(error, platform.log);
    process.exitCode = 1;
  }
}

await main();
