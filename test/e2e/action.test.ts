// The bundled action (dist/index.js) run as a process under Node 24 with INPUT_* variables, against
// a local stand-in of GitHub's artifact service, so the real @actions/artifact client uploads.

import fs from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { StandInServer, runtimeToken } from "../support/http.js";
import { BlobStore } from "../support/blob-store.js";
import { ArtifactService } from "../support/artifact-service.js";
import { REPO, TEST_PYTHON, makeWorkspace, runAction } from "../support/action-run.js";
import { GitHubApi } from "../support/github-api.js";
import { pullRequestPayload } from "../support/events.js";

const ACTION = path.join(REPO, "dist", "index.js");
const TOKEN = runtimeToken("run-backend-1", "job-backend-1");
const GITHUB_TOKEN = "ghs_actionTOKEN0123456789abcdefghijkl";

describe("the bundled action", () => {
  const blobs = new BlobStore();
  const artifacts = new ArtifactService(blobs);
  const github = new GitHubApi("octo/models", GITHUB_TOKEN);
  const server = new StandInServer([artifacts, github, blobs]);
  let env: Record<string, string>;
  let base = "";
  // The first export's workspace and cache folder: the trt-pte.yml test below builds the same model
  // again as a cache hit from its entry, so it adds one export, not two.
  let exampleWorkspace = "";

  beforeAll(async () => {
    base = await server.start();
    env = { ACTIONS_RUNTIME_TOKEN: TOKEN, ACTIONS_RESULTS_URL: `${base}/` };
  });
  afterAll(() => server.stop());

  it("exports the example with xnnpack and uploads the .pte and report as artifacts of one file each", async () => {
    const ws = makeWorkspace();
    exampleWorkspace = ws;
    const run = await runAction(
      ACTION,
      {
        model: "examples/cos_block.py:build",
        target: "xnnpack",
        python: TEST_PYTHON,
        "retention-days": "5",
        "cache-dir": ".cache-dir",
      },
      env,
      ws,
    );
    expect(run.code, run.log).toBe(0);

    const pte = path.join(ws, "trt-pte-out", "cos_block-build-xnnpack", "cos_block-build.pte");
    expect(run.outputs.pte).toBe(pte);
    const onDisk = fs.readFileSync(pte);
    expect(onDisk.toString("latin1", 4, 8)).toBe("ET12");
    expect(run.outputs.digest).toBe(`sha256:${createHash("sha256").update(onDisk).digest("hex")}`);
    expect(run.outputs.ptd).toBe("");
    // The .pte ran in ExecuTorch's runtime before it was published, and was timed against eager.
    expect(run.outputs["pte-ran"]).toBe("true");
    expect(Number(run.outputs.speedup)).toBeGreaterThan(0);

    // One artifact per file, unzipped, named after the build; the .pte goes last.
    expect(artifacts.artifacts.map((a) => [a.name, a.zipped, a.mimeType, a.finalized])).toEqual([
      ["cos_block-build-xnnpack.report.json", false, "application/json", true],
      ["cos_block-build-xnnpack.pte", false, "application/octet-stream", true],
    ]);
    const stored = artifacts.artifacts.find((a) => a.name === "cos_block-build-xnnpack.pte")!;
    // The service stored the .pte's own bytes, so its digest is the file's sha256.
    expect(artifacts.content("cos_block-build-xnnpack.pte").equals(onDisk)).toBe(true);
    expect(stored.hash).toBe(run.outputs.digest);
    expect(run.outputs["artifact-digest"]).toBe(run.outputs.digest);
    expect(run.outputs["artifact-id"]).toBe(String(stored.id));
    expect(run.outputs["artifact-url"]).toBe(
      `https://github.com/octo/models/actions/runs/4242/artifacts/${stored.id}`,
    );
    expect(JSON.parse(run.outputs["artifact-files"]!)).toEqual([
      expect.objectContaining({ name: "cos_block-build-xnnpack.report.json", file: "report.json" }),
      {
        name: "cos_block-build-xnnpack.pte",
        file: "cos_block-build.pte",
        id: stored.id,
        url: run.outputs["artifact-url"],
        digest: run.outputs.digest,
      },
    ]);
    // Retention: the service received an expiry about five days out.
    const expires = Date.parse(stored.expiresAt!);
    expect(Math.round((expires - Date.now()) / 86_400_000)).toBe(5);

    const report = JSON.parse(
      artifacts.content("cos_block-build-xnnpack.report.json").toString("utf8"),
    ) as Record<string, unknown>;
    expect(report).toEqual(JSON.parse(fs.readFileSync(run.outputs.report!, "utf8")));
    expect(report).toMatchObject({
      schema: "trt-pte/report@3",
      target: "xnnpack",
      model: "examples/cos_block.py:build",
    });
    expect(report.partition).toEqual({ XnnpackBackend: 5, undelegated: 0 });
    // What the .pte holds, read by src/pte, travels in the report and the summary.
    expect(report.inspection).toMatchObject({
      schema: "trt-pte/inspection@1",
      file: { path: "cos_block-build.pte", bytes: onDisk.length },
      delegates: [{ id: "XnnpackBackend", plan: "forward", payload: { format: "xnnpack" } }],
    });
    expect(run.summary).toMatch(/\| Delegates \| XnnpackBackend ×1 \(payload .*\) \|/);

    expect(run.summary).toContain("### trt-pte · cos_block-build · xnnpack");
    expect(run.summary).toMatch(
      /\| Latency \| [0-9.]+ ms vs eager [0-9.]+ ms: (?:[0-9.]+× \(95% CI [0-9.]+–[0-9.]+\)|noisy: [0-9.]+–[0-9.]+× \(95% CI; .*?\)), \d+ paired runs each/,
    );
    expect(run.summary).toContain("| Ran | ✅ the .pte ran in `executorch runtime` |");
    expect(run.summary).toContain(`[⬇ cos_block-build-xnnpack.pte](${run.outputs["artifact-url"]})`);
    // "Use it": fetch this run's build, then load the downloaded .pte by its name.
    expect(run.summary).toContain(
      "trt-pte fetch --repo octo/models --run 4242 --model cos_block-build-xnnpack\n",
    );
    expect(run.summary).toContain('Runtime.get().load_program("cos_block-build-xnnpack.pte")');
    // The export's log is streamed inside its own group.
    expect(run.log).toMatch(
      /::group::Export examples\/cos_block.py:build → xnnpack[\s\S]*torch.export[\s\S]*::endgroup::/,
    );
  });

  it("builds a trt-pte.yml's models past a broken one: an artifact each, one summary and comment, `builds`", async () => {
    const ws = exampleWorkspace || makeWorkspace();
    // The other models' files are new *.py files of the workspace: the first model's hash-files keep
    // its key to the one file it had above, examples/cos_block.py.
    fs.mkdirSync(path.join(ws, "models"));
    fs.writeFileSync(
      path.join(ws, "models", "tiny.py"),
      "import torch\n\n\ndef build():\n    return torch.nn.ReLU()\n",
    );
    fs.writeFileSync(
      path.join(ws, "models", "broken.py"),
      "def build():\n    raise RuntimeError('no weights')\n",
    );
    fs.writeFileSync(
      path.join(ws, "trt-pte.yml"),
      [
        "models:",
        "  - model: examples/cos_block.py:build # built by the test above: a cache hit",
        "    target: xnnpack",
        "    hash-files: examples/*.py",
        "  - name: relu",
        "    model: models/tiny.py:build",
        "    inputs: float32[2,3]",
        "    target: portable",
        "    benchmark-seconds: 0",
        "  - name: broken",
        "    model: models/broken.py:build",
        "    target: portable",
        "",
      ].join("\n"),
    );
    const before = artifacts.artifacts.length;
    const event = path.join(ws, "..", `event-${path.basename(ws)}.json`);
    fs.writeFileSync(event, JSON.stringify(pullRequestPayload()));
    const run = await runAction(
      ACTION,
      {
        config: "trt-pte.yml",
        python: TEST_PYTHON,
        "cache-dir": ".cache-dir",
        comment: "true",
        "github-token": GITHUB_TOKEN,
      },
      {
        ...env,
        // Another run than the first test's: artifact names are unique per run.
        ACTIONS_RUNTIME_TOKEN: runtimeToken("run-backend-2", "job-backend-2"),
        GITHUB_RUN_ID: "4343",
        GITHUB_API_URL: base,
        GITHUB_EVENT_NAME: "pull_request",
        GITHUB_EVENT_PATH: event,
      },
      ws,
    );
    expect(run.code, run.log).toBe(1);
    // Each built model's files as artifacts of their own; nothing of the broken one.
    const uploaded = artifacts.artifacts.slice(before);
    expect(uploaded.map((a) => a.name).sort()).toEqual([
      "cos_block-build-xnnpack.pte",
      "cos_block-build-xnnpack.report.json",
      "relu-portable.pte",
      "relu-portable.report.json",
    ]);
    // The broken model is annotated at its line and named; the step fails after the others were published.
    expect(run.log).toContain(
      "::error file=models/broken.py,line=2::broken: model_error: the model factory 'build' raised RuntimeError: no weights",
    );
    expect(run.log).toMatch(/::error::model_error: 1 of 3 models failed: broken%0A/);
    const builds = JSON.parse(run.outputs.builds!) as Record<string, string>[];
    expect(builds.map((b) => [b.name, b.target, b.outcome, b["cache-hit"]])).toEqual([
      ["cos_block-build", "xnnpack", "success", "true"],
      ["relu", "portable", "success", "false"],
      ["broken", "portable", "failure", ""],
    ]);
    for (const built of builds.slice(0, 2)) {
      const stored = uploaded.find((a) => a.name === `${built!["artifact-name"]}.pte`)!;
      expect(built!["artifact-id"]).toBe(String(stored.id));
      expect(built!["artifact-url"]).toBe(
        `https://github.com/octo/models/actions/runs/4343/artifacts/${stored.id}`,
      );
      expect(built!.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    }
    // The cache hit's speedup is what the run that built it measured; relu was not timed.
    expect(Number(builds[0]!.speedup)).toBeGreaterThan(0);
    expect(builds[1]!.speedup).toBe("");
    // Several models: the single-build outputs say nothing.
    expect(run.outputs.pte).toBeUndefined();
    // One summary, the rollup first, then each model's own.
    expect(run.summary).toMatch(
      /^### trt-pte: 2 of 3 models built · `trt-pte\.yml`\n\n\| Model \| Target \| Result/,
    );
    expect(run.summary).toMatch(
      /\| \[`cos_block-build`\]\(https:\/\/github\.com\/[^)]+\) \| `xnnpack` \| ✅ built \| .* \| hit \|/,
    );
    expect(run.summary).toContain(
      "| `broken` | `portable` | ❌ failed: `model_error: the model factory 'build' raised",
    );
    expect(run.summary).toContain("### trt-pte · relu · portable");
    // One sticky comment for the call, a section per model.
    const ours = github.comments.filter((c) =>
      c.body.startsWith("<!-- trt-pte:comment key=config-trt-pte.yml -->"),
    );
    expect(ours).toHaveLength(1);
    expect(ours[0]!.body.match(/^#### (✅|❌) /gmu)).toHaveLength(3);
    expect(ours[0]!.body).toContain("<details><summary>Details</summary>");
    expect(run.summary).toMatch(
      /\nPR comment: \[posted\]\(https:\/\/github\.com\/octo\/models\/pull\/7#issuecomment-\d+\)\n/,
    );
  });

  it("fails on a factory that raises, annotated at the user's line, and uploads nothing", async () => {
    const ws = makeWorkspace();
    fs.writeFileSync(
      path.join(ws, "broken.py"),
      "import torch\n\n\ndef build():\n    raise RuntimeError('no weights')\n",
    );
    const before = artifacts.artifacts.length;
    const run = await runAction(
      ACTION,
      { model: "broken.py:build", target: "portable", python: TEST_PYTHON },
      env,
      ws,
    );
    expect(run.code).toBe(1);
    expect(run.log).toContain(
      "::error file=broken.py,line=5::model_error: the model factory 'build' raised RuntimeError: no weights",
    );
    expect(run.log.match(/::error/g)).toHaveLength(1);
    expect(artifacts.artifacts.length).toBe(before);
    expect(fs.existsSync(path.join(ws, "trt-pte-out", "broken-build-portable"))).toBe(false);
  });

  it("annotates the helper's line that raised, not the factory's, with the chain in the message", async () => {
    const ws = makeWorkspace();
    fs.mkdirSync(path.join(ws, "models"), { recursive: true });
    fs.writeFileSync(
      path.join(ws, "models", "weights.py"),
      "def load(name):\n    raise FileNotFoundError(f'{name}.safetensors')\n",
    );
    fs.writeFileSync(
      path.join(ws, "models", "net.py"),
      "import torch\nfrom weights import load\n\n\ndef build():\n    load('head')\n    return torch.nn.ReLU()\n",
    );
    const run = await runAction(
      ACTION,
      { model: "models/net.py:build", inputs: "float32[2]", target: "portable", python: TEST_PYTHON },
      env,
      ws,
    );
    expect(run.code).toBe(1);
    expect(run.log).toContain(
      "::error file=models/weights.py,line=2::model_error: the model factory 'build' raised FileNotFoundError: " +
        "head.safetensors (in build at models/net.py:6 → load at models/weights.py:2)",
    );
  });

  it("refuses a malformed input spec before starting Python, naming line and column", async () => {
    const ws = makeWorkspace();
    const run = await runAction(
      ACTION,
      {
        model: "examples/cos_block.py:build",
        inputs: "float33[1,3]",
        target: "portable",
        python: TEST_PYTHON,
      },
      env,
      ws,
    );
    expect(run.code).toBe(1);
    expect(run.log).toContain("::error::settings: inputs: at 1:1: unknown dtype 'float33'");
    expect(run.log).not.toContain("Preflight");
  });

  it("refuses target tensorrt where it cannot run, naming what is missing, without falling back", async () => {
    const ws = makeWorkspace();
    const run = await runAction(
      ACTION,
      { model: "examples/cos_block.py:build", target: "tensorrt", python: TEST_PYTHON },
      env,
      ws,
    );
    expect(run.code).toBe(1);
    expect(run.log).toMatch(
      /target 'tensorrt' cannot run here: it needs an NVIDIA GPU \(nvidia-smi is not on PATH; no Jetson device tree; torch \S+ is a CPU build\), torch_tensorrt \(not installed in .*\), tensorrt/,
    );
    expect(run.log).not.toContain("→ xnnpack");
  });
});
