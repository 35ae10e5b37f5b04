// `trt-pte fetch`: download a build's files and trust none of them until every check passed.
// Builds come only from runs fetch trusts (src/fetch/trust.ts). Each download is checked against the
// sha256 GitHub's artifact service recorded for it (the artifact's `digest`); the report is then the
// list every file's own sha256 must match; with --verify-attestation each file's build provenance is
// checked by the GitHub CLI. Everything is staged in a private temporary folder, within what one
// fetch may write (src/fetch/limit.ts), and moved into the output folder only when all of it passed:
// a mismatch is an error that names the file, and leaves nothing in the output folder.

import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { TrtPteError } from "../errors.js";
import { sha256File } from "../util/hash.js";
import { extractEntry, zipEntries, ZipError } from "../util/unzip.js";
import { escapeControls } from "../util/log-text.js";
import { FORK_GATE_ENVIRONMENT } from "../gather/fork-run.js";
import { ptdArtifactName, pteArtifactName, reportArtifactName } from "../settings/names.js";
import { describeSource, findBuilds, type BuildArtifacts, type RestArtifact, type Source } from "./find.js";
import { ExpiredError, GitHubRest } from "./rest.js";
import { parseBuildReport, type BuildReport } from "./build-report.js";
import { verifyAttestation } from "./attest.js";
import { ByteBudget, tooLarge } from "./limit.js";

export interface FetchOptions {
  repo: string;
  source: Source;
  /** Keep builds whose model (short name) or artifact name is this. */
  model?: string;
  /** Keep builds for this GPU kind (the `gpus` name, or the GPU's own name without "NVIDIA "). */
  gpu?: string;
  outDir: string;
  apiUrl: string;
  token: string;
  attest: boolean;
  /** The environment the GitHub CLI runs in, for --verify-attestation. */
  env: NodeJS.ProcessEnv;
  /** Told each run with builds that was passed over, and why, when builds of another run were taken. */
  note?: (text: string) => void;
  /** The most bytes the fetch writes, downloads and unzipped files together (src/fetch/limit.ts). */
  maxBytes?: number;
}

/** One fetched file: its name in the output folder, where the report lists it, and its sha256. */
export interface FetchedFile {
  name: string;
  bytes: number;
  sha256: string;
}

export interface FetchedBuild {
  name: string;
  runId: number;
  report: BuildReport;
  pte: FetchedFile;
  ptd: FetchedFile[];
  /** report.json, saved as `<name>.report.json`. */
  reportFile: FetchedFile;
}

const ZIP_TYPES = new Set(["application/zip", "application/x-zip-compressed", "application/zip-compressed"]);
const MAX_REPORT_BYTES = 16 << 20;

function refuse(
  message: string,
  hint = "nothing was written; the files may have been changed after the build",
): never {
  throw new TrtPteError("verification", message, hint);
}

/**
 * Downloads one artifact into `dir` as the file `name`: the bytes must hash to the digest GitHub
 * recorded, and a zip (what GitHub serves for an archived artifact) must hold one file, which is
 * taken out. Returns the file's path.
 */
async function downloadArtifact(
  rest: GitHubRest,
  repo: string,
  build: BuildArtifacts,
  name: string,
  dir: string,
  budget: ByteBudget,
): Promise<string> {
  const artifact: RestArtifact | undefined = build.artifacts.get(name);
  if (artifact === undefined) {
    refuse(
      `run ${build.runId} has no artifact '${name}', which the build's report lists`,
      "nothing was written; re-run the workflow to publish the build whole",
    );
  }
  const what = `artifact '${name}' of run ${build.runId}`;
  if (artifact.expired) {
    const when = artifact.expires_at ? ` on ${artifact.expires_at.slice(0, 10)}` : "";
    throw new ExpiredError(
      410,
      what,
      `expired${when}: GitHub no longer keeps it`,
      "artifacts last as long as the workflow's retention-days: re-run the workflow to build it again",
    );
  }
  const recorded = artifact.digest ?? "";
  if (!/^sha256:[0-9a-f]{64}$/.test(recorded)) {
    refuse(
      `${what}: GitHub recorded no sha256 digest for it, so the download cannot be checked`,
      "nothing was written; artifacts uploaded by trt-pte (upload-artifact v4 and later) carry one",
    );
  }
  if (artifact.size_in_bytes > budget.left) {
    throw tooLarge(what, budget.limit, `GitHub lists it at ${artifact.size_in_bytes} bytes`);
  }
  const download = path.join(dir, `${name}.download`);
  const got = await rest.download(
    `/repos/${repo}/actions/artifacts/${artifact.id}/zip`,
    what,
    download,
    budget,
  );
  budget.spend(got.bytes);
  if (`sha256:${got.sha256}` !== recorded) {
    refuse(
      `${name}: the download hashes to sha256:${got.sha256}, GitHub's artifact service recorded ${recorded}`,
    );
  }
  const target = path.join(dir, name);
  if (!ZIP_TYPES.has(got.contentType)) {
    await fs.rename(download, target);
    return target;
  }
  try {
    const files = (await zipEntries(download)).filter((e) => !e.name.endsWith("/"));
    const [only] = files;
    if (only === undefined || files.length !== 1) {
      refuse(`${name}: the artifact is a zip of ${files.length} files, not the one file trt-pte uploads`);
    }
    if (only.size > budget.left) throw tooLarge(what, budget.limit, `its zip lists ${only.size} bytes`);
    await extractEntry(download, only, target, budget.left);
    budget.spend(only.size);
  } catch (e) {
    if (e instanceof ZipError) refuse(`${name}: the artifact's zip does not read: ${e.message}`);
    throw e;
  }
  await fs.rm(download);
  return target;
}

/** The file at `file` must be what the report lists. */
async function checkListed(file: string, name: string, listed: { sha256: string }): Promise<FetchedFile> {
  const sha256 = await sha256File(file);
  if (sha256 !== listed.sha256) {
    refuse(`${name}: its sha256 is ${sha256}, the build's report.json lists ${listed.sha256}`);
  }
  return { name, bytes: (await fs.stat(file)).size, sha256 };
}

async function readReport(
  rest: GitHubRest,
  repo: string,
  build: BuildArtifacts,
  dir: string,
  budget: ByteBudget,
): Promise<{ report: BuildReport; file: FetchedFile }> {
  const name = reportArtifactName(build.name);
  const size = build.artifacts.get(name)?.size_in_bytes ?? 0;
  if (size > MAX_REPORT_BYTES) refuse(`${name}: ${size} bytes is no trt-pte report`);
  const file = await downloadArtifact(rest, repo, build, name, dir, budget);
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(file, "utf8"));
  } catch (e) {
    refuse(`${name} is not JSON (${(e as Error).message})`);
  }
  const report = parseBuildReport(raw);
  if (report.artifactName !== build.name) {
    refuse(`${name} describes the build '${escapeControls(report.artifactName)}', not '${build.name}'`);
  }
  return { report, file: { name, bytes: (await fs.stat(file)).size, sha256: await sha256File(file) } };
}

function lower(text: string): string {
  return text.toLowerCase();
}

function matches(report: BuildReport, model: string | undefined, gpu: string | undefined): boolean {
  if (model !== undefined && model !== report.modelName && model !== report.artifactName) return false;
  if (gpu === undefined) return true;
  const kinds = [report.gpuName, (report.gpu?.name ?? "").replace(/^NVIDIA\s+/i, "")].filter((k) => k !== "");
  return kinds.some((k) => lower(k) === lower(gpu));
}

/** Moves every staged file into `outDir`; a failure part way takes back what it moved. */
async function promote(staged: readonly string[], outDir: string): Promise<void> {
  await fs.mkdir(outDir, { recursive: true });
  const moved: string[] = [];
  try {
    for (const file of staged) {
      const target = path.join(outDir, path.basename(file));
      try {
        await fs.rename(file, target);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EXDEV") throw e;
        // Another file system: copy beside the target, then rename, so no half file shows.
        const partial = `${target}.partial-${process.pid}`;
        await fs.copyFile(file, partial);
        await fs.rename(partial, target);
      }
      moved.push(target);
    }
  } catch (e) {
    for (const target of moved) await fs.rm(target, { force: true });
    throw e;
  }
}

export async function fetchBuilds(options: FetchOptions): Promise<FetchedBuild[]> {
  const rest = new GitHubRest(options.apiUrl, options.token);
  const { repo, source } = options;
  const found = await findBuilds(rest, repo, source);
  if (found.builds.length === 0 && found.skipped.length > 0) {
    throw new TrtPteError(
      "verification",
      `no trt-pte build of ${describeSource(source)} of ${repo} that fetch trusts: ${found.skipped.join("; ")}`,
      `fetch takes builds from runs of the repository's own code, and from a fork's run only once it succeeded and a required reviewer of the ${FORK_GATE_ENVIRONMENT} environment approved it (docs/downloads.md, "Which runs it trusts"); ` +
        "ask a maintainer to approve the fork's build, or fetch one of the repository's own (--branch, or --run of its own run); where a run could not be read, the token needs `actions: read`. Nothing was written",
    );
  }
  for (const why of found.skipped) options.note?.(`passed over: ${why}`);
  if (found.builds.length === 0) {
    throw new TrtPteError(
      "settings",
      `no trt-pte build for ${describeSource(source)} of ${repo} (looked at ${found.searched})`,
      "a build uploads `<name>.report.json` beside its .pte; check that the workflow ran trt-pte with `upload: true` and that it finished",
    );
  }
  const budget = new ByteBudget(options.maxBytes);
  const staging = await fs.mkdtemp(path.join(os.tmpdir(), "trt-pte-fetch-"));
  try {
    const reports = [];
    for (const build of found.builds)
      reports.push({ build, ...(await readReport(rest, repo, build, staging, budget)) });
    const chosen = reports.filter((r) => matches(r.report, options.model, options.gpu));
    if (chosen.length === 0) {
      const filters = [options.model && `--model ${options.model}`, options.gpu && `--gpu ${options.gpu}`]
        .filter(Boolean)
        .join(" ");
      const listed = reports.map(
        (r) =>
          `${r.build.name} (model ${escapeControls(r.report.modelName) || "?"}, GPU ${escapeControls(r.report.gpuName) || "none"})`,
      );
      throw new TrtPteError(
        "settings",
        `no build of ${describeSource(source)} matches ${filters}; it has ${listed.join(", ")}`,
        "--model takes the model's short name or the build's artifact name; --gpu the GPU kind (the `gpus` name) it was built for",
      );
    }
    const fetched: FetchedBuild[] = [];
    const files: string[] = [];
    for (const { build, report, file } of chosen) {
      const one = async (name: string, listed: { sha256: string }): Promise<FetchedFile> => {
        const local = await downloadArtifact(rest, repo, build, name, staging, budget);
        files.push(local);
        return checkListed(local, name, listed);
      };
      const pte = await one(pteArtifactName(build.name), report.pte);
      const ptd = [];
      for (const listed of report.ptd) ptd.push(await one(ptdArtifactName(build.name, listed.name), listed));
      files.push(path.join(staging, reportArtifactName(build.name)));
      fetched.push({ name: build.name, runId: build.runId, report, pte, ptd, reportFile: file });
    }
    if (options.attest) {
      for (const build of fetched) {
        for (const f of [build.pte, ...build.ptd]) {
          await verifyAttestation(path.join(staging, f.name), f.name, {
            repo,
            sourceRef: "branch" in source ? `refs/heads/${source.branch}` : null,
            apiUrl: options.apiUrl,
            env: options.env,
          });
        }
      }
    }
    await promote(files, options.outDir);
    return fetched;
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}
