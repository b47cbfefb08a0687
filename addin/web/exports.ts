/**
 * What web mode writes for the user to keep: the edited workbook marked as --annotate marks it,
 * and the admin's 汇总 with its chart. ExcelJS is heavy, so this module is loaded on first use.
 */
import { annotateWorkbook, type CellEdit } from "../../shared/export/annotate-workbook.js";
import { summaryWorkbook, type SummaryTableInput } from "../../shared/export/summary-workbook.js";
import type { CheckOptions } from "../../shared/check/options.js";
import type { WorkbookGrid } from "../../shared/grid/types.js";
import { checkWorkbook } from "../../shared/index.js";

export async function annotatedCopy(original: Uint8Array, workbook: WorkbookGrid, edits: readonly CellEdit[], options: CheckOptions): Promise<Uint8Array> {
  const report = checkWorkbook(workbook, options);
  return annotateWorkbook(original, report, options.lang ?? "zh", edits);
}

export function summaryFile(table: SummaryTableInput): Promise<Uint8Array> {
  return summaryWorkbook(table);
}
