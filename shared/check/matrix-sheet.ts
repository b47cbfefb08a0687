import { transposeGrid } from "../grid/transpose.js";
import type { SheetGrid } from "../grid/types.js";
import { monthsDownFirstColumns, unfoldMeetingMatrix, type UnfoldedMatrix } from "../detect/meeting-matrix.js";
import { unfoldMonthRows } from "../detect/month-rows.js";
import { unfoldAttendanceMatrix } from "../detect/attendance-matrix.js";
import { DEFAULT_RULE_SET } from "../ruleset/default.js";
import { BUILTIN_TEMPLATES } from "../template/builtin/index.js";
import { prepareSheet, type PreparedSheet } from "./check-sheet.js";
import type { CheckOptions } from "./options.js";
import { SheetView } from "../grid/sheet-view.js";
import { cellText } from "../detect/header-cells.js";
import { FOREIGN_KINDS } from "../detect/foreign-kinds.js";
import { cleanFileName } from "../detect/sheet-context.js";

/** A table of meetings to come (2026年支部工作计划, 三会一课安排表) is a plan, not a register of those held. */
const PLAN_WORDS = ["计划", "安排表", "安排"];

/**
 * A sheet no ledger fits read as a 三会一课 matrix (types down, months across; or months down, read
 * transposed; or one row a month with a day and its meetings in each cell): unfolded into one row per meeting and read as the meetings register. Its report is
 * a recognised register's, not one a clerk forced; null when the sheet is no such matrix.
 */
export function prepareMeetingMatrix(sheet: SheetGrid, opts: CheckOptions): { prepared: PreparedSheet; matrix: UnfoldedMatrix; transposed: boolean } | null {
  if (opts.template) return null;
  const register = (opts.templates ?? BUILTIN_TEMPLATES).find((t) => t.kind === "meetings");
  if (!register) return null;
  const rules = (opts.ruleSet ?? DEFAULT_RULE_SET).meetings;
  let transposed = false;
  let matrix: UnfoldedMatrix | null = null;
  if (!notARegister(sheet, opts.fileName ?? "")) {
    matrix = unfoldMeetingMatrix(sheet, rules);
    if (!matrix && monthsDownFirstColumns(sheet)) {
      matrix = unfoldMeetingMatrix(transposeGrid(sheet), rules);
      transposed = matrix !== null;
    }
    // One row a month, each cell a day and what was held (`7日 支委会`).
    if (!matrix) matrix = unfoldMonthRows(sheet, rules);
  }
  // Members' √ × ○ under each meeting's day and type: its own header names the meetings, so a
  // 签到 in the sheet's name (a training's sign-in sheet elsewhere) does not make it a look-alike.
  if (!matrix && !namedAPlan(sheet, opts.fileName ?? "")) matrix = unfoldAttendanceMatrix(sheet, rules);
  if (!matrix) return null;
  const p = prepareSheet(matrix.grid, { ...opts, template: { id: register.id, version: register.version } });
  if (p.done || !p.sheet.layout.columns.some((c) => register.fields[c.fieldIndex]?.name === "date")) return null;
  return { prepared: { ...p.sheet, forced: false, ...(matrix.types ? { listedMeetingTypes: matrix.types } : {}) }, matrix, transposed };
}

/**
 * The sheet is no register of meetings held: its name, its file's or a banner above its table (a row
 * of one text) says it is a plan, or names a subject no Party ledger is about (积分, 就餐费: the
 * look-alikes' own words), or a cell of its first rows holds a word only such a sheet has.
 */
function notARegister(sheet: SheetGrid, fileName: string): boolean {
  const { names, cells } = banners(sheet, fileName);
  if (names.some((t) => PLAN_WORDS.some((w) => t.includes(w)))) return true;
  return FOREIGN_KINDS.some(
    (k) => names.some((t) => k.titles.some((w) => t.includes(w))) || cells.some((t) => k.decisive.some((w) => t.includes(w)) || k.headers.some(([w, weight]) => weight >= DECISIVE_WEIGHT && t.includes(w))),
  );
}

/** The sheet's name, its file's or a banner says it is a plan of meetings to come. */
function namedAPlan(sheet: SheetGrid, fileName: string): boolean {
  return banners(sheet, fileName).names.some((t) => PLAN_WORDS.some((w) => t.includes(w)));
}

/** The names a sheet goes by (its own, its file's, a banner's: a row of one text) and the texts of its first rows. */
function banners(sheet: SheetGrid, fileName: string): { names: string[]; cells: string[] } {
  const view = new SheetView(sheet);
  const names = [view.name, cleanFileName(fileName)];
  const cells: string[] = [];
  for (let r = view.firstRow; r < Math.min(view.rowCount, view.firstRow + BANNER_ROWS); r++) {
    const row = new Set<string>();
    for (let c = view.firstCol; c < view.colCount; c++) {
      const t = cellText(view, r, c);
      if (t !== "") row.add(t);
    }
    if (row.size === 1) for (const t of row) names.push(t);
    for (const t of row) cells.push(t);
  }
  return { names, cells };
}
/** Title and header rows stand in the first few rows. */
const BANNER_ROWS = 4;
/** A look-alike's header word this heavy (积分, 就餐) says on its own that the table is that sheet. */
const DECISIVE_WEIGHT = 3;
