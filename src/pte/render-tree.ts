// The readable form of an Inspection, for `trt-pte inspect` and the export log: a tree of plans,
// delegates (with TensorRT engine I/O and CUDA blobs), segments, named data and bytes by kind.
// Long lists are cut with a count of what was left out, so a model with thousands of weights still
// prints a screenful.

import { formatBytes } from "../util/format.js";
import type {
  CudaPayloadInfo,
  DelegateInfo,
  Inspection,
  IoValue,
  PayloadInfo,
  PlanInfo,
  TensorRTPayloadInfo,
} from "./inspection.js";

const MAX_ROWS = 20;

interface Node {
  label: string;
  children?: Node[];
}

export function renderTree(inspection: Inspection): string {
  const { file, program } = inspection;
  const name = file.path.split(/[\\/]/).pop() ?? file.path;
  const root: Node = {
    label: `${name}  ${formatBytes(file.bytes)}  (${program.identifier}, program ${formatBytes(program.flatbuffer_bytes)}, ${plural(inspection.segments.length, "segment")})`,
    children: [
      ...inspection.plans.map((p) => planNode(p, inspection)),
      {
        label: `delegates (${inspection.delegates.length})`,
        children: inspection.delegates.map((d, i) => delegateNode(d, i)),
      },
      segmentsNode(inspection),
      ...(inspection.named_data.length > 0
        ? [
            {
              label: `named data (${inspection.named_data.length})`,
              children: cut(
                inspection.named_data.map((n) => ({
                  label: `${n.key}  ${formatBytes(n.bytes)}  segment ${n.segment_index}`,
                })),
              ),
            },
          ]
        : []),
      ...externalNodes(inspection),
      bytesNode(inspection),
    ],
  };
  return render(root);
}

function planNode(plan: PlanInfo, inspection: Inspection): Node {
  const operators = [...plan.operators].sort((a, b) => b.calls - a.calls || a.name.localeCompare(b.name));
  const instructions = Object.entries(plan.instructions.by_kind)
    .map(([k, v]) => `${k} ${v}`)
    .join(", ");
  const delegates = plan.delegates.map((i) => `[${i}] ${inspection.delegates[i]?.id ?? "?"}`).join(", ");
  return {
    label: `plan ${plan.name}`,
    children: [
      { label: `inputs   ${plan.inputs.map(ioText).join(", ") || "none"}` },
      { label: `outputs  ${plan.outputs.map(ioText).join(", ") || "none"}` },
      { label: `instructions ${plan.instructions.total}${instructions ? `: ${instructions}` : ""}` },
      {
        label: `operators (${plan.operators.length})`,
        children: cut(
          operators.map((op) => ({
            label: `${op.name}${op.overload ? `.${op.overload}` : ""}  ×${op.calls}`,
          })),
        ),
      },
      { label: `delegates ${delegates || "none"}` },
      ...(plan.external_tensors.length > 0
        ? [{ label: `external tensors ${plan.external_tensors.length}` }]
        : []),
    ],
  };
}

function ioText(value: IoValue): string {
  if (value.tensor === null) return value.kind;
  const { dtype, shape, dynamism } = value.tensor;
  return `${dtype}[${shape.join(",")}]${dynamism === "static" ? "" : ` (${dynamism === "dynamic_bound" ? "dynamic, upper bounds" : "dynamic"})`}`;
}

function delegateNode(d: DelegateInfo, index: number): Node {
  const where = d.location === "segment" ? `segment ${d.data_index}` : `inline ${d.data_index}`;
  const at = d.offset === null ? "" : ` @${d.offset}`;
  const specs = d.compile_specs.map(
    (s) => `${s.key}=${s.text ?? `0x${s.hex}${s.bytes > s.hex.length / 2 ? "…" : ""}`}`,
  );
  return {
    label: `[${index}] ${d.id}  ${d.plan}/${d.index}  ${where}${at}  ${formatBytes(d.bytes)}  (called ${d.calls}×)`,
    children: [
      ...(specs.length > 0 ? [{ label: `compile specs: ${specs.join(", ")}` }] : []),
      payloadNode(d.payload),
    ],
  };
}

function payloadNode(payload: PayloadInfo): Node {
  switch (payload.format) {
    case "tensorrt":
      return tensorrtNode(payload);
    case "cuda":
      return cudaNode(payload);
    case "xnnpack":
      return {
        label: `XNNPACK graph ${formatBytes(payload.flatbuffer_bytes)}, constants ${formatBytes(payload.constant_bytes)}`,
      };
    case "unrecognised":
      return {
        label: `${payload.reason ?? "unrecognised payload"} (starts ${payload.head_hex.slice(0, 16)}…)`,
      };
    case "unknown":
      return { label: `payload not decoded (starts ${payload.head_hex.slice(0, 16)}…)` };
  }
}

function tensorrtNode(p: TensorRTPayloadInfo): Node {
  const layout =
    p.layout === "engine-info"
      ? "engine-info (Torch-TensorRT 2.12)"
      : `${p.layout}${p.metadata_format === "engine-info" ? " (engine-info metadata)" : ""}`;
  const facts = [
    `engine ${formatBytes(p.engine.bytes)}`,
    `hardware_compatible ${p.hardware_compatible ?? "?"}`,
    `device ${p.device_id ?? "?"}`,
    `platform ${p.target_platform || "?"}`,
  ];
  const bindings = p.io_bindings.map((b) => ({
    label: `${b.is_input ? "in " : "out"} ${b.name}  ${b.dtype || "?"}${b.shape.length > 0 ? `[${b.shape.join(",")}]` : ""}`,
  }));
  const aliases = p.aliased_io.map((a) => ({ label: `alias ${a.output} → ${a.input} (${a.kind})` }));
  return { label: `TensorRT ${layout}: ${facts.join(", ")}`, children: cut([...bindings, ...aliases]) };
}

function cudaNode(p: CudaPayloadInfo): Node {
  const layout = {
    keys: "executorch 1.4 keys",
    fqn3: "executorch 1.5 ETCUDAFQN3",
    "method-name": "executorch 1.2/1.3, keys from method_name",
  }[p.layout];
  return {
    label: `CUDA (${layout})${p.weights === null ? "" : `: ${plural(p.weights, "weight")}`}`,
    children: cut(
      p.keys.map((k) => ({
        label: `${k.role}  ${k.key}  ${k.bytes === null ? "" : `${formatBytes(k.bytes)}  `}${k.found_in === null ? "MISSING" : `in ${k.found_in}`}`,
      })),
    ),
  };
}

function segmentsNode(inspection: Inspection): Node {
  return {
    label: `segments (${inspection.segments.length})`,
    children: cut(
      inspection.segments.map((s) => ({
        label: `[${s.index}] @${s.offset}  ${formatBytes(s.bytes)}  ${s.used_by.join(", ") || "unused"}`,
      })),
    ),
  };
}

function externalNodes(inspection: Inspection): Node[] {
  const nodes: Node[] = [];
  if (inspection.external_data.length > 0) {
    nodes.push({
      label: `external data (${inspection.external_data.length})`,
      children: inspection.external_data.map((f) => ({
        label: `${f.name}  ${formatBytes(f.bytes)}  ${plural(f.named_data.length, "entry", "entries")}`,
      })),
    });
  }
  if (inspection.external_keys.length > 0) {
    const missing = inspection.external_keys.filter((k) => k.found_in === null).length;
    nodes.push({
      label: `needs from .ptd (${inspection.external_keys.length}${missing > 0 ? `, ${missing} MISSING` : ""})`,
      children: cut(
        inspection.external_keys.map((k) => ({
          label: `${k.key}  ${k.found_in === null ? "MISSING" : `in ${k.found_in}  ${formatBytes(k.bytes ?? 0)}`}  (${k.needed_by})`,
        })),
      ),
    });
  }
  return nodes;
}

function bytesNode(inspection: Inspection): Node {
  const b = inspection.bytes_by_kind;
  const parts: [string, number][] = [
    ["program", b.program],
    ["delegates", b.delegates],
    ["constants", b.constants],
    ["mutable data", b.mutable_data],
    ["named data", b.named_data],
    ["unused segments", b.unused_segments],
    ["padding", b.padding],
  ];
  return {
    label: `bytes: ${parts
      .filter(([, n]) => n > 0)
      .map(([k, n]) => `${k} ${formatBytes(n)}`)
      .join(
        " · ",
      )} · total ${formatBytes(b.total)}${b.external_data > 0 ? ` (+ .ptd ${formatBytes(b.external_data)})` : ""}`,
  };
}

function cut(nodes: Node[]): Node[] {
  if (nodes.length <= MAX_ROWS) return nodes;
  return [...nodes.slice(0, MAX_ROWS - 1), { label: `… ${nodes.length - MAX_ROWS + 1} more (see --json)` }];
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function render(root: Node): string {
  const lines = [root.label];
  const walk = (children: Node[], prefix: string): void => {
    children.forEach((child, i) => {
      const last = i === children.length - 1;
      lines.push(`${prefix}${last ? "└─ " : "├─ "}${child.label}`);
      if (child.children && child.children.length > 0)
        walk(child.children, `${prefix}${last ? "   " : "│  "}`);
    });
  };
  walk(root.children ?? [], "");
  return `${lines.join("\n")}\n`;
}
