import ExcelJS from "exceljs";
import type { CheckReport, Lang } from "../findings/types.js";
import type { CellValue } from "../grid/types.js";
import { addResultsSheet } from "./results-sheet.js";
import { markCells } from "./mark-cells.js";
import { liftValidations, returnValidations } from "./package-validations.js";

/** A value typed into a cell after the workbook was read (the pane's edits and 改为应为值). */
export interface CellEdit {
  sheet: string;
  /** A1 address. */
  cell: string;
  value: CellValue;
}

function excelValue(v: CellValue): ExcelJS.CellValue {
  if (v === null) return null;
  if (typeof v === "object") return { error: v.error } as ExcelJS.CellErrorValue;
  return v;
}

/**
 * The original workbook with the edits typed in, its offending cells filled and noted and a
 * results sheet added; everything else (values, formats, drop-down lists) as it was. Runs in
 * Node (the CLI's --annotate) and in the browser (web mode's 下载).
 */
export async function annotateWorkbook(original: Uint8Array, report: CheckReport, lang: Lang, edits: readonly CellEdit[] = []): Promise<Uint8Array> {
  const { xlsx, stashes } = liftValidations(original);
  const wb = new ExcelJS.Workbook();
  // ExcelJS's typings want a Node Buffer; it reads any Uint8Array (JSZip underneath), in Node and in the browser.
  await wb.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  for (const e of edits) {
    const ws = wb.getWorksheet(e.sheet);
    if (ws) ws.getCell(e.cell).value = excelValue(e.value);
  }
  markCells(wb, report.findings, lang);
  addResultsSheet(wb, report.findings, lang, report.sheets);
  const written = new Uint8Array(await wb.xlsx.writeBuffer());
  return returnValidations(written, stashes);
}
