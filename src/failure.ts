// How a failed run is told: one error (annotated at the user's file and line when their code is
// the cause), with the hint on its own line. Shared by the action and the CLI.

import type { Log } from "./platform/platform.js";
import { ProblemsError, TrtPteError, describeError } from "./errors.js";

/** `about` names what failed when a call builds several models (the model's name), as a prefix. */
export function reportFailure(error: unknown, log: Log, about?: string): void {
  const prefix = about === undefined ? "" : `${about}: `;
  // Each problem at its own place (a file's every mistake is annotated where it is), then the count.
  if (error instanceof ProblemsError) {
    for (const problem of error.problems) log.error(describeError(problem), problem.location);
  }
  log.error(`${prefix}${describeError(error)}`, error instanceof TrtPteError ? error.location : undefined);
}
