// action.yml and gather/action.yml against our JSON schema of GitHub's action metadata syntax
// (schemas/github-action.schema.json, validated with ajv), and the schema against broken metadata.

import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { REPO } from "../support/action-run.js";
import { actionMetadataProblems } from "../../scripts/validate-action-metadata.js";

const read = (file: string) =>
  parse(fs.readFileSync(path.join(REPO, file), "utf8")) as Record<string, unknown>;

describe("action metadata", () => {
  it.each(["action.yml", "gather/action.yml", "plan/action.yml"])(
    "%s matches GitHub's metadata syntax",
    (file) => {
      expect(actionMetadataProblems(read(file))).toEqual([]);
    },
  );

  it("gather/action.yml runs the bundle that `npm run build` writes", () => {
    const runs = read("gather/action.yml").runs as { using: string; main: string };
    expect(runs.using).toBe("node24");
    expect(fs.existsSync(path.join(REPO, "gather", runs.main))).toBe(true);
    const build = (
      JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { scripts: { build: string } }
    ).scripts.build;
    expect(build).toContain("ncc build src/gather/index.ts -o dist/gather");
  });

  it("plan/action.yml runs the bundle that `npm run build` writes", () => {
    const runs = read("plan/action.yml").runs as { using: string; main: string };
    expect(runs).toEqual({ using: "node24", main: "../dist/plan/index.js" });
    expect(fs.existsSync(path.join(REPO, "plan", runs.main))).toBe(true);
    const build = (
      JSON.parse(fs.readFileSync(path.join(REPO, "package.json"), "utf8")) as { scripts: { build: string } }
    ).scripts.build;
    expect(build).toContain("ncc build src/plan/index.ts -o dist/plan");
  });

  const valid = () => read("action.yml");
  it.each([
    [
      "no description",
      (a: Record<string, unknown>) => delete a.description,
      "must have required property 'description'",
    ],
    ["an unknown key", (a: Record<string, unknown>) => (a.version = "1"), "additional properties 'version'"],
    [
      "a retired runtime",
      (a: Record<string, unknown>) => ((a.runs as Record<string, string>).using = "node16"),
      "/runs",
    ],
    [
      "a JavaScript action without main",
      (a: Record<string, unknown>) => delete (a.runs as Record<string, string>).main,
      "/runs",
    ],
    [
      "an input without a description",
      (a: Record<string, unknown>) => ((a.inputs as Record<string, unknown>).model = { required: true }),
      "/inputs/model must have required property 'description'",
    ],
    [
      "a non-string default",
      (a: Record<string, unknown>) =>
        ((a.inputs as Record<string, unknown>).upload = { description: "d", default: true }),
      "/inputs/upload/default must be string",
    ],
    [
      "an output value outside a composite action",
      (a: Record<string, unknown>) =>
        ((a.outputs as Record<string, unknown>).pte = { description: "d", value: "x" }),
      "/outputs/pte",
    ],
    [
      "an unknown branding colour",
      (a: Record<string, unknown>) => ((a.branding as Record<string, string>).color = "pink"),
      "/branding/color",
    ],
  ])("the schema rejects %s", (_what, breakIt, message) => {
    const broken = valid();
    breakIt(broken);
    expect(actionMetadataProblems(broken).join("\n")).toContain(message);
  });

  it("accepts a composite action whose outputs carry values", () => {
    expect(
      actionMetadataProblems({
        name: "c",
        description: "d",
        outputs: { o: { description: "d", value: "${{ steps.s.outputs.o }}" } },
        runs: {
          using: "composite",
          steps: [{ id: "s", run: "echo", shell: "bash" }, { uses: "actions/checkout@v7" }],
        },
      }),
    ).toEqual([]);
  });
});
