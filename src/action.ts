// The GitHub Action's entry point: INPUT_* variables → Settings → the pipeline, with the toolkit
// behind the platform ports. Everything else lives in main.ts (one model), batch.ts (a trt-pte.yml's
// models) and the stage modules.

import * as core from "@actions/core";
import os from "node:os";
import { readSettings } from "./settings/settings.js";
import { readCallMode, readModelList } from "./settings/model-list.js";
import { configCommentKey } from "./settings/names.js";
import { githubPlatform } from "./platform/github.js";
import { runPipeline } from "./main.js";
import { runModels } from "./batch.js";
import { reportFailure } from "./failure.js";

async function main(): Promise<void> {
  const platform = githubPlatform();
  try {
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    const get = (name: string) => core.getInput(name);
    const ctx = { workspace, allowedRoots: [process.env.RUNNER_TEMP ?? os.tmpdir()] };
    const token = core.getInput("github-token");
    if (token !== "" && !token.includes("${{")) core.setSecret(token);
    const mode = readCallMode(get);
    if (mode.kind === "model") {
      await runPipeline(readSettings(get, ctx), platform);
      return;
    }
    const { models } = await readModelList(mode, get, ctx);
    const call = await runModels(models, platform, process.env, {
      source: mode.file,
      commentKey: configCommentKey(mode.file, mode.only, get("gpu-name").trim()),
    });
    if (call.failure !== null) throw call.failure;
  } catch (error) {
    reportFailure(error, platform.log);
    process.exitCode = 1;
  }
}

await main();
