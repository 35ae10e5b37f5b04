// `npm run sync`: rewrites the generated parts of the repository (action.yml, the tables of
// docs/action.md and docs/reusable-workflow.md, the trt-pte.yml schema) from their one source. The tests compare the same
// renderings, so CI fails when this was not run.

import fs from "node:fs";
import { renderActionYml } from "../src/settings/action-yml.js";
import {
  replaceGeneratedSection,
  renderInputUses,
  renderInputsTable,
  renderOutputsTable,
} from "../src/settings/readme-tables.js";
import { renderWorkflowInputsTable, renderWorkflowOutputsTable } from "./workflow-readme.js";
import { CONFIG_SCHEMA_FILE, configSchema } from "../src/settings/config-schema.js";
import { format } from "prettier";

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
fs.writeFileSync(
  "docs/config.md",
  replaceGeneratedSection(fs.readFileSync("docs/config.md", "utf8"), "config-keys", renderInputUses()),
);
// Formatted as `prettier --check .` wants it; test/config-file.test.ts compares the parsed JSON.
fs.writeFileSync(
  CONFIG_SCHEMA_FILE,
  await format(JSON.stringify(configSchema()), { parser: "json", printWidth: 110 }),
);
console.log(
  `action.yml, docs/action.md, docs/config.md, docs/reusable-workflow.md and ${CONFIG_SCHEMA_FILE} are in sync with src/settings/inputs.ts and compile-pte.yml`,
);
