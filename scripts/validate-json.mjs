// Validates JSON documents against a JSON Schema (draft 2020-12) with ajv.
// Usage: node scripts/validate-json.mjs SCHEMA DOC...   Exit 0 when all are valid; errors on stderr.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), "..", "tools", "node_modules", "_"));
const Ajv2020 = require("ajv/dist/2020").default;

const [schemaPath, ...docs] = process.argv.slice(2);
if (!schemaPath || docs.length === 0) {
  console.error("usage: validate-json.mjs SCHEMA DOC...");
  process.exit(64);
}
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(schemaPath, "utf8")));
let failed = 0;
for (const doc of docs) {
  if (!validate(JSON.parse(readFileSync(doc, "utf8")))) {
    failed++;
    for (const e of validate.errors) console.error(`${doc}: ${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
  }
}
process.exit(failed ? 1 : 0);
