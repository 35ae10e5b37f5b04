// A workspace for tests of the pipeline around the driver: scenario.py names the .pte fixture the
// stand-in driver writes (test/support/standin-driver.py), and a "python" starts the stand-in.

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { REPO, TEST_PYTHON } from "./action-run.js";
import { fixtureDir } from "./pte-fixtures.js";

const STANDIN = path.join(REPO, "test", "support", "standin-driver.py");

export interface StandinWorkspace {
  ws: string;
  /** The interpreter setting that runs the stand-in driver. */
  python: string;
  /** Makes the stand-in write this fixture's .pte from now on. */
  use: (fixture: string) => void;
}

export function standinWorkspace(): StandinWorkspace {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-stages-"));
  const python = path.join(ws, ".standin-python");
  fs.writeFileSync(python, `#!/bin/sh\nexec "${TEST_PYTHON}" "${STANDIN}" "$@"\n`, { mode: 0o755 });
  const use = (fixture: string): void =>
    fs.writeFileSync(
      path.join(ws, "scenario.py"),
      `FIXTURE = "${path.join(fixtureDir(fixture), "model.pte")}"\n`,
    );
  use("portable");
  return { ws, python, use };
}

/** A "python" that is a shell script with this body (to die as a driver can). */
export function shellPython(dir: string, name: string, body: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return file;
}

/** A copy of `from` (its output, caches and artifact folder too) in a fresh folder of its own. */
export function cloneWorkspace(from: StandinWorkspace): StandinWorkspace {
  const ws = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-stages-"));
  fs.cpSync(from.ws, ws, { recursive: true });
  const use = (fixture: string): void =>
    fs.writeFileSync(
      path.join(ws, "scenario.py"),
      `FIXTURE = "${path.join(fixtureDir(fixture), "model.pte")}"\n`,
    );
  return { ws, python: path.join(ws, path.basename(from.python)), use };
}
