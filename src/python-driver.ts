// Starting the Python driver: where it lives, how it is run, and its output streamed line by line.

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { SettingsError } from "./errors.js";

/**
 * The folder holding the `trt_pte` package. It travels with the action (GitHub checks out the whole
 * repository) and the npm package (`files`), and the bundle finds it relative to its own file
 * (DESIGN.md "Shipping the Python driver"): dist/index.js, dist/cli/index.js and src/*.ts alike.
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
 * Runs `python -m trt_pte <args>` with the driver on PYTHONPATH, calling onLine for every line it
 * prints as soon as it is printed (the export takes minutes; people watch it live).
 */
export function runDriver(
  python: string,
  args: readonly string[],
  options: { cwd: string; onLine: (line: string) => void; env?: NodeJS.ProcessEnv },
): Promise<DriverRun> {
  const root = driverRoot();
  const env = { ...(options.env ?? process.env) };
  env.PYTHONPATH = env.PYTHONPATH ? `${root}${path.delimiter}${env.PYTHONPATH}` : root;
  env.PYTHONUNBUFFERED = "1";
  return new Promise((resolve, reject) => {
    const child = spawn(python, ["-m", "trt_pte", ...args], {
      cwd: options.cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
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
            "install Python or set `python` to the interpreter of your ML environment",
          ),
        );
      } else reject(err);
    });
    child.on("close", (exitCode, signal) => resolve({ exitCode, signal, tail }));
  });
}
