// trt-pte.yml: parsed with positions, checked with the action's own validation, every mistake told at
// file:line:column; the call's `model`/`config`/`only` rules; the generated JSON Schema.

import fs from "node:fs";
import path from "node:path";
import { Ajv } from "ajv";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { modelsOfConfig, readCallMode, type CallMode } from "../src/settings/model-list.js";
import { CONFIG_SCHEMA_FILE, configSchema } from "../src/settings/config-schema.js";
import { BUILD_INPUTS, INPUTS } from "../src/settings/inputs.js";
import { ProblemsError, SettingsError, TrtPteError } from "../src/errors.js";
import { closest } from "../src/util/did-you-mean.js";
import { REPO } from "./support/action-run.js";
import { renderInputUses, replaceGeneratedSection } from "../src/settings/readme-tables.js";

const ctx = { workspace: "/ws", allowedRoots: ["/tmp"] };
const noCall = () => "";
const config = (only: string[] = []): Extract<CallMode, { kind: "config" }> => ({
  kind: "config",
  file: "trt-pte.yml",
  only,
});

/** Every problem of a file as `line:column: message`. */
function problems(text: string, get = noCall): string[] {
  try {
    modelsOfConfig(config(), text, get, ctx);
  } catch (e) {
    if (e instanceof ProblemsError) {
      expect(e.message).toMatch(/^trt-pte\.yml: \d+ problems?, nothing was built$/);
      return e.problems.map((p) => {
        expect(p.location?.file).toBe("trt-pte.yml");
        return `${p.location?.line}:${p.location?.column}: ${p.message}`;
      });
    }
    throw e;
  }
  return [];
}

const TWO = `# two models, one of them twice
defaults:
  target: xnnpack
  benchmark-seconds: 0
models:
  - model: models/detector.py:build
    inputs: float32[1,3,640,640]
  - name: head-small
    model: models/head.py:build
    inputs:
      - int64[b:1..8,128]
      - mask=bool[b:1..8,128]
    target: portable
    tolerance: 1e-3
  - name: head-large
    model: models/head.py:build
    inputs: int64[1,512]
`;

describe("a trt-pte.yml", () => {
  it("gives each model the action's Settings: defaults under its own values, names unique", () => {
    const { models } = modelsOfConfig(config(), TWO, noCall, ctx);
    expect(models.map((m) => m.name)).toEqual(["detector-build", "head-small", "head-large"]);
    const [detector, small, large] = models.map((m) => m.settings);
    expect(detector).toMatchObject({
      model: "models/detector.py:build",
      target: "xnnpack",
      benchmarkSeconds: 0,
      artifactName: "detector-build-xnnpack",
      outputDir: "/ws/trt-pte-out/detector-build-xnnpack",
    });
    // A list of specs is one spec a line; a number stays as written.
    expect(small).toMatchObject({ target: "portable", tolerance: 1e-3, artifactName: "head-small-portable" });
    expect(small!.inputs.map((i) => i.name)).toEqual([null, "mask"]);
    // One factory twice: the names keep artifacts, output folders and the cache's file names apart.
    expect(large).toMatchObject({ modelName: "head-large", artifactName: "head-large-xnnpack" });
    expect(large!.outputDir).not.toBe(small!.outputDir);
  });

  it("takes call inputs (python, output-dir, gpu-name) from the call, for every model", () => {
    const call = (name: string) =>
      ({ python: "/opt/venv/bin/python", "output-dir": "out", "gpu-name": "a100" })[name] ?? "";
    const { models } = modelsOfConfig(config(), TWO, call, ctx);
    for (const { settings } of models) {
      expect(settings.python).toBe("/opt/venv/bin/python");
      expect(settings.artifactName).toMatch(/-a100$/);
      expect(settings.outputDir.startsWith("/ws/out/")).toBe(true);
    }
  });

  it("keeps only the models `only` names, in the file's order", () => {
    const { models } = modelsOfConfig(config(["head-large", "detector-build"]), TWO, noCall, ctx);
    expect(models.map((m) => m.name)).toEqual(["detector-build", "head-large"]);
  });

  it("refuses an `only` name the file does not have, with the closest one", () => {
    expect(() => modelsOfConfig(config(["head-smal"]), TWO, noCall, ctx)).toThrow(
      "only: 'head-smal' is not a model of trt-pte.yml (did you mean 'head-small'?)",
    );
  });
});

describe("mistakes in a trt-pte.yml are told at file:line:column", () => {
  it("an unknown key, with the key it was meant to be", () => {
    expect(
      problems(`models:
  - model: m.py:f
    precison: fp16
`),
    ).toEqual(["3:5: unknown key 'precison' in models[0] (did you mean 'precision'?)"]);
    expect(problems(`default:\n  target: xnnpack\nmodels:\n  - model: m.py:f\n`)).toEqual([
      "1:1: unknown key 'default' in the top of the file (did you mean 'defaults'?)",
    ]);
  });

  it("a call's or publishing input, with where it belongs instead", () => {
    const [python, token] = problems(`defaults:
  python: .venv/bin/python
models:
  - model: m.py:f
    github-token: x
`);
    expect(python).toBe(
      "2:3: 'python' cannot be set in trt-pte.yml (it describes the machine or the call, not a model)",
    );
    expect(token).toBe(
      "5:5: 'github-token' cannot be set in trt-pte.yml (publishing inputs and the token belong to the call)",
    );
  });

  it("two models of one name (given or derived), at the second, naming the first's line", () => {
    expect(
      problems(`models:
  - model: models/net.py:build
  - model: other/net.py:build
`),
    ).toEqual(["3:12: models[1]: the name 'net-build' is already used by models[0] (line 2)"]);
    expect(problems(`models:\n  - {name: a, model: x.py:f}\n  - {name: a, model: y.py:f}\n`)).toEqual([
      "3:12: models[1]: the name 'a' is already used by models[0] (line 2)",
    ]);
  });

  it("values the action would refuse, at the value, in the model's words", () => {
    expect(
      problems(`defaults:
  min-block-size: 0
models:
  - model: a.py:f
  - model: b.py:f
    min-block-size: 3
    target: tensorrtx
  - model: c.py:f
    inputs: float33[1,3]
  - model: no-colon.py
`),
    ).toEqual([
      "2:19: a-f: min-block-size: 0 is out of range",
      "7:13: b-f: target: unknown target 'tensorrtx'",
      "9:13: c-f: inputs: at 1:1: unknown dtype 'float33' (expected one of float32, float16, bfloat16, float64, int64, int32, int16, int8, uint8, bool)",
      "10:12: no-colon: model: 'no-colon.py' is not of the form path/to/file.py:factory or package.module:factory",
    ]);
  });

  it("a setting of another target, and numbers as written (3.0 is not a whole number)", () => {
    expect(
      problems(`models:
  - model: a.py:f
    target: xnnpack
    precision: fp16
  - model: b.py:f
    optimization-level: 3.0
`),
    ).toEqual([
      "4:16: a-f: precision: applies only to target tensorrt (target is xnnpack)",
      "6:25: b-f: optimization-level: '3.0' is not a whole number",
    ]);
  });

  it("structure: no models, an entry without model, a bad name, a mapping where a value goes, defaults' model", () => {
    expect(problems("defaults: {}\n")).toEqual(["1:1: the file has no `models:` list"]);
    expect(problems("models: []\n")).toEqual(["1:1: `models:` must be a non-empty list"]);
    expect(problems("models:\n  - name: x\n")).toEqual(["2:5: models[0] has no 'model'"]);
    expect(problems("models:\n  - model: a.py:f\n    name: has space\n")).toEqual([
      "3:11: models[0]: name 'has space' is not 1-64 letters, digits, '.', '_' or '-' starting with a letter or digit",
    ]);
    expect(problems("models:\n  - model: a.py:f\n    target: {x: 1}\n")).toEqual([
      "3:13: 'target' is a mapping; it takes a single value",
    ]);
    expect(problems("defaults:\n  model: a.py:f\nmodels:\n  - model: a.py:f\n")).toEqual([
      "2:3: 'model' cannot be a default: each model names its own",
    ]);
    expect(problems("models:\n  - model: a.py:f\n    tolerance:\n")).toEqual([
      "3:5: 'tolerance' has no value",
    ]);
  });

  it("YAML syntax and a key given twice, before anything else is read", () => {
    expect(problems("models:\n  - model: a.py:f\n    target: xnnpack\n    target: portable\n")).toEqual([
      "4:5: a key is given twice in one mapping",
    ]);
    const [syntax] = problems('models:\n  - model: "a.py:f\n');
    expect(syntax).toMatch(/^3:1: not valid YAML: Missing closing "quote/);
  });

  it("a problem of a call input is the call's, told once without a file position", () => {
    const outside = (name: string) => (name === "output-dir" ? "../elsewhere" : "");
    expect(() => modelsOfConfig(config(), TWO, outside, ctx)).toThrow(SettingsError);
    expect(() => modelsOfConfig(config(), TWO, outside, ctx)).toThrow(
      /^output-dir: '..\/elsewhere' resolves to/,
    );
  });

  it("every problem is a settings error with its place, for annotations", () => {
    try {
      modelsOfConfig(config(), "models:\n  - model: a.py:f\n    colour: red\n", noCall, ctx);
      expect.unreachable();
    } catch (e) {
      const [problem] = (e as ProblemsError).problems;
      expect(problem).toBeInstanceOf(TrtPteError);
      expect(problem!.kind).toBe("settings");
      expect(problem!.location).toEqual({ file: "trt-pte.yml", line: 3, column: 5 });
      expect(problem!.hint).toContain("models[0] takes name, model, inputs, target");
    }
  });
});

describe("model or config", () => {
  const call = (inputs: Record<string, string>) => (name: string) =>
    inputs[name] ?? INPUTS.find((i) => i.name === name)?.default ?? "";

  it("one of the two; `only` needs config", () => {
    expect(readCallMode(call({ model: "m.py:f" }))).toEqual({ kind: "model" });
    expect(readCallMode(call({ config: "trt-pte.yml", only: "a, b\nc" }))).toEqual({
      kind: "config",
      file: "trt-pte.yml",
      only: ["a", "b", "c"],
    });
    expect(() => readCallMode(call({ model: "m.py:f", config: "trt-pte.yml" }))).toThrow(
      "config: cannot be combined with `model`",
    );
    expect(() => readCallMode(call({ only: "a" }))).toThrow("only: needs `config`");
  });

  it("with config, a build input of the call is refused (it lives in the file); defaults are not", () => {
    expect(() => readCallMode(call({ config: "trt-pte.yml", target: "xnnpack" }))).toThrow(
      "target: describes a build, so with `config` it is set in trt-pte.yml",
    );
    expect(() => readCallMode(call({ config: "trt-pte.yml", "artifact-name": "x" }))).toThrow(
      "artifact-name: cannot be combined with `config`",
    );
    // The runner hands the action every default (target: tensorrt, hash-files, ...): those are fine.
    expect(readCallMode(call({ config: "trt-pte.yml", python: "py", upload: "false" })).kind).toBe("config");
  });
});

describe("docs/config.md", () => {
  const doc = fs.readFileSync(path.join(REPO, "docs", "config.md"), "utf8");

  it("lists which inputs the file takes as `npm run sync` renders them", () => {
    expect(replaceGeneratedSection(doc, "config-keys", renderInputUses())).toBe(doc);
  });

  it("shows the errors its example file really gets", () => {
    const [, bad, shown] = /```yaml\n(defaults:[\s\S]*?)```\n\n```\n([\s\S]*?)```/.exec(doc) ?? [];
    expect(bad).toBeDefined();
    const told = problems(bad!);
    const errors = shown!
      .split("\n")
      .filter((l) => l.startsWith("error: trt-pte.yml:") && !/problems?,/.test(l));
    expect(errors.map((l) => l.replace(/^error: trt-pte\.yml:/, ""))).toEqual(told);
  });
});

describe("did you mean", () => {
  it("suggests a close name only", () => {
    expect(closest("precison", ["precision", "target"])).toBe("precision");
    expect(closest("min_block_size", ["min-block-size"])).toBe("min-block-size");
    expect(closest("colour", ["target", "inputs"])).toBeUndefined();
  });
});

describe("schemas/trt-pte.schema.json", () => {
  const committed = JSON.parse(fs.readFileSync(path.join(REPO, CONFIG_SCHEMA_FILE), "utf8")) as object;
  const validate = new Ajv({ strict: true, allowUnionTypes: true }).compile(committed);

  it("is what `npm run sync` renders from the input table", () => {
    expect(committed).toEqual(configSchema());
  });

  it("offers every build input, and no call or publishing input", () => {
    const keys = Object.keys((configSchema() as { definitions: Record<string, unknown> }).definitions);
    expect(keys).toEqual(BUILD_INPUTS.map((i) => i.name));
    expect(keys).not.toContain("python");
    expect(keys).not.toContain("github-token");
  });

  it("accepts the examples the docs show and refuses a misspelt key", () => {
    expect(validate(parse(TWO)), JSON.stringify(validate.errors)).toBe(true);
    const docExample = /```yaml\n(# trt-pte\.yml[\s\S]*?)```/.exec(
      fs.readFileSync(path.join(REPO, "docs", "config.md"), "utf8"),
    )?.[1];
    expect(docExample).toBeDefined();
    expect(validate(parse(docExample!)), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(parse("models:\n  - model: a.py:f\n    precison: fp16\n"))).toBe(false);
    expect(validate(parse("models:\n  - target: xnnpack\n"))).toBe(false);
  });
});
