// `trt-pte fetch` against stand-ins of the REST endpoints it uses (runs, a run and its review history,
// a run's artifacts, the download's redirect to storage, a pull request and its comments), in GitHub's
// documented shapes: found by pull request (through trt-pte's comments, else its head commit), by run
// and by branch; only from runs it trusts (the repository's own, or a fork's its reviewers approved);
// every file checked against GitHub's digest and the build's report, and nothing written unless all
// of it passed.

import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StandInServer } from "./support/http.js";
import { BlobStore } from "./support/blob-store.js";
import { ArtifactService } from "./support/artifact-service.js";
import { ActionsApi } from "./support/actions-api.js";
import { GitHubApi } from "./support/github-api.js";
import { zip } from "./support/zip.js";
import { fetchCommand } from "../src/cli/fetch-command.js";
import { fetchBuilds } from "../src/fetch/fetch.js";
import { runMarker } from "../src/github/sticky-comment.js";
import { FORK_GATE_ENVIRONMENT } from "../src/gather/fork-run.js";

const TOKEN = "ghp_fetchTOKEN0123456789abcdefghijklmn";
const REPO = "octo/models";
const sha256 = (b: Buffer) => createHash("sha256").update(b).digest("hex");

/** A build's files and the report that lists them, as trt-pte uploads them (src/publish/upload.ts). */
function build(
  name: string,
  options: { gpu?: string; ptd?: boolean; target?: string; gpuName?: string; executorch?: string } = {},
) {
  const pte = Buffer.concat([Buffer.from([0x1c, 0, 0, 0]), Buffer.from(`ET12 program of ${name}`)]);
  const ptd = Buffer.from(`named data of ${name}`);
  const report = {
    schema: "trt-pte/report@2",
    model: "models/detector.py:build",
    model_name: "detector-build",
    target: options.target ?? "tensorrt",
    artifact_name: name,
    gpu_name: options.gpu ?? "",
    pte: { name: "detector-build.pte", kind: "pte", bytes: pte.length, sha256: sha256(pte) },
    ptd:
      options.ptd === false
        ? []
        : [{ name: "aoti_cuda_blob.ptd", kind: "ptd", bytes: ptd.length, sha256: sha256(ptd) }],
    inputs: [{ name: null, dtype: "float32", dims: [{ symbol: null, min: 1, opt: 1, max: 1 }] }],
    versions: {
      executorch: options.executorch ?? "1.4.1",
      tensorrt: "10.14.1.48",
      torch_tensorrt: "2.13.0",
    },
    gpu: {
      name: options.gpuName ?? "NVIDIA A100-SXM4-80GB",
      compute_capability: "8.0",
      driver_version: "580.65",
    },
    details: { compile_settings: {} },
  };
  const files: Record<string, Buffer> = {
    [`${name}.pte`]: pte,
    [`${name}.report.json`]: Buffer.from(JSON.stringify(report)),
  };
  if (options.ptd !== false) files[`${name}--aoti_cuda_blob.ptd`] = ptd;
  return { files, report, pte, ptd };
}

describe("trt-pte fetch", () => {
  const blobs = new BlobStore();
  const artifacts = new ArtifactService(blobs);
  const api = new ActionsApi(REPO, TOKEN, artifacts, blobs);
  const comments = new GitHubApi(REPO, TOKEN);
  const server = new StandInServer([api, comments, artifacts, blobs]);
  let base: string;

  /** Uploads a build's files as the artifacts of `run` (one per file, unzipped unless `zipped`). */
  function upload(run: number, files: Record<string, Buffer>, zipped = false): void {
    for (const [name, bytes] of Object.entries(files)) {
      artifacts.put({ run: `run-${run}`, name, bytes: zipped ? zip({ [name]: bytes }) : bytes, zipped });
    }
  }

  async function fetch(args: string[], env: Record<string, string> = {}) {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-fetched-"));
    const dir = path.join(out, "pte");
    let stdout = "";
    let stderr = "";
    const code = await fetchCommand(
      ["--repo", REPO, ...args, "-o", dir],
      { GITHUB_API_URL: base, GH_TOKEN: TOKEN, PATH: "/nonexistent", ...env },
      { out: (t) => (stdout += t), err: (t) => (stderr += t) },
    );
    const written = fs.existsSync(dir) ? fs.readdirSync(dir).sort() : null;
    return { code, stdout, stderr, dir, written, parentEntries: fs.readdirSync(out) };
  }

  const a100 = build("detector-build-tensorrt-a100", { gpu: "a100" });
  const l4 = build("detector-build-tensorrt-l4", { gpu: "l4" });
  const older = build("detector-build-tensorrt-a100", { gpu: "a100" });
  older.files["detector-build-tensorrt-a100.pte"] = Buffer.from("an older build");

  beforeAll(async () => {
    base = await server.start();
    // Pull request 7: run 601 built first, run 602 after the next push; trt-pte's comment names 602.
    api.addRun({
      id: 601,
      headSha: "a".repeat(40),
      branch: "feature",
      event: "pull_request",
      backendId: "run-601",
    });
    api.addRun({
      id: 602,
      headSha: "b".repeat(40),
      branch: "feature",
      event: "pull_request",
      backendId: "run-602",
    });
    upload(601, build("detector-build-tensorrt-a100", { gpu: "a100" }).files);
    upload(602, { ...a100.files, ...l4.files });
    api.pulls.set(7, { sha: "b".repeat(40), ref: "feature" });
    comments.addComment(7, `<!-- trt-pte:call:0123456789ab -->\n### trt-pte\n${runMarker("602")}\n`);
    // A person pasting our markers (pointing at a run of their choosing) is never followed.
    comments.addComment(7, `<!-- trt-pte:call:0123456789ab -->\n${runMarker("601")}\n`, {
      login: "mallory",
      type: "User",
    });
    // Pull request 8 commented nothing: its head commit's runs are searched.
    api.addRun({
      id: 700,
      headSha: "c".repeat(40),
      branch: "other",
      event: "pull_request",
      backendId: "run-700",
    });
    upload(700, build("detector-build-xnnpack", { target: "xnnpack", ptd: false }).files);
    api.pulls.set(8, { sha: "c".repeat(40), ref: "other" });
    // Branch main: its newest commit's run built nothing of trt-pte's; the one before did.
    api.addRun({ id: 800, headSha: "d".repeat(40), branch: "main", event: "push", backendId: "run-800" });
    api.addRun({ id: 801, headSha: "e".repeat(40), branch: "main", event: "push", backendId: "run-801" });
    upload(800, build("detector-build-tensorrt-a100", { gpu: "a100" }).files);
    upload(801, { "coverage.txt": Buffer.from("not ours") });
  });
  afterAll(() => server.stop());

  it("by pull request: the builds of the run trt-pte's comment names, every file checked", async () => {
    const run = await fetch(["--pr", "7"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.written).toEqual([...Object.keys(a100.files), ...Object.keys(l4.files)].sort());
    for (const [name, bytes] of Object.entries({ ...a100.files, ...l4.files })) {
      expect(fs.readFileSync(path.join(run.dir, name)).equals(bytes)).toBe(true);
    }
    expect(run.stdout).toContain(
      "Fetched detector-build-tensorrt-a100 (tensorrt) from run 602 of octo/models",
    );
    expect(run.stdout).toMatch(
      /detector-build-tensorrt-a100\.pte {2}\d+ B {2}sha256 [0-9a-f]{16}… {2}\(GitHub's digest ✓ · report ✓\)/,
    );
    expect(run.stdout).toContain(
      "needs to run: TensorRT 10.14 · a GPU of compute capability 8.0 (built on NVIDIA A100-SXM4-80GB) · " +
        "ExecuTorch 1.4.1 · loaded with detector-build-tensorrt-a100--aoti_cuda_blob.ptd",
    );
    // The token went to the API only: never to storage, never printed.
    const storage = server.requests.filter((r) => r.url.startsWith("/devstoreaccount1/"));
    expect(storage.length).toBeGreaterThan(0);
    expect(storage.every((r) => r.headers.authorization === undefined)).toBe(true);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it("narrows to one build with --model and --gpu, and names what there is when nothing matches", async () => {
    const one = await fetch(["--pr", "7", "--model", "detector-build", "--gpu", "L4"]);
    expect(one.code, one.stderr).toBe(0);
    expect(one.written).toEqual(Object.keys(l4.files).sort());
    const byName = await fetch(["--run", "602", "--model", "detector-build-tensorrt-a100"]);
    expect(byName.written).toEqual(Object.keys(a100.files).sort());
    const none = await fetch(["--pr", "7", "--gpu", "h100"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(
      "no build of pull request #7 matches --gpu h100; it has detector-build-tensorrt-a100 (model detector-build, GPU a100), " +
        "detector-build-tensorrt-l4 (model detector-build, GPU l4)",
    );
    expect(none.written).toBeNull();
  });

  it("by pull request without a comment: the runs of its head commit", async () => {
    const run = await fetch(["--pr", "8"]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.written).toEqual(["detector-build-xnnpack.pte", "detector-build-xnnpack.report.json"]);
    expect(run.stdout).toContain("needs to run: any CPU · ExecuTorch 1.4.1");
  });

  it("by run, and by branch (its newest commit that has a build)", async () => {
    const byRun = await fetch(["--run", "601", "--gpu", "a100"]);
    expect(byRun.code, byRun.stderr).toBe(0);
    expect(byRun.stdout).toContain("from run 601 of octo/models");
    const byBranch = await fetch(["--branch", "main"]);
    expect(byBranch.code, byBranch.stderr).toBe(0);
    expect(byBranch.stdout).toContain("Fetched detector-build-tensorrt-a100 (tensorrt) from run 800");
    const nothing = await fetch(["--branch", "nowhere"]);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain("no trt-pte build for branch nowhere of octo/models");
  });

  it("unzips an artifact GitHub serves zipped, and checks the zip against the digest", async () => {
    api.addRun({ id: 900, headSha: "f".repeat(40), branch: "zipped", event: "push", backendId: "run-900" });
    upload(900, a100.files, true);
    const run = await fetch(["--run", "900"]);
    expect(run.code, run.stderr).toBe(0);
    expect(fs.readFileSync(path.join(run.dir, "detector-build-tensorrt-a100.pte")).equals(a100.pte)).toBe(
      true,
    );
  });

  it("refuses a file that does not match its report, naming it, and leaves nothing in -o", async () => {
    // The artifact is intact as GitHub stored it, but it is not the file the build's report lists.
    api.addRun({ id: 910, headSha: "1".repeat(40), branch: "t1", event: "push", backendId: "run-910" });
    upload(910, {
      ...a100.files,
      "detector-build-tensorrt-a100--aoti_cuda_blob.ptd": Buffer.from("swapped weights"),
    });
    const run = await fetch(["--run", "910"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^verification: detector-build-tensorrt-a100--aoti_cuda_blob\.ptd: its sha256 is [0-9a-f]{64}, the build's report\.json lists [0-9a-f]{64}\n {2}hint: nothing was written/,
    );
    expect(run.written).toBeNull();
    expect(run.parentEntries).toEqual([]);
  });

  it("refuses a download that is not what GitHub's artifact service recorded", async () => {
    api.addRun({ id: 920, headSha: "2".repeat(40), branch: "t2", event: "push", backendId: "run-920" });
    upload(920, a100.files);
    const stored = artifacts.artifacts.find((a) => a.runBackendId === "run-920" && a.name.endsWith(".pte"))!;
    blobs.blobs.set(stored.blobKey, Buffer.from("bytes changed in storage"));
    const run = await fetch(["--run", "920"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^verification: detector-build-tensorrt-a100\.pte: the download hashes to sha256:[0-9a-f]{64}, GitHub's artifact service recorded sha256:[0-9a-f]{64}/,
    );
    expect(run.written).toBeNull();
  });

  it("names an expired artifact, listed as expired or gone (410) at download", async () => {
    api.addRun({ id: 930, headSha: "3".repeat(40), branch: "t3", event: "push", backendId: "run-930" });
    upload(930, a100.files, false);
    const pte = artifacts.artifacts.find((a) => a.runBackendId === "run-930" && a.name.endsWith(".pte"))!;
    pte.expiresAt = "2026-02-01T00:00:00Z";
    const listed = await fetch(["--run", "930"]);
    expect(listed.code).toBe(1);
    expect(listed.stderr).toContain(
      "artifact 'detector-build-tensorrt-a100.pte' of run 930: expired on 2026-02-01: GitHub no longer keeps it\n" +
        "  hint: artifacts last as long as the workflow's retention-days: re-run the workflow to build it again",
    );
    expect(listed.written).toBeNull();
    pte.expiresAt = undefined;
    api.goneAtDownload.add(pte.id);
    const gone = await fetch(["--run", "930"]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain(
      "artifact 'detector-build-tensorrt-a100.pte' of run 930: 410 Artifact has expired: GitHub no longer keeps it",
    );
    expect(gone.written).toBeNull();
  });

  describe("takes builds only from runs it trusts", () => {
    /** A build a fork could make on a hosted runner: files and a report that agree, every digest right. */
    const forged = build("detector-build-tensorrt-a100", { gpu: "a100" });
    forged.files["detector-build-tensorrt-a100.pte"] = Buffer.from("a fork's program");
    forged.report.pte.sha256 = sha256(forged.files["detector-build-tensorrt-a100.pte"]);
    forged.files["detector-build-tensorrt-a100.report.json"] = Buffer.from(JSON.stringify(forged.report));
    const approved = [
      { state: "approved" as const, environments: [FORK_GATE_ENVIRONMENT], reviewer: "maintainer" },
    ];

    beforeAll(() => {
      // A fork's pull request from its own branch called `main`: GitHub's `branch=main` lists its runs.
      api.addRun({
        id: 850,
        headSha: "9".repeat(40),
        branch: "main",
        event: "pull_request",
        backendId: "run-850",
        headRepository: "mallory/models",
      });
      upload(850, forged.files);
      // A workflow_run on main of the repository itself (the fork-PR commenter's kind): its head
      // branch is the triggering run's, its build not the branch's.
      api.addRun({
        id: 851,
        headSha: "9".repeat(40),
        branch: "main",
        event: "workflow_run",
        backendId: "run-851",
      });
      upload(851, forged.files);
      // Pull request 11 from a fork: nobody approved its run 1100, which uploaded a forged build.
      api.pulls.set(11, { sha: "7".repeat(40), ref: "main", headRepository: "mallory/models" });
      api.addRun({
        id: 1100,
        headSha: "7".repeat(40),
        branch: "main",
        event: "pull_request",
        backendId: "run-1100",
        headRepository: "mallory/models",
      });
      upload(1100, forged.files);
      // Pull request 12 from a fork: a reviewer of the fork gate approved run 1200, which succeeded;
      // run 1201 of the same commit was approved but failed.
      api.pulls.set(12, { sha: "6".repeat(40), ref: "patch-1", headRepository: "alice/models" });
      api.addRun({
        id: 1200,
        headSha: "6".repeat(40),
        branch: "patch-1",
        event: "pull_request",
        backendId: "run-1200",
        headRepository: "alice/models",
        reviews: approved,
      });
      upload(1200, build("detector-build-tensorrt-l4", { gpu: "l4" }).files);
      api.addRun({
        id: 1201,
        headSha: "6".repeat(40),
        branch: "patch-1",
        event: "pull_request",
        backendId: "run-1201",
        headRepository: "alice/models",
        conclusion: "failure",
        reviews: approved,
      });
      upload(1201, {
        "detector-build-tensorrt-a100.report.json": forged.files["detector-build-tensorrt-a100.report.json"]!,
      });
      // Pull request 13 from the repository itself, whose bot comment names a fork's run (a comment
      // left over, or one the fork's run made); its head commit's own run 1300 built too.
      api.pulls.set(13, { sha: "5".repeat(40), ref: "feature-13" });
      comments.addComment(13, `<!-- trt-pte:call:0123456789ab -->\n${runMarker("1100")}\n`);
      api.addRun({
        id: 1300,
        headSha: "5".repeat(40),
        branch: "feature-13",
        event: "pull_request",
        backendId: "run-1300",
      });
      upload(1300, a100.files);
    });

    it("by branch: never a pull request's run, a fork's named main included", async () => {
      const before = server.requests.length;
      const run = await fetch(["--branch", "main"]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(
        "Fetched detector-build-tensorrt-a100 (tensorrt) from run 800 of octo/models",
      );
      expect(
        fs.readFileSync(path.join(run.dir, "detector-build-tensorrt-a100.pte")).toString(),
      ).not.toContain("fork");
      // Only the events that build a branch were asked for.
      const asked = server.requests
        .slice(before)
        .map((r) => new URL(r.url, base))
        .filter(
          (u) => u.pathname === `/repos/${REPO}/actions/runs` && u.searchParams.get("branch") === "main",
        );
      expect(asked.map((u) => u.searchParams.get("event")).sort()).toEqual([
        "push",
        "schedule",
        "workflow_dispatch",
      ]);
    });

    it("by pull request from a fork: refuses a run nobody approved, saying why and what to do", async () => {
      const run = await fetch(["--pr", "11"]);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        "verification: no trt-pte build of pull request #11 of octo/models that fetch trusts: run 1100 is from fork mallory/models, " +
          "and no required reviewer of the `trt-pte-fork-pr` environment approved the run (its fork gate)\n" +
          "  hint: fetch takes builds from runs of the repository's own code, and from a fork's run only once it succeeded and a required reviewer of the trt-pte-fork-pr environment approved it",
      );
      expect(run.written).toBeNull();
      expect(run.parentEntries).toEqual([]);
      // Asked by its ID, the same run is the fork's all the same.
      const byRun = await fetch(["--run", "1100"]);
      expect(byRun.code).toBe(1);
      expect(byRun.stderr).toContain(
        "no trt-pte build of run 1100 of octo/models that fetch trusts: run 1100 is from fork mallory/models",
      );
      expect(byRun.written).toBeNull();
    });

    it("by pull request from a fork: takes the run a reviewer approved that succeeded, not the one that failed", async () => {
      const run = await fetch(["--pr", "12"]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain(
        "Fetched detector-build-tensorrt-l4 (tensorrt) from run 1200 of octo/models",
      );
      expect(run.written).toEqual(Object.keys(l4.files).sort());
      expect(run.stderr).toBe(
        "trt-pte fetch: passed over: run 1201 is from fork alice/models, and the run did not succeed (conclusion `failure`)\n",
      );
      const failed = await fetch(["--run", "1201"]);
      expect(failed.code).toBe(1);
      expect(failed.stderr).toContain(
        "run 1201 is from fork alice/models, and the run did not succeed (conclusion `failure`)",
      );
    });

    it("by pull request of the repository itself: passes over a fork's run its comment names", async () => {
      const run = await fetch(["--pr", "13"]);
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toContain("from run 1300 of octo/models");
      expect(run.stderr).toContain("trt-pte fetch: passed over: run 1100 is from fork mallory/models");
    });
  });

  it("shows the report's text with every control character escaped", async () => {
    const hostile = build("detector-build-tensorrt-h100", {
      gpu: "h100\u001b[31m",
      gpuName: "NVIDIA H100\u001b]0;owned\u0007\u001b[2J",
      executorch: "1.4.1\u009b1;31m\r\nFetched evil.pte  (GitHub's digest ✓ · report ✓)",
    });
    api.addRun({ id: 960, headSha: "4".repeat(40), branch: "t6", event: "push", backendId: "run-960" });
    upload(960, hostile.files);
    const run = await fetch(["--run", "960"]);
    expect(run.code, run.stderr).toBe(0);
    // eslint-disable-next-line no-control-regex -- none may reach the terminal; \n ends trt-pte's own lines
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(run.stdout).toContain(
      "(built on NVIDIA H100\\x1b]0;owned\\x07\\x1b[2J) · ExecuTorch 1.4.1\\x9b1;31m\\x0d\\x0aFetched evil.pte",
    );
    expect(run.stdout.split("\n").filter((l) => l.startsWith("Fetched"))).toHaveLength(1);
    const none = await fetch(["--run", "960", "--gpu", "b200"]);
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("GPU h100\\x1b[31m");
    expect(none.stderr.includes("\u001b")).toBe(false);
  });

  it("stops at what one fetch may write, and writes nothing", async () => {
    api.addRun({ id: 970, headSha: "8".repeat(40), branch: "t7", event: "push", backendId: "run-970" });
    upload(970, a100.files);
    const options = {
      repo: REPO,
      source: { run: 970 },
      apiUrl: base,
      token: TOKEN,
      attest: false,
      env: {},
    };
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-fetched-"));
    // GitHub lists the .pte at more than is left after the report.
    const small = a100.files["detector-build-tensorrt-a100.report.json"]!.length + 8;
    await expect(fetchBuilds({ ...options, outDir: path.join(out, "a"), maxBytes: small })).rejects.toThrow(
      `artifact 'detector-build-tensorrt-a100.pte' of run 970: GitHub lists it at ${a100.pte.length} bytes, past the ${small} B one trt-pte fetch writes at most`,
    );
    // Storage serves more than GitHub listed: the download stops there.
    const pte = artifacts.artifacts.find((a) => a.runBackendId === "run-970" && a.name.endsWith(".pte"))!;
    pte.size = 1;
    await expect(fetchBuilds({ ...options, outDir: path.join(out, "b"), maxBytes: small })).rejects.toThrow(
      `artifact 'detector-build-tensorrt-a100.pte' of run 970: the download runs on, past the ${small} B one trt-pte fetch writes at most`,
    );
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it("says what to do without a token, and when the token is refused", async () => {
    const none = await fetch(["--pr", "7"], { GH_TOKEN: "", GITHUB_TOKEN: "" });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain(
      "no GitHub token: GH_TOKEN and GITHUB_TOKEN are unset, and there is no GitHub CLI (gh)\n" +
        "  hint: set GH_TOKEN to a token that may read the repository's Actions artifacts (`actions: read`), or sign in with `gh auth login --hostname 127.0.0.1:",
    );
    const wrong = await fetch(["--pr", "7"], { GH_TOKEN: "ghp_wrong" });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain("pull request #7: 401 Bad credentials");
    expect(wrong.stderr).not.toContain("ghp_wrong");
  });

  it("takes the token from the GitHub CLI when the environment has none", async () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-gh-"));
    // `gh auth token --hostname HOST` prints the token for that host.
    fs.writeFileSync(
      path.join(bin, "gh"),
      `#!/bin/sh\n[ "$1 $2 $3" = "auth token --hostname" ] && [ -n "$4" ] && echo '${TOKEN}' && exit 0\nexit 1\n`,
      { mode: 0o755 },
    );
    const run = await fetch(["--pr", "8"], { GH_TOKEN: "", PATH: `${bin}:/usr/bin:/bin` });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).not.toContain(TOKEN);
  });

  it("with --verify-attestation, runs gh attestation verify on each file and writes nothing when one fails", async () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-gh-"));
    const calls = path.join(bin, "calls");
    // The documented interface: `gh attestation verify FILE --repo OWNER/NAME`, exit 0 when verified.
    fs.writeFileSync(
      path.join(bin, "gh"),
      `#!/bin/sh\necho "$*" >> '${calls}'\n[ "$1 $2" = "attestation verify" ] && [ "$4 $5" = "--repo ${REPO}" ] || exit 2\n` +
        `case "$3" in *.ptd) echo "✗ Verification failed: no attestations found for subject" >&2; exit 1;; esac\nexit 0\n`,
      { mode: 0o755 },
    );
    const run = await fetch(["--pr", "8", "--verify-attestation"], { PATH: `${bin}:/usr/bin:/bin` });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("(GitHub's digest ✓ · report ✓ · attestation ✓)");
    // The API here is not github.com's, so gh is told the host, as for GitHub Enterprise Server.
    expect(fs.readFileSync(calls, "utf8")).toMatch(
      /^attestation verify \S+\/detector-build-xnnpack\.pte --repo octo\/models --hostname 127\.0\.0\.1:\d+\n$/,
    );
    const failed = await fetch(["--run", "602", "--gpu", "a100", "--verify-attestation"], {
      PATH: `${bin}:/usr/bin:/bin`,
    });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain(
      "detector-build-tensorrt-a100--aoti_cuda_blob.ptd: gh attestation verify failed: ✗ Verification failed: no attestations found for subject",
    );
    expect(failed.written).toBeNull();
    const noGh = await fetch(["--pr", "8", "--verify-attestation"]);
    expect(noGh.stderr).toContain("--verify-attestation needs the GitHub CLI (gh), which is not on PATH");
  });

  it("with --verify-attestation for a branch, holds the attestation to a run on that branch", async () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-gh-"));
    const calls = path.join(bin, "calls");
    // `--source-ref REF`: the certificate's source repository ref must be REF (refs/pull/N/merge for
    // a pull request's run); a GitHub CLI without the flag says it does not know it.
    fs.writeFileSync(
      path.join(bin, "gh"),
      `#!/bin/sh\necho "$*" >> '${calls}'\n[ -n "$OLD_GH" ] && [ "$6" = "--source-ref" ] && echo "unknown flag: --source-ref" >&2 && exit 1\n` +
        `[ "$4 $5" = "--repo ${REPO}" ] && [ "$6 $7" = "--source-ref refs/heads/main" ] && exit 0\n` +
        `echo "✗ Verification failed: expected SourceRepositoryRef to be refs/heads/main, got refs/pull/9/merge" >&2; exit 1\n`,
      { mode: 0o755 },
    );
    const run = await fetch(["--branch", "main", "--gpu", "a100", "--verify-attestation"], {
      PATH: `${bin}:/usr/bin:/bin`,
    });
    expect(run.code, run.stderr).toBe(0);
    expect(fs.readFileSync(calls, "utf8")).toMatch(
      /^attestation verify \S+\/detector-build-tensorrt-a100\.pte --repo octo\/models --source-ref refs\/heads\/main --hostname 127\.0\.0\.1:\d+\n/,
    );
    // A pull request's or a run's build is held to the repository only: its ref is the pull request's.
    fs.rmSync(calls);
    const byRun = await fetch(["--run", "800", "--verify-attestation"], { PATH: `${bin}:/usr/bin:/bin` });
    expect(byRun.code).toBe(1);
    expect(fs.readFileSync(calls, "utf8")).not.toContain("--source-ref");
    const old = await fetch(["--branch", "main", "--verify-attestation"], {
      PATH: `${bin}:/usr/bin:/bin`,
      OLD_GH: "1",
    });
    expect(old.code).toBe(1);
    expect(old.stderr).toContain(
      "hint: nothing was written; this GitHub CLI is too old to check which branch made the attestation (`--source-ref`): update gh",
    );
    expect(old.written).toBeNull();
  });

  it("refuses bad flags with the usage", async () => {
    for (const args of [["--pr", "7", "--run", "1"], ["--pr", "x"], []]) {
      const run = await fetch(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("Usage: trt-pte fetch --repo OWNER/NAME");
    }
  });
});
