import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { driverRoot, runDriver } from "../src/python-driver.js";
import { SettingsError } from "../src/errors.js";
import { REPO } from "./support/action-run.js";

describe("the Python driver process", () => {
  it("is found relative to the code, from src/ and from the bundles' folders", () => {
    const root = path.join(REPO, "src", "python");
    expect(driverRoot()).toBe(root);
    expect(driverRoot(path.join(REPO, "dist"))).toBe(root);
    expect(driverRoot(path.join(REPO, "dist", "cli"))).toBe(root);
  });

  it("streams each line as it is printed, not when the process ends", async () => {
    // The fake `python` prints a line, then waits for the test to acknowledge it before going on:
    // if lines were held back until exit, no acknowledgement would come and it would say so.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trt-pte-stream-"));
    const fake = path.join(dir, "python");
    const ack = path.join(dir, "ack");
    fs.writeFileSync(
      fake,
      `#!/bin/sh\necho first\ni=0\nwhile [ ! -e '${ack}' ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done\n` +
        `if [ -e '${ack}' ]; then echo second >&2; else echo 'never acknowledged'; fi\nprintf 'no newline at the end'\n`,
      { mode: 0o755 },
    );
    const seen: string[] = [];
    const run = await runDriver(fake, ["export"], {
      cwd: dir,
      onLine: (line) => {
        seen.push(line);
        if (line === "first") fs.writeFileSync(ack, "");
      },
    });
    expect(run.exitCode).toBe(0);
    expect(seen).toEqual(["first", "second", "no newline at the end"]);
    expect(run.tail).toEqual(seen);
  });

  it("names the interpreter that does not exist", async () => {
    await expect(
      runDriver("/no/such/python3", ["versions"], { cwd: os.tmpdir(), onLine: () => undefined }),
    ).rejects.toThrow(SettingsError);
    await expect(
      runDriver("/no/such/python3", ["versions"], { cwd: os.tmpdir(), onLine: () => undefined }),
    ).rejects.toThrow("python: '/no/such/python3' was not found");
  });
});
