// `trt-pte fetch --verify-attestation`: each file's build provenance, checked by the GitHub CLI
// (`gh attestation verify FILE --repo OWNER/NAME`, with `--hostname` for GitHub Enterprise Server).
// The attestation must have been made by a workflow of that repository, as workflows/release.yml
// does; a file without one, or with one for other bytes, fails.

import { spawn } from "node:child_process";
import { TrtPteError } from "../errors.js";
import { inert } from "../util/log-text.js";
import { hostOfApi } from "./token.js";

export async function verifyAttestation(
  file: string,
  name: string,
  repo: string,
  apiUrl: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const host = hostOfApi(apiUrl);
  const args = [
    "attestation",
    "verify",
    file,
    "--repo",
    repo,
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
    throw new TrtPteError(
      "verification",
      `${name}: gh attestation verify failed${said ? `: ${inert(said).slice(0, 500)}` : ""}`,
      "nothing was written; a build has an attestation only when its workflow made one (workflows/pr.yml and workflows/release.yml do)",
    );
  }
}
