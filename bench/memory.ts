import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import type { CellValue } from "../shared/index.js";
import { duesRows } from "./dues-ledger.js";
import { rosterAllBad, rosterRows } from "./roster-ledger.js";

/**
 * Memory of one submission in the Worker's code path (bench/memory-child.ts) under a 128 MB heap:
 * grid JSON and .xlsx, roster and dues, at several sizes. Each run is a fresh Node process with
 * --max-old-space-size=128, a small young generation (a collection every megabyte or so, so the
 * peak is seen closely) and --trace-gc; its peak is the largest heap in use when a collection
 * started, plus the largest ArrayBuffer memory (request bytes, inflated parts, the report's bytes).
 * Node's V8 keeps full 8-byte pointers where workerd compresses them to 4, so these figures are
 * above what the same request takes in a Worker.
 */
const OUT = new URL("./out/mem/", import.meta.url).pathname;
const CHILD = new URL("./memory-child.ts", import.meta.url).pathname;

export type MemLedger = "roster" | "dues" | "roster-bad" | "dues-bad" | "roster-text";

export interface MemRun {
  ledger: MemLedger;
  kind: "json" | "xlsx";
  cells: number;
  fileBytes: number;
  status: number | null;
  baselineMb: number;
  peakMb: number;
  heapPeakMb: number;
  arrayBuffersMb: number;
  detail: string;
}

/** Every monthly amount wrong: twelve findings a member. */
function duesAllBad(members: number): CellValue[][] {
  const rows = duesRows(members);
  for (let i = 1; i < rows.length; i++) for (let m = 7; m < 19; m++) rows[i]![m] = 1.23;
  return rows;
}

function input(ledger: MemLedger, members: number): { rows: CellValue[][]; name: string } {
  if (ledger === "dues") return { rows: [["2025年度党费收缴台账"], ...duesRows(members)], name: "2025年党费" };
  if (ledger === "dues-bad") return { rows: [["2025年度党费收缴台账"], ...duesAllBad(members)], name: "2025年党费" };
  if (ledger === "roster-text") {
    // every member's 所在党支部 a unique 600-character text: as much text as a body of this size holds
    const rows = rosterRows(members);
    for (let i = 1; i < rows.length; i++) rows[i]![7] = `第${i}党支部`.padEnd(600, "党支部学习教育记录");
    return { rows, name: "花名册" };
  }
  return { rows: ledger === "roster" ? rosterRows(members) : rosterAllBad(members), name: "花名册" };
}

export function memoryRun(ledger: MemLedger, kind: "json" | "xlsx", members: number, maxCells = 100_000_000): MemRun {
  mkdirSync(OUT, { recursive: true });
  const { rows, name } = input(ledger, members);
  const cells = rows.reduce((n, r) => n + r.length, 0);
  const file = join(OUT, `${ledger}-${members}.${kind}`);
  if (kind === "json") writeFileSync(file, JSON.stringify({ grid: { sheets: [{ name, values: rows }] }, asOf: "2025-12-31" }));
  else {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows as (string | number | null)[][]), name);
    writeFileSync(file, XLSX.write(wb, { type: "buffer", bookType: "xlsx", compression: true }));
  }
  const r = spawnSync(process.execPath, ["--expose-gc", "--max-old-space-size=128", "--max-semi-space-size=1", "--trace-gc", "--import", "tsx", CHILD, file, kind, ledger.startsWith("dues") ? "dues" : "roster", String(maxCells)], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  const out = r.stdout + r.stderr;
  const mark = out.indexOf("MARK");
  const baseline = Number(/MARK baseline heap ([\d.]+) MB/.exec(out)?.[1] ?? NaN);
  let heapPeak = 0;
  for (const m of out.slice(Math.max(0, mark)).matchAll(/(?:Scavenge|Mark-Compact|Mark-sweep)[^\d]*?([\d.]+) \([\d.]+\) ->/g)) heapPeak = Math.max(heapPeak, Number(m[1]));
  const res = /RESULT (\d+) (.*) answer [\d.]+ MB arrayBuffersPeak ([\d.]+) MB/.exec(out);
  const oom = /heap out of memory|Allocation failed/i.test(out);
  return {
    ledger,
    kind,
    cells,
    fileBytes: statSync(file).size,
    status: res ? Number(res[1]) : null,
    baselineMb: baseline,
    peakMb: heapPeak + Number(res?.[3] ?? 0),
    heapPeakMb: heapPeak,
    arrayBuffersMb: Number(res?.[3] ?? 0),
    detail: oom ? "out of memory (the isolate would be killed)" : (res?.[2] ?? out.slice(-300)),
  };
}

if (import.meta.url === `file://${process.argv[1]}` && process.argv.length > 3) {
  const [ledger, kind, members, cap] = process.argv.slice(2);
  console.log(memoryRun(ledger as "roster", kind as "json", Number(members), cap ? Number(cap) : undefined));
}

/** Cells a row of each ledger has (the dues ledger has a title row of one cell above its header). */
const COLUMNS: Record<MemLedger, number> = { roster: 8, "roster-bad": 8, "roster-text": 8, dues: 20, "dues-bad": 20 };
const membersFor = (ledger: MemLedger, cells: number) => (ledger.startsWith("dues") ? Math.floor((cells - 1) / COLUMNS[ledger]) - 1 : Math.floor(cells / COLUMNS[ledger]) - 1);

/** The cap the Worker runs with (wrangler.toml MAX_CELLS). */
function configuredCap(): number {
  const toml = readFileSync(new URL("../wrangler.toml", import.meta.url), "utf8");
  return Number(/^MAX_CELLS = "(\d+)"/m.exec(toml)?.[1] ?? 150_000);
}

export async function benchMemory(): Promise<string[]> {
  const cap = configuredCap();
  const out = [`(e) memory of one submission in the Worker's code path, Node under a 128 MB heap (--max-old-space-size=128), MAX_CELLS ${cap.toLocaleString("en")}, MAX_FINDINGS 50,000, MAX_BODY_BYTES 8 MiB`];
  const row = (label: string, r: MemRun) =>
    `    ${label.padEnd(46)} ${r.cells.toLocaleString("en").padStart(9)} cells ${(r.fileBytes / 1048576).toFixed(1).padStart(5)} MB → ${String(r.status ?? "—").padStart(3)}  peak ${r.peakMb.toFixed(1).padStart(5)} MB (heap ${r.heapPeakMb.toFixed(1)} + buffers ${r.arrayBuffersMb.toFixed(1)})  ${r.status === 201 ? r.detail : r.detail.slice(0, 60)}`;
  let worst = 0;
  for (const [ledger, label] of [
    ["roster", "roster, 5% of members wrong"],
    ["dues", "dues, 5% of members wrong"],
    ["roster-bad", "roster, every member wrong 4 ways"],
    ["dues-bad", "dues, every month of every member wrong"],
  ] as const) {
    for (const kind of ["json", "xlsx"] as const) {
      const r = memoryRun(ledger, kind, membersFor(ledger, cap), cap);
      worst = Math.max(worst, r.peakMb);
      out.push(row(`${label}, ${kind}, at the cap`, r));
    }
  }
  // As much text as the body limit holds (a JSON body) and as a file may unpack (twice that).
  const textJson = memoryRun("roster-text", "json", 4400, cap);
  const textXlsx = memoryRun("roster-text", "xlsx", 8800, cap);
  worst = Math.max(worst, textJson.peakMb, textXlsx.peakMb);
  out.push(row("roster, 600 characters a member, json (≤ 8 MiB)", textJson), row("the same, xlsx (≤ 16 MiB unpacked)", textXlsx));
  // One cell over: refused, with what to do.
  const over = memoryRun("roster", "json", membersFor("roster", cap) + 1, cap);
  out.push(row("roster, one row over the cap, json", over));
  const overX = memoryRun("roster", "xlsx", membersFor("roster", cap) + 1, cap);
  out.push(row("roster, one row over the cap, xlsx", overX));
  // The peer: the same worst ledger at three times the cap, with the cap lifted.
  const lifted = memoryRun("dues-bad", "json", membersFor("dues-bad", 3 * cap), 100_000_000);
  out.push(row(`peer: dues wrong everywhere at 3× the cap, caps lifted`, lifted));
  out.push(`    largest admitted peak ${worst.toFixed(1)} MB (bound < 100 MB); one cell over: ${over.status} ${over.detail}, ${overX.status} ${overX.detail}`);
  return out;
}
