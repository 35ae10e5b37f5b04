// The GitHub adapter: the Actions toolkit behind the Platform ports (the log in github-log.ts).

import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import * as core from "@actions/core";
import type * as ArtifactModule from "@actions/artifact";
import { githubCacheStore } from "./github-store.js";
import { octokitIssueComments, type IssueCommentsApi } from "../github/sticky-comment.js";
import type { ArtifactStore, Platform } from "./platform.js";
import { githubLog } from "./github-log.js";
import { artifactUrl, runLinks } from "../github/run-links.js";

/**
 * `file` under the name `name` in a private folder of its own: @actions/artifact names an unzipped
 * artifact by the file's base name. A symbolic link costs nothing (the client uploads what it points
 * to); where one cannot be made (Windows without the right), a copy.
 */
async function named<T>(
  env: NodeJS.ProcessEnv,
  name: string,
  file: string,
  fn: (link: string) => Promise<T>,
): Promise<T> {
  const dir = await fs.mkdtemp(path.join(env.RUNNER_TEMP ?? os.tmpdir(), "trt-pte-upload-"));
  try {
    const link = path.join(dir, name);
    try {
      await fs.symlink(path.resolve(file), link);
    } catch {
      await fs.copyFile(file, link);
    }
    return await fn(link);
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

function githubArtifacts(env: NodeJS.ProcessEnv): ArtifactStore {
  // Loaded apart from the entry point: the toolkit clients are most of the bundle's start-up time,
  // and `prepare` starts loading this one while the export runs in another process.
  let artifactModule: Promise<typeof ArtifactModule> | undefined;
  const load = () => (artifactModule ??= import("@actions/artifact"));
  return {
    prepare() {
      void load();
    },
    async uploadFile(name, file, { retentionDays }) {
      const { DefaultArtifactClient } = await load();
      const client = new DefaultArtifactClient();
      // skipArchive: one file, stored as it is, downloaded as itself; the digest the service records
      // is the file's own sha256.
      const uploaded = await named(env, name, file, (link) =>
        client.uploadArtifact(name, [link], path.dirname(link), { retentionDays, skipArchive: true }),
      );
      if (uploaded.id === undefined) throw new Error(`the artifact service returned no id for '${name}'`);
      return {
        id: uploaded.id,
        size: uploaded.size ?? 0,
        digest:
          uploaded.digest === undefined ? undefined : `sha256:${uploaded.digest.replace(/^sha256:/, "")}`,
        url: artifactUrl(runLinks(env), uploaded.id),
      };
    },
    async remove(name) {
      const { DefaultArtifactClient } = await load();
      await new DefaultArtifactClient().deleteArtifact(name);
    },
  };
}

/** The comments API, with octokit loaded only once a comment is actually written. */
function lazyIssueComments(token: string): IssueCommentsApi {
  const api = import("@actions/github").then(({ getOctokit }) => octokitIssueComments(getOctokit(token)));
  return {
    async *list(target) {
      yield* (await api).list(target);
    },
    create: async (target, body) => (await api).create(target, body),
    update: async (target, id, body) => (await api).update(target, id, body),
  };
}

export function githubPlatform(env: NodeJS.ProcessEnv = process.env): Platform {
  const workspace = env.GITHUB_WORKSPACE ?? process.cwd();
  return {
    log: githubLog(workspace),
    artifacts: githubArtifacts(env),
    issueComments: (token) => lazyIssueComments(token),
    inWorkflow: true,
    // GitHub's cache service scopes entries by ref itself (and the same way), so it gets no scope.
    defaultCacheStore: () => githubCacheStore(),
    async writeSummary({ markdown }) {
      if (!env.GITHUB_STEP_SUMMARY) return;
      await core.summary.addRaw(markdown, true).write();
    },
    setOutput: (name, value) => core.setOutput(name, value),
  };
}
