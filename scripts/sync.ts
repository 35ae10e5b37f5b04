// `npm run sync`: rewrites the generated parts of the repository (action.yml, README's tables) from
// their one source. The tests compare the same renderings, so CI fails when this was not run.

import fs from "node:fs";
import { renderActionYml } from "../src/settings/action-yml.js";
import {
  replaceGeneratedSection,
  renderInputsTable,
  renderOutputsTable,
} from "../src/settings/readme-tables.js";
import { renderWorkflowInputsTable, renderWorkflowOutputsTable } from "./workflow-readme.js";

fs.writeFileSync("action.yml", renderActionYml());
let readme = fs.readFileSync("README.md", "utf8");
readme = replaceGeneratedSection(readme, "inputs", renderInputsTable());
readme = replaceGeneratedSection(readme, "outputs", renderOutputsTable());
const reusableWorkflow = fs.readFileSync(".github/workflows/compile-pte.yml", "utf8");
readme = replaceGeneratedSection(readme, "workflow-inputs", renderWorkflowInputsTable(reusableWorkflow));
readme = replaceGeneratedSection(readme, "workflow-outputs", renderWorkflowOutputsTable(reusableWorkflow));
fs.writeFileSync("README.md", readme);
console.log("action.yml and README.md tables are in sync with src/settings/inputs.ts and compile-pte.yml");
