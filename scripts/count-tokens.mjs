// Counts tokens with OpenAI's o200k_base encoding (the GPT-4o / GPT-4.1 tokenizer), via js-tiktoken in tools/.
// Usage: node scripts/count-tokens.mjs FILE...   Prints one line per file: "<tokens> <file>".
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), "..", "tools", "node_modules", "_"));
const { Tiktoken } = require("js-tiktoken/lite");
const o200k = require("js-tiktoken/ranks/o200k_base");

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error("usage: count-tokens.mjs FILE...");
  process.exit(64);
}
const encoding = new Tiktoken(o200k.default ?? o200k);
for (const file of files) {
  console.log(`${encoding.encode(readFileSync(file, "utf8")).length} ${file}`);
}
