// Starting the Python driver: where it lives, how it is run, and its output streamed line by line.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SettingsError } from "./errors.js";
import { driverEnvironment } from "./driver-env.js";
import { isInside } from "./util/paths.js";
import { OWN_GROUP, tieGroupToChild } from "./util/process-group.js";

/**
 * The folder holding the `trt_pte` package. It travels with the action (GitHub checks out the whole
 * repository) and the npm package (`files`), and the bundle finds it relative to its own file
 * (docs/ARCHITECTURE.md "Shipping the Python driver"): dist/index.js, dist/cli/index.js and
 * src/*.ts alike.
 */
export function driverRoot(from: string = path.dirname(fileURLToPath(import.meta.url))): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "src", "python");
    if (existsSync(path.join(candidate, "trt_pte", "__main__.py"))) return candidate;
    if (path.dirname(dir) === dir) break;
  }
  throw new Error(
    `the trt_pte Python package was not found above ${from}; the action's checkout is incomplete`,
  );
}

export interface DriverRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  /** The last lines the driver printed, for error messages when it died without a result. */
  tail: string[];
}

const TAIL_LINES = 40;

/**
 * The script that starts the driver, beside the `trt_pte` package. `python -m trt_pte` would put the
 * working directory (the user's workspace) first on sys.path, so a `trt_pte/` folder there would be
 * imported instead of ours. Python puts a script's own folder first instead, on every supported
 * version, and the script puts it back there itself for the cases where Python does not (see its
 * docstring).
 */
export const BOOTSTRAP = "trt_pte_driver.py";

export interface DriverOptions {
  /** The model's working directory: the workspace (relative paths in model code keep working). */
  cwd: string;
  onLine: (line: string) => void;
  /** The environment the driver's is chosen from (src/driver-env.ts); process.env by default. */
  env?: NodeJS.ProcessEnv;
  /** Names and globs of `env-passthrough`, already checked by the settings. */
  passthrough?: readonly string[];
  /** Where the run's own temp folder is made; privateTempRoot() by default. */
  tempRoot?: string;
}

/**
 * Where trt-pte makes the private folders of a run (the driver's temp folder, the request and
 * result files): the system's temp folder, never inside RUNNER_TEMP, which holds the runner's own
 * command files (a runner that points TMPDIR there gets /tmp instead).
 */
export function privateTempRoot(env: NodeJS.ProcessEnv): string {
  const system = os.tmpdir();
  const runnerTemp = env.RUNNER_TEMP;
  if (runnerTemp === undefined || runnerTemp === "" || process.platform === "win32") return system;
  return isInside(path.resolve(system), path.resolve(runnerTemp)) ? "/tmp" : system;
}

/**
 * Runs the driver with `args`, calling onLine for every line it prints as soon as it is printed (the
 * export takes minutes; people watch it live). The driver gets a fresh private temp folder of its
 * own, outside RUNNER_TEMP, removed when it exits.
 */
export async function runDriver(
  python: string,
  args: readonly string[],
  options: DriverOptions,
): Promise<DriverRun> {
  const parent = options.env ?? process.env;
  const tempRoot = options.tempRoot ?? privateTempRoot(parent);
  await fs.mkdir(tempRoot, { recursive: true });
  // mkdtemp makes the folder with mode 0700: no other user of the runner reads what the model writes.
  const runDir = await fs.mkdtemp(path.join(tempRoot, "trt-pte-run-"));
  const env = driverEnvironment(parent, { passthrough: options.passthrough ?? [], runDir });
  for (const dir of new Set([env.TMPDIR, env.TORCHINDUCTOR_CACHE_DIR, env.TRITON_CACHE_DIR])) {
    if (dir !== undefined) await fs.mkdir(dir, { recursive: true });
  }
  try {
    return await spawnDriver(python, [path.join(driverRoot(), BOOTSTRAP), ...args], options, env);
  } finally {
    await fs.rm(runDir, { recursive: true, force: true });
  }
}

function spawnDriver(
  python: string,
  argv: readonly string[],
  options: DriverOptions,
  env: NodeJS.ProcessEnv,
): Promise<DriverRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, argv, {
      cwd: options.cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      // A group of its own, stopped with the driver: nothing the model starts outlives it.
      detached: OWN_GROUP,
    });
    const { settled } = tieGroupToChild(child);
    const tail: string[] = [];
    const emit = (line: string): void => {
      tail.push(line);
      if (tail.length > TAIL_LINES) tail.shift();
      options.onLine(line);
    };
    for (const stream of [child.stdout, child.stderr]) {
      let pending = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        pending += chunk;
        const lines = pending.split("\n");
        pending = lines.pop() ?? "";
        for (const line of lines) emit(line.replace(/\r$/, ""));
      });
      stream.on("end", () => {
        if (pending !== "") emit(pending);
        pending = "";
      });
    }
    child.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "ENOENT") {
        reject(
          new SettingsError(
            "python",
            `'${python}' was not found`,
            "install Python, or set `python` (the CLI's `--python`) to the interpreter of your ML environment",
          ),
        );
      } else reject(err);
    });
    child.once("exit", (exitCode, signal) => {
      void settled.then(() => resolve({ exitCode, signal, tail }));
    });
  });
}
