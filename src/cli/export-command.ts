// `trt-pte export`: flags → Settings → the pipeline on the local platform.

import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { INPUTS } from "../settings/inputs.js";
import { readSettings } from "../settings/settings.js";
import { localPlatform } from "../platform/local.js";
import { runPipeline } from "../main.js";
import { reportFailure } from "../failure.js";
import { DEFAULT_ARTIFACT_DIR } from "./help.js";
import { makeOwnFolder } from "../util/files.js";

export async function exportCommand(argv: string[]): Promise<number> {
  const options: Record<string, { type: "string" }> = {
    "artifact-dir": { type: "string" },
    baseline: { type: "string" },
  };
  for (const input of INPUTS) options[input.name] = { type: "string" };
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values as Record<
      string,
      string | undefined
    >;
  } catch (e) {
    process.stderr.write(`trt-pte export: ${(e as Error).message}\nRun trt-pte --help for the flags.\n`);
    return 2;
  }
  const cwd = process.cwd();
  const artifactDir = path.resolve(cwd, values["artifact-dir"] ?? DEFAULT_ARTIFACT_DIR);
  const platform = localPlatform({ artifactDir });
  try {
    const read = readSettings((name) => values[name] ?? "", {
      workspace: cwd,
      allowedRoots: [os.tmpdir()],
    });
    // --baseline: compare with this report.json instead of a stored baseline (a laptop has no branch).
    const baseline = values.baseline;
    const settings =
      baseline === undefined
        ? read
        : { ...read, compare: { ...read.compare, baselineFile: path.resolve(cwd, baseline) } };
    // The folders the CLI makes in the user's repository ignore themselves (a .gitignore of `*`),
    // so an export leaves `git status` as it was.
    for (const dir of [path.join(cwd, ".trt-pte"), path.dirname(settings.outputDir), artifactDir]) {
      await makeOwnFolder(dir);
    }
    const outcome = await runPipeline(settings, platform, {});
    process.stderr.write(`\n.pte: ${outcome.ptePath}\n`);
    for (const ptd of outcome.ptdPaths) process.stderr.write(`.ptd: ${ptd}\n`);
    process.stderr.write(`report: ${outcome.reportPath}\n`);
    if (outcome.published !== null) {
      process.stderr.write(`artifacts: ${path.dirname(outcome.published.pte.url)}\n`);
    }
    return 0;
  } catch (error) {
    reportFailure(error, platform.log);
    return 1;
  }
}
