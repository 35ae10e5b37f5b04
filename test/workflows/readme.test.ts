// The tables of docs/reusable-workflow.md are rendered from the workflow file (`npm run sync`).

import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { REPO } from "../support/action-run.js";
import { replaceGeneratedSection } from "../../src/settings/readme-tables.js";
import { renderWorkflowInputsTable, renderWorkflowOutputsTable } from "../../scripts/workflow-readme.js";
import { readWorkflow } from "../support/workflows.js";

const read = (file: string) => fs.readFileSync(path.join(REPO, file), "utf8");

describe("docs/reusable-workflow.md's tables", () => {
  const workflow = read(".github/workflows/compile-pte.yml");

  it("equal the inputs and outputs of compile-pte.yml", () => {
    const readme = read("docs/reusable-workflow.md");
    expect(replaceGeneratedSection(readme, "workflow-inputs", renderWorkflowInputsTable(workflow))).toBe(
      readme,
    );
    expect(replaceGeneratedSection(readme, "workflow-outputs", renderWorkflowOutputsTable(workflow))).toBe(
      readme,
    );
  });

  it("list every input with its type and default", () => {
    const table = renderWorkflowInputsTable(workflow);
    expect(table).toContain("| `model` | string | no |  |");
    expect(table).toContain("| `max-parallel` | number | no | `256` |");
    expect(table).toContain('| `runs-on` | string | no | `["self-hosted","gpu"]` |');
    expect(table).toContain("| `allow-forks` | boolean | no | `false` |");
    const inputs = Object.keys(readWorkflow(".github/workflows/compile-pte.yml").on.workflow_call!.inputs!);
    expect(table.split("\n")).toHaveLength(2 + inputs.length);
  });

  it("name every example workflow", () => {
    const readme = read("docs/reusable-workflow.md");
    for (const file of fs.readdirSync(path.join(REPO, "workflows")))
      expect(readme).toContain(`(../workflows/${file})`);
  });
});
