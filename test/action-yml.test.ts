// action.yml and the tables of docs/action.md are generated from src/settings/inputs.ts; these fail on drift.

import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { renderActionYml } from "../src/settings/action-yml.js";
import { INPUTS, OUTPUTS } from "../src/settings/inputs.js";
import {
  renderInputsTable,
  renderOutputsTable,
  replaceGeneratedSection,
} from "../src/settings/readme-tables.js";
import { REPO } from "./support/action-run.js";

const read = (file: string) => fs.readFileSync(path.join(REPO, file), "utf8");

describe("action.yml", () => {
  it("is exactly what `npm run sync` renders from the inputs table", () => {
    expect(read("action.yml")).toBe(renderActionYml());
  });

  it("declares node24, dist/index.js, branding, and every input and output", () => {
    const action = parse(read("action.yml")) as {
      runs: unknown;
      branding: unknown;
      inputs: Record<string, { required: boolean; default?: string }>;
      outputs: Record<string, unknown>;
    };
    expect(action.runs).toEqual({ using: "node24", main: "dist/index.js" });
    expect(action.branding).toEqual({ icon: "cpu", color: "green" });
    expect(Object.keys(action.inputs)).toEqual(INPUTS.map((i) => i.name));
    expect(Object.keys(action.outputs)).toEqual(OUTPUTS.map((o) => o.name));
    // `model` or `config`: the action refuses neither and both (src/settings/model-list.ts).
    expect(action.inputs.model?.required).toBe(false);
    expect(action.inputs.target?.default).toBe("tensorrt");
  });
});

describe("docs/action.md", () => {
  it("input and output tables equal action.yml's", () => {
    const readme = read("docs/action.md");
    expect(replaceGeneratedSection(readme, "inputs", renderInputsTable())).toBe(readme);
    expect(replaceGeneratedSection(readme, "outputs", renderOutputsTable())).toBe(readme);
  });
});
