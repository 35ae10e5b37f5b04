// The driver's environment: an allowlist, not the action's environment minus a few names. Model code
// (and every pickle and package it loads) runs in the driver, so it gets what an ML process needs and
// nothing the runner gave the action to act with: no token, no inputs, no runtime URLs, no command
// files. The action's own process still holds all of that, so this is defence in depth (docs/security.md), not a wall against code running as the same user.

import {
  isCredentialName,
  isForbiddenEnv,
  isProxyWithCredentials,
  matchesEnvGlob,
  runFolders,
} from "./util/env-names.js";

/** Names passed as they are. */
const NAMES = [
  "PATH",
  "HOME",
  "USER",
  "LOGNAME",
  "SHELL",
  "TERM",
  "TZ",
  "LANG",
  "LANGUAGE",
  "HOSTNAME",
  // The runner marks every process of a job with it and, when the job ends, stops those still
  // running ("Cleaning up orphan processes"): without it, a process the model left behind that
  // escaped the driver's process group (src/util/process-group.ts) would outlive the job.
  "RUNNER_TRACKING_ID",
  // Native code: the CUDA and TensorRT libraries, and the compilers torch's inductor calls.
  "LD_LIBRARY_PATH",
  "LIBRARY_PATH",
  "CPATH",
  "PKG_CONFIG_PATH",
  "CC",
  "CXX",
  "CFLAGS",
  "CXXFLAGS",
  "LDFLAGS",
  "VIRTUAL_ENV",
  // Downloads of weights and packages behind a proxy or a private CA.
  "http_proxy",
  "https_proxy",
  "no_proxy",
  "all_proxy",
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "ALL_PROXY",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "REQUESTS_CA_BUNDLE",
  "CURL_CA_BUNDLE",
  // Windows (the CLI on a laptop): Python and its subprocesses do not start without these.
  "SYSTEMROOT",
  "WINDIR",
  "COMSPEC",
  "PATHEXT",
  "USERPROFILE",
  "APPDATA",
  "LOCALAPPDATA",
  "PROGRAMDATA",
  "NUMBER_OF_PROCESSORS",
  "PROCESSOR_ARCHITECTURE",
];

/** Families passed by prefix: locale, Python, CUDA/NVIDIA, torch, TensorRT, Hugging Face, threads. */
const PREFIXES = [
  "LC_",
  "PYTHON",
  "CONDA_",
  "CUDA",
  "CUDNN_",
  "CUBLAS",
  "NVIDIA_",
  "NV_",
  "NCCL_",
  "TORCH",
  "PYTORCH_",
  "TRT_",
  "TENSORRT",
  "TRITON_",
  "HF_",
  "HUGGINGFACE_",
  "TRANSFORMERS_",
  "OMP_",
  "KMP_",
  "MKL_",
  "OPENBLAS_",
];

function allowed(name: string, value: string, passthrough: readonly string[]): boolean {
  // A credential passes only by its exact name in env-passthrough, whatever family or glob matches it.
  if (isCredential(name, value)) return passthrough.includes(name);
  const upper = name.toUpperCase();
  return (
    NAMES.includes(name) ||
    NAMES.includes(upper) ||
    PREFIXES.some((prefix) => upper.startsWith(prefix)) ||
    passthrough.some((glob) => matchesEnvGlob(name, glob))
  );
}

function isCredential(name: string, value: string): boolean {
  return isCredentialName(name) || isProxyWithCredentials(name, value);
}

/**
 * The credential-shaped variables of `parent` the driver does not get (names only, sorted), for one
 * line in the log: each would have passed the allowlist or a glob, and needs its exact name in
 * `env-passthrough` to reach model code.
 */
export function withheldCredentials(parent: NodeJS.ProcessEnv, passthrough: readonly string[]): string[] {
  const withheld: string[] = [];
  for (const [name, value] of Object.entries(parent)) {
    if (value === undefined || isForbiddenEnv(name) || !isCredential(name, value)) continue;
    if (allowed(name, value, passthrough)) continue;
    const upper = name.toUpperCase();
    const wouldPass =
      NAMES.includes(name) ||
      NAMES.includes(upper) ||
      PREFIXES.some((prefix) => upper.startsWith(prefix)) ||
      passthrough.some((glob) => matchesEnvGlob(name, glob));
    if (wouldPass) withheld.push(name);
  }
  return withheld.sort();
}

/**
 * The driver's environment from the action's (or the CLI's) own: the allowlist, the names and globs
 * of `env-passthrough`, never a forbidden name (src/util/env-names.ts), a credential-shaped name or
 * a proxy URL with a user or password only when `env-passthrough` names it exactly, and the run's
 * folders.
 */
export function driverEnvironment(
  parent: NodeJS.ProcessEnv,
  options: { passthrough: readonly string[]; runDir: string },
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(parent)) {
    if (value !== undefined && !isForbiddenEnv(name) && allowed(name, value, options.passthrough))
      env[name] = value;
  }
  return { ...env, ...runFolders(options.runDir), PYTHONUNBUFFERED: "1" };
}
