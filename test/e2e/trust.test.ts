// What model code can reach when the bundled action (dist/index.js, Node 24) runs it with the
// environment a runner sets: a hostile factory records its environment and prints workflow commands.
// It must find no token, input, runtime variable or command file, a temp folder of the run's own, and
// none of its lines may reach the runner as a command.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO, TEST_PYTHON, makeWorkspace, runAction } from "../support/action-run.js";
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

const HOSTILE_MODEL = `import json, os, sys, tempfile
import torch


class Twice(torch.nn.Module):
    def forward(self, x):
        return x * 2.0


def build():
    here = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(here, "seen.json"), "w") as f:
        json.dump({"env": dict(os.environ), "tempdir": tempfile.gettempdir()}, f)
    for line in ${JSON.stringify(HOSTILE_LINES)}:
        print(line)
        print(line, file=sys.stderr)
    sys.stdout.flush()
    return Twice().eval(), (torch.randn(2, 3),)
`;

describe("model code in the bundled action", () => {
  it("gets an allowlisted environment, a temp folder of the run's own, and no workflow commands", async () => {
    const ws = makeWorkspace();
    fs.writeFileSync(path.join(ws, "hostile.py"), HOSTILE_MODEL);
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
        "env-passthrough": "TEAM_*",
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
    expect(seen.env.LANG).toBe("C.UTF-8");
    expect(seen.env.PATH).toBe(process.env.PATH);

    // Python's temp folder (and so Torch-TensorRT's default caches), inductor's and Triton's caches:
    // all inside one folder of this run under RUNNER_TEMP, gone when the run is over.
    const runDir = path.dirname(seen.tempdir);
    expect(path.dirname(runDir)).toBe(fs.realpathSync(runnerTemp));
    expect(path.basename(runDir)).toMatch(/^trt-pte-run-/);
    expect(seen.env.TORCHINDUCTOR_CACHE_DIR).toBe(path.join(runDir, "torchinductor"));
    expect(seen.env.TRITON_CACHE_DIR).toBe(path.join(runDir, "triton"));
    expect(fs.existsSync(runDir)).toBe(false);

    // The model's lines are in the log for people to read, and none is a command for the runner.
    const shown = run.log.replace(/\u200b/g, "");
    for (const line of HOSTILE_LINES) expect(shown).toContain(line.trim());
    // What the runner executes: the action's own mask of its token, its groups, and one pause around
    // the export, resumed by the action's token; nothing the model printed.
    const commands = runnerCommands(run.log);
    const stop = commands.filter((c) => c.name === "stop-commands");
    expect(stop).toHaveLength(1);
    const token = stop[0]!.data.toLowerCase();
    expect(token).toMatch(/^trt-pte-[0-9a-f]{48}$/);
    const unexpected = commands.filter(
      (c) =>
        !["group", "endgroup", "stop-commands", token].includes(c.name) &&
        !(c.name === "add-mask" && c.data === "ghs_the-job-token"),
    );
    expect(unexpected).toEqual([]);
    expect(commands.filter((c) => c.name === token)).toHaveLength(1);
    expect(commands.some((c) => /model says|boom|legacy|indented|pause|evil/.test(c.data))).toBe(false);
    expect(run.outputs.pte).toMatch(/hostile-build\.pte$/);
  });
});
