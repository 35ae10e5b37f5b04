// Workflow files as data for tests, and their `${{ }}` expressions evaluated with GitHub's own
// expression library (@actions/expressions: the lexer, parser and evaluator of GitHub's language
// service), so `if:` conditions are tested as GitHub reads them, not as we think it does.

import fs from "node:fs";
import path from "node:path";
import { Evaluator, Lexer, Parser, data } from "@actions/expressions";
import type { FunctionDefinition } from "@actions/expressions/funcs/info";
import { truthy } from "@actions/expressions/result";
import { parse } from "yaml";
import { REPO } from "./action-run.js";

export interface Step {
  id?: string;
  name?: string;
  if?: string | boolean;
  uses?: string;
  run?: string;
  shell?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}

export interface Job {
  name?: string;
  if?: string | boolean;
  needs?: string | string[];
  "runs-on"?: unknown;
  container?: unknown;
  permissions?: Record<string, string> | string;
  outputs?: Record<string, string>;
  strategy?: { matrix?: unknown };
  uses?: string;
  with?: Record<string, unknown>;
  steps?: Step[];
}

export interface WorkflowInput {
  description?: string;
  type?: "string" | "boolean" | "number";
  required?: boolean;
  default?: string | boolean | number;
}

export interface Workflow {
  name?: string;
  on: Record<string, unknown> & {
    workflow_call?: {
      inputs?: Record<string, WorkflowInput>;
      outputs?: Record<string, { description?: string; value: string }>;
    };
  };
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

export function readWorkflow(file: string): Workflow {
  return parse(fs.readFileSync(path.join(REPO, file), "utf8")) as Workflow;
}

/** Every workflow file this repository ships: its own and the examples to copy. */
export function workflowFiles(): string[] {
  const list = (dir: string) =>
    fs
      .readdirSync(path.join(REPO, dir))
      .filter((f) => f.endsWith(".yml") || f.endsWith(".yaml"))
      .map((f) => `${dir}/${f}`);
  return [...list(".github/workflows"), ...list("workflows")].sort();
}

export function stepNamed(job: Job, name: string): Step {
  const found = (job.steps ?? []).filter((s) => s.name === name || s.id === name);
  if (found.length !== 1) throw new Error(`expected one step named '${name}', found ${found.length}`);
  return found[0]!;
}

export type JobStatus = "success" | "failure" | "cancelled";

export interface Contexts {
  github?: unknown;
  inputs?: Record<string, unknown>;
  needs?: Record<string, { result: string; outputs?: Record<string, string> }>;
  matrix?: unknown;
  steps?: Record<string, unknown>;
  job?: unknown;
  runner?: unknown;
  strategy?: unknown;
  /** The status the job (or, for a job's own `if`, its dependencies) has reached. */
  status?: JobStatus;
}

const CONTEXT_NAMES = [
  "github",
  "inputs",
  "needs",
  "matrix",
  "steps",
  "job",
  "runner",
  "strategy",
  "env",
  "vars",
];
const STATUS_FUNCTIONS = ["success", "failure", "cancelled", "always"];

function statusFunctions(status: JobStatus): Map<string, FunctionDefinition> {
  const value: Record<string, boolean> = {
    success: status === "success",
    failure: status === "failure",
    cancelled: status === "cancelled",
    always: true,
  };
  return new Map(
    STATUS_FUNCTIONS.map((name) => [
      name,
      { name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value[name]!) },
    ]),
  );
}

/** The text inside `${{ }}`, or the whole string (an `if:` may omit the braces). */
export function bareExpression(text: string): string {
  const m = /^\s*\$\{\{([\s\S]*)\}\}\s*$/.exec(text);
  return m ? m[1]!.trim() : text.trim();
}

function evaluateBare(expression: string, contexts: Contexts): data.ExpressionData {
  const tokens = new Lexer(expression).lex().tokens;
  const functions = statusFunctions(contexts.status ?? "success");
  const ast = new Parser(
    tokens,
    CONTEXT_NAMES,
    [...functions.values()].map(({ name, minArgs, maxArgs }) => ({ name, minArgs, maxArgs })),
  ).parse();
  const values: Record<string, unknown> = {
    github: contexts.github ?? {},
    inputs: contexts.inputs ?? {},
    needs: contexts.needs ?? {},
    matrix: contexts.matrix ?? {},
    steps: contexts.steps ?? {},
    job: contexts.job ?? {},
    runner: contexts.runner ?? {},
    strategy: contexts.strategy ?? {},
    env: {},
    vars: {},
  };
  const dictionary = JSON.parse(JSON.stringify(values), data.reviver) as data.Dictionary;
  return new Evaluator(ast, dictionary, functions).evaluate();
}

/** A `${{ }}` value as plain JSON (what GitHub substitutes). */
export function evaluate(text: string, contexts: Contexts): unknown {
  return JSON.parse(JSON.stringify(evaluateBare(bareExpression(text), contexts), data.replacer)) as unknown;
}

/** A string with `${{ }}` parts, each replaced by its value as GitHub turns it into text. */
export function interpolate(text: string, contexts: Contexts): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_m, inner: string) =>
    evaluateBare(inner.trim(), contexts).coerceString(),
  );
}

/**
 * Whether a job's or step's `if:` lets it run. Like GitHub, a condition that calls no status
 * function means `success() && (condition)`, and no `if:` at all means `success()`.
 */
export function conditionHolds(condition: string | boolean | undefined, contexts: Contexts): boolean {
  if (typeof condition === "boolean") return condition && (contexts.status ?? "success") === "success";
  const bare = bareExpression(condition ?? "success()");
  const callsStatus = new RegExp(`\\b(${STATUS_FUNCTIONS.join("|")})\\s*\\(`, "i").test(bare);
  return truthy(evaluateBare(callsStatus ? bare : `success() && (${bare})`, contexts));
}

/** The inputs context a call gets: the workflow's declared defaults, then what the caller passed. */
export function inputsWithDefaults(
  workflow: Workflow,
  given: Record<string, unknown>,
): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(workflow.on.workflow_call?.inputs ?? {})) {
    inputs[name] = spec.default ?? (spec.type === "boolean" ? false : spec.type === "number" ? 0 : "");
  }
  return { ...inputs, ...given };
}
