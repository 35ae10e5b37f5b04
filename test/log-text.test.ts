// inert(): text trt-pte prints from files and programs it does not control, read back the way a
// runner reads a step's output (test/support/runner-commands.ts).

import { describe, expect, it } from "vitest";
import { escapeControls, inert, inertJson } from "../src/util/log-text.js";
import { runnerCommands } from "./support/runner-commands.js";

const HOSTILE = [
  "::warning::x",
  "::add-mask::secret",
  "::error file=a.py,line=1::boom",
  "   ::notice::indented",
  "\t::debug::tab",
  "\u001f::group::separator",
  "\u0085::endgroup::next line",
  "name ##[warning]legacy",
  "::stop-commands::pause",
  "a\n::warning::after a newline",
  "a\r::warning::after a carriage return",
  "::SET-OUTPUT name=pte::x",
];

describe("inert", () => {
  it.each(HOSTILE)("leaves no command in %j", (text) => {
    expect(runnerCommands(text)).not.toEqual([]);
    expect(runnerCommands(inert(text))).toEqual([]);
    expect(inert(text).replace(/\u200b/g, "")).toBe(text.replace(/\r/g, "\n"));
  });

  it("keeps ordinary text as it is", () => {
    expect(inert("torch.export: 5 nodes, a::b in the middle")).toBe(
      "torch.export: 5 nodes, a::b in the middle",
    );
  });

  it("keeps JSON meaning the same", () => {
    const json = JSON.stringify({ name: "##[warning]x" }, null, 2);
    expect(runnerCommands(json)).not.toEqual([]);
    expect(runnerCommands(inertJson(json))).toEqual([]);
    expect(JSON.parse(inertJson(json))).toEqual({ name: "##[warning]x" });
  });
});

describe("escapeControls", () => {
  it("shows every control a terminal would act on as an escape, and keeps the rest", () => {
    const hostile =
      "A100\u001b[2J\u001b]0;pwned\u0007\u009b31m\u009d8;;https://x\u009c\rdone\n\u202eexe.pte\u007f";
    const shown = escapeControls(hostile);
    // eslint-disable-next-line no-control-regex -- what must not be left
    expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
    expect(shown).toBe(
      "A100\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m\\x9d8;;https://x\\x9c\\x0ddone\\x0a\\u202eexe.pte\\x7f",
    );
    expect(escapeControls("a\nb\u001b", true)).toBe("a\nb\\x1b");
    expect(escapeControls("NVIDIA H200 · ExecuTorch 1.4.1 — ok ✓")).toBe(
      "NVIDIA H200 · ExecuTorch 1.4.1 — ok ✓",
    );
  });
});
