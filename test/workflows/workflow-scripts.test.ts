// The scripts inside the reusable workflow, run here exactly as written in the YAML: the plan step
// (Python: validates `gpus`/`runs-on`/`container`, builds the matrix and the call's key) and the
// build job's result record (bash), whose result.json must be what the report step reads.

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TEST_PYTHON, parseOutputFile } from "../support/action-run.js";
import { conditionHolds, readWorkflow, stepNamed } from "../support/workflows.js";
import { SAVING_EVENTS } from "../../src/cache/scope.js";
import { readResults } from "../../src/gather/results.js";

const workflow = readWorkflow(".github/workflows/compile-pte.yml");

function runStep(command: string[], script: string, env: Record<string, string>, cwd?: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-step-"));
  const output = path.join(dir, "output");
  fs.writeFileSync(output, "");
  const scriptFile = path.join(dir, "script");
  fs.writeFileSync(scriptFile, script);
  const run = spawnSync(command[0]!, [...command.slice(1), scriptFile], {
    env: { PATH: process.env.PATH ?? "", GITHUB_OUTPUT: output, ...env },
    encoding: "utf8",
    cwd,
  });
  return {
    code: run.status,
    log: `${run.stdout}${run.stderr}`,
    outputs: parseOutputFile(fs.readFileSync(output, "utf8")),
  };
}

describe("the plan step", () => {
  const step = stepNamed(workflow.jobs.plan!, "plan");
  const plan = (env: Record<string, string>) =>
    runStep([TEST_PYTHON], step.run!, {
      GPUS: "",
      RUNS_ON: '["self-hosted","gpu"]',
      MODEL: "examples/cos_block.py:build",
      CONFIG: "",
      ONLY: "",
      MODELS: "",
      MAX_PARALLEL: "256",
      TARGET: "",
      ARTIFACT_NAME: "",
      CONTAINER: "",
      ...env,
    });

  it("is Python, reading the inputs from env", () => {
    expect(step.shell).toBe("python");
    expect(step.run).not.toContain("${{");
  });

  it("without gpus: one build on runs-on, GPU name empty", () => {
    const run = plan({});
    expect(run.code, run.log).toBe(0);
    // A call with `model` has one model, "", in the matrix: the build job's name and artifacts stay as they were.
    expect(JSON.parse(run.outputs.matrix!)).toEqual({
      gpu: [{ name: "", "runs-on": ["self-hosted", "gpu"] }],
      model: [""],
    });
    expect(run.outputs.models).toBe("[]");
    expect(JSON.parse(run.outputs["gpu-names"]!)).toEqual([""]);
    expect(run.outputs.key).toMatch(/^[0-9a-f]{12}$/);
  });

  it("with gpus: a build per entry, runs-on defaulting to the call's", () => {
    const run = plan({
      GPUS: '[{"name":"a100","runs-on":["self-hosted","a100"]},{"name":"l4"},{"name":"orin","runs-on":"jetson"}]',
    });
    expect(run.code, run.log).toBe(0);
    expect(JSON.parse(run.outputs.matrix!).gpu).toEqual([
      { name: "a100", "runs-on": ["self-hosted", "a100"] },
      { name: "l4", "runs-on": ["self-hosted", "gpu"] },
      { name: "orin", "runs-on": "jetson" },
    ]);
    expect(JSON.parse(run.outputs["gpu-names"]!)).toEqual(["a100", "l4", "orin"]);
  });

  it("keys the call by model, target and artifact name, so two calls in one run never mix", () => {
    const key = (env: Record<string, string>) => plan(env).outputs.key;
    expect(key({})).toBe(key({ GPUS: '[{"name":"a100"}]' }));
    expect(key({})).not.toBe(key({ TARGET: "cuda" }));
    expect(key({})).not.toBe(key({ MODEL: "other.py:build" }));
    expect(key({})).not.toBe(key({ ARTIFACT_NAME: "x" }));
  });

  it.each([
    ["gpus", { GPUS: "[{name: a100}]" }, "gpus is not valid JSON"],
    ["gpus", { GPUS: "{}" }, "gpus must be a non-empty JSON list"],
    ["gpus", { GPUS: "[]" }, "gpus must be a non-empty JSON list"],
    ["gpus", { GPUS: '["a100"]' }, "gpus[0] must be an object"],
    ["gpus", { GPUS: '[{"name":"a100","runs_on":"x"}]' }, "gpus[0] has unknown keys ['runs_on']"],
    ["gpus", { GPUS: '[{"name":"A 100"}]' }, "gpus[0].name must be 1-64 letters"],
    ["gpus", { GPUS: '[{"name":"a100"},{"name":"a100"}]' }, "gpus[1].name 'a100' is used twice"],
    ["gpus", { GPUS: '[{"name":"a100","runs-on":[]}]' }, "gpus[0].runs-on must be a runner label"],
    ["runs-on", { RUNS_ON: "self-hosted" }, "runs-on is not valid JSON"],
    ["container", { CONTAINER: "nvcr.io/nvidia/pytorch:25.10-py3" }, "is not pinned by digest"],
  ])("stops on a bad %s with an error annotation that names it", (_what, env, message) => {
    const run = plan(env);
    expect(run.code).toBe(1);
    expect(run.log).toMatch(/^::error title=trt-pte: bad input::/m);
    expect(run.log).toContain(message);
    expect(run.outputs).toEqual({});
  });

  it("accepts a container pinned by digest", () => {
    expect(plan({ CONTAINER: `nvcr.io/nvidia/pytorch@sha256:${"0".repeat(64)}` }).code).toBe(0);
  });

  it("escapes input text so it cannot start a workflow command of its own", () => {
    // The JSON error quotes the raw input, newline and all.
    const run = plan({ GPUS: "[oops\n::add-mask::secret %" });
    expect(run.code).toBe(1);
    const errorLines = run.log.split("\n").filter((l) => l.startsWith("::"));
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toContain("%0A::add-mask::secret %25");
  });
});

describe("the build job's result record", () => {
  const step = stepNamed(workflow.jobs.build!, "Record the result");

  function record(env: Record<string, string>, report?: object) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-record-"));
    let reportPath = "";
    if (report !== undefined) {
      reportPath = path.join(dir, "report.json");
      fs.writeFileSync(reportPath, JSON.stringify(report));
    }
    const resultDir = path.join(dir, "result");
    const run = runStep(["bash", "-e"], step.run!, {
      KEY: "0123456789ab",
      GPU_NAME: "a100",
      MODEL: "examples/cos_block.py:build",
      TARGET: "",
      OUTCOME: "success",
      REPORT: reportPath,
      ARTIFACT_ID: "1234",
      ARTIFACT_DIGEST: "",
      ARTIFACT_FILES: "",
      DIGEST: `sha256:${"b".repeat(64)}`,
      CHECK_RUN_ID: "555",
      RESULT_DIR: resultDir,
      ...env,
    });
    expect(run.code, run.log).toBe(0);
    return { resultDir, ...readResults(resultDir) };
  }

  const report = {
    schema: "trt-pte/report@2",
    model: "examples/cos_block.py:build",
    model_name: "cos_block-build",
    target: "tensorrt",
    artifact_name: "cos_block-build-tensorrt-a100",
    pte: { name: "cos_block-build.pte", kind: "pte", bytes: 2048, sha256: "b".repeat(64) },
    ptd: [],
    partition: { TensorRTBackend: 2 },
    accuracy: null,
    versions: { torch: "2.13.0" },
    gpu: null,
  };

  it("writes a result.json the report step reads back, with the report beside it", () => {
    const { results, unreadable } = record({}, report);
    expect(unreadable).toEqual([]);
    expect(results).toEqual([
      expect.objectContaining({
        key: "0123456789ab",
        gpu: "a100",
        outcome: "success",
        artifactId: 1234,
        checkRunId: 555,
        digest: `sha256:${"b".repeat(64)}`,
      }),
    ]);
    expect(results[0]!.report?.artifactName).toBe("cos_block-build-tensorrt-a100");
  });

  it("carries the action's artifact-files into result.json, where the report step reads them", () => {
    const files = [
      {
        name: "cos_block-build-tensorrt-a100.report.json",
        file: "report.json",
        id: 1233,
        url: "u",
        digest: "",
      },
      {
        name: "cos_block-build-tensorrt-a100.pte",
        file: "cos_block-build.pte",
        id: 1234,
        url: "u",
        digest: "",
      },
    ];
    const { results, unreadable } = record({ ARTIFACT_FILES: JSON.stringify(files) }, report);
    expect(unreadable).toEqual([]);
    expect(results[0]!.files).toEqual([
      { name: "cos_block-build-tensorrt-a100.report.json", id: 1233 },
      { name: "cos_block-build-tensorrt-a100.pte", id: 1234 },
    ]);
  });

  it("records a failure before any report existed (the compile step never ran)", () => {
    const { results } = record({ OUTCOME: "", ARTIFACT_ID: "", DIGEST: "", GPU_NAME: "" });
    expect(results).toEqual([
      expect.objectContaining({ outcome: "skipped", artifactId: null, gpu: "", report: null }),
    ]);
  });

  it("keeps quotes, backslashes and newlines in the model spec as data", () => {
    const model = 'we"ird\\path\nx.py:build';
    const { resultDir, results } = record({ MODEL: model });
    expect(results[0]!.model).toBe(model);
    expect(JSON.parse(fs.readFileSync(path.join(resultDir, "result.json"), "utf8")).model).toBe(model);
  });
});

describe("the build job's workspace cleanup", () => {
  const clean = workflow.jobs.build!.steps!.find((s) => s.name === "Clean the workspace")!;

  it("empties the workspace, dotfiles included, and removes the venv and record beside it", () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-clean-"));
    const ws = path.join(root, "repo");
    fs.mkdirSync(path.join(ws, ".git", "objects"), { recursive: true });
    fs.mkdirSync(path.join(ws, "trt-pte-out", "m"), { recursive: true });
    fs.writeFileSync(path.join(ws, ".env"), "SECRET=1");
    fs.writeFileSync(path.join(ws, "model.py"), "");
    fs.mkdirSync(path.join(root, "trt-pte-ci", "venv"), { recursive: true });
    fs.writeFileSync(path.join(root, "keep.txt"), "");
    const run = runStep(["bash", "-e"], clean.run!, { GITHUB_WORKSPACE: ws }, ws);
    expect(run.code, run.log).toBe(0);
    expect(fs.readdirSync(ws)).toEqual([]);
    expect(fs.readdirSync(root).sort()).toEqual(["keep.txt", "repo"]);
  });
});

describe("the build job's Python environment step", () => {
  const describeStep = stepNamed(workflow.jobs.build!, "venv");

  function describeEnv(install: string, basePython = TEST_PYTHON) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-venv-"));
    const ws = path.join(root, "repo");
    fs.mkdirSync(ws);
    fs.writeFileSync(path.join(ws, "requirements-gpu.txt"), "torch\n");
    return {
      root,
      run: runStep(
        ["bash", "-e"],
        describeStep.run!,
        { GITHUB_WORKSPACE: ws, BASE_PYTHON: basePython, INSTALL: install },
        ws,
      ),
    };
  }

  const commandLines = (log: string) => log.split("\n").filter((l) => l.startsWith("::"));

  it("escapes the install file's name, so it cannot start a workflow command of its own", () => {
    const { run } = describeEnv("typo.txt\n::add-mask::secret %\r::warning::x");
    expect(run.code).toBe(1);
    expect(commandLines(run.log)).toEqual([
      "::error title=trt-pte: bad input::install: 'typo.txt%0A::add-mask::secret %25%0D::warning::x' is not a file in the repository; name a pip requirements file, e.g. a copy of trt-pte's requirements/torch-tensorrt-2.14-cu130.txt",
    ]);
  });

  it("escapes the interpreter's name the same way", () => {
    const { run } = describeEnv("requirements-gpu.txt", "python9\n::stop-commands::abc");
    expect(run.code).toBe(1);
    const lines = commandLines(run.log);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe(
      "::error title=trt-pte::No Python 'python9%0A::stop-commands::abc' on this runner: set python-version, or python to an interpreter's path",
    );
  });

  it("names the venv's Python beside the workspace and keys the cache by the base interpreter", () => {
    const { root, run } = describeEnv("requirements-gpu.txt");
    expect(run.code, run.log).toBe(0);
    expect(run.outputs.python).toBe(path.join(fs.realpathSync(root), "trt-pte-ci", "venv", "bin", "python"));
    expect(run.outputs.interpreter).toMatch(/^[0-9a-f]{16}$/);
    expect(run.outputs.base).toBe(TEST_PYTHON);
  });

  it("stops with a clear error when the requirements file is not in the repository", () => {
    const { run } = describeEnv("requirements-typo.txt");
    expect(run.code).toBe(1);
    expect(run.log).toContain("install: 'requirements-typo.txt' is not a file in the repository");
  });
});

describe("the build job's install step", () => {
  const install = stepNamed(workflow.jobs.build!, "install");

  /** A PEP 503 index in a folder, holding one small wheel that no other index has. */
  function fileIndex(root: string): string {
    const simple = path.join(root, "index", "simple");
    const project = path.join(simple, "trt-pte-index-probe");
    fs.mkdirSync(project, { recursive: true });
    const wheel = "trt_pte_index_probe-1.0-py3-none-any.whl";
    const made = spawnSync(
      TEST_PYTHON,
      [
        "-c",
        `import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("trt_pte_index_probe/__init__.py", "FROM = 'the file index'\\n")
    z.writestr("trt_pte_index_probe-1.0.dist-info/METADATA", "Metadata-Version: 2.1\\nName: trt-pte-index-probe\\nVersion: 1.0\\n")
    z.writestr("trt_pte_index_probe-1.0.dist-info/WHEEL", "Wheel-Version: 1.0\\nGenerator: test\\nRoot-Is-Purelib: true\\nTag: py3-none-any\\n")
    z.writestr("trt_pte_index_probe-1.0.dist-info/RECORD", "")`,
        path.join(project, wheel),
      ],
      { encoding: "utf8" },
    );
    expect(made.status, made.stderr).toBe(0);
    fs.writeFileSync(path.join(project, "index.html"), `<a href="${wheel}">${wheel}</a>\n`);
    return `file://${simple}`;
  }

  it("is pip -r on the file, so the index options inside it apply", () => {
    expect(install.run).toContain('-m pip install --disable-pip-version-check --no-input -r "$INSTALL"');
    const root = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-install-"));
    const ws = path.join(root, "repo");
    fs.mkdirSync(path.join(ws, "requirements"), { recursive: true });
    // Like the requirements/ files: the option line names where the pinned package is found.
    fs.writeFileSync(
      path.join(ws, "requirements", "stack.txt"),
      `--index-url ${fileIndex(root)}\ntrt-pte-index-probe==1.0\n`,
    );
    // The base Python makes the venv without a pip of its own (ensurepip costs seconds of CPU) but
    // with the base's site-packages, so the step's `$VENV/bin/python -m pip` is the base's pip
    // installing into the venv.
    const base = path.join(root, "python-base");
    fs.writeFileSync(
      base,
      `#!/bin/bash\nif [ "$1 $2" = "-m venv" ]; then exec "${TEST_PYTHON}" -m venv --without-pip --system-site-packages "$3"; fi\nexec "${TEST_PYTHON}" "$@"\n`,
      { mode: 0o755 },
    );
    const run = runStep(
      ["bash", "-e"],
      install.run!,
      {
        BASE_PYTHON: base,
        INSTALL: "requirements/stack.txt",
        VENV: "../trt-pte-ci/venv",
        PIP_CONFIG_FILE: os.devNull, // this machine's own pip settings stay out of it
      },
      ws,
    );
    expect(run.code, run.log).toBe(0);
    const venvPython = path.join(root, "trt-pte-ci", "venv", "bin", "python");
    const probe = spawnSync(venvPython, ["-c", "import trt_pte_index_probe as p; print(p.FROM)"], {
      encoding: "utf8",
    });
    expect(probe.stdout.trim(), probe.stderr).toBe("the file index");
  });
});

describe("the build job's requirements hash (the venv's cache key)", () => {
  const step = stepNamed(workflow.jobs.build!, "requirements");

  /** A repository holding `files`, hashed from its root as the step runs (pip's -r is relative to it). */
  function repository(files: Record<string, string>): string {
    const ws = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-req-"));
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(ws, name)), { recursive: true });
      fs.writeFileSync(path.join(ws, name), text);
    }
    return ws;
  }
  const hash = (ws: string, install = "requirements-gpu.txt", env: Record<string, string> = {}) =>
    runStep(["bash", "-e"], step.run!, { BASE_PYTHON: TEST_PYTHON, INSTALL: install, ...env }, ws);
  const keyOf = (ws: string) => {
    const run = hash(ws);
    expect(run.code, run.log).toBe(0);
    return run.outputs.requirements!;
  };
  const covered = (log: string) =>
    /the venv's cache key covers (.*)$/m
      .exec(log)?.[1]
      ?.split(", ")
      .map((f) => path.normalize(f)) ?? [];

  /** The files pip itself opens to read `install` (its own parser, the one the Install step runs). */
  function pipReads(ws: string, install: string): string[] {
    const oracle = `
import json, sys
import pip._internal.req.req_file as req_file
opened = []
read = req_file.get_file_content
def spy(url, session):
    opened.append(url)
    return read(url, session)
req_file.get_file_content = spy
parser = req_file.RequirementsFileParser(None, req_file.get_line_parser(None))
for _ in parser.parse(sys.argv[1], False):
    pass
print(json.dumps(opened))
`;
    const run = spawnSync(TEST_PYTHON, ["-c", oracle, install], { cwd: ws, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    return (JSON.parse(run.stdout) as string[]).map((f) => path.normalize(f));
  }

  // Every form pip takes, nested two deep, relative to the file that names it.
  const TREE = {
    "requirements-gpu.txt": "torch==2.13.0\n-r reqs/base.txt\n--constraint=constraints.txt  # pins\n",
    "reqs/base.txt": "-rstack.txt\nnumpy \\\n  >=1.26\n# -r never.txt\n--requirem ../reqs/extra.txt\n",
    "reqs/stack.txt": "executorch==1.4.1\n-c ../more-constraints.txt\n",
    "reqs/extra.txt": "--requirement=../reqs/leaf.txt\n",
    "reqs/leaf.txt": "pillow\n",
    "constraints.txt": "numpy<3\n",
    "more-constraints.txt": "sympy<2\n",
    "never.txt": "a file no line pulls in\n",
  };

  it("covers every file pip reads, each -r and -c resolved against the file that names it", () => {
    const ws = repository(TREE);
    const run = hash(ws);
    expect(run.code, run.log).toBe(0);
    expect(run.outputs.requirements).toMatch(/^[0-9a-f]{32}$/);
    expect(covered(run.log)).toEqual(pipReads(ws, "requirements-gpu.txt"));
    expect(covered(run.log)).toEqual([
      "requirements-gpu.txt",
      "reqs/base.txt",
      "reqs/stack.txt",
      "more-constraints.txt",
      "reqs/extra.txt",
      "reqs/leaf.txt",
      "constraints.txt",
    ]);
  });

  it("reads each file once where files pull in each other (pip would loop)", () => {
    const ws = repository({
      "requirements-gpu.txt": "-r reqs/a.txt\n",
      "reqs/a.txt": "-r ../requirements-gpu.txt\n",
    });
    const run = hash(ws);
    expect(run.code, run.log).toBe(0);
    expect(covered(run.log)).toEqual(["requirements-gpu.txt", "reqs/a.txt"]);
  });

  it("changes when any included file changes, and only then", () => {
    const ws = repository(TREE);
    const before = keyOf(ws);
    fs.writeFileSync(path.join(ws, "never.txt"), "still pulled in by nothing\n");
    fs.writeFileSync(path.join(ws, "model.py"), "print('not a requirements file')\n");
    expect(keyOf(ws)).toBe(before);
    for (const file of ["more-constraints.txt", "reqs/stack.txt", "reqs/leaf.txt", "constraints.txt"]) {
      const was = keyOf(ws);
      fs.appendFileSync(path.join(ws, file), "pillow<12\n");
      expect(keyOf(ws), file).not.toBe(was);
    }
  });

  it("takes ${VAR} from the environment as pip does, and covers the address of a URL it cannot read", () => {
    const ws = repository({
      "requirements-gpu.txt": "-r ${STACK}/cu130.txt\n-c https://example.com/pins.txt\n",
      "stacks/cu130.txt": "torch==2.13.0\n",
    });
    const run = hash(ws, "requirements-gpu.txt", { STACK: "stacks" });
    expect(run.code, run.log).toBe(0);
    expect(covered(run.log)).toEqual(["requirements-gpu.txt", "stacks/cu130.txt"]);
    expect(run.log).toContain("the addresses (not the content) of https://example.com/pins.txt");
  });

  it("points at the line that pulls in a file that is not there", () => {
    const ws = repository({ "requirements-gpu.txt": "torch\n", "reqs/base.txt": "numpy\n\n-r typo.txt\n" });
    fs.appendFileSync(path.join(ws, "requirements-gpu.txt"), "-r reqs/base.txt\n");
    const run = hash(ws);
    expect(run.code).toBe(1);
    const lines = run.log.split("\n").filter((l) => l.startsWith("::"));
    expect(lines).toEqual([
      "::error file=reqs/base.txt,line=3,title=trt-pte: bad input::install: reqs/base.txt:3 pulls in 'reqs/typo.txt', which cannot be read (No such file or directory). pip resolves -r and -c against the folder of the file that names them.",
    ]);
    expect(run.outputs).toEqual({});
  });

  it("imports nothing from the repository it reads", () => {
    const marker = path.join(os.tmpdir(), `trt-pte-imported-${process.pid}`);
    const ws = repository({
      ...TREE,
      ...Object.fromEntries(
        ["hashlib", "optparse", "os", "re", "shlex", "urllib/__init__", "sitecustomize"].map((m) => [
          `${m}.py`,
          `open(${JSON.stringify(marker)}, "w").write("${m}")\n`,
        ]),
      ),
    });
    const run = hash(ws, "requirements-gpu.txt", { PYTHONPATH: ws });
    expect(run.code, run.log).toBe(0);
    expect(fs.existsSync(marker)).toBe(false);
  });
});

describe("the build job's venv cache", () => {
  const save = stepNamed(workflow.jobs.build!, "Save the Python venv");
  const saves = (eventName: string) =>
    conditionHolds(save.if, {
      github: { event_name: eventName },
      inputs: { install: "requirements-gpu.txt" },
      steps: { "venv-cache": { outputs: { "cache-hit": "false" } } },
    });

  it("is saved by the events that may save a cache at all, and by no other", () => {
    for (const event of SAVING_EVENTS) expect(saves(event), event).toBe(true);
    for (const event of [
      "pull_request_target",
      "issue_comment",
      "workflow_run",
      "pull_request_review",
      "check_suite",
      "repository_dispatch",
    ])
      expect(saves(event), event).toBe(false);
  });

  it("is keyed by the interpreter and the requirements hash, never hashFiles of the top file alone", () => {
    const restore = stepNamed(workflow.jobs.build!, "venv-cache");
    expect(restore.with!.key).toContain("${{ steps.requirements.outputs.requirements }}");
    expect(restore.with!.key).not.toContain("hashFiles");
  });
});

describe("the plan job's refusal", () => {
  const refuse = stepNamed(workflow.jobs.plan!, "Refuse a pull request from a fork");

  it("fails with one error annotation that says how to allow the build", () => {
    const run = runStep(["bash", "-e"], refuse.run!, {
      HEAD_REPOSITORY: "mallory/models",
      FORK_LABEL: "trt-pte:build",
    });
    expect(run.code).toBe(1);
    const lines = run.log.split("\n").filter((l) => l !== "");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^::error title=trt-pte refused a fork pull request::This pull request comes from the fork mallory\/models\./,
    );
    expect(lines[0]).toContain("adds the label 'trt-pte:build'");
    expect(lines[0]).toContain("'allow-forks: true'");
  });

  it("explains how to set up a label when there is none, and escapes the label text", () => {
    expect(runStep(["bash", "-e"], refuse.run!, { HEAD_REPOSITORY: "", FORK_LABEL: "" }).log).toContain(
      "set 'fork-label' in the calling workflow",
    );
    const run = runStep(["bash", "-e"], refuse.run!, {
      HEAD_REPOSITORY: "m/m",
      FORK_LABEL: "x\n::add-mask::y",
    });
    expect(run.log.split("\n").filter((l) => l.startsWith("::"))).toHaveLength(1);
  });
});
