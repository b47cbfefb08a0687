import type ExcelJS from "exceljs";
import type { Finding, Lang, SheetReport } from "../findings/types.js";
import { findingLocation } from "../findings/location.js";
import { SEVERITY_FILL } from "./mark-cells.js";
import { exportText, severityLabel } from "./texts.js";

function uniqueSheetName(wb: ExcelJS.Workbook, base: string): string {
  let name = base;
  for (let i = 2; wb.getWorksheet(name); i++) name = `${base} (${i})`;
  return name;
}

/** Quotes a sheet name for a link target: 'It''s'!A1. */
const linkTo = (sheet: string, cell: string) => `#'${sheet.replace(/'/g, "''")}'!${cell}`;

/**
 * Adds a "检查结果" sheet listing every finding, so sheet-level ones (a month without a
 * meeting, a missing column) have a place too. Cell findings link to their cell. Sheets that
 * were not checked are listed as such, and "no problems" is said only when some sheet was checked.
 */
export function addResultsSheet(wb: ExcelJS.Workbook, findings: readonly Finding[], lang: Lang, sheets: readonly SheetReport[] = []): ExcelJS.Worksheet {
  const t = exportText(lang);
  const ws = wb.addWorksheet(uniqueSheetName(wb, t.resultsSheet));
  ws.columns = [
    { header: t.columns[0], width: 18 },
    { header: t.columns[1], width: 12 },
    { header: t.columns[2], width: 10 },
    { header: t.columns[3], width: 70 },
    { header: t.columns[4], width: 30 },
    { header: t.columns[5], width: 26 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const f of findings) {
    const where = findingLocation(f);
    const row = ws.addRow([
      f.sheet,
      f.cell ? { text: where, hyperlink: linkTo(f.sheet, f.cell) } : where,
      severityLabel(f.severity, lang),
      f.message,
      f.expected ?? "",
      f.code,
    ]);
    row.getCell(3).fill = { type: "pattern", pattern: "solid", fgColor: { argb: SEVERITY_FILL[f.severity] } };
    row.getCell(4).alignment = { wrapText: true, vertical: "top" };
  }
  // An older report may carry no status: only an explicit unrecognised/skipped sheet counts as unchecked.
  const unchecked = sheets.filter((s) => s.status === "unrecognised" || s.status === "skipped");
  for (const s of unchecked) ws.addRow([s.sheet, "", "", t.unchecked(s.sheet, t.why[s.skipReason ?? s.status] ?? s.status)]);
  const anyChecked = sheets.length === 0 || unchecked.length < sheets.length;
  if (findings.length === 0 && anyChecked) ws.addRow(["", "", "", t.noProblems]);
  ws.views = [{ state: "frozen", ySplit: 1 }];
  ws.autoFilter = { from: "A1", to: "F1" };
  return ws;
}
