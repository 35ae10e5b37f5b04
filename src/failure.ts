// How a failed run is told: one error (annotated at the user's file and line when their code is
// the cause), with the hint on its own line. Shared by the action and the CLI.

import type { Log } from "./platform/platform.js";
import { TrtPteError, describeError } from "./errors.js";

export function reportFailure(error: unknown, log: Log): void {
  log.error(describeError(error), error instanceof TrtPteError ? error.location : undefined);
}
