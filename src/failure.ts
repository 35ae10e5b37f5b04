// How a failed run is told: one error (annotated at the user's file and line when their code is
// the cause), with the hint on its own line. Shared by the action and the CLI.

import type { Log } from "./platform/platform.js";
import { TrtPteError } from "./errors.js";

export function reportFailure(error: unknown, log: Log): void {
  if (error instanceof TrtPteError) {
    const text = error.hint ? `${error.message}\nhint: ${error.hint}` : error.message;
    log.error(text, error.location);
    return;
  }
  log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
}
