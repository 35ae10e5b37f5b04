// The CLI bundle (dist/cli/index.js), as `npx trt-pte` runs it: same inputs as flags, local adapters.
// The first export runs the package as a user gets it: `npm pack`'s tarball installed into a folder
// of its own, run from a fresh repository.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { INPUTS } from "../../src/settings/inputs.js";
import { NODE24, REPO, TEST_PYTHON, makeWorkspace } from "../support/action-run.js";

const CLI = path.join(REPO, "dist", "cli", "index.js");
const cli = (args: string[], cwd: string) =>
  spawnSync(NODE24, [CLI, ...args], { cwd, encoding: "utf8", env: { PATH: process.env.PATH, HOME: cwd } });

/** `npm pack`'s tarball installed into a project folder of its own: the `trt-pte` command it gets. */
function installPacked(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-pack-"));
  const npm = (args: string[], cwd: string) => {
    const run = spawnSync("npm", [...args, "--no-audit", "--no-fund", "--loglevel=error"], {
      cwd,
      encoding: "utf8",
    });
    expect(run.status, `npm ${args.join(" ")}: ${run.stderr}`).toBe(0);
    return run.stdout;
  };
  const tarball = npm(["pack", "--pack-destination", dir, "--ignore-scripts", "--silent"], REPO)
    .trim()
    .split("\n")
    .pop()!;
  const project = path.join(dir, "project");
  fs.mkdirSync(project);
  fs.writeFileSync(path.join(project, "package.json"), '{ "private": true }\n');
  // No dependencies to fetch: the bundle carries them (package.json lists them as dev only).
  npm(["install", "--offline", "--ignore-scripts", path.join(dir, tarball)], project);
  return path.join(project, "node_modules", ".bin", "trt-pte");
}

describe("trt-pte CLI", () => {
  it("documents every action input as a flag of the same name, but the action-only ones", () => {
    const help = cli(["--help"], REPO);
    expect(help.status).toBe(0);
    for (const input of INPUTS) {
      if (input.actionOnly === undefined) expect(help.stdout).toContain(`--${input.name} `);
      else expect(help.stdout).not.toContain(`--${input.name}`);
    }
    expect(help.stdout).toContain("trt-pte export --model FILE.py:FACTORY");
    expect(help.stdout).not.toContain("${{");
  });

  it("answers --help after any command with that command's help", () => {
    for (const [args, part] of [
      [["export", "--help"], "Export flags"],
      [["export", "--model", "m.py:f", "-h"], "Export flags"],
      [["inspect", "--help"], "Inspect: prints what a .pte holds"],
      [["diff", "x.pte", "--help"], "Diff: what changed from A to B"],
      [["help", "diff"], "Diff: what changed from A to B"],
    ] as const) {
      const run = cli([...args], REPO);
      expect(run.status, args.join(" ")).toBe(0);
      expect(run.stdout).toContain(part);
      expect(run.stderr).toBe("");
    }
    expect(cli(["inspect", "--help"], REPO).stdout).not.toContain("Export flags");
  });

  it("suggests what a mistyped flag or command meant, and refuses the action's own inputs", () => {
    const flag = cli(["export", "--model", "x.py:f", "--targte", "portable"], REPO);
    expect(flag.status).toBe(2);
    expect(flag.stderr).toContain("trt-pte export: unknown flag --targte; did you mean --target?");
    expect(cli(["inspect", "--mermiad", "a.pte"], REPO).stderr).toContain("did you mean --mermaid?");
    expect(cli(["diff", "--max-size-increas=5%", "a", "b"], REPO).stderr).toContain(
      "did you mean --max-size-increase?",
    );
    const command = cli(["exprot", "--model", "x.py:f"], REPO);
    expect(command.status).toBe(2);
    expect(command.stderr).toContain("trt-pte: unknown command 'exprot'. Did you mean 'trt-pte export'?");
    const token = cli(["export", "--model", "x.py:f", "--github-token", "t"], REPO);
    expect(token.status).toBe(2);
    expect(token.stderr).toContain(
      "trt-pte export: --github-token is an input of the GitHub Action only: it is the token of the pull-request comment",
    );
    expect(cli(["export", "--comment=true"], REPO).stderr).toContain(
      "--comment is an input of the GitHub Action only",
    );
  });

  // The workspace of the first export: the trt-pte.yml test below builds the same model again, a
  // cache hit from this one's entry (its cache lives in $HOME/.cache here), so it adds one export, not two.
  let exampleWorkspace = "";

  it("installs from npm pack's tarball and, from a fresh repository, exports the example, copies each file as its artifact and prints the summary, leaving git status clean", () => {
    const trtPte = installPacked();
    const run = (args: string[], cwd: string) =>
      spawnSync(trtPte, args, { cwd, encoding: "utf8", env: { PATH: process.env.PATH, HOME: cwd } });
    const help = run(["--help"], os.tmpdir());
    expect(help.status, help.stderr).toBe(0);
    expect(help.stdout).toContain("trt-pte export --model FILE.py:FACTORY");

    const ws = makeWorkspace();
    exampleWorkspace = ws;
    const git = (...args: string[]) => spawnSync("git", args, { cwd: ws, encoding: "utf8" });
    expect(git("init", "-q").status).toBe(0);
    const before = git("status", "--porcelain", "--untracked-files=all").stdout;
    const exported = run(
      [
        "export",
        "--model",
        "examples/cos_block.py:build",
        "--target",
        "portable",
        "--python",
        TEST_PYTHON,
        "--artifact-dir",
        "arts",
      ],
      ws,
    );
    expect(exported.status, exported.stderr).toBe(0);
    // The summary as aligned text, its markdown beside report.json.
    expect(exported.stdout).toMatch(
      /^trt-pte · cos_block-build · portable\n\nModel +examples\/cos_block\.py:build$/m,
    );
    expect(exported.stdout).not.toMatch(/\||```|###|<details>/);
    const out = path.join(ws, "trt-pte-out", "cos_block-build-portable");
    expect(fs.readFileSync(path.join(out, "summary.md"), "utf8")).toContain(
      "### trt-pte · cos_block-build · portable",
    );
    // The whole log beside the output; the terminal folded the third-party lines into one.
    expect(fs.readFileSync(`${out}.log`, "utf8")).toContain(
      "▸ Export examples/cos_block.py:build → portable",
    );
    // As a download would leave them: one file per artifact, named after the build.
    const arts = path.join(ws, "arts");
    expect(
      fs
        .readdirSync(arts)
        .filter((f) => f !== ".gitignore")
        .sort(),
    ).toEqual(["cos_block-build-portable.pte", "cos_block-build-portable.report.json"]);
    const pte = path.join(ws, "trt-pte-out", "cos_block-build-portable", "cos_block-build.pte");
    expect(
      fs.readFileSync(path.join(arts, "cos_block-build-portable.pte")).equals(fs.readFileSync(pte)),
    ).toBe(true);
    expect(exported.stderr).toContain(`artifacts: ${arts}`);
    // No GitHub here: "Use it" loads the file it copied, and has no fetch line.
    expect(exported.stdout).toContain('Runtime.get().load_program("cos_block-build-portable.pte")');
    expect(exported.stdout).not.toContain("trt-pte fetch");
    // …and it runs as written, beside the copied file, in ExecuTorch's own runtime.
    // The terminal shows the code as it is, flush left after its sentence (the summary's last part).
    const snippet = /Python runtime:\n\n([\s\S]*)$/.exec(exported.stdout)?.[1] ?? "";
    const ran = spawnSync(TEST_PYTHON, ["-c", `${snippet}\nprint(type(outputs).__name__, len(outputs))`], {
      cwd: arts,
      encoding: "utf8",
    });
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stdout).toMatch(/^list 1$/m);
    expect(exported.stderr).toContain(`.pte: ${pte}`);
    // The default cache lives in the user's cache folder ($HOME/.cache/trt-pte here).
    expect(fs.existsSync(path.join(ws, ".cache", "trt-pte", "scopes"))).toBe(true);
    // Each folder the CLI made ignores itself; the cache is in $HOME (the workspace here).
    for (const own of [".trt-pte", "trt-pte-out", "arts"]) {
      expect(fs.readFileSync(path.join(ws, own, ".gitignore"), "utf8")).toMatch(/^\*$/m);
    }
    const after = git("status", "--porcelain", "--untracked-files=all").stdout;
    // Python's own __pycache__ beside the model is there as after any import (repositories ignore it).
    const mine = (l: string) => l !== "" && !l.includes(".cache/") && !l.includes("__pycache__/");
    expect(after.split("\n").filter(mine)).toEqual(before.split("\n").filter((l) => l !== ""));
  });

  it("keys on a model file outside the workspace, warns about its uncovered helper, and hits in any output-dir", () => {
    const ws = makeWorkspace();
    const models = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-models-"));
    const net = path.join(models, "net.py");
    fs.writeFileSync(path.join(models, "scale.py"), "FACTOR = 3.0\n");
    const source = (offset: number) =>
      [
        "import torch",
        "from scale import FACTOR",
        "class Net(torch.nn.Module):",
        `    def forward(self, x): return x * FACTOR + ${offset}`,
        "def build(): return Net().eval(), (torch.ones(2, 3),)",
        "",
      ].join("\n");
    fs.writeFileSync(net, source(1));
    const exportWith = (...extra: string[]) =>
      cli(
        ["export", "--model", `${net}:build`, "--target", "portable", "--python", TEST_PYTHON, ...extra],
        ws,
      );

    const first = exportWith();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).not.toMatch(/cache hit/i);
    // The model file is in the key; its sibling is not, and the warning says how to cover it.
    expect(first.stderr).toMatch(
      /warning: cache: the model imported 1 source file\(s\) that the cache key does not cover/,
    );
    expect(first.stderr).toContain(path.join(fs.realpathSync(models), "scale.py"));

    const elsewhere = exportWith("--output-dir", "other-out");
    expect(elsewhere.status, elsewhere.stderr).toBe(0);
    expect(elsewhere.stdout).toMatch(/cache hit/i);
    const pte = (dir: string) => path.join(ws, dir, "net-build-portable", "net-build.pte");
    expect(fs.readFileSync(pte("other-out")).equals(fs.readFileSync(pte("trt-pte-out")))).toBe(true);

    fs.writeFileSync(net, source(2));
    const edited = exportWith();
    expect(edited.status, edited.stderr).toBe(0);
    expect(edited.stdout).not.toMatch(/cache hit/i);
  });

  it("compares with --baseline report.json and fails a tripped gate with a regression line", () => {
    const ws = makeWorkspace();
    const args = [
      "export",
      "--model",
      "examples/cos_block.py:build",
      "--target",
      "portable",
      "--python",
      TEST_PYTHON,
    ];
    const first = cli(args, ws);
    expect(first.status, first.stderr).toBe(0);
    const reportFile = path.join(ws, "trt-pte-out", "cos_block-build-portable", "report.json");
    const built = JSON.parse(fs.readFileSync(reportFile, "utf8")) as {
      pte: { bytes: number; sha256: string };
    };
    // An older, smaller build to compare with: the same report with half the bytes.
    const baseline = path.join(ws, "old-report.json");
    fs.writeFileSync(
      baseline,
      JSON.stringify({
        ...built,
        pte: { ...built.pte, bytes: Math.floor(built.pte.bytes / 2), sha256: "e".repeat(64) },
      }),
    );
    const second = cli([...args, "--baseline", "old-report.json", "--max-size-increase", "10%"], ws);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(
      /^error: regression: max-size-increase 10%: \.pte \+ \.ptd size \+100\.0% \(limit 10%\)/m,
    );
    expect(second.stdout).toContain("vs old-report.json · eeeeeeeeeeee");
    const report = JSON.parse(fs.readFileSync(reportFile, "utf8")) as {
      baseline: { pte_sha256: string };
      diff: { size: { pte: { delta: number } } };
    };
    expect(report.baseline.pte_sha256).toBe("e".repeat(64));
    expect(report.diff.size.pte.delta).toBe(built.pte.bytes - Math.floor(built.pte.bytes / 2));
  });

  it("blames a model file outside the workspace at its own path, where the raise is", () => {
    const ws = makeWorkspace();
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-models-"));
    fs.writeFileSync(
      path.join(elsewhere, "blocks.py"),
      "def make():\n    raise ValueError('no such block')\n",
    );
    fs.writeFileSync(
      path.join(elsewhere, "net.py"),
      "import torch\nfrom blocks import make\n\n\ndef build():\n    return make()\n",
    );
    const model = `${path.join(elsewhere, "net.py")}:build`;
    const run = cli(["export", "--model", model, "--target", "portable", "--python", TEST_PYTHON], ws);
    expect(run.status).toBe(1);
    const blocks = path.join(elsewhere, "blocks.py");
    expect(run.stderr).toContain(
      `error: ${blocks}:2: model_error: the model factory 'build' raised ValueError: no such block ` +
        `(in build at ${path.join(elsewhere, "net.py")}:6 → make at ${blocks}:2)`,
    );
  });

  it("builds a trt-pte.yml's models in turn past a broken one, ends with the rollup and exits 1", () => {
    const ws = exampleWorkspace || makeWorkspace();
    // The other two models live outside the workspace (the CLI takes that), so its *.py files, which
    // the cache key covers, stay those of the export above.
    const models = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-models-"));
    fs.writeFileSync(
      path.join(models, "tiny.py"),
      "import torch\n\n\ndef build():\n    return torch.nn.ReLU()\n",
    );
    fs.writeFileSync(path.join(models, "broken.py"), "def build():\n    raise RuntimeError('no weights')\n");
    fs.writeFileSync(
      path.join(ws, "trt-pte.yml"),
      [
        "defaults:",
        "  target: portable",
        "models:",
        "  - model: examples/cos_block.py:build # built by the test above: a cache hit",
        "  - name: relu",
        `    model: ${models}/tiny.py:build`,
        "    inputs: float32[2,3]",
        "    benchmark-seconds: 0",
        "  - name: broken",
        `    model: ${models}/broken.py:build`,
        "",
      ].join("\n"),
    );
    const run = cli(
      ["export", "--config", "trt-pte.yml", "--python", TEST_PYTHON, "--artifact-dir", "many"],
      ws,
    );
    expect(run.status, run.stderr).toBe(1);
    // Two .pte, each in its own folder and artifact; nothing of the broken model.
    const out = path.join(ws, "trt-pte-out");
    expect(fs.existsSync(path.join(out, "cos_block-build-portable", "cos_block-build.pte"))).toBe(true);
    expect(fs.existsSync(path.join(out, "relu-portable", "relu.pte"))).toBe(true);
    expect(fs.existsSync(path.join(out, "broken-portable"))).toBe(false);
    // (one file per artifact, and the .gitignore of `*` the CLI gives each folder it makes)
    expect(fs.readdirSync(path.join(ws, "many")).sort()).toEqual([
      ".gitignore",
      "cos_block-build-portable.pte",
      "cos_block-build-portable.report.json",
      "relu-portable.pte",
      "relu-portable.report.json",
    ]);
    // The broken model is told at its line, named; the others went on.
    expect(run.stderr).toContain(
      `error: ${path.join(models, "broken.py")}:2: broken: model_error: the model factory 'build' raised RuntimeError: no weights`,
    );
    // The rollup, three rows, then the call's failure.
    const lines = run.stderr.trimEnd().split("\n");
    const rollup = lines.slice(-5, -2);
    expect(rollup[0]).toMatch(
      /^ok +cos_block-build +portable +\S+ KiB +[0-9.]+ ms \(p10–p90 .*\), .*cache hit +/,
    );
    expect(rollup[1]).toMatch(/^ok +relu +portable +\d+ B +- +cache miss +/);
    expect(rollup[2]).toMatch(
      /^failed +broken +portable +- +- +- +model_error: the model factory 'build' raised/,
    );
    expect(lines.slice(-2)).toEqual([
      "error: model_error: 1 of 3 models failed: broken",
      "  hint: each model's error is above; the other models were built and published",
    ]);
    // Each model's summary as text (the rollup closes the run on stderr); no markdown.
    expect(run.stdout).toMatch(/^trt-pte · relu · portable\n\nModel +/m);
    expect(run.stdout).toContain("broken: failed (its error is above)");
    expect(run.stdout).not.toMatch(/###|\| Model \|/);
  });

  it("refuses a trt-pte.yml with mistakes at their file:line:column, before building anything", () => {
    const ws = makeWorkspace();
    fs.writeFileSync(
      path.join(ws, "trt-pte.yml"),
      "models:\n  - model: examples/cos_block.py:build\n    targt: portable\n  - model: examples/cos_block.py:build\n",
    );
    const run = cli(["export", "--config", "trt-pte.yml", "--python", TEST_PYTHON], ws);
    expect(run.status).toBe(1);
    expect(run.stderr.split("\n").filter((l) => l.startsWith("error:"))).toEqual([
      "error: trt-pte.yml:3:5: settings: unknown key 'targt' in models[0] (did you mean 'target'?)",
      "error: trt-pte.yml:4:12: settings: models[1]: the name 'cos_block-build' is already used by models[0] (line 2)",
      "error: settings: trt-pte.yml: 2 problems, nothing was built",
    ]);
    expect(run.stderr).not.toContain("Preflight");
    expect(fs.existsSync(path.join(ws, "trt-pte-out"))).toBe(false);
  });

  it("rejects an unknown flag with a usage error", () => {
    const run = cli(["export", "--modle", "x.py:f"], REPO);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("unknown flag --modle; did you mean --model?");
  });
});
