import { spawnSync } from "node:child_process";
import { mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { duesRows } from "./dues-ledger.js";
import { median } from "./measure.js";

/**
 * (b) The CLI end to end (`party-ledger check FILE --format json`) against reading the
 * same file alone with the xlsx library the CLI uses (SheetJS CE), both as fresh Node
 * processes; (c) the peak memory (max RSS) of each.
 */
const ROWS = 100_000;
const OUT = new URL("./out/", import.meta.url).pathname;

export interface Run {
  ms: number;
  cpuMs: number;
  rssMb: number;
  status: number | null;
}

/** One fresh Node process: wall time, CPU time and peak RSS (from rss-preload.mjs). */
export function run(args: string[]): Run {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ["--import", new URL("./rss-preload.mjs", import.meta.url).pathname, ...args], {
    encoding: "utf8",
    maxBuffer: 512 * 1024 * 1024,
  });
  const ms = performance.now() - t0;
  const m = /maxrss_kb (\d+) cpu_us (\d+)/.exec(r.stderr);
  return { ms, cpuMs: m ? Number(m[2]) / 1000 : NaN, rssMb: m ? Number(m[1]) / 1024 : NaN, status: r.status };
}

/** `party-ledger check FILE` against SheetJS reading FILE alone, 3 fresh processes each: medians and peaks. */
export function cliAgainstReadAlone(file: string) {
  const cli = new URL("../bin/party-ledger.mjs", import.meta.url).pathname;
  const alone = new URL("./read-alone.mjs", import.meta.url).pathname;
  // The first run after install or an edit builds the CLI bundle (about a second, once): not timed.
  run([cli, "--version"]);
  const cliRuns: Run[] = [];
  const aloneRuns: Run[] = [];
  for (let i = 0; i < 3; i++) {
    aloneRuns.push(run([alone, file]));
    cliRuns.push(run([cli, "check", file, "--as-of", "2025-12-31", "--format", "json"]));
  }
  return {
    c: median(cliRuns.map((r) => r.ms)),
    a: median(aloneRuns.map((r) => r.ms)),
    cCpu: median(cliRuns.map((r) => r.cpuMs)),
    aCpu: median(aloneRuns.map((r) => r.cpuMs)),
    cRss: Math.max(...cliRuns.map((r) => r.rssMb)),
    aRss: Math.max(...aloneRuns.map((r) => r.rssMb)),
    cliRuns,
  };
}

export async function benchCli(): Promise<string[]> {
  mkdirSync(OUT, { recursive: true });
  const file = join(OUT, "dues-100k.xlsx");
  const wb = XLSX.utils.book_new();
  const sheet = XLSX.utils.aoa_to_sheet([["2025年度党费收缴台账"], ...duesRows(ROWS)]);
  XLSX.utils.book_append_sheet(wb, sheet, "2025年党费");
  writeFileSync(file, XLSX.write(wb, { type: "buffer", bookType: "xlsx", compression: true }));
  const sizeMb = statSync(file).size / 1024 / 1024;

  const { c, a, cCpu, aCpu, cRss, aRss, cliRuns } = cliAgainstReadAlone(file);
  return [
    `(b) CLI end to end, ${ROWS.toLocaleString("en")}-row dues ledger (${sizeMb.toFixed(1)} MB xlsx), median of 3 fresh processes`,
    `    party-ledger check --format json: ${(c / 1000).toFixed(2)} s (exit ${cliRuns[0]!.status}: the ledger has planted errors)`,
    `    SheetJS CE read + sheet_to_json alone: ${(a / 1000).toFixed(2)} s`,
    `    ratio CLI/read-alone: ${(c / a).toFixed(2)}× (target ≤ 1×)`,
    `    CPU time (user+system, leaves out waiting for a core): CLI ${(cCpu / 1000).toFixed(2)} s, read-alone ${(aCpu / 1000).toFixed(2)} s, ratio ${(cCpu / aCpu).toFixed(2)}×`,
    `(c) peak memory (max RSS): CLI ${cRss.toFixed(0)} MB, read-alone ${aRss.toFixed(0)} MB (ratio ${(cRss / aRss).toFixed(2)}×, target ≤ 0.6×)`,
  ];
}
