import type { SheetView } from "../../grid/sheet-view.js";
import { unspacedHalfWidth } from "../../normalise/text.js";
import type { HeaderCell } from "../../detect/header-cells.js";
import { figureAt, type OrgSummaryTable } from "../../detect/org-summary.js";
import type { RuleSet } from "../../ruleset/schema.js";
import { resolveDuesCategory } from "../../scoring/dues.js";
import { fenToYuanText, yuanToFen } from "../../scoring/money.js";
import { checkParts, checkRates, checkTotalRow, headerOf, isRateColumn, wholesAndParts, type SaySummary } from "./arithmetic.js";

/**
 * A 党委's dues summary, one row per branch: 应缴 and 实缴 for the period, 缴纳率, often the share
 * passed up (上缴县委组织部) and the branch's members by category under 其中. Beside the sheet's
 * arithmetic, two rules: what is passed up is the share its own 注 states (local practice: a
 * warning), and a branch whose members all pay a fixed or capped amount (农民 at most 1.00 a month,
 * 学生 0.20 by the rule set) cannot owe more than that for the months the sheet covers.
 */
export interface DuesSummaryColumns {
  due: HeaderCell;
  paid: HeaderCell;
  rate: HeaderCell | null;
  remitted: HeaderCell | null;
}

const DUE = /应缴|应交/;
const PAID = /实缴|实交|已缴|已交/;
const REMIT = /上缴|上交|上解/;
/** The sheet's own share passed up: 按实缴党费的50%上缴, 上缴比例50%, 上缴（50%）. */
const SHARE = [/(应缴|实缴|应交|实交)?[^，；。;,\d]{0,8}?(\d{1,3}(?:\.\d+)?)\s*%\s*上[缴交解]/, /上[缴交解][^，；。;,\d]{0,12}?(\d{1,3}(?:\.\d+)?)\s*%/];
const QUARTER = /季度/;
const HALF_YEAR = /上半年|下半年/;

export function duesSummaryColumns(table: OrgSummaryTable): DuesSummaryColumns | null {
  const find = (re: RegExp) => table.columns.find((c) => re.test(unspacedHalfWidth(headerOf(c))) && !isRateColumn(c)) ?? null;
  const due = find(DUE);
  const paid = find(PAID);
  if (!due || !paid || due === paid) return null;
  const rate = table.columns.find((c) => isRateColumn(c) && /缴纳|交纳|收缴|缴费/.test(unspacedHalfWidth(headerOf(c)))) ?? null;
  const remitted = table.columns.find((c) => REMIT.test(unspacedHalfWidth(headerOf(c))) && !isRateColumn(c) && c !== due && c !== paid) ?? null;
  return { due, paid, rate, remitted };
}

export function checkDuesSummary(view: SheetView, table: OrgSummaryTable, cols: DuesSummaryColumns, rules: RuleSet["dues"], say: SaySummary): void {
  checkTotalRow(view, table, say);
  checkParts(view, table, say);
  if (cols.rate) checkRates(view, table, [{ rate: cols.rate, numerator: cols.paid, denominator: cols.due }], say);
  if (cols.remitted) checkRemitted(view, table, cols, cols.remitted, rules, say);
  checkCappedCategories(view, table, cols, rules, say);
}

/** The share passed up, as the sheet's 注 or the column's header states it; null when it says none. */
function statedShare(table: OrgSummaryTable, remitted: HeaderCell): { share: number; of: "due" | "paid" } | null {
  for (const text of [headerOf(remitted), ...table.footnotes, ...table.titles]) {
    for (const part of text.split(/[；;。\n]/)) {
      const first = SHARE[0]!.exec(part);
      if (first) return { share: Number(first[2]) / 100, of: /应/.test(first[1] ?? "") ? "due" : "paid" };
      const second = SHARE[1]!.exec(part);
      if (second) return { share: Number(second[1]) / 100, of: /应缴|应交/.test(part) ? "due" : "paid" };
    }
  }
  return null;
}

function checkRemitted(view: SheetView, table: OrgSummaryTable, cols: DuesSummaryColumns, remitted: HeaderCell, rules: RuleSet["dues"], say: SaySummary): void {
  const stated = statedShare(table, remitted);
  if (!stated) return;
  const basis = stated.of === "due" ? cols.due : cols.paid;
  const percent = Math.round(stated.share * 10000) / 100;
  for (const r of table.rows) {
    const b = fenOf(view, r.row, basis.col);
    const up = fenOf(view, r.row, remitted.col);
    if (b === null || up === null) continue;
    // Half-up to the fen, in integers: 50% of 406.81 is 203.41.
    const basisPoints = Math.round(percent * 100);
    const expected = Math.floor((b * basisPoints + 5000) / 10_000);
    if (Math.abs(up - expected) <= rules.toleranceFen) continue;
    say("summary.remitShare", "warning", r.row, remitted.col, { field: headerOf(remitted), value: fenToYuanText(up), basis: headerOf(basis), share: String(percent), expected: fenToYuanText(expected) }, fenToYuanText(expected));
  }
}

function fenOf(view: SheetView, row: number, col: number): number | null {
  const f = figureAt(view, row, col);
  if (f === null || f === "text" || f.percent) return null;
  return yuanToFen(f.value);
}

/**
 * A branch all of whose members are in categories of a fixed or capped amount: 应缴 at most the
 * members × the cap × the months the sheet covers (a year, unless its title says a quarter or half).
 */
function checkCappedCategories(view: SheetView, table: OrgSummaryTable, cols: DuesSummaryColumns, rules: RuleSet["dues"], say: SaySummary): void {
  const months = monthsCovered(table);
  for (const { parts } of wholesAndParts(table)) {
    const caps = parts.map((p) => {
      const key = p.leaf.trim() === "" ? null : resolveDuesCategory(p.leaf, rules);
      const cat = key === null ? undefined : rules.categories[key];
      if (!cat) return { part: p, capFen: null as number | null, name: p.leaf };
      const capYuan = cat.kind === "fixed" ? cat.amountYuan : cat.kind === "range" ? cat.maxYuan : cat.kind === "exempt" ? 0 : null;
      return { part: p, capFen: capYuan === null ? null : yuanToFen(capYuan), name: key! };
    });
    if (caps.every((c) => c.capFen === null)) continue;
    for (const r of table.rows) {
      const counts = caps.map((c) => {
        const f = figureAt(view, r.row, c.part.col);
        return f === null ? 0 : f === "text" ? NaN : f.value;
      });
      if (counts.some((n) => Number.isNaN(n)) || counts.every((n) => n === 0)) continue;
      // Only where every member present is in a capped category.
      if (caps.some((c, i) => counts[i]! > 0 && c.capFen === null)) continue;
      const due = fenOf(view, r.row, cols.due.col);
      if (due === null) continue;
      const max = caps.reduce((a, c, i) => a + counts[i]! * c.capFen! * months, 0);
      if (due <= max) continue;
      const who = caps.flatMap((c, i) => (counts[i]! > 0 ? [`${c.name} ${counts[i]} 名`] : [])).join("、");
      say("summary.cappedDues", "error", r.row, cols.due.col, { field: headerOf(cols.due), value: fenToYuanText(due), who, months, expected: fenToYuanText(max) }, fenToYuanText(max));
    }
  }
}

function monthsCovered(table: OrgSummaryTable): number {
  const title = table.titles.join(" ");
  if (QUARTER.test(title)) return 3;
  if (HALF_YEAR.test(title)) return 6;
  return 12;
}
