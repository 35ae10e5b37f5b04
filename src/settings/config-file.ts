// trt-pte.yml: the models a repository builds, read as data with the place of every key and value, so
// each mistake is told at `file:line:column`. Only its structure is checked here (keys, value shapes,
// names); what each value means is checked by readSettings, the action's own validation, in
// src/settings/model-list.ts. The format is docs/config.md; schemas/trt-pte.schema.json is generated
// from the same input table for editors.

import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from "yaml";
import { BUILD_INPUTS, INPUTS } from "./inputs.js";
import { MODEL_NAME, modelName } from "./names.js";
import { TrtPteError } from "../errors.js";
import { didYouMean } from "../util/did-you-mean.js";

export interface Position {
  line: number;
  column: number;
}

export interface ConfigValue {
  /** The value as the action would receive it: a scalar's source text, a list's items one per line. */
  text: string;
  /** Where the value is (where its key is, for an empty value). */
  at: Position;
  keyAt: Position;
}

export interface ModelEntry {
  /** 0-based place in `models:`. */
  index: number;
  /** The entry's `name`, or the model's short name (src/settings/names.ts). */
  name: string;
  at: Position;
  /** The build inputs this entry sets (not `name`), by input name. */
  values: ReadonlyMap<string, ConfigValue>;
}

export interface ConfigFile {
  /** The file as the user named it, for messages and annotations. */
  file: string;
  defaults: ReadonlyMap<string, ConfigValue>;
  models: readonly ModelEntry[];
}

/** The keys at the top of the file. */
export const TOP_KEYS = ["defaults", "models"] as const;

const BUILD_NAMES = BUILD_INPUTS.map((i) => i.name);
const ENTRY_KEYS = ["name", ...BUILD_NAMES];
const DEFAULT_KEYS = BUILD_NAMES.filter((n) => n !== "model");
const MULTILINE = new Set(BUILD_INPUTS.filter((i) => i.kind === "multiline").map((i) => i.name));

/** A problem at a place in the file. */
export function problemAt(file: string, at: Position, message: string, hint?: string): TrtPteError {
  return new TrtPteError("settings", message, hint, { file, line: at.line, column: at.column });
}

class Reader {
  readonly problems: TrtPteError[] = [];

  constructor(
    readonly file: string,
    private readonly lines: LineCounter,
  ) {}

  position(offset: number): Position {
    const { line, col } = this.lines.linePos(offset);
    return { line: Math.max(line, 1), column: col };
  }

  at(node: Node | null | undefined): Position {
    return this.position(node?.range?.[0] ?? 0);
  }

  problem(at: Position, message: string, hint?: string): void {
    this.problems.push(problemAt(this.file, at, message, hint));
  }

  /** Why `key` is not allowed where `allowed` are, with the closest allowed key. */
  unknownKey(key: string, where: string, allowed: readonly string[], at: Position): void {
    const input = INPUTS.find((i) => i.name === key);
    if (input !== undefined && input.use !== "build") {
      const why =
        input.use === "publish"
          ? "publishing inputs and the token belong to the call"
          : "it describes the machine or the call, not a model";
      this.problem(
        at,
        `'${key}' cannot be set in ${this.file} (${why})`,
        `set it as the action's input or the CLI's flag --${key}; it then applies to every model of the call`,
      );
      return;
    }
    const suggestion = didYouMean(key, allowed);
    this.problem(
      at,
      `unknown key '${key}' in ${where}${suggestion}`,
      suggestion === "" ? `${where} takes ${allowed.join(", ")}` : undefined,
    );
  }

  /** A value as the action would get it, or undefined (and a problem) when it is not one. */
  value(key: string, node: unknown, keyAt: Position): ConfigValue | undefined {
    if (isScalar(node)) {
      if (node.value === null) {
        this.problem(keyAt, `'${key}' has no value`, "give it one, or remove the key for its default");
        return undefined;
      }
      // Numbers and booleans as written: `1e-3` stays `1e-3`, `3.0` stays `3.0` (which the action refuses).
      const text =
        typeof node.value === "string" ? node.value : (node.source ?? String(node.value as number | boolean));
      return { text, at: this.at(node), keyAt };
    }
    if (isSeq(node) && MULTILINE.has(key)) {
      const items: string[] = [];
      for (const item of node.items) {
        if (!isScalar(item) || item.value === null || typeof item.value === "object") {
          this.problem(this.at(item as Node), `'${key}' lists something that is not a single value`);
          return undefined;
        }
        items.push(typeof item.value === "string" ? item.value : (item.source ?? String(item.value)));
      }
      return { text: items.join("\n"), at: this.at(node), keyAt };
    }
    const what = isSeq(node) ? "a list" : isMap(node) ? "a mapping" : "not a value";
    const takes = MULTILINE.has(key) ? "a string (or a list of strings, one per line)" : "a single value";
    this.problem(this.at(node as Node), `'${key}' is ${what}; it takes ${takes}`);
    return undefined;
  }

  /** The map's pairs with string keys, each key reported where it is. */
  pairs(node: unknown, where: string): { key: string; keyAt: Position; pair: Pair<unknown, unknown> }[] {
    if (!isMap(node)) {
      this.problem(this.at(node as Node), `${where} must be a mapping of keys to values`);
      return [];
    }
    const out = [];
    for (const pair of node.items) {
      const keyNode = pair.key as Node | null;
      const keyAt = this.at(keyNode);
      if (!isScalar(keyNode) || typeof keyNode.value !== "string") {
        this.problem(keyAt, `${where} has a key that is not a plain name`);
        continue;
      }
      out.push({ key: keyNode.value, keyAt, pair });
    }
    return out;
  }

  buildValues(node: unknown, where: string, allowed: readonly string[]): Map<string, ConfigValue> {
    const values = new Map<string, ConfigValue>();
    for (const { key, keyAt, pair } of this.pairs(node, where)) {
      if (where === "defaults" && (key === "model" || key === "name")) {
        this.problem(
          keyAt,
          `'${key}' cannot be a default: each model names its own`,
          "move it into a model's entry",
        );
        continue;
      }
      if (!allowed.includes(key)) {
        this.unknownKey(key, where, allowed, keyAt);
        continue;
      }
      const value = this.value(key, pair.value, keyAt);
      if (value !== undefined) values.set(key, value);
    }
    return values;
  }
}

/**
 * Parses a trt-pte.yml. Every problem in it is collected (YAML syntax first: past a syntax error the
 * rest is not read); the caller gets them all at once, each with its position.
 */
export function parseConfigFile(file: string, text: string): { config: ConfigFile; problems: TrtPteError[] } {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const reader = new Reader(file, lines);
  const empty: ConfigFile = { file, defaults: new Map(), models: [] };
  for (const error of doc.errors) {
    const message = error.message.split("\n")[0] ?? error.message;
    reader.problem(
      reader.position(error.pos[0]),
      error.code === "DUPLICATE_KEY" ? "a key is given twice in one mapping" : `not valid YAML: ${message}`,
      error.code === "DUPLICATE_KEY" ? "keep one of them" : undefined,
    );
  }
  if (reader.problems.length > 0) return { config: empty, problems: reader.problems };
  if (doc.contents === null) {
    reader.problem({ line: 1, column: 1 }, "the file is empty", "list your models under `models:`");
    return { config: empty, problems: reader.problems };
  }

  let defaults = new Map<string, ConfigValue>();
  let modelsNode: unknown;
  let modelsAt: Position | undefined;
  for (const { key, keyAt, pair } of reader.pairs(doc.contents, "the file")) {
    if (key === "defaults") {
      defaults = reader.buildValues(pair.value, "defaults", DEFAULT_KEYS);
    } else if (key === "models") {
      modelsNode = pair.value;
      modelsAt = keyAt;
    } else {
      reader.unknownKey(key, "the top of the file", TOP_KEYS, keyAt);
    }
  }

  const models: ModelEntry[] = [];
  if (modelsAt === undefined) {
    reader.problem(
      reader.at(doc.contents),
      "the file has no `models:` list",
      "list your models under `models:`, each with its `model:`",
    );
  } else if (!isSeq(modelsNode) || modelsNode.items.length === 0) {
    reader.problem(
      isSeq(modelsNode) ? modelsAt : reader.at(modelsNode as Node),
      "`models:` must be a non-empty list",
      "give each model an entry that starts with `- model: path/to/file.py:factory`",
    );
  } else {
    modelsNode.items.forEach((item, index) => {
      const entry = readEntry(reader, item as Node, index);
      if (entry !== undefined) models.push(entry);
    });
    checkNames(reader, models);
  }
  return { config: { file, defaults, models }, problems: reader.problems };
}

function readEntry(reader: Reader, node: Node, index: number): ModelEntry | undefined {
  const where = `models[${index}]`;
  const at = reader.at(node);
  const before = reader.problems.length;
  const values = reader.buildValues(node, where, ENTRY_KEYS);
  if (!isMap(node)) return undefined;
  const name = values.get("name");
  values.delete("name");
  const model = values.get("model");
  if (model === undefined) {
    if (
      reader.problems.length === before ||
      !node.items.some((p) => isScalar(p.key) && p.key.value === "model")
    ) {
      reader.problem(at, `${where} has no 'model'`, "name the factory, e.g. model: models/net.py:build");
    }
    return undefined;
  }
  if (name !== undefined && !MODEL_NAME.test(name.text)) {
    reader.problem(
      name.at,
      `${where}: name '${name.text}' is not 1-64 letters, digits, '.', '_' or '-' starting with a letter or digit`,
      "it becomes part of artifact and folder names as written",
    );
    return undefined;
  }
  return { index, name: name?.text ?? modelName(model.text), at: name?.at ?? model.at, values };
}

/** Names are unique in the file: they name artifacts, folders, baselines and comment sections. */
function checkNames(reader: Reader, models: readonly ModelEntry[]): void {
  const first = new Map<string, ModelEntry>();
  for (const entry of models) {
    const earlier = first.get(entry.name);
    if (earlier === undefined) {
      first.set(entry.name, entry);
      continue;
    }
    reader.problem(
      entry.at,
      `models[${entry.index}]: the name '${entry.name}' is already used by models[${earlier.index}] (line ${earlier.at.line})`,
      "give one of them a `name:` of its own (two entries of one factory, say with other inputs, need one)",
    );
  }
}
