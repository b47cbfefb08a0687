import type { SheetView } from "../../grid/sheet-view.js";
import { unspacedHalfWidth } from "../../normalise/text.js";
import type { HeaderCell } from "../../detect/header-cells.js";
import { figureAt, type OrgSummaryTable } from "../../detect/org-summary.js";
import { checkParts, checkRates, checkTotalRow, headerOf, isRateColumn, type SaySummary } from "./arithmetic.js";

/**
 * A 党委's 发展党员 plan against what was done, one row per branch: 年度计划数, 实际发展数 and
 * counts of those admitted (其中女, 35岁及以下), 完成率. The sheet's arithmetic, each count of
 * those admitted at most the admitted, and — where the book lists those admitted by branch — the
 * branch's 实际发展数 against the list: then the list says whether a row or the 合计 is wrong.
 */
export interface DevelopmentPlanColumns {
  planned: HeaderCell;
  done: HeaderCell;
  rate: HeaderCell | null;
  /** Counts of some of those admitted (其中女, 35岁及以下, 少数民族). */
  subsets: HeaderCell[];
}

/** Those admitted, per branch, as the book's list of them gives. */
export interface AdmittedList {
  sheet: string;
  byBranch: Map<string, number>;
}

const PLANNED = /计划(?:数|发展数|发展|人数)|计划指标|指标数/;
const DONE = /实际(?:发展)?(?:数|人数)?|已发展|完成数|发展数/;
const ADMISSION = /发展党员|发展/;
const SUBSET = /^其中|岁以下|岁及以下|少数民族|女$|大专|一线|农民|学生/;

export function developmentPlanColumns(table: OrgSummaryTable): DevelopmentPlanColumns | null {
  const planned = table.columns.find((c) => PLANNED.test(unspacedHalfWidth(headerOf(c))) && !isRateColumn(c));
  const done = table.columns.find((c) => c !== planned && DONE.test(unspacedHalfWidth(headerOf(c))) && !PLANNED.test(unspacedHalfWidth(headerOf(c))) && !isRateColumn(c));
  // A plan of admissions says so: 发展 in its headers or its title (not a plan of study or spending).
  const says = [...table.titles, ...table.columns.map(headerOf)].some((t) => ADMISSION.test(t));
  if (!planned || !done || !says) return null;
  const rate = table.columns.find((c) => isRateColumn(c) && /完成/.test(unspacedHalfWidth(headerOf(c)))) ?? null;
  const subsets = table.columns.filter((c) => c.col > done.col && c !== rate && SUBSET.test(unspacedHalfWidth(c.leaf)));
  return { planned, done, rate, subsets };
}

export function checkDevelopmentPlan(view: SheetView, table: OrgSummaryTable, cols: DevelopmentPlanColumns, list: AdmittedList | null, say: SaySummary): void {
  const wrongRows = list ? checkAgainstList(view, table, cols, list, say) : new Set<number>();
  // A row the list shows wrong is what makes its 合计 disagree: the 合计 that agrees with the list is right.
  const listTotal = list ? [...list.byBranch.values()].reduce((a, b) => a + b, 0) : null;
  const total = table.totalRow === null ? null : figureAt(view, table.totalRow, cols.done.col);
  const totalAgrees = wrongRows.size > 0 && total !== null && total !== "text" && total.value === listTotal;
  checkTotalRow(view, table, (code, severity, row, col, args, expected) => {
    if (totalAgrees && col === cols.done.col) return;
    say(code, severity, row, col, args, expected);
  });
  checkParts(view, table, say);
  if (cols.rate) checkRates(view, table, [{ rate: cols.rate, numerator: cols.done, denominator: cols.planned }], (code, severity, row, col, args, expected) => {
    // A rate worked out from a row's wrong count is said once, at the count.
    if (wrongRows.has(row) || (totalAgrees && row === table.totalRow)) return;
    say(code, severity, row, col, args, expected);
  });
  for (const r of table.rows) {
    const done = figureAt(view, r.row, cols.done.col);
    if (done === null || done === "text") continue;
    for (const s of cols.subsets) {
      const part = figureAt(view, r.row, s.col);
      if (part === null || part === "text" || part.value <= done.value) continue;
      say("summary.partAboveWhole", "error", r.row, s.col, { field: headerOf(s), value: part.value, whole: headerOf(cols.done), expected: done.value });
    }
  }
}

/** Each branch's 实际发展数 against the list's count of its admitted; the rows found wrong. */
function checkAgainstList(view: SheetView, table: OrgSummaryTable, cols: DevelopmentPlanColumns, list: AdmittedList, say: SaySummary): Set<number> {
  const wrong = new Set<number>();
  for (const r of table.rows) {
    const done = figureAt(view, r.row, cols.done.col);
    if (done === null || done === "text") continue;
    const listed = list.byBranch.get(branchKey(r.org)) ?? 0;
    if (done.value === listed) continue;
    wrong.add(r.row);
    say("summary.listMismatch", "warning", r.row, cols.done.col, { field: headerOf(cols.done), value: done.value, branch: r.org, sheet: list.sheet, expected: listed }, String(listed));
  }
  return wrong;
}

/** A branch's name as rows and lists both write it: 中共县一中支部委员会 and 县一中党支部 are one. */
export function branchKey(name: string): string {
  return unspacedHalfWidth(name)
    .replace(/^中共/, "")
    .replace(/(?:党支部|支部委员会|支部|党总支|总支部委员会)$/, "");
}
