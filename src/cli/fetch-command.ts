// `trt-pte fetch --repo OWNER/NAME (--pr N | --run ID | --branch B) [--model NAME] [--gpu NAME]
// [-o DIR] [--verify-attestation]`: the newest trt-pte build, downloaded with every file checked
// (src/fetch/fetch.ts), then what it fetched and what the .pte needs to run. The token comes from
// GH_TOKEN, GITHUB_TOKEN or the GitHub CLI (src/fetch/token.ts) and is never printed.

import path from "node:path";
import { parseArgs } from "node:util";
import { describeError } from "../errors.js";
import { fetchBuilds, type FetchedBuild } from "../fetch/fetch.js";
import type { Source } from "../fetch/find.js";
import { DEFAULT_API_URL } from "../fetch/rest.js";
import { findToken } from "../fetch/token.js";
import { needsToRun } from "../publish/render-run.js";
import { formatBytes } from "../util/format.js";
import { escapeControls, inert } from "../util/log-text.js";
import { checkFlags } from "./flags.js";

export const FETCH_USAGE =
  "trt-pte fetch --repo OWNER/NAME (--pr N | --run ID | --branch B) [--model NAME] [--gpu NAME] [-o DIR] [--verify-attestation]";

class UsageError extends Error {}

function source(values: { pr?: string; run?: string; branch?: string }): Source {
  const given = (["pr", "run", "branch"] as const).filter((k) => values[k] !== undefined);
  if (given.length !== 1) throw new UsageError("give one of --pr, --run or --branch");
  if (values.pr !== undefined) {
    if (!/^[1-9][0-9]{0,9}$/.test(values.pr))
      throw new UsageError(`--pr: '${values.pr}' is not a pull request number`);
    return { pr: Number(values.pr) };
  }
  if (values.run !== undefined) {
    if (!/^[1-9][0-9]{0,19}$/.test(values.run))
      throw new UsageError(`--run: '${values.run}' is not a workflow run ID`);
    return { run: Number(values.run) };
  }
  const branch = values.branch ?? "";
  if (branch === "" || /[\s~^:?*[\\]|\.\.|^-/.test(branch))
    throw new UsageError(`--branch: '${branch}' is not a branch name`);
  return { branch };
}

function describe(build: FetchedBuild, outDir: string, repo: string, attested: boolean): string {
  const checks = `GitHub's digest ✓ · report ✓${attested ? " · attestation ✓" : ""}`;
  const line = (f: { name: string; bytes: number; sha256: string }, checked: boolean) =>
    `  ${f.name}  ${formatBytes(f.bytes)}  sha256 ${f.sha256.slice(0, 16)}…${checked ? `  (${checks})` : ""}`;
  // The report's text (target, versions, GPU name) is the build's to write: escaped, as are names.
  const needs = needsToRun(
    build.report,
    build.ptd.map((p) => p.name),
    escapeControls,
  );
  return [
    `Fetched ${build.name} (${escapeControls(build.report.target)}) from run ${build.runId} of ${repo} into ${outDir}:`,
    line(build.pte, true),
    ...build.ptd.map((p) => line(p, true)),
    `${line(build.reportFile, false)}  (GitHub's digest ✓)`,
    `  needs to run: ${needs.join(" · ")}`,
  ].join("\n");
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const PROCESS_IO: Io = { out: (t) => process.stdout.write(t), err: (t) => process.stderr.write(t) };

/**
 * Text for the terminal, or a workflow step's log: inert for the runner, and no control character
 * but the line breaks trt-pte's own lines end with (those inside a field were escaped with it).
 */
function shown(text: string): string {
  return inert(escapeControls(text, true));
}

export async function fetchCommand(
  argv: string[],
  env: NodeJS.ProcessEnv = process.env,
  io: Io = PROCESS_IO,
): Promise<number> {
  let options;
  try {
    const flags = ["repo", "pr", "run", "branch", "model", "gpu", "output", "verify-attestation"];
    const problem = checkFlags(argv, flags, (flag) => flag !== "verify-attestation");
    if (problem !== null) throw new UsageError(problem);
    const { values } = parseArgs({
      args: argv,
      options: {
        repo: { type: "string" },
        pr: { type: "string" },
        run: { type: "string" },
        branch: { type: "string" },
        model: { type: "string" },
        gpu: { type: "string" },
        output: { type: "string", short: "o" },
        "verify-attestation": { type: "boolean" },
      },
      strict: true,
      allowPositionals: false,
    });
    const repo = values.repo ?? "";
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repo)) {
      throw new UsageError(
        repo === "" ? "--repo OWNER/NAME is required" : `--repo: '${repo}' is not OWNER/NAME`,
      );
    }
    options = {
      repo,
      source: source(values),
      model: values.model,
      gpu: values.gpu,
      outDir: path.resolve(values.output ?? "."),
      attest: values["verify-attestation"] === true,
    };
  } catch (e) {
    io.err(`trt-pte fetch: ${shown((e as Error).message)}\nUsage: ${FETCH_USAGE}\n`);
    return 2;
  }
  try {
    const token = findToken(env);
    const fetched = await fetchBuilds({
      ...options,
      apiUrl: env.GITHUB_API_URL || DEFAULT_API_URL,
      token: token.value,
      env,
      note: (text) => io.err(`trt-pte fetch: ${shown(text)}\n`),
    });
    // Names and versions come from the build's report: shown inert, as the output may be a workflow step's.
    io.out(
      `${shown(fetched.map((b) => describe(b, options.outDir, options.repo, options.attest)).join("\n\n"))}\n`,
    );
    return 0;
  } catch (error) {
    io.err(`${shown(describeError(error))}\n`);
    return 1;
  }
}
