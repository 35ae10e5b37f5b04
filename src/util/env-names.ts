// Environment variable names as the driver's environment policy sees them: `*`/`?` globs over names,
// the names no driver process may ever get, whatever a user asks for, and the ones trt-pte sets itself.

import path from "node:path";

/**
 * What the runner hands the action and must never reach model code: the inputs (the `github-token`
 * input arrives as INPUT_GITHUB-TOKEN), the runtime's own tokens and URLs (ACTIONS_RUNTIME_TOKEN,
 * ACTIONS_ID_TOKEN_REQUEST_*, ACTIONS_CACHE_URL...), the token itself, and the files through which a
 * step sets environment, PATH, outputs, state and the job summary of the steps after it.
 */
export const FORBIDDEN_ENV = [
  "INPUT_*",
  "ACTIONS_*",
  "GITHUB_TOKEN",
  "GITHUB_ENV",
  "GITHUB_PATH",
  "GITHUB_OUTPUT",
  "GITHUB_STATE",
  "GITHUB_STEP_SUMMARY",
] as const;

/**
 * Names that hold a credential by their shape (HF_TOKEN, NVIDIA_API_KEY, AWS_SECRET_ACCESS_KEY...):
 * the driver gets one only when `env-passthrough` names it exactly, never through the allowlist's
 * families (HF_*, NV_*, CONDA_*...) or a glob, so a token reaches model code only on purpose.
 */
export const CREDENTIAL_SUFFIXES = ["_TOKEN", "_KEY", "_SECRET", "_PASSWORD", "_CREDENTIALS"] as const;

export function isCredentialName(name: string): boolean {
  const upper = name.toUpperCase();
  return CREDENTIAL_SUFFIXES.some((suffix) => upper.endsWith(suffix));
}

/** A proxy variable (`https_proxy`, `ALL_PROXY`...) whose URL carries a user name or password. */
export function isProxyWithCredentials(name: string, value: string): boolean {
  if (!/_proxy$/i.test(name) || !value.includes("@")) return false;
  try {
    const url = new URL(value.includes("://") ? value : `http://${value}`);
    return url.username !== "" || url.password !== "";
  } catch {
    return true; // unparsable and holding an '@': treat it as carrying credentials
  }
}

/** A name or a glob of names: letters, digits, `_`, `-`, `.`, and the wildcards `*` and `?`. */
export const ENV_PATTERN = /^[A-Za-z0-9_.*?-]+$/;

function globRegExp(glob: string): RegExp {
  const body = glob
    .replace(/[.+^${}()|[\]\\-]/g, "\\$&")
    .replace(/\*/g, ".*")
    .replace(/\?/g, ".");
  return new RegExp(`^${body}$`, "i");
}

/** Whether `name` matches `glob` (case-insensitive: Windows names are, and INPUT_x is no safer). */
export function matchesEnvGlob(name: string, glob: string): boolean {
  return globRegExp(glob).test(name);
}

export function isForbiddenEnv(name: string): boolean {
  return FORBIDDEN_ENV.some((glob) => matchesEnvGlob(name, glob));
}

/**
 * Whether some name matched by `pattern` also matches `forbidden` (itself a name or `PREFIX*`): the
 * pattern is walked as a set of states over the forbidden name's fixed part; any state left alive at
 * its end can be completed into a name both accept.
 */
function overlaps(pattern: string, forbidden: string): boolean {
  const star = forbidden.endsWith("*");
  const fixed = (star ? forbidden.slice(0, -1) : forbidden).toUpperCase();
  const p = pattern.toUpperCase();
  const closure = (states: Set<number>): Set<number> => {
    for (const s of [...states]) for (let i = s; p[i] === "*"; i++) states.add(i + 1);
    return states;
  };
  let states = closure(new Set([0]));
  for (const ch of fixed) {
    const next = new Set<number>();
    for (const s of states) {
      if (p[s] === "*") next.add(s);
      else if (p[s] === "?" || p[s] === ch) next.add(s + 1);
    }
    states = closure(next);
    if (states.size === 0) return false;
  }
  // A prefix: anything may follow. An exact name: the pattern must be able to end here.
  return star ? states.size > 0 : states.has(p.length);
}

/** The forbidden entry a user's name or glob would let through, or undefined when it is safe. */
export function forbiddenOverlap(pattern: string): string | undefined {
  return FORBIDDEN_ENV.find((forbidden) => overlaps(pattern, forbidden));
}

/**
 * Set by trt-pte to folders inside the run's own temp folder, whatever the runner has: the temp
 * folder itself (Python's tempfile reads TMPDIR, then TEMP, then TMP), and so Torch-TensorRT's
 * default timing and engine caches, which torch_tensorrt/dynamo/_defaults.py puts under
 * tempfile.gettempdir() in 2.12 to 2.14; torch inductor's and Triton's compile caches. A later job on
 * the same runner therefore never loads what this one compiled. The caches trt-pte keeps on purpose
 * are passed by path in the request and restored from the job's own cache scope.
 */
export function runFolders(runDir: string): Record<string, string> {
  const tmp = path.join(runDir, "tmp");
  return {
    TMPDIR: tmp,
    TEMP: tmp,
    TMP: tmp,
    TORCHINDUCTOR_CACHE_DIR: path.join(runDir, "torchinductor"),
    TRITON_CACHE_DIR: path.join(runDir, "triton"),
  };
}

export const RUN_FOLDER_NAMES: readonly string[] = Object.keys(runFolders(""));
