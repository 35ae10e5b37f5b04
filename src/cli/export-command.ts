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

export async function exportCommand(argv: string[]): Promise<number> {
  const options: Record<string, { type: "string" }> = { "artifact-dir": { type: "string" } };
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
  const platform = localPlatform({
    artifactDir: path.resolve(cwd, values["artifact-dir"] ?? DEFAULT_ARTIFACT_DIR),
  });
  try {
    const settings = readSettings((name) => values[name] ?? "", {
      workspace: cwd,
      allowedRoots: [os.tmpdir()],
    });
    const outcome = await runPipeline(settings, platform, {});
    process.stderr.write(`\n.pte: ${outcome.ptePath}\n`);
    for (const ptd of outcome.ptdPaths) process.stderr.write(`.ptd: ${ptd}\n`);
    process.stderr.write(`report: ${outcome.reportPath}\n`);
    if (outcome.artifact) process.stderr.write(`artifact: ${outcome.artifact.url}\n`);
    return 0;
  } catch (error) {
    reportFailure(error, platform.log);
    return 1;
  }
}
