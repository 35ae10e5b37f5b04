// Every link into a run is built by src/github/run-links.ts, and every failure is told by
// describeError: the report, the artifact-url output and the comment agree, on github.com and on GHES.

import { describe, expect, it } from "vitest";
import { artifactUrl, jobUrl, runLinks, runUrl } from "../src/github/run-links.js";
import { runInfo } from "../src/report/report.js";
import { reportFailure } from "../src/failure.js";
import { TrtPteError, describeError, errorMessage, type SourceLocation } from "../src/errors.js";
import type { Log } from "../src/platform/platform.js";

const env = {
  GITHUB_SERVER_URL: "https://ghe.example.com",
  GITHUB_REPOSITORY: "octo/models",
  GITHUB_RUN_ID: "4242",
};

describe("run links", () => {
  it("builds the run, artifact and job pages from the runner's variables", () => {
    const links = runLinks(env);
    expect(runUrl(links)).toBe("https://ghe.example.com/octo/models/actions/runs/4242");
    expect(artifactUrl(links, 7)).toBe("https://ghe.example.com/octo/models/actions/runs/4242/artifacts/7");
    expect(jobUrl(runLinks(env, "9001"), 3)).toBe(
      "https://ghe.example.com/octo/models/actions/runs/9001/job/3",
    );
    expect(runInfo(env)?.url).toBe(runUrl(links));
    expect(runUrl(runLinks({ GITHUB_REPOSITORY: "o/r", GITHUB_RUN_ID: "1" }))).toBe(
      "https://github.com/o/r/actions/runs/1",
    );
  });
});

describe("error text", () => {
  it("tells a failure the same way in the log as describeError does on the CLI", () => {
    const errors: [string, SourceLocation | undefined][] = [];
    const log = { error: (m: string, where?: SourceLocation) => errors.push([m, where]) } as unknown as Log;
    const where = { file: "net.py", line: 3 };
    const error = new TrtPteError("model_error", "the factory raised", "fix net.py", where);
    reportFailure(error, log);
    reportFailure(new Error("boom"), log);
    expect(errors[0]).toEqual([describeError(error), where]);
    expect(errors[0]![0]).toBe("model_error: the factory raised\n  hint: fix net.py");
    expect(errors[1]![0]).toContain("internal: Error: boom\n    at ");
    expect(errors[1]![1]).toBeUndefined();
    expect(errorMessage(new Error("one line"))).toBe("one line");
    expect(errorMessage("thrown text")).toBe("thrown text");
  });
});
