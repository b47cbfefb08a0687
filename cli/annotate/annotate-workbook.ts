import ExcelJS from "exceljs";
import type { CheckReport, Lang } from "../../shared/findings/types.js";
import { addResultsSheet } from "./results-sheet.js";
import { markCells } from "./mark-cells.js";
import { liftValidations, returnValidations } from "./package-validations.js";

/**
 * The original workbook with its offending cells filled and noted and a results sheet
 * added; everything else (values, formats, drop-down lists) as it was.
 */
export async function annotateWorkbook(original: Uint8Array, report: CheckReport, lang: Lang): Promise<Uint8Array> {
  const { xlsx, stashes } = liftValidations(original);
  const wb = new ExcelJS.Workbook();
  // ExcelJS's typings want a Node Buffer; a Uint8Array view of the same bytes is what it reads.
  await wb.xlsx.load(Buffer.from(xlsx.buffer, xlsx.byteOffset, xlsx.byteLength) as unknown as ExcelJS.Buffer);
  markCells(wb, report.findings, lang);
  addResultsSheet(wb, report.findings, lang);
  const written = new Uint8Array(await wb.xlsx.writeBuffer());
  return returnValidations(written, stashes);
}
