#!/usr/bin/env bash
# Tokens per hour of transcript for the LLM chunking, and what an hour costs at a model's price in
# prompts/llm-prices.json: our estimate (what the budget guard counts) against OpenAI's o200k tokenizer (what
# gpt-4.1-mini is billed by), measured in one run on a generated talk. No LLM is called.
# Usage: bench/llm-tokens.sh [MINUTES] [MODEL]     (defaults: 60, gpt-4.1-mini)
# Writes the figures to bench/results/llm-tokens.txt as well as stdout.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
minutes="${1:-60}"
model="${2:-gpt-4.1-mini}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# The captions are what matters; a tiny picture keeps the sample quick to make.
"$root/highlights" sample "$work/talk.mp4" --minutes "$minutes" --width 160 --height 90 --fps 5 >/dev/null
"$root/highlights" llm-estimate "$work/talk.srt" --llm-model "$model" --dump "$work/requests" >"$work/estimate.txt"

node - "$work" "$model" "$root" "$minutes" >"$work/report.txt" <<'JS'
const [work, model, root, minutes] = process.argv.slice(2);
const { readFileSync, readdirSync } = require("node:fs");
const { createRequire } = require("node:module");
const requireTools = createRequire(`${root}/tools/node_modules/_`);
const { Tiktoken } = requireTools("js-tiktoken/lite");
const o200k = requireTools("js-tiktoken/ranks/o200k_base");
const enc = new Tiktoken(o200k.default ?? o200k);
const count = (file) => enc.encode(readFileSync(file, "utf8")).length;

const estimate = readFileSync(`${work}/estimate.txt`, "utf8");
const field = (label) => Number(estimate.match(new RegExp(`${label}:\\s+(\\d+)`))[1]);
const estimatedTranscript = field("transcript tokens");
const estimatedInput = field("input tokens");
const chunks = readdirSync(`${work}/requests`).filter((f) => f.startsWith("chunk-"));
const schema = count(`${work}/requests/response-schema.json`);
// Two messages of 3 framing tokens each and 3 to prime the reply, per request (OpenAI's chat format).
const realInput = chunks.reduce((sum, f) => sum + count(`${work}/requests/${f}`) + schema + 2 * 3 + 3, 0);
// The transcript lines alone: every dumped line that starts with a [mm:ss] marker.
const realTranscript = chunks.reduce((sum, f) => sum + enc.encode(readFileSync(`${work}/requests/${f}`, "utf8").split("\n").filter((l) => /^\[\d+:\d\d\] /.test(l)).join("\n")).length, 0);
const srt = readFileSync(`${work}/talk.srt`, "utf8");
const hours = Math.max(...[...srt.matchAll(/--> (\d\d):(\d\d):(\d\d),(\d\d\d)/g)].map((m) => +m[1] * 3600 + +m[2] * 60 + +m[3] + +m[4] / 1000)) / 3600;
const price = JSON.parse(readFileSync(`${root}/prompts/llm-prices.json`, "utf8")).usd_per_million_tokens[model];
const maxTokens = Number(estimate.match(/every reply at (\d+) tokens/)[1]);
const usd = (tokens, out) => (tokens * price.input + out * price.output) / 1e6;
const perHour = (x) => x / hours;
const typicalOut = 300;
const f = (x, d = 0) => x.toFixed(d);
console.log(`transcript: ${minutes} min generated talk (${f(hours * 60, 1)} min of cues), chunks of <= 3000 estimated tokens, 300 overlap: ${chunks.length} requests`);
console.log(`transcript tokens per hour, overlap included: estimate ${f(perHour(estimatedTranscript))}, o200k ${f(perHour(realTranscript))} (ratio ${f(estimatedTranscript / realTranscript, 3)})`);
console.log(`input tokens per hour, whole requests (prompts, transcript, schema):`);
console.log(`  estimate (what the budget guard counts): ${f(perHour(estimatedInput))}`);
console.log(`  o200k (gpt-4.1-mini's tokenizer):        ${f(perHour(realInput))}`);
console.log(`  estimate / o200k:                        ${f(estimatedInput / realInput, 3)}`);
console.log(`cost of one hour at ${model} ($${price.input} in, $${price.output} out per 1M tokens, prompts/llm-prices.json):`);
console.log(`  input only (o200k count):                $${f(usd(perHour(realInput), 0), 4)}`);
console.log(`  with ${typicalOut} output tokens per chunk:         $${f(usd(perHour(realInput), perHour(chunks.length * typicalOut)), 4)}`);
console.log(`  budget guard's worst case (estimate + ${maxTokens} out per call): $${f(usd(perHour(estimatedInput), perHour(chunks.length * maxTokens)), 4)}`);
JS

{
  echo "# bench/llm-tokens.sh $minutes $model   ($(date -u +%Y-%m-%d), $(nproc) cores)"
  cat "$work/report.txt"
} | tee "$root/bench/results/llm-tokens.txt"
