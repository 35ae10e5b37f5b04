// The errors a run can end with. Each carries what was wrong, what to do, and where (the user's file
// and line when their code is the cause), so the entry points can print one clear message and
// annotate the right line without knowing which stage failed.

/**
 * Error kinds shared with the Python driver's result JSON (src/python/trt_pte/errors.py); each is a
 * row of docs/troubleshooting.md.
 */
export const ERROR_KINDS = [
  "settings",
  "model_error",
  "bad_input",
  "missing_dependency",
  "gpu_missing",
  "unsupported_op",
  "export_failure",
  "tensorrt_build_failure",
  "out_of_memory",
  "accuracy",
  "verification",
  "publish",
  "regression",
  "internal",
] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export interface SourceLocation {
  file: string;
  line?: number;
  /** 1-based, where the tool that found the problem knows it (a trt-pte.yml's parser does). */
  column?: number;
}

export class TrtPteError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly hint?: string,
    readonly location?: SourceLocation,
  ) {
    super(message);
    this.name = "TrtPteError";
  }
}

/** A setting (action input or CLI flag) has a bad value. */
export class SettingsError extends TrtPteError {
  constructor(
    readonly input: string,
    problem: string,
    hint?: string,
  ) {
    super("settings", `${input}: ${problem}`, hint);
    this.name = "SettingsError";
  }
}

/**
 * Several independent problems found at once (every mistake in a trt-pte.yml, not only the first),
 * each with its own place; the entry points tell each one (src/failure.ts).
 */
export class ProblemsError extends TrtPteError {
  constructor(
    readonly problems: readonly TrtPteError[],
    summary: string,
    hint?: string,
  ) {
    super("settings", summary, hint);
    this.name = "ProblemsError";
  }
}

/**
 * What a person reads when a run fails, in the log, the annotation and the CLI alike: the kind (the
 * row of docs/troubleshooting.md), the message, the hint on its own line; the stack only for an
 * error trt-pte did not expect.
 */
export function describeError(e: unknown): string {
  if (e instanceof TrtPteError) {
    const head = `${e.kind}: ${e.message}`;
    return e.hint ? `${head}\n  hint: ${e.hint}` : head;
  }
  const unexpected: ErrorKind = "internal";
  return `${unexpected}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`;
}

/** A thrown value's message on one line (no hint, no stack), for text that names a cause. */
export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
