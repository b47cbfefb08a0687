import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { RuleSetCache } from "../shared/ruleset/cache.js";
import { DEFAULT_RULE_SET } from "../shared/ruleset/default.js";
import { RuleSetLoader } from "../shared/ruleset/loader.js";
import * as DJ from "../addin/functions/functions.js";
import { localToday } from "../addin/functions/args.js";
import { plainErrorFactory } from "../addin/functions/errors.js";
import { setDjContext } from "../addin/functions/runtime.js";

/**
 * Custom-function figures: µs per call of =DJ.DUES and =DJ.APPRAISAL over 100,000 calls
 * (target < 2 µs) next to a peer measured in the same run (the inline nested-IF a
 * developer would hand-write), and the Worker requests a 10,000-cell sheet naming one
 * uncached rule set causes (target 1), against a real HTTP server on 127.0.0.1.
 */
const CALLS = 100_000;
const ROUNDS = 7;

/** Median µs per call of `fn` over CALLS calls, after a warm-up round. */
function timePerCall(fn: (i: number) => unknown): number {
  let sink = 0;
  const samples: number[] = [];
  for (let round = 0; round <= ROUNDS; round++) {
    const start = performance.now();
    for (let i = 0; i < CALLS; i++) if (fn(i) !== undefined) sink++;
    const elapsed = performance.now() - start;
    if (round > 0) samples.push((elapsed * 1000) / CALLS);
  }
  if (sink === 0) throw new Error("nothing computed");
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

const incomes = Array.from({ length: 1024 }, (_, i) => Math.round(((i * 7919) % 2_000_000) + 100_000) / 100);
const categories = ["在职", "离退休", "退休", "在职"];
const votes = Array.from({ length: 1024 }, (_, i) => [i % 37, (i * 7) % 23, (i * 3) % 11, i % 5 === 0 ? 1 : 0] as const);

/** The peer: what a developer writes inline, floating point and all. */
function inlineDues(x: number, category: string): number {
  if (category === "离退休" || category === "退休") return Math.round(x * (x <= 5000 ? 0.005 : 0.01) * 100) / 100;
  const rate = x <= 3000 ? 0.005 : x <= 5000 ? 0.01 : x <= 10000 ? 0.015 : 0.02;
  return Math.round(x * rate * 100) / 100;
}
function inlineAppraisal(a: number, b: number, c: number, d: number): number {
  return Math.round(((100 * a + 80 * b + 60 * c) / (a + b + c + d)) * 100) / 100;
}

async function requestsForSheet(cells: number): Promise<{ requests: number; ms: number }> {
  let requests = 0;
  const body = JSON.stringify({ ...DEFAULT_RULE_SET, id: "acme", version: 1, title: "acme v1" });
  const server = createServer((req, res) => {
    requests++;
    if (req.url === "/v1/rulesets/acme@1") res.writeHead(200, { "content-type": "application/json" }).end(body);
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  setDjContext({
    fail: plainErrorFactory,
    ruleSets: new RuleSetLoader(new RuleSetCache(), { baseUrl: `http://127.0.0.1:${port}` }),
    today: localToday,
  });
  const start = performance.now();
  await Promise.all(Array.from({ length: cells }, (_, i) => DJ.dues(1000 + i, "在职", "acme@1")));
  const ms = performance.now() - start;
  server.close();
  setDjContext(null);
  return { requests, ms };
}

export async function benchFunctions(): Promise<{ lines: string[] }> {
  setDjContext(null); // the real shared context, built-in default cached
  const dues = timePerCall((i) => DJ.dues(incomes[i & 1023]!, categories[i & 3]));
  const duesPeer = timePerCall((i) => inlineDues(incomes[i & 1023]!, categories[i & 3]!));
  const appraisal = timePerCall((i) => {
    const v = votes[i & 1023]!;
    return DJ.appraisal(v[0] + 1, v[1], v[2], v[3]);
  });
  const appraisalPeer = timePerCall((i) => {
    const v = votes[i & 1023]!;
    return inlineAppraisal(v[0] + 1, v[1], v[2], v[3]);
  });
  const sheet = await requestsForSheet(10_000);
  const fmt = (us: number) => us.toFixed(3);
  return {
    lines: [
      `DJ.DUES        ${fmt(dues)} µs/call (${CALLS.toLocaleString("en")} calls, median of ${ROUNDS}; target < 2) vs inline nested-IF JS ${fmt(duesPeer)} µs/call`,
      `DJ.APPRAISAL   ${fmt(appraisal)} µs/call (target < 2) vs inline JS formula ${fmt(appraisalPeer)} µs/call`,
      `Worker requests for 10,000 cells naming one uncached rule set: ${sheet.requests} (target 1; all cells settled in ${sheet.ms.toFixed(0)} ms, HTTP on 127.0.0.1)`,
    ],
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  benchFunctions().then((r) => console.log(r.lines.join("\n")));
}
