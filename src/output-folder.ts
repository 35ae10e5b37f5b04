// The model's output folder and what lives beside it, in one place: the staging folder a run builds
// (or restores from the cache) into, the previous build kept until the run has succeeded, the run's
// whole log, and the files of a build that failed after writing its .pte. A run that fails at any
// stage leaves the last good output where it was (docs/troubleshooting.md “Nothing is lost”).

import fs from "node:fs/promises";

/** The paths beside `<output-dir>/<artifact-name>`; none of them is uploaded or cached. */
export interface OutputPaths {
  /** The model's output folder: one complete, verified export or nothing. */
  final: string;
  /** Where this run exports or restores into, then verifies, before it replaces `final`. */
  staging: string;
  /** `final` as it was before this run replaced it, until the run ends. */
  previous: string;
  /** The run's whole log, third-party noise included (the terminal and job log fold it). */
  log: string;
  /** A build that failed after the driver wrote its .pte, kept for `trt-pte inspect`. */
  failed: string;
}

export function outputPaths(outputDir: string, pid: number = process.pid): OutputPaths {
  return {
    final: outputDir,
    staging: `${outputDir}.staging-${pid}`,
    previous: `${outputDir}.previous-${pid}`,
    log: `${outputDir}.log`,
    failed: `${outputDir}.failed`,
  };
}

async function exists(p: string): Promise<boolean> {
  return fs.stat(p).then(
    () => true,
    () => false,
  );
}

/**
 * One run's hold on the output folder: `promote` swaps the staged build in and keeps the one it
 * replaces; `commit` drops that once the run has succeeded, `rollback` puts it back after a failure.
 */
export class OutputSwap {
  private promoted = false;
  private kept = false;

  constructor(readonly paths: OutputPaths) {}

  /** A fresh, empty staging folder. */
  async stage(): Promise<string> {
    await fs.rm(this.paths.staging, { recursive: true, force: true });
    await fs.mkdir(this.paths.staging, { recursive: true });
    return this.paths.staging;
  }

  /** Moves the staged build into place; the folder it replaces waits beside it. */
  async promote(): Promise<void> {
    await fs.rm(this.paths.previous, { recursive: true, force: true });
    if (await exists(this.paths.final)) {
      await fs.rename(this.paths.final, this.paths.previous);
      this.kept = true;
    }
    await fs.rename(this.paths.staging, this.paths.final);
    this.promoted = true;
  }

  /** The run succeeded: the replaced build and a stale failed one go. */
  async commit(): Promise<void> {
    await fs.rm(this.paths.previous, { recursive: true, force: true });
    await fs.rm(this.paths.failed, { recursive: true, force: true });
    this.kept = false;
  }

  /** The run failed: whatever it staged goes, and the output folder is what it was before. */
  async rollback(): Promise<void> {
    await fs.rm(this.paths.staging, { recursive: true, force: true });
    if (!this.promoted) return;
    await fs.rm(this.paths.final, { recursive: true, force: true });
    if (this.kept) await fs.rename(this.paths.previous, this.paths.final);
    this.promoted = false;
    this.kept = false;
  }
}

/**
 * Writes a file of trt-pte's own (the log, the summary's markdown) where the model's process could have put
 * something first: whatever is at the path goes, and the new file is created, never followed through
 * a link the model left there.
 */
export async function writeOwnFile(file: string, text: string): Promise<void> {
  await fs.rm(file, { force: true, recursive: true });
  await fs.writeFile(file, text, { flag: "wx" });
}
