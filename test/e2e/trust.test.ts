// What model code can reach when the bundled action (dist/index.js, Node 24) runs it with the
// environment a runner sets: a hostile factory records its environment and prints workflow commands.
// It must find no token, input, runtime variable, credential-shaped variable or command file, a
// private temp folder of the run's own outside RUNNER_TEMP, and none of its lines may reach the
// runner as a command. Its exit hook rewrites the result file after the driver wrote it: with
// hostile strings in every free-text field, nothing is live in the summary and the published digest
// is the file's own; with another file's digest, the run fails naming both and publishes nothing.

import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, TEST_PYTHON, makeWorkspace, runAction, visibleLog } from "../support/action-run.js";
import { liveMarkdown } from "../support/markdown.js";
import { runnerCommands } from "../support/runner-commands.js";

const ACTION = path.join(REPO, "dist", "index.js");

const HOSTILE_LINES = [
  "::warning::model says hi",
  "::add-mask::model",
  "::error file=hostile.py,line=1::boom",
  "  ::notice::indented",
  "\u001c::debug::after a .NET white space",
  "so ##[warning]legacy syntax mid-line",
  "::stop-commands::pause",
  "::warning::after its own pause",
  "::pause::",
  "::set-output name=pte::/tmp/evil.pte",
];

/** Free text a forged result puts where the shapes allow free text (src/result-file.ts). */
const INJECTED =
  "[Approved by @org/security-team](https://evil.example/ok) ![x](https://evil.example/x.png) <img src=https://evil.example/y.png> @octocat";

const HOSTILE_MODEL = `import atexit, json, os, stat, sys, tempfile
import torch


def _forge():
    """Runs after the driver wrote its result: rewrites it as forge.json (beside this file) says."""
    here = os.path.dirname(os.path.abspath(__file__))
    plan_file = os.path.join(here, "forge.json")
    if "--result" not in sys.argv or not os.path.exists(plan_file):
        return
    with open(plan_file) as f:
        plan = json.load(f)
    path = sys.argv[sys.argv.index("--result") + 1]
    with open(path) as f:
        result = json.load(f)
    if result.get("status") != "ok":
        return
    if "sha256" in plan:
        result["files"][0]["sha256"] = plan["sha256"]
    if "text" in plan:
        result["accuracy"]["against"] = plan["text"]
        result["execution"]["notes"] = [plan["text"]]
        if result.get("determinism"):
            result["determinism"]["where"] = plan["text"]
        if result.get("benchmark"):
            result["benchmark"]["device"] = plan["text"][:200]
    with open(path, "w") as f:
        json.dump(result, f)


atexit.register(_forge)


class Twice(torch.nn.Module):
    def forward(self, x):
        return x * 2.0


def build():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "seen.json"), "w") as f:
        tmp = tempfile.gettempdir()
        mode = stat.S_IMODE(os.stat(os.path.dirname(tmp)).st_mode)
        json.dump({"env": dict(os.environ), "tempdir": tmp, "mode": mode}, f)
    for line in ${JSON.stringify(HOSTILE_LINES)}:
        print(line)
        print(line, file=sys.stderr)
    sys.stdout.flush()
    return Twice().eval(), (torch.randn(2, 3),)
`;

describe("model code in the bundled action", () => {
  it("gets an allowlisted environment, a private temp folder, no workflow commands, and forges nothing", async () => {
    const ws = makeWorkspace();
    fs.writeFileSync(path.join(ws, "hostile.py"), HOSTILE_MODEL);
    fs.writeFileSync(path.join(ws, "forge.json"), JSON.stringify({ text: INJECTED }));
    const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-runner-"));
    const commandFile = (name: string) => {
      const file = path.join(runnerTemp, name);
      fs.writeFileSync(file, "");
      return file;
    };
    const run = await runAction(
      ACTION,
      {
        model: "hostile.py:build",
        target: "portable",
        python: TEST_PYTHON,
        upload: "false",
        cache: "false",
        "github-token": "ghs_the-job-token",
        "env-passthrough": "TEAM_* HF_* HF_HOME_TOKEN",
      },
      {
        RUNNER_TEMP: runnerTemp,
        ACTIONS_RUNTIME_TOKEN: "runtime-token",
        ACTIONS_RESULTS_URL: "http://127.0.0.1:9/",
        ACTIONS_ID_TOKEN_REQUEST_URL: "http://127.0.0.1:9/oidc",
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: "oidc-token",
        GITHUB_TOKEN: "ghs_the-job-token",
        GITHUB_ENV: commandFile("env"),
        GITHUB_PATH: commandFile("path"),
        GITHUB_STATE: commandFile("state"),
        TEAM_SETTING: "named by the user",
        // Credential-shaped: only an exact name in env-passthrough lets one through.
        HF_TOKEN: "hf_the-user-token",
        NVIDIA_API_KEY: "nvapi-key",
        TEAM_TOKEN: "team-token",
        HF_HOME_TOKEN: "named exactly",
        HTTPS_PROXY: "http://user:proxy-password@proxy.corp:3128",
        NOT_NAMED: "stays with the action",
        TORCHINDUCTOR_CACHE_DIR: "/tmp/shared-inductor-cache",
        LANG: "C.UTF-8",
      },
      ws,
    );
    expect(run.code, run.log).toBe(0);

    const seen = JSON.parse(fs.readFileSync(path.join(ws, "seen.json"), "utf8")) as {
      env: Record<string, string>;
      tempdir: string;
    };
    const names = Object.keys(seen.env);
    expect(names.filter((n) => /^(INPUT_|ACTIONS_)/i.test(n))).toEqual([]);
    for (const name of [
      "GITHUB_TOKEN",
      "GITHUB_ENV",
      "GITHUB_PATH",
      "GITHUB_OUTPUT",
      "GITHUB_STATE",
      "GITHUB_STEP_SUMMARY",
      "NOT_NAMED",
    ]) {
      expect(names).not.toContain(name);
    }
    const values = Object.values(seen.env).join("\n");
    expect(values).not.toContain("ghs_the-job-token");
    expect(values).not.toContain("runtime-token");
    expect(values).not.toContain("oidc-token");
    expect(seen.env.TEAM_SETTING).toBe("named by the user");
    for (const name of ["HF_TOKEN", "NVIDIA_API_KEY", "TEAM_TOKEN", "HTTPS_PROXY"])
      expect(names).not.toContain(name);
    expect(values).not.toMatch(/hf_the-user-token|nvapi-key|team-token|proxy-password/);
    expect(seen.env.HF_HOME_TOKEN).toBe("named exactly");
    expect(run.log).toContain(
      "the model's process does not get HF_TOKEN, HTTPS_PROXY, NVIDIA_API_KEY, TEAM_TOKEN: a credential passes only by its exact name in env-passthrough",
    );
    expect(seen.env.LANG).toBe("C.UTF-8");
    expect(seen.env.PATH).toBe(process.env.PATH);

    // Python's temp folder (and so Torch-TensorRT's default caches), inductor's and Triton's caches:
    // all inside one private folder of this run, outside RUNNER_TEMP, gone when the run is over.
    const runDir = path.dirname(seen.tempdir);
    expect(path.dirname(runDir)).toBe(fs.realpathSync(os.tmpdir()));
    expect(runDir.startsWith(fs.realpathSync(runnerTemp))).toBe(false);
    expect(path.basename(runDir)).toMatch(/^trt-pte-run-/);
    expect((seen as unknown as { mode: number }).mode).toBe(0o700);
    expect(seen.env.TORCHINDUCTOR_CACHE_DIR).toBe(path.join(runDir, "torchinductor"));
    expect(seen.env.TRITON_CACHE_DIR).toBe(path.join(runDir, "triton"));
    expect(fs.existsSync(runDir)).toBe(false);

    // The exit hook's strings: shown as code or refused, never live; the digest is the file's own.
    const real = createHash("sha256").update(fs.readFileSync(run.outputs.pte!)).digest("hex");
    expect(run.outputs.digest).toBe(`sha256:${real}`);
    const report = JSON.parse(fs.readFileSync(run.outputs.report!, "utf8")) as {
      pte: { sha256: string };
      accuracy: { against: string };
    };
    expect(report.pte.sha256).toBe(real);
    expect(report.accuracy.against).toBe(INJECTED); // kept as data in report.json
    const live = liveMarkdown(run.summary);
    expect(live.code.join("\n")).toContain("Approved by @org/security-team");
    expect(live.links).toEqual([]);
    expect(live.images).toEqual([]);
    // trt-pte's own collapsed "Use it" section is the only HTML.
    expect(live.html.map((h) => h.trim())).toEqual(["<details><summary>Use it</summary>", "</details>"]);
    expect(live.prose).not.toMatch(/@[a-z]|evil\.example|Approved/);
    expect(run.summary).toContain("**Reported by the export process**");

    // The model's lines are in the log for people to read, and none is a command for the runner.
    const shown = run.log.replace(/\u200b/g, "");
    for (const line of HOSTILE_LINES) expect(shown).toContain(line.trim());
    // What the runner executes: the action's own mask of its token, its groups, and a pause around
    // the export (and one around the folded third-party lines), each resumed by its own token;
    // nothing the model printed.
    const commands = runnerCommands(run.log);
    const tokens = commands.filter((c) => c.name === "stop-commands").map((c) => c.data.toLowerCase());
    expect(tokens.length).toBeGreaterThanOrEqual(1);
    for (const token of tokens) {
      expect(token).toMatch(/^trt-pte-[0-9a-f]{48}$/);
      expect(commands.filter((c) => c.name === token)).toHaveLength(1);
    }
    const unexpected = commands.filter(
      (c) =>
        !["group", "endgroup", "stop-commands", ...tokens].includes(c.name) &&
        !(c.name === "add-mask" && c.data === "ghs_the-job-token"),
    );
    expect(unexpected).toEqual([]);
    expect(commands.some((c) => /model says|boom|legacy|indented|pause|evil/.test(c.data))).toBe(false);
    expect(run.outputs.pte).toMatch(/hostile-build\.pte$/);
  });

  it("fails naming both digests when the result names another file's, and publishes nothing", async () => {
    const ws = makeWorkspace();
    fs.writeFileSync(path.join(ws, "hostile.py"), HOSTILE_MODEL);
    const released = "ab".repeat(32); // the digest of some released .pte
    fs.writeFileSync(path.join(ws, "forge.json"), JSON.stringify({ sha256: released }));
    const run = await runAction(
      ACTION,
      {
        model: "hostile.py:build",
        target: "portable",
        python: TEST_PYTHON,
        upload: "false",
        cache: "false",
        "benchmark-seconds": "0",
      },
      {},
      ws,
    );
    expect(run.code).toBe(1);
    expect(visibleLog(run.log)).toMatch(
      new RegExp(
        `the export process reported hostile-build\\.pte with sha256 ${released}, the file is sha256 [0-9a-f]{64}`,
      ),
    );
    expect(run.outputs.digest).toBeUndefined();
    expect(fs.existsSync(path.join(ws, "trt-pte-out", "hostile-build-portable"))).toBe(false);
  });
});
