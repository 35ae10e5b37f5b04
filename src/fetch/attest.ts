// `trt-pte fetch --verify-attestation`: each file's build provenance, checked by the GitHub CLI
// (`gh attestation verify FILE --repo OWNER/NAME`, with `--hostname` for GitHub Enterprise Server).
// The attestation must have been made by a workflow of that repository, as workflows/release.yml
// does; a file without one, or with one for other bytes, fails. For a branch's build it must also
// have been made by a run on that branch (`--source-ref refs/heads/B`: the ref in the signing
// certificate, which the run's OIDC token set), so an attestation a pull request's run made
// (refs/pull/N/merge) does not pass for `--branch`. The signer workflow's file is not pinned: each
// repository names its own (workflows/pr.yml and release.yml are examples), and `--repo` already
// holds the signer to a workflow of the repository.

import { spawn } from "node:child_process";
import { TrtPteError } from "../errors.js";
import { escapeControls, inert } from "../util/log-text.js";
import { hostOfApi } from "./token.js";

export interface AttestationIdentity {
  repo: string;
  /** The git ref the attesting run must have run on (`refs/heads/main`), or null for any. */
  sourceRef: string | null;
  apiUrl: string;
  /** The environment the GitHub CLI runs in. */
  env: NodeJS.ProcessEnv;
}

export async function verifyAttestation(
  file: string,
  name: string,
  { repo, sourceRef, apiUrl, env }: AttestationIdentity,
): Promise<void> {
  const host = hostOfApi(apiUrl);
  const args = [
    "attestation",
    "verify",
    file,
    "--repo",
    repo,
    ...(sourceRef === null ? [] : ["--source-ref", sourceRef]),
    ...(host === "github.com" ? [] : ["--hostname", host]),
  ];
  const { code, output, missing } = await new Promise<{
    code: number | null;
    output: string;
    missing: boolean;
  }>((resolve) => {
    const child = spawn("gh", args, { env, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    child.on("error", (e: NodeJS.ErrnoException) =>
      resolve({ code: null, output: e.message, missing: e.code === "ENOENT" }),
    );
    child.on("close", (c) => resolve({ code: c, output, missing: false }));
  });
  if (missing) {
    throw new TrtPteError(
      "settings",
      "--verify-attestation needs the GitHub CLI (gh), which is not on PATH",
      "install it (https://cli.github.com) or leave out --verify-attestation; nothing was written",
    );
  }
  if (code !== 0) {
    const said = output.trim().split("\n").slice(-4).join(" / ");
    const oldGh = sourceRef !== null && /unknown flag: --source-ref/.test(output);
    throw new TrtPteError(
      "verification",
      `${name}: gh attestation verify failed${said ? `: ${escapeControls(inert(said)).slice(0, 500)}` : ""}`,
      oldGh
        ? "nothing was written; this GitHub CLI is too old to check which branch made the attestation (`--source-ref`): update gh"
        : `nothing was written; a build has an attestation only when its workflow made one (workflows/pr.yml and workflows/release.yml do)${
            sourceRef === null ? "" : `, and for --branch only one a run on ${sourceRef} made`
          }`,
    );
  }
}
