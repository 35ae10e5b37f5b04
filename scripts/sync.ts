// `npm run sync`: rewrites the generated parts of the repository (action.yml, the tables of
// docs/action.md and docs/reusable-workflow.md) from their one source. The tests compare the same
// renderings, so CI fails when this was not run.

import fs from "node:fs";
import { renderActionYml } from "../src/settings/action-yml.js";
import {
  replaceGeneratedSection,
  renderInputsTable,
  renderOutputsTable,
} from "../src/settings/readme-tables.js";
import { renderWorkflowInputsTable, renderWorkflowOutputsTable } from "./workflow-readme.js";

fs.writeFileSync("action.yml", renderActionYml());

let actionDoc = fs.readFileSync("docs/action.md", "utf8");
actionDoc = replaceGeneratedSection(actionDoc, "inputs", renderInputsTable());
actionDoc = replaceGeneratedSection(actionDoc, "outputs", renderOutputsTable());
fs.writeFileSync("docs/action.md", actionDoc);

const reusableWorkflow = fs.readFileSync(".github/workflows/compile-pte.yml", "utf8");
let workflowDoc = fs.readFileSync("docs/reusable-workflow.md", "utf8");
workflowDoc = replaceGeneratedSection(
  workflowDoc,
  "workflow-inputs",
  renderWorkflowInputsTable(reusableWorkflow),
);
workflowDoc = replaceGeneratedSection(
  workflowDoc,
  "workflow-outputs",
  renderWorkflowOutputsTable(reusableWorkflow),
);
fs.writeFileSync("docs/reusable-workflow.md", workflowDoc);
console.log(
  "action.yml, docs/action.md and docs/reusable-workflow.md are in sync with src/settings/inputs.ts and compile-pte.yml",
);
