import { readZipDirectory } from "../../shared/xlsx/zip-directory.js";
import { sniffContainer } from "../../shared/reader/sniff-format.js";
import { ApiError } from "./errors.js";

/**
 * A workbook with a macro project (.xlsm's xl/vbaProject.bin, or Excel 4.0 macro sheets) is
 * refused: the upload's bytes are kept as the submission's original, and an admin who opens
 * that copy must not be handed someone's macros. The clerk saves it as .xlsx and submits again.
 */
const MACRO_PART = /(^|\/)vbaProject\.bin$|^xl\/macrosheets\//i;

export function refuseMacros(bytes: Uint8Array): void {
  // Only a zip package (.xlsx, .xlsm) carries these parts; a CSV or an .xls is read without them.
  if (sniffContainer(bytes) !== "zip") return;
  if (!readZipDirectory(bytes).some((e) => MACRO_PART.test(e.name))) return;
  throw new ApiError(
    422,
    "xlsx_macros",
    "文件里含有宏（VBA 或宏表），不接收带宏的工作簿。请在 Excel 中“另存为”→“Excel 工作簿 (*.xlsx)”（不含宏）后再报送。",
    "The file contains macros (VBA or macro sheets); workbooks with macros are not accepted. In Excel use Save As → Excel Workbook (*.xlsx), which has no macros, and submit again.",
  );
}
