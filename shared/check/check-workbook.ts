import type { WorkbookGrid } from "../grid/types.js";
import type { CheckReport, Finding } from "../findings/types.js";
import type { CheckOptions } from "./options.js";
import { checkSheet, resolveAsOf } from "./check-sheet.js";
import { appendAll } from "../util/append-all.js";

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Every sheet of a workbook; findings in sheet order, then by row, with sheet-level ones last in each sheet. */
export function checkWorkbook(wb: WorkbookGrid, opts: CheckOptions = {}): CheckReport {
  resolveAsOf(opts.asOf); // a bad date fails before any sheet is read
  const report: CheckReport = { sheets: [], findings: [] };
  for (const sheet of wb.sheets) {
    const { report: sheetReport, findings } = checkSheet(sheet, opts);
    report.sheets.push(sheetReport);
    appendAll(report.findings, sortFindings(findings));
  }
  return report;
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.row ?? Infinity) - (b.f.row ?? Infinity) || SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}
