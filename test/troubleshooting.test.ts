// Every row of docs/troubleshooting.md is a failure a test produces, printed as a user reads it: the
// kind once and first, the message, the hint on its own line. The rows the action produces itself
// are here, each through the code that produces it; the rows the driver produces are
// test/python/test_troubleshooting.py's (on small models written for each), and one of them runs
// here end to end with the real driver, to show how a driver failure is printed.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ERROR_KINDS, TrtPteError } from "../src/errors.js";
import { reportFailure } from "../src/failure.js";
import { localLog, localPlatform } from "../src/platform/local.js";
import { readSettings, type Settings } from "../src/settings/settings.js";
import { runPipeline } from "../src/main.js";
import { preflight } from "../src/preflight.js";
import { runExport } from "../src/export.js";
import { verifyOutput } from "../src/verify.js";
import { uploadExport } from "../src/publish/upload.js";
import { REPO, TEST_PYTHON } from "./support/action-run.js";
import { fixtureReport } from "./support/reports.js";
import { shellPython, standinWorkspace } from "./support/standin.js";

const documented = (): string[] =>
  [
    ...fs.readFileSync(path.join(REPO, "docs", "troubleshooting.md"), "utf8").matchAll(/^\| `(\w+)` \|/gm),
  ].map((m) => m[1]!);

/** The driver's kinds, as test/python/test_troubleshooting.py lists the ones it produces. */
const driverKinds = (): string[] => {
  const source = fs.readFileSync(path.join(REPO, "test", "python", "test_troubleshooting.py"), "utf8");
  const block = /^DRIVER_KINDS = \{([^}]*)\}/m.exec(source)?.[1] ?? "";
  return [...block.matchAll(/"(\w+)"/g)].map((m) => m[1]!);
};

/** What the CLI prints for `error` (the action's annotation carries the same text). */
function printed(error: unknown): string {
  const lines: string[] = [];
  reportFailure(
    error,
    localLog((l) => lines.push(l)),
  );
  return lines.join("\n");
}

function expectPrinted(error: unknown, kind: string, hint: string | RegExp): void {
  expect(error).toBeInstanceOf(TrtPteError);
  const text = printed(error);
  expect(text).toMatch(new RegExp(`^error: (\\S+:\\d*:? )?${kind}: `));
  expect(text.split(`${kind}:`)).toHaveLength(2); // the kind once
  expect(text.match(/\n {2}hint: /g)).toHaveLength(1);
  const said = text.slice(text.indexOf("\n  hint: ") + 9);
  if (typeof hint === "string") expect(said).toContain(hint);
  else expect(said).toMatch(hint);
}

function settingsFor(ws: string, values: Record<string, string>): Settings {
  return readSettings((n) => values[n] ?? "", { workspace: ws, allowedRoots: [] });
}

const caught = async (fn: () => Promise<unknown>): Promise<unknown> =>
  fn().then(
    () => null,
    (e: unknown) => e,
  );

const tmp = (): string => fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-kinds-"));

describe("docs/troubleshooting.md", () => {
  it("has one row per error kind, each produced by a case here or by the driver's test", () => {
    expect(documented().sort()).toEqual([...ERROR_KINDS].sort());
    const covered = new Set([...Object.keys(ACTION_CASES), ...driverKinds()]);
    expect([...covered].sort()).toEqual([...ERROR_KINDS].sort());
  });
});

const ACTION_CASES: Record<string, () => Promise<void>> = {
  async settings() {
    const error = await caught(async () =>
      settingsFor(tmp(), { model: "m.py:f", inputs: "float32[1,3]\nfloat33[2]" }),
    );
    expectPrinted(error, "settings", "docs/action.md “Input specs”");
    expect(printed(error)).toContain("settings: inputs: at 2:1: unknown dtype 'float33'");
  },

  async missing_dependency() {
    // An interpreter whose site-packages are out of sight: preflight finds no torch or executorch.
    const dir = tmp();
    const python = shellPython(dir, "python-without-site", `exec "${TEST_PYTHON}" -S "$@"`);
    const settings = settingsFor(dir, { model: "m.py:f", target: "portable", python });
    const error = await caught(() =>
      preflight(
        settings,
        localLog(() => undefined),
      ),
    );
    expectPrinted(error, "missing_dependency", "install torch and executorch into");
  },

  async verification() {
    const dir = tmp();
    fs.writeFileSync(path.join(dir, "m.pte"), Buffer.alloc(64, 7));
    const error = await caught(() =>
      verifyOutput(dir, {
        protocol: 1,
        status: "ok",
        driver_version: "",
        versions: {},
        files: [{ name: "m.pte", kind: "pte", bytes: 64, sha256: "0".repeat(64) }],
      }),
    );
    expectPrinted(error, "verification", "nothing was published");
  },

  async publish() {
    const dir = tmp();
    const settings = settingsFor(dir, { model: "m.py:f", target: "portable", "artifact-name": "taken" });
    const report = fixtureReport();
    const store = {
      uploadFile: () =>
        Promise.reject(
          new Error("Failed to CreateArtifact: (409) Conflict: an artifact with this name already exists"),
        ),
      remove: () => Promise.resolve(),
    };
    const files = { pte: report.pte, ptd: [], inspection: report.inspection };
    const error = await caught(() => uploadExport(settings, store, files));
    expectPrinted(error, "publish", "give each call (and each matrix job) its own `artifact-name`");
  },

  async regression() {
    // A build against a baseline half its size, with a 10% size gate: published, then failed.
    const w = standinWorkspace();
    const ok = await caught(() =>
      runPipeline(
        settingsFor(w.ws, {
          model: "scenario.py:ok",
          target: "portable",
          python: w.python,
          cache: "false",
          "benchmark-seconds": "0",
        }),
        localPlatform({
          artifactDir: path.join(w.ws, "arts"),
          write: () => undefined,
          printSummary: () => undefined,
        }),
        {},
      ),
    );
    expect(ok).toBeNull();
    const reportFile = path.join(w.ws, "trt-pte-out", "scenario-ok-portable", "report.json");
    const built = JSON.parse(fs.readFileSync(reportFile, "utf8")) as { pte: { bytes: number } };
    const baseline = path.join(w.ws, "old.json");
    fs.writeFileSync(
      baseline,
      JSON.stringify({ ...built, pte: { ...built.pte, bytes: Math.floor(built.pte.bytes / 2) } }),
    );
    const values = {
      model: "scenario.py:ok",
      target: "portable",
      python: w.python,
      cache: "false",
      "benchmark-seconds": "0",
      "max-size-increase": "10%",
    };
    const read = settingsFor(w.ws, values);
    const settings: Settings = { ...read, compare: { ...read.compare, baselineFile: baseline } };
    const error = await caught(() =>
      runPipeline(
        settings,
        localPlatform({
          artifactDir: path.join(w.ws, "arts"),
          write: () => undefined,
          printSummary: () => undefined,
        }),
        {},
      ),
    );
    expectPrinted(error, "regression", "the files were still written and published");
    expect(printed(error)).toMatch(/regression: max-size-increase 10%: \.pte \+ \.ptd size \+\d/);
  },

  async out_of_memory() {
    // The driver killed by the kernel (SIGKILL, what the OOM killer sends) before it wrote a result.
    const dir = tmp();
    const python = shellPython(dir, "python-killed", "kill -9 $$");
    const settings = settingsFor(dir, { model: "m.py:f", target: "portable", python });
    const error = await caught(() =>
      runExport(
        settings,
        path.join(dir, "out"),
        localLog(() => undefined),
      ),
    );
    expectPrinted(error, "out_of_memory", "ran out of memory");
  },

  async internal() {
    const dir = tmp();
    const python = shellPython(dir, "python-gone", "echo 'Segmentation fault' >&2; exit 139");
    const settings = settingsFor(dir, { model: "m.py:f", target: "portable", python });
    const error = await caught(() =>
      runExport(
        settings,
        path.join(dir, "out"),
        localLog(() => undefined),
      ),
    );
    expectPrinted(error, "internal", "see the log above");
    expect(printed(error)).toContain("the export driver exited with code 139 without writing a result");
  },
};

describe.each(Object.entries(ACTION_CASES))("the %s row", (_kind, run) => {
  it("is produced and printed with its kind and hint", run);
});

describe("a driver row, end to end with the real driver", () => {
  it("bad_input: a spec the first layer rejects, at its line and column", async () => {
    const ws = tmp();
    fs.writeFileSync(
      path.join(ws, "net.py"),
      [
        "import torch",
        "",
        "",
        "class Net(torch.nn.Module):",
        "    def __init__(self):",
        "        super().__init__()",
        "        self.conv = torch.nn.Conv2d(3, 8, 3)",
        "",
        "    def forward(self, x):",
        "        return self.conv(x)",
        "",
        "",
        "def build():",
        "    return Net()",
        "",
      ].join("\n"),
    );
    const settings = settingsFor(ws, {
      model: "net.py:build",
      target: "portable",
      python: TEST_PYTHON,
      inputs: "\n  float32[1,4,8,8]",
      cache: "false",
    });
    const lines: string[] = [];
    const error = await caught(() =>
      runPipeline(
        settings,
        localPlatform({
          artifactDir: path.join(ws, "arts"),
          write: (l) => lines.push(l),
          printSummary: () => undefined,
        }),
        {},
      ),
    );
    expectPrinted(error, "bad_input", "change the spec at inputs:2:3 to the size the model takes");
    expect(printed(error)).toMatch(
      /^error: net\.py:10: bad_input: wrong size: input `x` float32\[1,4,8,8\] \(inputs:2:3\) does not fit the model: `conv2d` raised RuntimeError: /,
    );
    // Printed once: the driver's log does not repeat it.
    expect(lines.filter((l) => l.includes("wrong size"))).toEqual([]);
  });
});
