#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ // The require scope
/******/ var __nccwpck_require__ = {};
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: ./src/errors.ts
// The errors a run can end with. Each carries what was wrong, what to do, and where (the user's file
// and line when their code is the cause), so the entry points can print one clear message and
// annotate the right line without knowing which stage failed.
class TrtPteError extends Error {
    kind;
    hint;
    location;
    constructor(kind, message, hint, location) {
        super(message);
        this.kind = kind;
        this.hint = hint;
        this.location = location;
        this.name = "TrtPteError";
    }
}
/** A setting (action input or CLI flag) has a bad value. */
class SettingsError extends TrtPteError {
    input;
    constructor(input, problem, hint) {
        super("settings", `${input}: ${problem}`, hint);
        this.input = input;
        this.name = "SettingsError";
    }
}
function describeError(e) {
    if (e instanceof TrtPteError)
        return e.hint ? `${e.message}\n  hint: ${e.hint}` : e.message;
    if (e instanceof Error)
        return e.stack ?? e.message;
    return String(e);
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
var external_node_path_default = /*#__PURE__*/__nccwpck_require__.n(external_node_path_namespaceObject);
;// CONCATENATED MODULE: ./src/settings/inputs.ts
// Every setting of trt-pte, defined once. action.yml's `inputs:` and the CLI's flags are both
// derived from this table (test/action-yml.test.ts fails when action.yml drifts from it), so a
// setting that works in a workflow works the same on a laptop.
const TARGETS = ["tensorrt", "cuda", "xnnpack", "portable"];
const PRECISIONS = ["fp32", "fp16", "bf16"];
/** The accuracy check's largest accepted max relative error when `tolerance` is empty. */
const DEFAULT_TOLERANCE = {
    cpu: 1e-4,
    gpu: { fp32: 1e-2, fp16: 5e-2, bf16: 1e-1 },
};
const INPUTS = [
    {
        name: "model",
        kind: "string",
        required: true,
        description: "The model factory: `path/to/file.py:factory` or `package.module:factory`, relative to the workspace. " +
            "The factory returns a module, or `(module, args)` / `(module, args, kwargs)` with example inputs.",
    },
    {
        name: "inputs",
        kind: "multiline",
        description: "Example input specs when the factory returns none, e.g. `float32[1,3,224,224]` or " +
            "`int64[b:1..8,128]; mask=bool[b:1..8,128]`. One spec per `;` or line; `MIN..OPT..MAX` marks a dynamic " +
            "dimension and a shared `symbol:` ties dimensions together.",
    },
    {
        name: "target",
        kind: "choice",
        default: "tensorrt",
        choices: [...TARGETS],
        description: "The ExecuTorch backend: `tensorrt` (TensorRT + CUDA delegates, needs a GPU and torch_tensorrt), " +
            "`cuda` (ExecuTorch CUDA backend), `xnnpack` (CPU delegate) or `portable` (no delegate). Never changed behind your back.",
    },
    {
        name: "python",
        kind: "string",
        default: "python3",
        description: "The Python interpreter that has torch, executorch (and torch_tensorrt for `tensorrt`) installed.",
    },
    {
        name: "output-dir",
        kind: "string",
        default: "trt-pte-out",
        description: "Where the files are written, relative to the workspace; each model and target gets its own folder inside it " +
            "(named like the artifact), so models never overwrite each other's `.ptd`.",
    },
    {
        name: "artifact-name",
        kind: "string",
        description: "Artifact name. Default `<model>-<target>`, sanitised; use a distinct name per matrix job when one job " +
            "builds the same model for several GPUs.",
    },
    {
        name: "precision",
        kind: "choice",
        default: "fp32",
        choices: [...PRECISIONS],
        description: "TensorRT precision (target `tensorrt`): `fp32`, or `fp16`/`bf16` for lower-precision layers with the model's " +
            "inputs and outputs unchanged (torch_tensorrt 2.12: `enabled_precisions`; 2.13+: autocast).",
    },
    {
        name: "min-block-size",
        kind: "integer",
        range: [1, 1_000_000],
        description: "Fewest convertible ops in a row that become a TensorRT engine (target `tensorrt`). Empty: the release's default, 5.",
    },
    {
        name: "torch-executed-ops",
        kind: "multiline",
        description: "Ops kept out of TensorRT (target `tensorrt`), as ATen overloads separated by commas or lines, e.g. " +
            "`aten.cos.default`; they go to the CUDA delegate.",
    },
    {
        name: "require-full-compilation",
        kind: "boolean",
        description: "Fail unless TensorRT takes every op (target `tensorrt`). Empty: false. Cannot be combined with " +
            "`torch-executed-ops` or `fallback-data-dependent-ops`.",
    },
    {
        name: "optimization-level",
        kind: "integer",
        range: [0, 5],
        description: "TensorRT builder optimization level 0-5 (target `tensorrt`): higher builds longer for possibly faster engines. Empty: TensorRT's default, 3.",
    },
    {
        name: "workspace-size",
        kind: "string",
        description: "TensorRT builder workspace (target `tensorrt`), in bytes or with a unit: `1073741824`, `512MiB`, `2GiB`. Empty: TensorRT's default.",
    },
    {
        name: "hardware-compatible",
        kind: "boolean",
        description: "Build engines that run on every GPU architecture from Ampere on, not only the runner's (target `tensorrt`). Empty: false.",
    },
    {
        name: "truncate-double",
        kind: "boolean",
        description: "Run float64 parts of the model in float32 inside TensorRT (target `tensorrt`). Empty: false.",
    },
    {
        name: "fallback-data-dependent-ops",
        kind: "boolean",
        description: "Keep ops with data-dependent output shapes (e.g. `nonzero`) out of TensorRT, which ExecuTorch needs " +
            "(target `tensorrt`; torch_tensorrt 2.13 or newer). Empty: false.",
    },
    {
        name: "tolerance",
        kind: "string",
        description: "Largest max relative error (max |difference| / max |eager output|) against eager PyTorch before the run fails. " +
            `Empty: ${DEFAULT_TOLERANCE.cpu} for \`portable\`/\`xnnpack\`; for \`tensorrt\`/\`cuda\` ${DEFAULT_TOLERANCE.gpu.fp32} at fp32 ` +
            `(TensorRT runs fp32 layers in TF32), ${DEFAULT_TOLERANCE.gpu.fp16} at fp16, ${DEFAULT_TOLERANCE.gpu.bf16} at bf16. ` +
            "`none`: report only.",
    },
    {
        name: "retention-days",
        kind: "integer",
        range: [1, 90],
        description: "Days GitHub keeps the artifact (1-90). Empty uses the repository's setting.",
    },
    {
        name: "upload",
        kind: "boolean",
        default: "true",
        description: "Upload the `.pte`, its `.ptd` files and `report.json` as an artifact.",
    },
];
const OUTPUTS = [
    { name: "pte", description: "Absolute path of the written `.pte`." },
    {
        name: "ptd",
        description: "Absolute paths of the `.ptd` files the `.pte` needs, one per line (empty when none).",
    },
    { name: "report", description: "Absolute path of `report.json`." },
    { name: "artifact-id", description: "ID of the uploaded artifact (empty when `upload` is false)." },
    {
        name: "artifact-url",
        description: "Link to the artifact for signed-in users (empty when `upload` is false).",
    },
    { name: "digest", description: "sha256 of the `.pte`, as `sha256:<hex>`." },
    {
        name: "artifact-digest",
        description: "sha256 of the uploaded artifact as the artifact service recorded it (empty when not uploaded).",
    },
];
function inputDefinition(name) {
    const found = INPUTS.find((i) => i.name === name);
    if (found === undefined)
        throw new Error(`no input named '${name}'`);
    return found;
}

;// CONCATENATED MODULE: ./src/cli/help.ts
// `trt-pte --help`: generated from the inputs table, so it never drifts from action.yml.


const DEFAULT_ARTIFACT_DIR = external_node_path_default().join(".trt-pte", "artifacts");
function wrap(text, indent, width = 100) {
    const words = text.split(/\s+/);
    const lines = [];
    let line = "";
    for (const word of words) {
        if (line !== "" && line.length + word.length + 1 > width - indent) {
            lines.push(line);
            line = word;
        }
        else
            line = line === "" ? word : `${line} ${word}`;
    }
    if (line !== "")
        lines.push(line);
    return lines.join(`\n${" ".repeat(indent)}`);
}
function helpText() {
    const flags = INPUTS.map((input) => {
        const value = input.kind === "boolean"
            ? "true|false"
            : input.choices
                ? input.choices.join("|")
                : input.kind === "integer"
                    ? "N"
                    : "VALUE";
        const head = `  --${input.name} ${value}`;
        const extra = [
            input.required ? "required" : "",
            input.default !== undefined ? `default: ${input.default}` : "",
        ]
            .filter(Boolean)
            .join("; ");
        const desc = `${input.description.replace(/`/g, "")}${extra ? ` (${extra})` : ""}`;
        return `${head}\n      ${wrap(desc, 6)}`;
    }).join("\n");
    return `trt-pte: compile a PyTorch model into a verified ExecuTorch .pte

Usage:
  trt-pte export --model FILE.py:FACTORY [--inputs SPECS] [--target TARGET] [options]
  trt-pte --help

Export flags (the action's inputs, same names and defaults):
${flags}
  --artifact-dir DIR
      Where the "artifact" is copied when uploading locally (default: ${DEFAULT_ARTIFACT_DIR}).

Relative paths resolve against the current directory. Exit code 0 on success, 1 on a failed export,
2 on a usage error.
`;
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
var external_node_os_default = /*#__PURE__*/__nccwpck_require__.n(external_node_os_namespaceObject);
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/settings/input-spec.ts
// The one parser of the `inputs` grammar (DESIGN.md "Settled conventions"). The CLI and the action
// both parse here; the Python driver receives the parsed structure in its request and never
// re-parses text, so an error always points at the user's text with line and column.
//
//   inputs := spec ( ';' | newline ) spec ...
//   spec   := [ name '=' ] dtype '[' [ dim ( ',' dim )* ] ']'
//   dim    := [ symbol ':' ] ( N | MIN '..' MAX | MIN '..' OPT '..' MAX )
const DTYPES = [
    "float32",
    "float16",
    "bfloat16",
    "float64",
    "int64",
    "int32",
    "int16",
    "int8",
    "uint8",
    "bool",
];
/** Largest size accepted for one dimension: beyond this no real tensor fits in memory. */
const MAX_DIM = 2 ** 31 - 1;
class InputSpecError extends Error {
    line;
    column;
    detail;
    constructor(line, column, detail) {
        super(`inputs:${line}:${column}: ${detail}`);
        this.line = line;
        this.column = column;
        this.detail = detail;
        this.name = "InputSpecError";
    }
}
const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const INTEGER = /[0-9]+/y;
/** A cursor over the whole text that knows line and column for error messages. */
class Cursor {
    text;
    pos = 0;
    constructor(text) {
        this.text = text;
    }
    where(pos = this.pos) {
        const before = this.text.slice(0, pos);
        const line = before.split("\n").length;
        const column = pos - (before.lastIndexOf("\n") + 1) + 1;
        return { line, column };
    }
    fail(detail, pos = this.pos) {
        const { line, column } = this.where(pos);
        throw new InputSpecError(line, column, detail);
    }
    /** Skips spaces and tabs (not newlines: a newline separates specs). */
    skipBlanks() {
        while (this.pos < this.text.length &&
            (this.text[this.pos] === " " || this.text[this.pos] === "\t" || this.text[this.pos] === "\r")) {
            this.pos++;
        }
    }
    peek() {
        return this.text[this.pos];
    }
    eat(token) {
        this.skipBlanks();
        if (this.text.startsWith(token, this.pos)) {
            this.pos += token.length;
            return true;
        }
        return false;
    }
    expect(token, what) {
        if (!this.eat(token))
            this.fail(`expected ${what}${this.describeHere()}`);
    }
    match(re) {
        this.skipBlanks();
        re.lastIndex = this.pos;
        const m = re.exec(this.text);
        if (!m)
            return null;
        this.pos += m[0].length;
        return m[0];
    }
    describeHere() {
        const c = this.peek();
        if (c === undefined)
            return ", found the end of the text";
        if (c === "\n")
            return ", found the end of the line";
        return `, found '${c}'`;
    }
}
function parseInteger(cur, what) {
    const start = (cur.skipBlanks(), cur.pos);
    const digits = cur.match(INTEGER);
    if (digits === null)
        cur.fail(`expected ${what}${cur.describeHere()}`);
    const value = Number(digits);
    if (!Number.isSafeInteger(value) || value > MAX_DIM)
        cur.fail(`${what} ${digits} is larger than ${MAX_DIM}`, start);
    return value;
}
function parseDim(cur, symbols) {
    cur.skipBlanks();
    const start = cur.pos;
    let symbol = null;
    const ident = cur.match(IDENT);
    if (ident !== null) {
        if (!cur.eat(":"))
            cur.fail(`expected ':' after dimension symbol '${ident}'${cur.describeHere()}`);
        symbol = ident;
    }
    const bounds = [parseInteger(cur, "a dimension size")];
    while (cur.eat("..")) {
        if (bounds.length === 3)
            cur.fail("a dimension has at most three bounds: MIN..OPT..MAX", cur.pos - 2);
        bounds.push(parseInteger(cur, "a dimension bound"));
    }
    const [min, second, third] = bounds;
    const max = third ?? second ?? min;
    const opt = third === undefined ? max : second;
    if (!(min <= opt && opt <= max)) {
        cur.fail(`dimension bounds must satisfy MIN <= OPT <= MAX, got ${min}..${opt}..${max}`, start);
    }
    const dynamic = bounds.length > 1 || symbol !== null;
    if (dynamic && min === max && bounds.length > 1) {
        cur.fail(`dimension ${min}..${max} has one value: write it as ${min} (static)`, start);
    }
    if (bounds.length > 1 && opt < 2) {
        // torch.export specialises a dimension traced at size 0 or 1, so the example must be >= 2.
        cur.fail(`the example size (OPT) of a dynamic dimension must be at least 2, got ${opt}`, start);
    }
    const dim = { symbol, min, opt, max };
    if (symbol !== null) {
        const seen = symbols.get(symbol);
        if (seen === undefined) {
            if (bounds.length === 1)
                cur.fail(`symbol '${symbol}' first appears without a range: give it MIN..MAX`, start);
            symbols.set(symbol, { dim, pos: start });
        }
        else if (bounds.length === 1 && min === seen.dim.opt) {
            // `b:4` after `b:1..4..8` repeats the symbol with its example size: same dimension.
            return { ...seen.dim };
        }
        else if (seen.dim.min !== min || seen.dim.opt !== opt || seen.dim.max !== max) {
            const w = cur.where(seen.pos);
            cur.fail(`symbol '${symbol}' is ${min}..${opt}..${max} here but ${seen.dim.min}..${seen.dim.opt}..${seen.dim.max} at ${w.line}:${w.column}; a shared symbol needs one range`, start);
        }
    }
    return dim;
}
function parseSpec(cur, symbols) {
    cur.skipBlanks();
    const start = cur.pos;
    const first = cur.match(IDENT);
    if (first === null)
        cur.fail(`expected a dtype or name=${cur.describeHere()}`);
    let name = null;
    let dtypeWord = first;
    let dtypePos = start;
    if (cur.eat("=")) {
        name = first;
        cur.skipBlanks();
        dtypePos = cur.pos;
        const word = cur.match(IDENT);
        if (word === null)
            cur.fail(`expected a dtype after '${name}='${cur.describeHere()}`);
        dtypeWord = word;
    }
    if (!DTYPES.includes(dtypeWord)) {
        cur.fail(`unknown dtype '${dtypeWord}' (expected one of ${DTYPES.join(", ")})`, dtypePos);
    }
    cur.expect("[", "'[' after the dtype");
    const dims = [];
    if (!cur.eat("]")) {
        do {
            dims.push(parseDim(cur, symbols));
        } while (cur.eat(","));
        cur.expect("]", "',' or ']'");
    }
    return { name, dtype: dtypeWord, dims };
}
/**
 * Parses the `inputs` text into specs. Blank lines and a trailing separator are allowed, so a YAML
 * block scalar works as written. Throws InputSpecError with the line and column of the mistake.
 */
function parseInputSpecs(text) {
    const cur = new Cursor(text);
    const specs = [];
    const symbols = new Map();
    const names = new Map();
    for (;;) {
        // Skip separators and blank lines between specs.
        for (;;) {
            cur.skipBlanks();
            const c = cur.peek();
            if (c === ";" || c === "\n")
                cur.pos++;
            else
                break;
        }
        if (cur.peek() === undefined)
            break;
        const start = cur.pos;
        const spec = parseSpec(cur, symbols);
        if (spec.name !== null) {
            const prev = names.get(spec.name);
            if (prev !== undefined) {
                const w = cur.where(prev);
                cur.fail(`keyword input '${spec.name}' is given twice (first at ${w.line}:${w.column})`, start);
            }
            names.set(spec.name, start);
        }
        specs.push(spec);
        cur.skipBlanks();
        const next = cur.peek();
        if (next !== undefined && next !== ";" && next !== "\n")
            cur.fail(`expected ';' or a new line between inputs${cur.describeHere()}`);
    }
    return specs;
}
/** Writes specs back in the grammar; parseInputSpecs(formatInputSpecs(s)) equals s. */
function formatInputSpecs(specs) {
    return specs
        .map((spec) => {
        const dims = spec.dims.map((d) => {
            const prefix = d.symbol === null ? "" : `${d.symbol}:`;
            if (d.min === d.max && d.symbol === null)
                return `${d.min}`;
            return d.opt === d.max ? `${prefix}${d.min}..${d.max}` : `${prefix}${d.min}..${d.opt}..${d.max}`;
        });
        return `${spec.name === null ? "" : `${spec.name}=`}${spec.dtype}[${dims.join(",")}]`;
    })
        .join("; ");
}

;// CONCATENATED MODULE: ./src/settings/names.ts
// Names derived from the model spec: the model's short name, the default artifact name and the
// folder a model's files are written to. One function each so the action, the CLI and the tests
// agree on them (DESIGN.md "Settled conventions": `<model>-<target>[-<gpu name>]`, sanitised).

/**
 * The model's short name: the file stem (or last module component) and the factory, e.g.
 * `examples/cos_block/model.py:build` → `model-build`. Both parts are kept so two factories of one
 * file never share an artifact or output folder.
 */
function modelName(spec) {
    const colon = spec.lastIndexOf(":");
    const where = colon > 0 ? spec.slice(0, colon) : spec;
    const factory = colon > 0 ? spec.slice(colon + 1) : "";
    const base = where.endsWith(".py") || where.includes("/")
        ? external_node_path_default().basename(where, ".py")
        : (where.split(".").pop() ?? where);
    return sanitizeName(factory === "" ? base : `${base}-${factory}`);
}
// GitHub refuses artifact names with " : < > | * ? \r \n \ /; we keep a stricter set that is also a
// safe folder name and a readable comment key.
const UNSAFE = /[^A-Za-z0-9._-]+/g;
const MAX_NAME = 200;
function sanitizeName(name) {
    const cleaned = name
        .replace(UNSAFE, "-")
        .replace(/-{2,}/g, "-")
        .replace(/^[-.]+|[-.]+$/g, "");
    return (cleaned === "" ? "model" : cleaned).slice(0, MAX_NAME);
}
/** `<model>-<target>[-<gpu name>]`, sanitised. */
function defaultArtifactName(spec, target, gpuName) {
    return sanitizeName([modelName(spec), target, gpuName].filter((p) => p !== undefined && p !== "").join("-"));
}

;// CONCATENATED MODULE: ./src/settings/settings.ts
// One Settings object for the whole pipeline, built from raw strings. The action reads the strings
// from INPUT_* variables and the CLI from its flags; both hand a lookup function to readSettings, so
// validation, defaults and path rules live here once.





function settings_text(get, name) {
    const def = inputDefinition(name);
    const raw = get(name).trim();
    return raw === "" ? (def.default ?? "") : raw;
}
function parseBoolean(name, raw) {
    const v = raw.toLowerCase();
    if (["true", "yes", "1", "on"].includes(v))
        return true;
    if (["false", "no", "0", "off"].includes(v))
        return false;
    throw new SettingsError(name, `'${raw}' is not a boolean`, "use true or false");
}
function settings_parseInteger(name, raw) {
    const def = inputDefinition(name);
    if (!/^-?[0-9]+$/.test(raw))
        throw new SettingsError(name, `'${raw}' is not a whole number`);
    const value = Number(raw);
    if (def.range && (value < def.range[0] || value > def.range[1])) {
        throw new SettingsError(name, `${value} is out of range`, `use a value from ${def.range[0]} to ${def.range[1]}`);
    }
    return value;
}
function isInside(child, parent) {
    const rel = external_node_path_default().relative(parent, child);
    return rel === "" || (!rel.startsWith("..") && !external_node_path_default().isAbsolute(rel));
}
/** Resolves a user path against the workspace and refuses one that leaves it (DESIGN.md "Paths"). */
function resolveInside(name, raw, ctx) {
    const resolved = external_node_path_default().resolve(ctx.workspace, raw);
    const roots = [ctx.workspace, ...ctx.allowedRoots];
    if (!roots.some((root) => isInside(resolved, external_node_path_default().resolve(root)))) {
        throw new SettingsError(name, `'${raw}' resolves to ${resolved}, outside the workspace ${ctx.workspace}`, "use a folder inside the workspace (or the runner's temp dir)");
    }
    return resolved;
}
/** A path-like interpreter (`.venv/bin/python`) is relative to the workspace; a bare name is looked up on PATH. */
function resolvePython(raw, workspace) {
    return raw.includes("/") ? external_node_path_default().resolve(workspace, raw) : raw;
}
/** An optional boolean: empty means "not set". */
function optionalBoolean(get, name) {
    const raw = settings_text(get, name);
    return raw === "" ? undefined : parseBoolean(name, raw);
}
function optionalInteger(get, name) {
    const raw = settings_text(get, name);
    return raw === "" ? undefined : settings_parseInteger(name, raw);
}
const OP_NAME = /^(?:torch\.ops\.)?([A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*\.[A-Za-z_][A-Za-z0-9_]*)$/;
/** `aten.cos.default, aten.add.Tensor` (commas or lines) → op overload names, without `torch.ops.`. */
function parseOpList(name, raw) {
    const ops = [];
    for (const item of raw.split(/[,\n]/)) {
        const op = item.trim();
        if (op === "")
            continue;
        const overload = OP_NAME.exec(op)?.[1];
        if (overload === undefined) {
            throw new SettingsError(name, `'${op}' is not an op overload of the form namespace.op.overload`, "name the overload, e.g. aten.cos.default or aten.add.Tensor (a bare aten.cos matches nothing)");
        }
        if (!ops.includes(overload))
            ops.push(overload);
    }
    return ops;
}
const SIZE_UNITS = new Map([
    ["", 1],
    ["b", 1],
    ["kib", 2 ** 10],
    ["mib", 2 ** 20],
    ["gib", 2 ** 30],
]);
/** `1073741824`, `512MiB`, `2 GiB` → bytes. */
function parseByteSize(name, raw) {
    const match = /^([0-9]+)\s*([A-Za-z]*)$/.exec(raw.trim());
    const scale = SIZE_UNITS.get(match?.[2]?.toLowerCase() ?? "?");
    if (match === null || scale === undefined) {
        throw new SettingsError(name, `'${raw}' is not a size`, "write bytes, or a number with KiB, MiB or GiB");
    }
    const bytes = Number(match[1]) * scale;
    if (!Number.isSafeInteger(bytes) || bytes <= 0) {
        throw new SettingsError(name, `'${raw}' is out of range`, "use a size above 0 and below 8 PiB");
    }
    return bytes;
}
function defaultTolerance(target, precision) {
    return target === "tensorrt" || target === "cuda"
        ? DEFAULT_TOLERANCE.gpu[precision]
        : DEFAULT_TOLERANCE.cpu;
}
/** `tolerance`: a number, `none` (report only), or empty (the default for target and precision). */
function parseTolerance(raw, target, precision) {
    const value = raw.trim();
    if (value === "")
        return defaultTolerance(target, precision);
    if (value.toLowerCase() === "none")
        return null;
    if (!/^(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?$/.test(value) || !Number.isFinite(Number(value))) {
        throw new SettingsError("tolerance", `'${raw}' is not a number`, "write e.g. 0.01 or 1e-3, or none to only report");
    }
    return Number(value);
}
// Inputs that only the tensorrt target reads: setting one for another target is refused, not ignored.
const TENSORRT_ONLY = [
    "min-block-size",
    "torch-executed-ops",
    "require-full-compilation",
    "optimization-level",
    "workspace-size",
    "hardware-compatible",
    "truncate-double",
    "fallback-data-dependent-ops",
];
function readCompileSettings(get, target) {
    const precision = settings_text(get, "precision");
    if (!PRECISIONS.includes(precision)) {
        throw new SettingsError("precision", `unknown precision '${precision}'`, `use one of ${PRECISIONS.join(", ")}`);
    }
    if (target !== "tensorrt") {
        const set = TENSORRT_ONLY.filter((name) => get(name).trim() !== "");
        if (precision !== "fp32")
            set.unshift("precision");
        const first = set[0];
        if (first !== undefined) {
            throw new SettingsError(first, `applies only to target tensorrt (target is ${target})`, "remove it, or set target: tensorrt");
        }
    }
    const workspace = settings_text(get, "workspace-size");
    const settings = {
        precision: precision,
        minBlockSize: optionalInteger(get, "min-block-size"),
        torchExecutedOps: parseOpList("torch-executed-ops", get("torch-executed-ops")),
        requireFullCompilation: optionalBoolean(get, "require-full-compilation"),
        optimizationLevel: optionalInteger(get, "optimization-level"),
        workspaceSize: workspace === "" ? undefined : parseByteSize("workspace-size", workspace),
        hardwareCompatible: optionalBoolean(get, "hardware-compatible"),
        truncateDouble: optionalBoolean(get, "truncate-double"),
        fallbackDataDependentOps: optionalBoolean(get, "fallback-data-dependent-ops"),
    };
    if (settings.requireFullCompilation === true && settings.torchExecutedOps.length > 0) {
        throw new SettingsError("require-full-compilation", "cannot be true while `torch-executed-ops` keeps ops out of TensorRT", "drop one of the two");
    }
    if (settings.requireFullCompilation === true && settings.fallbackDataDependentOps === true) {
        throw new SettingsError("require-full-compilation", "cannot be true together with `fallback-data-dependent-ops`", "drop one of the two");
    }
    return settings;
}
function readSettings(get, ctx) {
    for (const def of INPUTS) {
        if (def.required && get(def.name).trim() === "") {
            throw new SettingsError(def.name, "is required", `set it, e.g. ${def.name}: examples/seed_repro.py:build`);
        }
    }
    const model = settings_text(get, "model");
    if (!/^[^:]+:[A-Za-z_][A-Za-z0-9_]*$/.test(model)) {
        throw new SettingsError("model", `'${model}' is not of the form path/to/file.py:factory or package.module:factory`, "name the file or module, a colon, and the function that returns the model");
    }
    const target = settings_text(get, "target");
    if (!TARGETS.includes(target)) {
        throw new SettingsError("target", `unknown target '${target}'`, `use one of ${TARGETS.join(", ")}`);
    }
    const inputsText = get("inputs");
    let inputs;
    try {
        inputs = parseInputSpecs(inputsText);
    }
    catch (e) {
        throw new SettingsError("inputs", e.message.replace(/^inputs:/, "at "), "see README “Input specs”");
    }
    const compile = readCompileSettings(get, target);
    const tolerance = parseTolerance(get("tolerance"), target, compile.precision);
    const rawName = get("artifact-name").trim();
    const artifactName = rawName === "" ? defaultArtifactName(model, target) : sanitizeName(rawName);
    const retention = settings_text(get, "retention-days");
    return {
        model,
        modelName: modelName(model),
        inputs,
        target: target,
        python: resolvePython(settings_text(get, "python"), ctx.workspace),
        workspace: ctx.workspace,
        outputDir: external_node_path_default().join(resolveInside("output-dir", settings_text(get, "output-dir"), ctx), artifactName),
        artifactName,
        retentionDays: retention === "" ? undefined : settings_parseInteger("retention-days", retention),
        upload: parseBoolean("upload", settings_text(get, "upload")),
        compile,
        tolerance,
    };
}

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
var promises_default = /*#__PURE__*/__nccwpck_require__.n(promises_namespaceObject);
;// CONCATENATED MODULE: ./src/util/time.ts
/** Formats milliseconds for people: `850 ms`, `12.3 s`, `4 min 05 s`. */
function formatDuration(ms) {
    if (ms < 1000)
        return `${Math.round(ms)} ms`;
    const s = ms / 1000;
    if (s < 60)
        return `${s.toFixed(1)} s`;
    const minutes = Math.floor(s / 60);
    return `${minutes} min ${String(Math.round(s - minutes * 60)).padStart(2, "0")} s`;
}

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/util/hash.ts


/** sha256 of a file as lowercase hex, streamed so memory stays flat for multi-GB engines. */
async function sha256File(file) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)("sha256");
    for await (const chunk of (0,external_node_fs_namespaceObject.createReadStream)(file, { highWaterMark: 1 << 20 }))
        hash.update(chunk);
    return hash.digest("hex");
}

;// CONCATENATED MODULE: ./src/platform/local.ts
// The local adapter: the same ports on a laptop or any machine without GitHub. Artifacts are copied
// into a folder, the summary and outputs are printed to the terminal.





function at(where) {
    if (where === undefined)
        return "";
    return where.line === undefined ? `${where.file}: ` : `${where.file}:${where.line}: `;
}
function localLog(write = (l) => process.stderr.write(`${l}\n`)) {
    return {
        info: (message) => write(message),
        warning: (message, where) => write(`warning: ${at(where)}${message}`),
        error: (message, where) => write(`error: ${at(where)}${message}`),
        async group(title, fn) {
            const started = performance.now();
            write(`▸ ${title}`);
            try {
                return await fn();
            }
            finally {
                write(`  ${title}: ${formatDuration(performance.now() - started)}`);
            }
        },
    };
}
/** Copies an artifact's files into `<dir>/<name>/`, keeping their paths below rootDirectory. */
function folderArtifacts(dir) {
    let nextId = 1;
    return {
        async upload(name, files, rootDirectory) {
            const destination = external_node_path_default().join(dir, name);
            // Copy into a temporary sibling first, then swap it in: a reader never sees half an artifact.
            const staging = `${destination}.partial-${process.pid}`;
            await promises_default().rm(staging, { recursive: true, force: true });
            let size = 0;
            for (const file of files) {
                const target = external_node_path_default().join(staging, external_node_path_default().relative(rootDirectory, file));
                await promises_default().mkdir(external_node_path_default().dirname(target), { recursive: true });
                await promises_default().copyFile(file, target);
                size += (await promises_default().stat(target)).size;
            }
            await promises_default().rm(destination, { recursive: true, force: true });
            await promises_default().rename(staging, destination);
            const manifest = files.map((f) => external_node_path_default().relative(rootDirectory, f)).sort();
            const digest = `sha256:${await sha256Manifest(destination, manifest)}`;
            return { id: nextId++, size, digest, url: destination };
        },
    };
}
async function sha256Manifest(dir, names) {
    const h = (0,external_node_crypto_namespaceObject.createHash)("sha256");
    for (const name of names)
        h.update(`${name}\0${await sha256File(external_node_path_default().join(dir, name))}\n`);
    return h.digest("hex");
}
function localPlatform(options) {
    const outputs = new Map();
    const write = options.write ?? ((l) => process.stderr.write(`${l}\n`));
    return {
        log: localLog(write),
        artifacts: folderArtifacts(options.artifactDir),
        outputs,
        async writeSummary(markdown) {
            (options.printSummary ?? ((m) => process.stdout.write(`${m}\n`)))(markdown);
        },
        setOutput: (name, value) => void outputs.set(name, value),
    };
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/protocol.ts
// The request and result files between the action and the Python driver (DESIGN.md "TS ↔ Python").
// Mirrors src/python/trt_pte/protocol.py; keys are snake_case on the wire.
const PROTOCOL_VERSION = 1;

;// CONCATENATED MODULE: external "node:url"
const external_node_url_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");
;// CONCATENATED MODULE: ./src/python-driver.ts
// Starting the Python driver: where it lives, how it is run, and its output streamed line by line.





/**
 * The folder holding the `trt_pte` package. It travels with the action (GitHub checks out the whole
 * repository) and the npm package (`files`), and the bundle finds it relative to its own file
 * (DESIGN.md "Shipping the Python driver"): dist/index.js, dist/cli/index.js and src/*.ts alike.
 */
function driverRoot(from = external_node_path_default().dirname((0,external_node_url_namespaceObject.fileURLToPath)(import.meta.url))) {
    for (let dir = from;; dir = external_node_path_default().dirname(dir)) {
        const candidate = external_node_path_default().join(dir, "src", "python");
        if ((0,external_node_fs_namespaceObject.existsSync)(external_node_path_default().join(candidate, "trt_pte", "__main__.py")))
            return candidate;
        if (external_node_path_default().dirname(dir) === dir)
            break;
    }
    throw new Error(`the trt_pte Python package was not found above ${from}; the action's checkout is incomplete`);
}
const TAIL_LINES = 40;
/**
 * Runs `python -m trt_pte <args>` with the driver on PYTHONPATH, calling onLine for every line it
 * prints as soon as it is printed (the export takes minutes; people watch it live).
 */
function runDriver(python, args, options) {
    const root = driverRoot();
    const env = { ...(options.env ?? process.env) };
    env.PYTHONPATH = env.PYTHONPATH ? `${root}${(external_node_path_default()).delimiter}${env.PYTHONPATH}` : root;
    env.PYTHONUNBUFFERED = "1";
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_namespaceObject.spawn)(python, ["-m", "trt_pte", ...args], {
            cwd: options.cwd,
            env,
            stdio: ["ignore", "pipe", "pipe"],
        });
        const tail = [];
        const emit = (line) => {
            tail.push(line);
            if (tail.length > TAIL_LINES)
                tail.shift();
            options.onLine(line);
        };
        for (const stream of [child.stdout, child.stderr]) {
            let pending = "";
            stream.setEncoding("utf8");
            stream.on("data", (chunk) => {
                pending += chunk;
                const lines = pending.split("\n");
                pending = lines.pop() ?? "";
                for (const line of lines)
                    emit(line.replace(/\r$/, ""));
            });
            stream.on("end", () => {
                if (pending !== "")
                    emit(pending);
                pending = "";
            });
        }
        child.on("error", (err) => {
            if (err.code === "ENOENT") {
                reject(new SettingsError("python", `'${python}' was not found`, "install Python or set `python` to the interpreter of your ML environment"));
            }
            else
                reject(err);
        });
        child.on("close", (exitCode, signal) => resolve({ exitCode, signal, tail }));
    });
}

;// CONCATENATED MODULE: ./src/preflight.ts
// Stage 1: is this machine able to build the requested target? Python and its packages (read with
// importlib.metadata, no torch import), and the GPU (nvidia-smi). A target that cannot run here
// fails now, naming everything that is missing; it never falls back to another target.





const execFileAsync = (0,external_node_util_namespaceObject.promisify)(external_node_child_process_namespaceObject.execFile);
/** Parses `nvidia-smi --query-gpu=name,compute_cap,driver_version --format=csv,noheader`. */
function parseNvidiaSmi(stdout) {
    return stdout
        .split("\n")
        .map((l) => l.trim())
        .filter((l) => l !== "")
        .map((line) => {
        const [name = "", computeCapability = "", driverVersion = ""] = line.split(",").map((p) => p.trim());
        return { name, computeCapability, driverVersion };
    });
}
async function detectGpus(nvidiaSmi = "nvidia-smi") {
    try {
        const { stdout } = await execFileAsync(nvidiaSmi, ["--query-gpu=name,compute_cap,driver_version", "--format=csv,noheader"], {
            timeout: 20_000,
        });
        return parseNvidiaSmi(stdout);
    }
    catch {
        return []; // no nvidia-smi, or no driver loaded: no usable GPU either way
    }
}
async function readVersions(python, cwd) {
    const lines = [];
    const run = await runDriver(python, ["versions"], { cwd, onLine: (l) => lines.push(l) });
    const json = lines.find((l) => l.startsWith("{"));
    if (run.exitCode !== 0 || json === undefined) {
        throw new TrtPteError("missing_dependency", `'${python}' could not run the trt-pte driver: ${run.tail.slice(-5).join(" | ") || `exit code ${run.exitCode}`}`, "set `python` to a Python 3.10+ interpreter");
    }
    const report = JSON.parse(json);
    if (report.protocol !== PROTOCOL_VERSION) {
        throw new TrtPteError("internal", `driver protocol ${report.protocol} is not ${PROTOCOL_VERSION}`, "reinstall trt-pte");
    }
    return report;
}
/** Packages each target needs, by the names importlib.metadata reports. */
const NEEDS = {
    tensorrt: ["torch", "executorch", "torch_tensorrt", "tensorrt"],
    cuda: ["torch", "executorch"],
    xnnpack: ["torch", "executorch"],
    portable: ["torch", "executorch"],
};
const NEEDS_GPU = { tensorrt: true, cuda: true, xnnpack: false, portable: false };
/** What the target lacks on this machine, in words; empty when it can run. */
function missingFor(target, pre) {
    const missing = [];
    if (NEEDS_GPU[target] && pre.gpus.length === 0)
        missing.push("an NVIDIA GPU (nvidia-smi found none)");
    for (const pkg of NEEDS[target]) {
        if (!pre.packages[pkg])
            missing.push(`${pkg} (not installed in ${pre.python.executable})`);
    }
    return missing;
}
function checkTarget(target, pre) {
    const missing = missingFor(target, pre);
    if (missing.length === 0)
        return;
    const onlyGpu = missing.length === 1 && missing[0]?.startsWith("an NVIDIA GPU") === true;
    throw new TrtPteError(onlyGpu ? "gpu_missing" : "missing_dependency", `target '${target}' cannot run here: it needs ${missing.join(", ")}`, NEEDS_GPU[target]
        ? "run it on a self-hosted GPU runner with those packages (README “Self-hosted runner”), or choose target xnnpack/portable"
        : "install the pinned stack: pip install -r requirements.txt");
}
async function preflight(settings, log) {
    const [report, gpus] = await Promise.all([readVersions(settings.python, settings.workspace), detectGpus()]);
    const { python: pythonVersion, ...packages } = report.versions;
    const result = {
        python: { executable: report.executable, version: pythonVersion ?? "unknown" },
        packages,
        gpus,
    };
    log.info(`python ${result.python.version} (${result.python.executable})`);
    log.info(Object.entries(packages)
        .map(([k, v]) => `${k} ${v ?? "-"}`)
        .join(", "));
    log.info(gpus.length === 0
        ? "GPU: none"
        : gpus.map((g) => `GPU: ${g.name} (sm ${g.computeCapability}, driver ${g.driverVersion})`).join("\n"));
    checkTarget(settings.target, result);
    return result;
}

;// CONCATENATED MODULE: ./src/export.ts
// Stage 2: the Python driver builds the .pte. We write its request, stream its log, and read back
// its result; the result file (never the exit code) says what happened.






function buildRequest(settings, outputDir) {
    return {
        protocol: PROTOCOL_VERSION,
        model: settings.model,
        workspace: settings.workspace,
        target: settings.target,
        output_dir: outputDir,
        output_name: settings.modelName,
        inputs: [...settings.inputs],
        compile: compileRequest(settings.compile),
        tolerance: settings.tolerance,
    };
}
/** The request's `compile` object: snake_case keys, only the settings the user set. */
function compileRequest(compile) {
    const wire = {
        precision: compile.precision,
        min_block_size: compile.minBlockSize,
        torch_executed_ops: compile.torchExecutedOps.length > 0 ? [...compile.torchExecutedOps] : undefined,
        require_full_compilation: compile.requireFullCompilation,
        optimization_level: compile.optimizationLevel,
        workspace_size: compile.workspaceSize,
        hardware_compatible: compile.hardwareCompatible,
        truncate_double: compile.truncateDouble,
        fallback_data_dependent_ops: compile.fallbackDataDependentOps,
    };
    return Object.fromEntries(Object.entries(wire).filter(([, v]) => v !== undefined));
}
/** A failed export, as the driver classified it. */
function errorFromResult(result) {
    const e = result.error;
    if (e === undefined)
        return new TrtPteError("internal", "the driver reported an error without details");
    const location = e.location === null ? undefined : { file: e.location.file, line: e.location.line ?? undefined };
    return new TrtPteError(e.kind, e.message, e.hint ?? undefined, location);
}
/**
 * Runs the driver so that it writes into `stagingDir` (empty, created here). The caller moves the
 * files into place only after they are verified.
 */
async function runExport(settings, stagingDir, log) {
    await promises_default().mkdir(stagingDir, { recursive: true });
    const scratch = await promises_default().mkdtemp(external_node_path_default().join(process.env.RUNNER_TEMP ?? external_node_os_default().tmpdir(), "trt-pte-"));
    try {
        const requestPath = external_node_path_default().join(scratch, "request.json");
        const resultPath = external_node_path_default().join(scratch, "result.json");
        await promises_default().writeFile(requestPath, JSON.stringify(buildRequest(settings, stagingDir), null, 2));
        const run = await runDriver(settings.python, ["export", "--request", requestPath, "--result", resultPath], {
            cwd: settings.workspace,
            onLine: (line) => log.info(line),
        });
        let result;
        try {
            result = JSON.parse(await promises_default().readFile(resultPath, "utf8"));
        }
        catch {
            const how = run.signal !== null ? `was killed by ${run.signal}` : `exited with code ${run.exitCode}`;
            const oom = run.signal === "SIGKILL";
            throw new TrtPteError(oom ? "out_of_memory" : "internal", `the export driver ${how} without writing a result. Last output:\n${run.tail.slice(-15).join("\n")}`, oom
                ? "the runner probably ran out of memory: use smaller shapes or a bigger runner"
                : "see the log above");
        }
        if (result.status !== "ok")
            throw errorFromResult(result);
        return result;
    }
    finally {
        await promises_default().rm(scratch, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/pte/identifier.ts
// The first eight bytes of ExecuTorch files: a u32 root offset, then a four-letter identifier.

const PTE_IDENTIFIER = "ET12";
const PTD_IDENTIFIER = "FT01";
/** The identifier at bytes 4..7, or null when the file is shorter than 8 bytes. */
async function readIdentifier(file) {
    const handle = await promises_default().open(file, "r");
    try {
        const head = Buffer.alloc(8);
        const { bytesRead } = await handle.read(head, 0, 8, 0);
        return bytesRead < 8 ? null : head.toString("latin1", 4, 8);
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./src/verify.ts
// Stage 3: check what the driver wrote before anything is published. A failed check names what was
// expected and what was found, and nothing gets uploaded.




function fail(message) {
    throw new TrtPteError("verification", message, "the export wrote a file that is not what it reported; see the log above");
}
async function checkFile(dir, file, identifier) {
    const full = external_node_path_default().join(dir, file.name);
    let size;
    try {
        size = (await promises_default().stat(full)).size;
    }
    catch {
        fail(`expected ${file.name} in ${dir}, found no such file`);
    }
    if (size !== file.bytes)
        fail(`expected ${file.name} to be ${file.bytes} bytes, found ${size}`);
    const found = await readIdentifier(full);
    if (found !== identifier) {
        fail(`expected ${file.name} to carry the ExecuTorch identifier '${identifier}' at bytes 4-7, found ${found === null ? "a file under 8 bytes" : `'${found}'`}`);
    }
}
async function verifyOutput(dir, result) {
    const files = result.files ?? [];
    const ptes = files.filter((f) => f.kind === "pte");
    const pte = ptes[0];
    if (pte === undefined || ptes.length !== 1)
        fail(`expected one .pte in the export result, found ${ptes.length}`);
    await checkFile(dir, pte, PTE_IDENTIFIER);
    const ptd = files.filter((f) => f.kind === "ptd");
    for (const f of ptd)
        await checkFile(dir, f, PTD_IDENTIFIER);
    return { pte, ptd };
}

;// CONCATENATED MODULE: ./src/publish/report.ts
// report.json: everything a person or a later job needs to know about one export, in one stable
// document. The summary, the PR comment and `trt-pte inspect` all render from it.
const REPORT_SCHEMA = "trt-pte/report@1";
function runInfo(env) {
    if (!env.GITHUB_RUN_ID)
        return null;
    return {
        repository: env.GITHUB_REPOSITORY ?? "",
        run_id: env.GITHUB_RUN_ID,
        run_attempt: env.GITHUB_RUN_ATTEMPT ?? "1",
        sha: env.GITHUB_SHA ?? "",
        ref: env.GITHUB_REF ?? "",
    };
}
function buildReport(settings, pre, result, files, stageSeconds, env) {
    const timings = { ...stageSeconds };
    for (const [step, seconds] of Object.entries(result.timings ?? {}))
        timings[`export.${step}`] = seconds;
    const gpu = pre.gpus[0];
    return {
        schema: REPORT_SCHEMA,
        model: settings.model,
        model_name: settings.modelName,
        target: settings.target,
        artifact_name: settings.artifactName,
        pte: files.pte,
        ptd: files.ptd,
        inputs: result.inputs ?? [...settings.inputs],
        partition: result.partition ?? {},
        accuracy: result.accuracy ?? null,
        versions: { python: pre.python.version, ...result.versions },
        gpu: gpu === undefined
            ? null
            : { name: gpu.name, compute_capability: gpu.computeCapability, driver_version: gpu.driverVersion },
        timings,
        details: result.details ?? {},
        run: runInfo(env),
    };
}

;// CONCATENATED MODULE: ./src/publish/format.ts
// Small formatting helpers shared by the summary, the comment and the inspector.
function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ["KiB", "MiB", "GiB", "TiB"];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value < 10 ? value.toFixed(2) : value < 100 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}
/** Escapes text for a markdown table cell. */
function cell(text) {
    return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

;// CONCATENATED MODULE: ./src/publish/summary.ts
// The job summary: one section per model and target (a job may call the action several times).

function renderSummary(report, artifact) {
    const rows = [
        ["Model", `\`${cell(report.model)}\``],
        ["Target", report.target],
        [".pte", `${cell(report.pte.name)} · ${formatBytes(report.pte.bytes)}`],
        ["sha256", `\`${report.pte.sha256}\``],
    ];
    for (const ptd of report.ptd)
        rows.push([".ptd", `${cell(ptd.name)} · ${formatBytes(ptd.bytes)}`]);
    rows.push([
        "Download",
        artifact === null ? "not uploaded (`upload: false`)" : `[${cell(artifact.name)}](${artifact.url})`,
    ]);
    const table = ["| | |", "|---|---|", ...rows.map(([k, v]) => `| ${k} | ${v} |`)].join("\n");
    return `### trt-pte · ${cell(report.model_name)} · ${report.target}\n\n${table}\n`;
}

;// CONCATENATED MODULE: ./src/publish/constants.ts
/** The report written beside the .pte and uploaded with it. */
const REPORT_FILE = "report.json";

;// CONCATENATED MODULE: ./src/publish/upload.ts
// Uploading one export as one artifact: the .pte, every .ptd it needs, and report.json.


function artifactFiles(dir, files) {
    return [files.pte, ...files.ptd].map((f) => external_node_path_default().join(dir, f.name)).concat(external_node_path_default().join(dir, REPORT_FILE));
}
async function uploadExport(settings, store, files) {
    return store.upload(settings.artifactName, artifactFiles(settings.outputDir, files), settings.outputDir, {
        retentionDays: settings.retentionDays,
    });
}

;// CONCATENATED MODULE: ./src/main.ts
// The pipeline: preflight → export → verify → publish. Each stage is a module of its own; this
// file only orders them, times them, and keeps half-made output from ever being published.










/** Replaces `finalDir` with `stagingDir` so the final folder only ever holds one complete, verified export. */
async function promote(stagingDir, finalDir) {
    await promises_default().rm(finalDir, { recursive: true, force: true });
    await promises_default().rename(stagingDir, finalDir);
}
async function runPipeline(settings, platform, env = process.env) {
    const { log } = platform;
    const seconds = {};
    async function stage(name, title, fn) {
        const started = performance.now();
        try {
            return await log.group(title, fn);
        }
        finally {
            seconds[name] = Math.round(performance.now() - started) / 1000;
        }
    }
    const pre = await stage("preflight", "Preflight", () => preflight(settings, log));
    const staging = `${settings.outputDir}.staging-${process.pid}`;
    await promises_default().rm(staging, { recursive: true, force: true });
    let report;
    let files;
    try {
        const result = await stage("export", `Export ${settings.model} → ${settings.target}`, () => runExport(settings, staging, log));
        files = await stage("verify", "Verify", async () => {
            const verified = await verifyOutput(staging, result);
            log.info(`${verified.pte.name}: ${formatBytes(verified.pte.bytes)}, sha256 ${verified.pte.sha256}`);
            return verified;
        });
        report = buildReport(settings, pre, result, files, seconds, env);
        await promises_default().writeFile(external_node_path_default().join(staging, REPORT_FILE), `${JSON.stringify(report, null, 2)}\n`);
        await promote(staging, settings.outputDir);
    }
    finally {
        await promises_default().rm(staging, { recursive: true, force: true });
    }
    const artifact = settings.upload
        ? await stage("upload", `Upload artifact ${settings.artifactName}`, () => uploadExport(settings, platform.artifacts, files))
        : null;
    const outcome = {
        report,
        reportPath: external_node_path_default().join(settings.outputDir, REPORT_FILE),
        ptePath: external_node_path_default().join(settings.outputDir, files.pte.name),
        ptdPaths: files.ptd.map((f) => external_node_path_default().join(settings.outputDir, f.name)),
        artifact,
    };
    await platform.writeSummary(renderSummary(report, artifact === null ? null : { name: settings.artifactName, url: artifact.url }));
    setOutputs(platform, outcome);
    return outcome;
}
function setOutputs(platform, outcome) {
    platform.setOutput("pte", outcome.ptePath);
    platform.setOutput("ptd", outcome.ptdPaths.join("\n"));
    platform.setOutput("report", outcome.reportPath);
    platform.setOutput("artifact-id", outcome.artifact === null ? "" : String(outcome.artifact.id));
    platform.setOutput("artifact-url", outcome.artifact?.url ?? "");
    platform.setOutput("digest", `sha256:${outcome.report.pte.sha256}`);
    platform.setOutput("artifact-digest", outcome.artifact?.digest ?? "");
}

;// CONCATENATED MODULE: ./src/failure.ts
// How a failed run is told: one error (annotated at the user's file and line when their code is
// the cause), with the hint on its own line. Shared by the action and the CLI.

function reportFailure(error, log) {
    if (error instanceof TrtPteError) {
        const text = error.hint ? `${error.message}\nhint: ${error.hint}` : error.message;
        log.error(text, error.location);
        return;
    }
    log.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
}

;// CONCATENATED MODULE: ./src/cli/export-command.ts
// `trt-pte export`: flags → Settings → the pipeline on the local platform.









async function exportCommand(argv) {
    const options = { "artifact-dir": { type: "string" } };
    for (const input of INPUTS)
        options[input.name] = { type: "string" };
    let values;
    try {
        values = (0,external_node_util_namespaceObject.parseArgs)({ args: argv, options, strict: true, allowPositionals: false }).values;
    }
    catch (e) {
        process.stderr.write(`trt-pte export: ${e.message}\nRun trt-pte --help for the flags.\n`);
        return 2;
    }
    const cwd = process.cwd();
    const platform = localPlatform({
        artifactDir: external_node_path_default().resolve(cwd, values["artifact-dir"] ?? DEFAULT_ARTIFACT_DIR),
    });
    try {
        const settings = readSettings((name) => values[name] ?? "", {
            workspace: cwd,
            allowedRoots: [external_node_os_default().tmpdir()],
        });
        const outcome = await runPipeline(settings, platform, {});
        process.stderr.write(`\n.pte: ${outcome.ptePath}\n`);
        for (const ptd of outcome.ptdPaths)
            process.stderr.write(`.ptd: ${ptd}\n`);
        process.stderr.write(`report: ${outcome.reportPath}\n`);
        if (outcome.artifact)
            process.stderr.write(`artifact: ${outcome.artifact.url}\n`);
        return 0;
    }
    catch (error) {
        reportFailure(error, platform.log);
        return 1;
    }
}

;// CONCATENATED MODULE: ./src/cli.ts
// `trt-pte`: the same pipeline outside GitHub. Every action input is a flag of the same name; the
// artifact is copied into a folder and the summary printed to the terminal.



async function main(argv) {
    const [command, ...rest] = argv;
    if (command === undefined || command === "--help" || command === "-h" || command === "help") {
        process.stdout.write(helpText());
        return command === undefined ? 2 : 0;
    }
    if (command === "export")
        return exportCommand(rest);
    process.stderr.write(`trt-pte: unknown command '${command}'. Run trt-pte --help.\n`);
    return 2;
}
main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
}, (error) => {
    process.stderr.write(`${describeError(error)}\n`);
    process.exitCode = 1;
});

