// One line about the delegates of an Inspection, for the job summary and the PR comment: which
// backends run the model and how big their engines and blobs are. Every name in them was read from
// the .pte, so it is shown through `code` (markdown-inert inline code).

import { code, formatBytes } from "../util/format.js";
import type { DelegateInfo, Inspection } from "./inspection.js";

// The backends trt-pte targets, shown by name; any other id read from a .pte is shown as code.
const KNOWN_BACKENDS = new Set(["TensorRTBackend", "CudaBackend", "XnnpackBackend"]);

const backend = (id: string): string => (KNOWN_BACKENDS.has(id) ? id : code(id));

export function delegateSummary(inspection: Inspection): string {
  if (inspection.delegates.length === 0) return "none (portable kernels only)";
  const byId = new Map<string, DelegateInfo[]>();
  for (const d of inspection.delegates) byId.set(d.id, [...(byId.get(d.id) ?? []), d]);
  return [...byId.entries()]
    .map(([id, list]) => `${backend(id)} ×${list.length} (${detail(list)})`)
    .join(" · ");
}

function detail(delegates: DelegateInfo[]): string {
  let engines = 0;
  let blobs = 0;
  let bindings = 0;
  const files = new Set<string>();
  for (const d of delegates) {
    if (d.payload.format === "tensorrt") {
      engines += d.payload.engine.bytes;
      bindings += d.payload.io_bindings.length;
    } else if (d.payload.format === "cuda") {
      for (const k of d.payload.keys) {
        blobs += k.bytes ?? 0;
        if (k.found_in !== null) files.add(k.found_in);
      }
    }
  }
  const parts: string[] = [];
  if (engines > 0) parts.push(`engines ${formatBytes(engines)}, ${bindings} I/O bindings`);
  if (blobs > 0) parts.push(`blobs ${formatBytes(blobs)} in ${[...files].map((f) => code(f)).join(", ")}`);
  if (parts.length === 0) parts.push(`payload ${formatBytes(delegates.reduce((n, d) => n + d.bytes, 0))}`);
  return parts.join("; ");
}

/** One engine binding as plain text, `name dtype[dims]`, `?` for a dynamic dimension or an unknown dtype. */
export function bindingText(b: { name: string; dtype: string; shape: number[] }): string {
  const dims = b.shape.map((d) => (d < 0 ? "?" : String(d))).join(",");
  return `${b.name} ${b.dtype || "?"}[${dims}]`;
}

/** A binding for markdown: its name comes from the model, so it is code. */
function bindingCode(b: { name: string; dtype: string; shape: number[] }): string {
  return code(bindingText(b));
}

/**
 * One markdown bullet per TensorRT engine (size, inputs → outputs) and per CUDA blob set: what a
 * person checks before flashing a device, in the summary and the PR comment. Empty when there are
 * no such delegates.
 */
export function engineLines(inspection: Inspection): string[] {
  const lines: string[] = [];
  inspection.delegates.forEach((d, i) => {
    if (d.payload.format === "tensorrt") {
      const inputs = d.payload.io_bindings.filter((b) => b.is_input).map(bindingCode);
      const outputs = d.payload.io_bindings.filter((b) => !b.is_input).map(bindingCode);
      const compat = d.payload.hardware_compatible ? ", hardware-compatible" : "";
      lines.push(
        `TensorRT engine ${i}: ${formatBytes(d.payload.engine.bytes)}${compat} · ${inputs.join(", ") || "?"} → ${outputs.join(", ") || "?"}`,
      );
    } else if (d.payload.format === "cuda") {
      const blobs = d.payload.keys.map(
        (k) =>
          `${code(k.role)} ${k.bytes === null ? "missing" : formatBytes(k.bytes)}${k.found_in === null ? "" : ` in ${code(k.found_in)}`}`,
      );
      lines.push(`CUDA delegate ${i}: ${blobs.join(", ") || "no blobs"}`);
    }
  });
  return lines;
}
