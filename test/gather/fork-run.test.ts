// What the fork commenter concludes from GitHub's answers about a run (src/gather/fork-run.ts); the
// same through the bundled step and the REST stand-in is in gather-action.test.ts.

import { describe, expect, it } from "vitest";
import { FORK_GATE_ENVIRONMENT, checkForkRun, type RunReviewApi } from "../../src/gather/fork-run.js";

type Review = Awaited<ReturnType<RunReviewApi["approvals"]>>[number];
const approved = (login: string, env = FORK_GATE_ENVIRONMENT): Review => ({
  state: "approved",
  environments: [{ name: env }],
  user: { login },
});

function api(run: { status: string | null; conclusion: string | null }, reviews: Review[]): RunReviewApi {
  return { run: () => Promise.resolve(run), approvals: () => Promise.resolve(reviews) };
}

describe("checkForkRun", () => {
  it("confirms a completed, successful run whose fork gate a reviewer approved, naming each once", async () => {
    const check = await checkForkRun(
      api({ status: "completed", conclusion: "success" }, [approved("ana"), approved("ana"), approved("bo")]),
      1,
    );
    expect(check).toEqual({ confirmed: true, approvedBy: ["ana", "bo"] });
  });

  it("names every reason it cannot confirm", async () => {
    const check = await checkForkRun(
      api({ status: "in_progress", conclusion: null }, [approved("ana", "staging")]),
      1,
    );
    expect(check).toEqual({
      confirmed: false,
      unconfirmed: [
        "the run has not completed (status `in_progress`)",
        "no required reviewer of the `trt-pte-fork-pr` environment approved the run (its fork gate)",
      ],
    });
  });

  it("takes a failed read as unconfirmed, with what to grant", async () => {
    const failing: RunReviewApi = {
      run: () =>
        Promise.reject(Object.assign(new Error("Resource not accessible by integration"), { status: 403 })),
      approvals: () => Promise.resolve([approved("ana")]),
    };
    const check = await checkForkRun(failing, 1);
    expect(check).toEqual({
      confirmed: false,
      unconfirmed: [
        "the run could not be read (Resource not accessible by integration); give the commenter's job `actions: read`",
      ],
    });
  });
});
