// Mermaid's own parser (the `mermaid` package, as GitHub renders it) in Node: it needs a DOM, so a
// jsdom window stands in for the browser's. `parse` throws on text Mermaid cannot render.

import { JSDOM } from "jsdom";
import type MermaidModule from "mermaid";

type Mermaid = typeof MermaidModule;
let loaded: Promise<Mermaid> | undefined;

async function load(): Promise<Mermaid> {
  const { window } = new JSDOM("<!doctype html><html><body></body></html>", { pretendToBeVisual: true });
  const g = globalThis as Record<string, unknown>;
  for (const name of ["window", "document", "DOMParser", "Element", "HTMLElement", "Node", "navigator"]) {
    if (g[name] === undefined)
      Object.defineProperty(g, name, {
        value: (window as unknown as Record<string, unknown>)[name],
        configurable: true,
        writable: true,
      });
  }
  const mermaid = (await import("mermaid")).default;
  mermaid.initialize({ startOnLoad: false, securityLevel: "strict" });
  return mermaid;
}

/** The diagram type Mermaid recognised; throws with Mermaid's message when the text does not parse. */
export async function parseMermaid(text: string): Promise<string> {
  loaded ??= load();
  const mermaid = await loaded;
  const result = await mermaid.parse(text);
  return result.diagramType;
}
