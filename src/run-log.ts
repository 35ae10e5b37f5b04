// The run's whole log, kept for its log file beside the output folder (src/output-folder.ts): every
// line the pipeline logs, and the third-party lines the job log and terminal fold away, in the order
// they came. The platform's log still gets everything it got before.

import fs from "node:fs/promises";
import path from "node:path";
import type { SourceLocation } from "./errors.js";
import { TrtPteError, describeError } from "./errors.js";
import type { Log } from "./platform/platform.js";
import { writeOwnFile } from "./output-folder.js";

// A model that prints without end must not take the runner's memory with it.
const MAX_CHARS = 64 * 1024 * 1024;

function at(where: SourceLocation | undefined): string {
  if (where === undefined) return "";
  return where.line === undefined ? `${where.file}: ` : `${where.file}:${where.line}: `;
}

export class RunLog {
  readonly log: Log;
  private readonly lines: string[] = [];
  private chars = 0;
  private dropped = 0;

  constructor(inner: Log) {
    this.log = {
      info: (message) => {
        this.record(message);
        inner.info(message);
      },
      warning: (message, where) => {
        this.record(`warning: ${at(where)}${message}`);
        inner.warning(message, where);
      },
      error: (message, where) => {
        this.record(`error: ${at(where)}${message}`);
        inner.error(message, where);
      },
      group: (title, fn) => {
        this.record(`▸ ${title}`);
        return inner.group(title, fn);
      },
      verbatim: (fn) => inner.verbatim(fn),
      // The folded lines are in the file already, each where it came (`record`).
      aside: (summary, lines) => inner.aside(summary, lines),
    };
  }

  /** A line for the file only: third-party output the job log folds. */
  record(line: string): void {
    if (this.chars + line.length > MAX_CHARS) {
      this.dropped++;
      return;
    }
    this.chars += line.length + 1;
    this.lines.push(line);
  }

  /** Writes the log file; a failed run's error ends it, as the entry point prints it. */
  async write(file: string, failure?: unknown): Promise<void> {
    const tail: string[] = [];
    if (this.dropped > 0) tail.push(`… ${this.dropped} more lines were not kept (the log passed 64 MiB)`);
    if (failure !== undefined) {
      tail.push(
        `error: ${at(failure instanceof TrtPteError ? failure.location : undefined)}${describeError(failure)}`,
      );
    }
    await fs.mkdir(path.dirname(file), { recursive: true });
    await writeOwnFile(file, `${[...this.lines, ...tail].join("\n")}\n`);
  }
}
