// schemas/trt-pte.schema.json, generated from the input table (`npm run sync`) so an editor offers
// exactly the keys and values trt-pte.yml takes (test/config-file.test.ts fails when the committed
// file drifts). The schema is for completion and quick feedback; trt-pte's own check
// (src/settings/config-file.ts and readSettings) is what decides, with file:line:column errors.

import { BUILD_INPUTS, type InputDefinition } from "./inputs.js";
import { MODEL_NAME } from "./names.js";

export const CONFIG_SCHEMA_FILE = "schemas/trt-pte.schema.json";

type Schema = Record<string, unknown>;

function valueSchema(input: InputDefinition): Schema {
  const description = input.description.replace(/`/g, "");
  switch (input.kind) {
    case "boolean":
      return {
        description,
        type: "boolean",
        ...(input.default === undefined ? {} : { default: input.default === "true" }),
      };
    case "integer":
      return {
        description,
        type: "integer",
        ...(input.range === undefined ? {} : { minimum: input.range[0], maximum: input.range[1] }),
        ...(input.default === undefined ? {} : { default: Number(input.default) }),
      };
    case "choice":
      return {
        description,
        enum: [...(input.choices ?? [])],
        ...(input.default === undefined ? {} : { default: input.default }),
      };
    case "multiline":
      return {
        description,
        anyOf: [{ type: "string" }, { type: "array", items: { type: "string" } }],
      };
    default:
      // Sizes and tolerances read as YAML numbers (`1e-3`, `1073741824`) as well as strings.
      return {
        description,
        type: ["string", "number"],
        ...(input.default === undefined ? {} : { default: input.default }),
      };
  }
}

export function configSchema(): Schema {
  const definitions: Schema = {};
  for (const input of BUILD_INPUTS) definitions[input.name] = valueSchema(input);
  const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
  const build = (names: readonly string[]) => Object.fromEntries(names.map((n) => [n, ref(n)]));
  const names = BUILD_INPUTS.map((i) => i.name);
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "https://github.com/trt-pte/trt-pte/schemas/trt-pte.schema.json",
    title: "trt-pte.yml",
    description:
      "The models a repository builds with trt-pte (docs/config.md): build inputs under defaults, and a list of models, each with its model and optionally a name and any build input.",
    type: "object",
    additionalProperties: false,
    required: ["models"],
    properties: {
      defaults: {
        description: "Build inputs every model gets unless its own entry sets them.",
        type: "object",
        additionalProperties: false,
        properties: build(names.filter((n) => n !== "model")),
      },
      models: {
        description: "The models, each built as its own artifact.",
        type: "array",
        minItems: 1,
        items: {
          type: "object",
          additionalProperties: false,
          required: ["model"],
          properties: {
            name: {
              description:
                "The model's name, unique in the file: artifacts are named <name>-<target>[-<gpu>]. Default: the model's short name (file stem and factory).",
              type: "string",
              pattern: MODEL_NAME.source,
            },
            ...build(names),
          },
        },
      },
    },
    definitions,
  };
}
