import { readAnotherWayReport } from "./sheet-report.js";
import { a1, columnLetters } from "../grid/a1.js";
import type { SheetGrid } from "../grid/types.js";
import { SheetView } from "../grid/sheet-view.js";
import { cellText } from "../detect/header-cells.js";
import { readItemScoreSheet, type ItemScoreSheet } from "../detect/item-score-sheet.js";
import { renderMessage } from "../findings/render.js";
import type { ColumnReport, Finding, Lang, SheetReport } from "../findings/types.js";
import { DEFAULT_RULE_SET } from "../ruleset/default.js";
import { BUILTIN_TEMPLATES } from "../template/builtin/index.js";
import { checkItemScores } from "../rules/yearly/item-scores.js";
import type { CheckOptions } from "./options.js";

/**
 * A sheet no ledger fits that is one organisation's 百分制 score sheet, its items down the rows:
 * checked as a 党组织考核 by its items, 小计, 合计 and grade. Null when the sheet is none (a 考核细则
 * with no scores, a plan): it then stays unrecognised, never clean.
 */
export function checkItemScoreSheet(sheet: SheetGrid, opts: CheckOptions, unrecognised: SheetReport): { report: SheetReport; findings: Finding[] } | null {
  if (opts.template) return null;
  const template = (opts.templates ?? BUILTIN_TEMPLATES).find((t) => t.kind === "organisation-assessment");
  if (!template) return null;
  const read = readItemScoreSheet(sheet, opts.fileName);
  if (!read) return null;
  const lang = opts.lang ?? "zh";
  const ruleSet = opts.ruleSet ?? DEFAULT_RULE_SET;
  const rules = { fullMarks: ruleSet.deductions.base, grades: ruleSet.organisationAssessment.grades, bands: ruleSet.organisationAssessment.bands };
  const findings: Finding[] = [];
  checkItemScores(read, rules, lang, (code, severity, row, col, args, expected) =>
    findings.push({ code, severity, sheet: sheet.name, cell: a1(row, col), row: row + 1, column: columnLetters(col), period: null, message: renderMessage(code, lang, args), args, ...(expected !== undefined ? { expected } : {}) }),
  );
  findings.sort((a, b) => (a.row ?? 0) - (b.row ?? 0) || a.cell!.localeCompare(b.cell!));
  return { report: reportOf(new SheetView(sheet), read, template, unrecognised, lang), findings };
}

function reportOf(view: SheetView, read: ItemScoreSheet, template: { kind: string; id: string; version: number }, unrecognised: SheetReport, lang: Lang): SheetReport {
  const zh = lang === "zh";
  const column = (col: number, field: string, fieldTitle: string): ColumnReport => ({ column: columnLetters(col), header: cellText(view, read.headerRow, col), field, fieldTitle, confidence: 0.9, source: "both" });
  const columns: ColumnReport[] = [
    ...read.labelCols.map((c) => column(c, "item", zh ? "考核项目" : "Item")),
    column(read.pointsCol, "points", zh ? "分值" : "Points"),
    ...(read.deductedCol === null ? [] : [column(read.deductedCol, "deduction", zh ? "扣分" : "Points deducted")]),
    ...(read.scoreCol === null ? [] : [column(read.scoreCol, "score", zh ? "得分" : "Score")]),
    ...(read.noteCol === null ? [] : [column(read.noteCol, "note", zh ? "扣分说明" : "Why deducted")]),
  ];
  const items = read.rows.filter((r) => r.role === "item").length;
  const reason = zh
    ? "一个党组织的百分制考核评分表（考核项目逐行列出）：各项得分、扣分说明、小计、合计、分值总和和考核等次逐项核对"
    : "One organisation's 100-point score sheet, items down the rows: each item's score, the reasons given for deductions, subtotals, the total, the full marks and the grade checked";
  return readAnotherWayReport(unrecognised, template, read.headerRow, columns, items, reason);
}
