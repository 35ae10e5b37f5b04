// The reusable workflow's model list (plan/action.yml, in its plan job): reads the caller's
// trt-pte.yml as data, checks it with the action's own validation (every mistake annotated at its
// file, line and column), and outputs the names of the models to build, which the plan job crosses
// with `gpus` into the build matrix. No model code runs here: nothing is imported, only read.

import * as core from "@actions/core";
import { githubLog } from "../platform/github-log.js";
import { reportFailure } from "../failure.js";
import { planModelNames, workflowLookup } from "./models.js";

async function main(): Promise<void> {
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  const log = githubLog(workspace);
  try {
    const started = performance.now();
    const get = workflowLookup(core.getInput("workflow-inputs", { required: true }));
    const { file, names } = await planModelNames(get, workspace);
    core.setOutput("models", JSON.stringify(names));
    const ms = Math.round(performance.now() - started);
    log.info(`trt-pte: ${names.length} model(s) in ${file}, read in ${ms} ms: ${names.join(", ")}`);
  } catch (error) {
    reportFailure(error, log);
    process.exitCode = 1;
  }
}

await main();
