import { rateDisagrees } from "../derived/stated-rate.js";
import { unspacedHalfWidth } from "../../normalise/text.js";
import type { SheetView } from "../../grid/sheet-view.js";
import type { Severity } from "../../findings/types.js";
import { figureAt, type OrgSummaryTable } from "../../detect/org-summary.js";
import type { HeaderCell } from "../../detect/header-cells.js";
import { maxOf } from "../../util/append-all.js";

/**
 * The arithmetic a summary of organisations states about itself: its 合计 row is the sum of the
 * branches above it, a whole (党员总数) is the sum of the parts written under 其中 beside it, and a
 * rate (缴纳率, 完成率) is its numerator over its denominator as the clerk rounded it.
 */
export type SaySummary = (code: string, severity: Severity, row: number, col: number, args: Record<string, string | number>, expected?: string) => void;

/** A rate column, with the columns it divides. */
export interface RateColumn {
  rate: HeaderCell;
  numerator: HeaderCell;
  denominator: HeaderCell;
}

const RATE = /率|占比|比例|百分比/;
const PARTS_GROUP = /^其中/;
/** Most branches' parts add up to their whole: the parts are all of it (a partition), not a few named ones. */
const PARTITION_SHARE = 0.8;

export function isRateColumn(cell: HeaderCell): boolean {
  return RATE.test(unspacedHalfWidth(cell.path.join("")));
}

export function headerOf(cell: HeaderCell): string {
  return cell.path.join("");
}

/** A number of a figure as an integer at `scale` decimals: sums compared exactly, never in binary fractions. */
function scaled(v: number, decimals: number): number {
  return Math.round(v * 10 ** decimals);
}

/** The 合计 row against the branches above it, column by column (rates aside: see checkRates). */
export function checkTotalRow(view: SheetView, table: OrgSummaryTable, say: SaySummary): void {
  if (table.totalRow === null) return;
  for (const cell of table.columns) {
    if (isRateColumn(cell)) continue;
    const stated = figureAt(view, table.totalRow, cell.col);
    if (stated === null || stated === "text" || stated.percent) continue;
    const figures = table.rows.map((r) => figureAt(view, r.row, cell.col));
    if (figures.some((f) => f === "text" || (f !== null && f.percent))) continue;
    const numbers = figures.flatMap((f) => (f === null || f === "text" ? [] : [f]));
    if (numbers.length === 0) continue;
    const decimals = Math.max(stated.decimals, maxOf(numbers.map((f) => f.decimals)));
    const sum = numbers.reduce((a, f) => a + scaled(f.value, decimals), 0);
    const value = scaled(stated.value, decimals);
    if (sum === value) continue;
    const d = money(cell) ? 2 : decimals;
    say("derived.totalMismatch", "error", table.totalRow, cell.col, { field: headerOf(cell), label: "合计", value: fixed(value / 10 ** decimals, d), expected: fixed(sum / 10 ** decimals, d), rows: table.rows.length }, fixed(sum / 10 ** decimals, d));
  }
}

function money(cell: HeaderCell): boolean {
  return /元|党费|金额|应缴|实缴|上缴/.test(cell.path.join(""));
}

function fixed(v: number, decimals: number): string {
  return v.toFixed(decimals);
}

/**
 * A whole and the parts under the 其中 heading right of it (党员总数 | 其中：在职 离退休 农民 …):
 * where most branches' parts add up to their whole, each branch's must. The 合计 row is judged by
 * its sums, not again here.
 */
export function wholesAndParts(table: OrgSummaryTable): { whole: HeaderCell; parts: HeaderCell[] }[] {
  const out: { whole: HeaderCell; parts: HeaderCell[] }[] = [];
  const cols = table.columns;
  for (let i = 0; i + 1 < cols.length; i++) {
    const whole = cols[i]!;
    if (PARTS_GROUP.test(unspacedHalfWidth(whole.group)) || whole.path.length !== 1) continue;
    const parts: HeaderCell[] = [];
    for (let j = i + 1; j < cols.length && cols[j]!.col === whole.col + parts.length + 1 && PARTS_GROUP.test(unspacedHalfWidth(cols[j]!.group)); j++) parts.push(cols[j]!);
    if (parts.length >= 2) out.push({ whole, parts });
  }
  return out;
}

export function checkParts(view: SheetView, table: OrgSummaryTable, say: SaySummary): void {
  for (const { whole, parts } of wholesAndParts(table)) {
    const rows = table.rows.flatMap((r) => {
      const w = figureAt(view, r.row, whole.col);
      if (w === null || w === "text") return [];
      const ps = parts.map((p) => figureAt(view, r.row, p.col));
      if (ps.some((p) => p === "text")) return [];
      const sum = ps.reduce((a, p) => a + (p === null || p === "text" ? 0 : p.value), 0);
      return [{ row: r.row, whole: w.value, sum, ps }];
    });
    const agree = rows.filter((r) => Math.abs(r.whole - r.sum) < 1e-9).length;
    if (rows.length < 2 || agree < PARTITION_SHARE * rows.length) continue;
    for (const r of rows) {
      if (Math.abs(r.whole - r.sum) < 1e-9) continue;
      const terms = r.ps.map((p) => (p === null || p === "text" ? "0" : String(p.value))).join(" + ");
      say("summary.partsMismatch", "error", r.row, whole.col, { field: headerOf(whole), value: r.whole, parts: parts.map((p) => p.leaf).join("、"), terms, expected: r.sum }, String(r.sum));
    }
  }
}

/**
 * Each rate against its numerator over its denominator, to the decimals written (98.5% is right
 * for anything from 98.45% to 98.55%). A rate written as a fraction (0.985) is read either way. On
 * the 合计 row the rate may be of the totals as written or of the branches' sums.
 */
export function checkRates(view: SheetView, table: OrgSummaryTable, rates: RateColumn[], say: SaySummary): void {
  for (const { rate, numerator, denominator } of rates) {
    for (const r of table.rows) {
      const n = figureAt(view, r.row, numerator.col);
      const d = figureAt(view, r.row, denominator.col);
      if (n === null || d === null || n === "text" || d === "text") continue;
      judgeRate(view, r.row, rate, [n.value], d.value, numerator, denominator, say);
    }
    if (table.totalRow === null) continue;
    const n = figureAt(view, table.totalRow, numerator.col);
    const d = figureAt(view, table.totalRow, denominator.col);
    const sums = [numerator, denominator].map((c) => table.rows.reduce((a, r) => {
      const f = figureAt(view, r.row, c.col);
      return a + (f === null || f === "text" ? 0 : f.value);
    }, 0));
    if (n === null || d === null || n === "text" || d === "text") continue;
    judgeRate(view, table.totalRow, rate, [n.value, sums[0]!], d.value, numerator, denominator, say, sums[1]!);
  }
}

function judgeRate(view: SheetView, row: number, rate: HeaderCell, numerators: number[], denominator: number, num: HeaderCell, den: HeaderCell, say: SaySummary, otherDenominator?: number): void {
  const stated = figureAt(view, row, rate.col);
  if (stated === null || stated === "text") return;
  const readings = stated.percent ? [{ value: stated.value, decimals: stated.decimals }] : [{ value: stated.value, decimals: stated.decimals }, { value: stated.value * 100, decimals: Math.max(0, stated.decimals - 2) }];
  const pairs: [number, number][] = numerators.map((n, i) => [n, i > 0 && otherDenominator !== undefined ? otherDenominator : denominator]);
  const judged = pairs.filter(([, d]) => d > 0);
  if (judged.length === 0) return;
  const exact = judged.map(([n, d]) => (100 * n) / d);
  const fits = readings.some((rd) => judged.some(([n, d]) => rateDisagrees({ percent: rd.value, decimals: rd.decimals }, n, d) === null));
  if (fits) return;
  const decimals = stated.percent ? stated.decimals : readings[1]!.decimals;
  const expected = `${halfUp(exact[0]!, decimals)}%`;
  const written = typeof view.value(row, rate.col) === "string" ? String(view.value(row, rate.col)).trim() : `${readings[readings.length - 1]!.value.toFixed(decimals)}%`;
  say("summary.rateMismatch", "error", row, rate.col, { field: headerOf(rate), value: written, numerator: headerOf(num), denominator: headerOf(den), expected }, expected);
}

/** Half-up at `decimals`, in integers: 92.2967 → "92.3". */
function halfUp(v: number, decimals: number): string {
  const s = 10 ** decimals;
  return (Math.floor(v * s + 0.5 + 1e-9) / s).toFixed(decimals);
}
