// A cache hit publishes this run's facts about this run: names and links from this run, build facts
// from the entry, every link rebuilt from numeric IDs.

import { describe, expect, it } from "vitest";
import { readSettings } from "../src/settings/settings.js";
import { reportFromEntry, runOfEntry, type Report } from "../src/report/report.js";
import type { VerifiedFiles } from "../src/verify.js";

const ENV = {
  GITHUB_SERVER_URL: "https://github.com",
  GITHUB_REPOSITORY: "octo/models",
  GITHUB_RUN_ID: "900",
  GITHUB_RUN_ATTEMPT: "2",
  GITHUB_SHA: "a".repeat(40),
  GITHUB_REF: "refs/heads/main",
};

describe("the report of a cache hit", () => {
  it("takes names and links from this run and build facts from the entry", () => {
    const settings = readSettings(
      (n) => ({ model: "models/net.py:build", target: "xnnpack", "artifact-name": "this-run" })[n] ?? "",
      { workspace: "/ws", allowedRoots: [] },
    );
    const entry = {
      model: "evil.py:build",
      model_name: "[click](https://evil.example)",
      target: "xnnpack",
      artifact_name: "someone-else",
      inputs: [],
      partition: { xnnpack: 3 },
      accuracy: null,
      versions: { torch: "2.13.0" },
      gpu: null,
      timings: { "export.lower": 1.5 },
      details: { note: "built" },
      run: {
        url: "https://evil.example/run",
        run_id: "700",
        run_attempt: "1",
        sha: "b".repeat(40),
        ref: "refs/heads/main",
      },
    } as unknown as Report;
    const files = { pte: { name: "net-build.pte" }, ptd: [], inspection: {} } as unknown as VerifiedFiles;
    const report = reportFromEntry(settings, entry, files, ENV);
    expect(report).toMatchObject({
      model: "models/net.py:build",
      model_name: "net-build",
      artifact_name: "this-run",
      partition: { xnnpack: 3 },
      versions: { torch: "2.13.0" },
      run: { url: "https://github.com/octo/models/actions/runs/900", run_id: "900", run_attempt: "2" },
    });
    expect(report.pte).toBe(files.pte);
  });

  it("rebuilds the building run's link from its numbers and drops what is not one", () => {
    expect(
      runOfEntry(
        {
          url: "javascript:alert(1)",
          run_id: "700",
          run_attempt: "3",
          sha: "c".repeat(40),
          ref: "refs/heads/main",
        },
        ENV,
      ),
    ).toEqual({
      url: "https://github.com/octo/models/actions/runs/700",
      repository: "octo/models",
      run_id: "700",
      run_attempt: "3",
      sha: "c".repeat(40),
      ref: "refs/heads/main",
    });
    expect(runOfEntry({ run_id: "700/../../evil" }, ENV)).toBeNull();
    expect(runOfEntry(null, ENV)).toBeNull();
    expect(
      runOfEntry({ run_id: "1", run_attempt: "x", sha: "[a](b)", ref: "refs/heads/`x`" }, ENV),
    ).toMatchObject({
      run_attempt: "1",
      sha: "",
      ref: "",
    });
  });
});
