// The import rules of src/, checked by scripts/test ("import layers (dependency-cruiser)").
// Type-only imports count (tsPreCompilationDeps): a type that two folders both need lives where both
// can import it, not in one of them.

/** @type {import('dependency-cruiser').IConfiguration} */
export default {
  forbidden: [
    {
      name: "no-folder-cycles",
      comment:
        "A folder of src/ may not import a folder that imports it back (directly or through others). " +
        "Move what both need (a type, a formatter, a default) to a folder below both, e.g. src/util or src/report.",
      severity: "error",
      scope: "folder",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "no-module-cycles",
      comment: "Two modules of src/ may not import each other, directly or through others.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "util-imports-nothing-upward",
      comment: "src/util holds helpers every layer uses; it may import only itself and packages.",
      severity: "error",
      from: { path: "^src/util/" },
      to: { path: "^src/", pathNot: "^src/util/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
  },
};
