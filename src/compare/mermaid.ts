// The partition as a Mermaid flowchart, from what the reader found in the .pte (never from the
// driver's word): the plan's inputs → each step in instruction order (a TensorRT engine with its
// size and I/O, a CUDA delegate with its blobs, an XNNPACK delegate, a run of portable kernels with
// its ops) → outputs. GitHub renders it in the summary and comment. With a baseline inspection,
// steps that are new or differ are marked, and what disappeared is listed in a note.
// Every label is escaped here: op and binding names come from the model.

import type { DelegateInfo, Inspection, IoValue, PlanInfo, PlanStep } from "../pte/inspection.js";
import { bindingText } from "../pte/render-summary.js";
import { formatBytes } from "../util/format.js";

/** Ops listed per kernel run before the rest are counted ("+ 12 more"). */
const OPS_SHOWN = 6;
/** Characters kept of any one name (a hostile model can make them megabytes long). */
const NAME_CHARS = 80;

/**
 * Text for a quoted Mermaid label: letters, digits and plain punctuation as they are; `<`, `>` and
 * `&` as look-alikes so no HTML can form; everything else (quotes, backticks, `#`, `;`, `|`, braces,
 * line breaks, emoji...) as Mermaid's `#<code>;` entity, which it decodes back to the character.
 */
export function mermaidText(text: string, max = NAME_CHARS): string {
  const chars = [...text];
  const cut = chars.length > max ? [...chars.slice(0, max - 1), "…"] : chars;
  return cut
    .map((c) => {
      if (/^[A-Za-z0-9 _.,:=+\-/()[\]?*×→…·▲Δ‹›＆]$/.test(c)) return c;
      if (c === "<") return "‹";
      if (c === ">") return "›";
      if (c === "&") return "＆";
      return `#${c.codePointAt(0)};`;
    })
    .join("");
}

function ioText(v: IoValue): string {
  if (v.tensor === null) return v.kind;
  return `${v.tensor.dtype}[${v.tensor.shape.join(",")}]${v.tensor.dynamism === "static" ? "" : "*"}`;
}

const BACKEND_NAMES: Record<string, string> = {
  TensorRTBackend: "TensorRT",
  CudaBackend: "CUDA",
  XnnpackBackend: "XNNPACK",
};

/** A step's lines of text (unescaped) and a signature that says whether it changed. */
function describe(
  step: PlanStep,
  inspection: Inspection,
  engineOf: Map<number, number>,
): { lines: string[]; sig: string; kind: string } {
  if (step.kind === "kernels") {
    const names = step.ops.map((o) => (o.calls > 1 ? `${o.name} ×${o.calls}` : o.name));
    const shown = names.slice(0, OPS_SHOWN);
    if (names.length > OPS_SHOWN) shown.push(`+ ${names.length - OPS_SHOWN} more`);
    return {
      kind: "kernels",
      lines: [`portable kernels ×${step.calls}`, ...shown],
      sig: step.ops.map((o) => `${o.name}:${o.calls}`).join(","),
    };
  }
  const d: DelegateInfo | undefined = inspection.delegates[step.delegate];
  if (d === undefined) return { kind: "delegate", lines: [`delegate ${step.delegate}`], sig: "?" };
  const p = d.payload;
  if (p.format === "tensorrt") {
    const i = engineOf.get(step.delegate) ?? 0;
    const inputs = p.io_bindings.filter((b) => b.is_input).map(bindingText);
    const outputs = p.io_bindings.filter((b) => !b.is_input).map(bindingText);
    return {
      kind: "tensorrt",
      lines: [
        `TensorRT engine ${i} · ${formatBytes(p.engine.bytes)}`,
        `in: ${inputs.join(", ") || "?"}`,
        `out: ${outputs.join(", ") || "?"}`,
      ],
      sig: `${p.engine.bytes}|${inputs.join(",")}|${outputs.join(",")}`,
    };
  }
  if (p.format === "cuda") {
    const blobs = p.keys.map(
      (k) =>
        `${k.role} ${k.bytes === null ? "missing" : formatBytes(k.bytes)}${k.found_in === null ? "" : ` in ${k.found_in}`}`,
    );
    return {
      kind: "cuda",
      lines: [`CUDA delegate ${d.plan}/${d.index}`, ...blobs],
      sig: p.keys.map((k) => `${k.role}:${k.bytes}`).join(","),
    };
  }
  if (p.format === "xnnpack") {
    return {
      kind: "xnnpack",
      lines: [
        `XNNPACK delegate ${d.plan}/${d.index}`,
        `${formatBytes(d.bytes)} (constants ${formatBytes(p.constant_bytes)})`,
      ],
      sig: `${d.bytes}`,
    };
  }
  return {
    kind: "other",
    lines: [`${BACKEND_NAMES[d.id] ?? d.id} delegate ${d.plan}/${d.index}`, formatBytes(d.bytes)],
    sig: `${d.id}:${d.bytes}`,
  };
}

function engineIndices(inspection: Inspection): Map<number, number> {
  const out = new Map<number, number>();
  inspection.delegates.forEach((d, i) => {
    if (d.payload.format === "tensorrt") out.set(i, out.size);
  });
  return out;
}

interface Described {
  lines: string[];
  sig: string;
  kind: string;
}

function planSteps(inspection: Inspection, plan: PlanInfo): Described[] {
  const engines = engineIndices(inspection);
  // Older inspections (report@1 baselines) have no steps: fall back to the delegates in order.
  const steps: PlanStep[] =
    (plan as Partial<PlanInfo>).steps ?? plan.delegates.map((delegate) => ({ kind: "delegate", delegate }));
  return steps.map((s) => describe(s, inspection, engines));
}

const CLASSES = {
  tensorrt: "fill:#e8f5e9,stroke:#2e7d32",
  cuda: "fill:#e3f2fd,stroke:#1565c0",
  xnnpack: "fill:#f3e5f5,stroke:#6a1b9a",
  kernels: "fill:#fff8e1,stroke:#f9a825",
  other: "fill:#eeeeee,stroke:#616161",
  io: "fill:#ffffff,stroke:#9e9e9e",
  changed: "stroke:#d84315,stroke-width:3px,stroke-dasharray:4 2",
} as const;

export interface MermaidOptions {
  /** The baseline's inspection: steps that are new or differ are marked. */
  baseline?: Inspection | null;
}

/** The flowchart text (without the ```mermaid fence), one subgraph per plan when there are several. */
export function partitionMermaid(inspection: Inspection, options: MermaidOptions = {}): string {
  const out = ["flowchart TD"];
  const used = new Set<string>();
  const multiple = inspection.plans.length > 1;
  inspection.plans.forEach((plan, p) => {
    const id = (local: string) => `p${p}_${local}`;
    const indent = multiple ? "    " : "  ";
    if (multiple) out.push(`  subgraph ${id("plan")}["${mermaidText(`method ${plan.name}`)}"]`);
    const steps = planSteps(inspection, plan);
    const basePlan = options.baseline?.plans.find((b) => b.name === plan.name) ?? null;
    const before = options.baseline && basePlan ? planSteps(options.baseline, basePlan) : null;
    const inputs = plan.inputs.map((v, i) => `${i}: ${ioText(v)}`);
    const outputs = plan.outputs.map((v, i) => `${i}: ${ioText(v)}`);
    out.push(`${indent}${id("in")}(["${label(["inputs", ...inputs])}"])`);
    const ids = [id("in")];
    used.add("io");
    const marked: string[] = [];
    const seen: Record<string, number> = {};
    steps.forEach((step, i) => {
      const nth = (seen[step.kind] = (seen[step.kind] ?? 0) + 1);
      const old = before?.filter((b) => b.kind === step.kind)[nth - 1];
      const mark = before === null ? "" : old === undefined ? "new" : old.sig !== step.sig ? "changed" : "";
      const text =
        mark === ""
          ? step.lines
          : [...step.lines, mark === "new" ? "▲ new since baseline" : "Δ changed since baseline"];
      const node = id(`s${i}`);
      const shape = step.kind === "kernels" ? [`["`, `"]`] : [`[["`, `"]]`];
      out.push(`${indent}${node}${shape[0]}${label(text)}${shape[1]}`);
      out.push(`${indent}class ${node} ${step.kind}`);
      used.add(step.kind);
      if (mark !== "") marked.push(node);
      ids.push(node);
    });
    out.push(`${indent}${id("out")}(["${label(["outputs", ...outputs])}"])`);
    ids.push(id("out"));
    out.push(`${indent}class ${id("in")},${id("out")} io`);
    for (let i = 1; i < ids.length; i++) out.push(`${indent}${ids[i - 1]} --> ${ids[i]}`);
    if (before !== null) {
      const gone: string[] = [];
      const count = (list: Described[], kind: string) => list.filter((s) => s.kind === kind).length;
      for (const kind of new Set(before.map((b) => b.kind))) {
        const lost = count(before, kind) - count(steps, kind);
        if (lost > 0)
          gone.push(`${lost} ${kind === "kernels" ? "kernel run" : `${kind} step`}${lost === 1 ? "" : "s"}`);
      }
      if (gone.length > 0) {
        out.push(`${indent}${id("gone")}>"${label([`removed since baseline: ${gone.join(", ")}`])}"]`);
        marked.push(id("gone"));
      }
    }
    if (marked.length > 0) {
      out.push(`${indent}class ${marked.join(",")} changed`);
      used.add("changed");
    }
    if (multiple) out.push("  end");
  });
  for (const [name, style] of Object.entries(CLASSES))
    if (used.has(name)) out.push(`  classDef ${name} ${style}`);
  return `${out.join("\n")}\n`;
}

function label(lines: readonly string[]): string {
  return lines.map((l) => mermaidText(l)).join("<br/>");
}

/** The flowchart in a ```mermaid fence, for markdown. */
export function mermaidBlock(inspection: Inspection, options: MermaidOptions = {}): string {
  return `\`\`\`mermaid\n${partitionMermaid(inspection, options)}\`\`\`\n`;
}
