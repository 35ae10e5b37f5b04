// Where `trt-pte fetch` gets its token, as the GitHub CLI does: GH_TOKEN, then GITHUB_TOKEN, then
// the GitHub CLI's own login for the API's host (`gh auth token --hostname HOST`) when gh is there.
// The token is only ever handed to the REST client; no message names its value.

import { spawnSync } from "node:child_process";
import { TrtPteError } from "../errors.js";
import { DEFAULT_API_URL } from "./rest.js";

export interface Token {
  value: string;
  /** Where it came from, for the log: `GH_TOKEN`, `GITHUB_TOKEN` or `gh auth token`. */
  source: string;
}

/** The web host of an API URL: api.github.com → github.com; https://HOST/api/v3 → HOST. */
export function hostOfApi(apiUrl: string): string {
  const host = new URL(apiUrl).host;
  return host === "api.github.com" ? "github.com" : host.replace(/^api\./, "");
}

export function findToken(env: NodeJS.ProcessEnv): Token {
  for (const name of ["GH_TOKEN", "GITHUB_TOKEN"]) {
    const value = env[name]?.trim();
    if (value) return { value, source: name };
  }
  const host = hostOfApi(env.GITHUB_API_URL || DEFAULT_API_URL);
  // gh as the environment finds it (its PATH, its config); its output is the token, never printed.
  const gh = spawnSync("gh", ["auth", "token", "--hostname", host], {
    encoding: "utf8",
    env,
    timeout: 15_000,
    stdio: ["ignore", "pipe", "ignore"],
  });
  const value = gh.error === undefined && gh.status === 0 ? (gh.stdout ?? "").trim() : "";
  if (value !== "") return { value, source: "gh auth token" };
  throw new TrtPteError(
    "settings",
    `no GitHub token: GH_TOKEN and GITHUB_TOKEN are unset${gh.error === undefined ? ` and the GitHub CLI is not signed in to ${host}` : ", and there is no GitHub CLI (gh)"}`,
    `set GH_TOKEN to a token that may read the repository's Actions artifacts (\`actions: read\`), or sign in with \`gh auth login${host === "github.com" ? "" : ` --hostname ${host}`}\``,
  );
}
