import type { Finding, Severity } from "../../shared/findings/types.js";
import { columnLetters, parseA1 } from "../../shared/grid/a1.js";
import type { Mark } from "./types.js";

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** One mark per cell of one sheet, carrying the worst severity found there. */
export function marksFor(findings: Finding[], sheet: string): Mark[] {
  const worst = new Map<string, Severity>();
  for (const f of findings) {
    if (f.sheet !== sheet || !f.cell) continue;
    const prev = worst.get(f.cell);
    if (!prev || RANK[f.severity] > RANK[prev]) worst.set(f.cell, f.severity);
  }
  return [...worst].map(([cell, severity]) => ({ cell, severity }));
}

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** A1 address of a 0-based inclusive rectangle ("B3" or "B3:B9"). */
export function rectAddress(r: Rect): string {
  const from = `${columnLetters(r.c0)}${r.r0 + 1}`;
  return r.r0 === r.r1 && r.c0 === r.c1 ? from : `${from}:${columnLetters(r.c1)}${r.r1 + 1}`;
}

/**
 * Merge cells into few rectangles: vertical runs per column first, then runs with the
 * same rows in adjacent columns. Fewer areas keep Office.js address strings short.
 */
export function compressCells(cells: string[]): Rect[] {
  const byCol = new Map<number, number[]>();
  for (const c of cells) {
    const p = parseA1(c);
    if (!p) continue;
    const rows = byCol.get(p.col) ?? [];
    rows.push(p.row);
    byCol.set(p.col, rows);
  }
  const runs: Rect[] = [];
  for (const [col, rows] of [...byCol].sort((a, b) => a[0] - b[0])) {
    const sorted = [...new Set(rows)].sort((a, b) => a - b);
    let start = sorted[0]!;
    let prev = start;
    for (const r of sorted.slice(1)) {
      if (r === prev + 1) {
        prev = r;
        continue;
      }
      runs.push({ r0: start, r1: prev, c0: col, c1: col });
      start = prev = r;
    }
    if (sorted.length) runs.push({ r0: start, r1: prev, c0: col, c1: col });
  }
  const open = new Map<string, Rect>();
  const out: Rect[] = [];
  for (const run of runs) {
    const key = `${run.r0}:${run.r1}`;
    const o = open.get(key);
    if (o && o.c1 === run.c0 - 1) o.c1 = run.c0;
    else {
      const fresh = { ...run };
      open.set(key, fresh);
      out.push(fresh);
    }
  }
  return out;
}

/** Split addresses into comma-joined strings of at most maxChars (Office.js getRanges fails near 8 KB). */
export function chunkAddresses(addresses: string[], maxChars = 6000): string[] {
  const out: string[] = [];
  let cur = "";
  for (const a of addresses) {
    if (cur && cur.length + 1 + a.length > maxChars) {
      out.push(cur);
      cur = "";
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}
