import { createRequire } from "node:module";
const require = createRequire("/work/main/node_modules/@actions/artifact/lib/internal/upload/zip.js");
console.log(require.resolve("archiver"));
