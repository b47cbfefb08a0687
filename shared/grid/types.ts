/**
 * The grid: what every host hands to the engine. It is plain JSON so the task pane
 * can post it to the Worker unchanged, and the xlsx reader, the Office.js adapter and
 * the tests all produce the same shape.
 */

/** An Excel error value such as #REF! or #N/A, kept distinct from text that happens to look like one. */
export interface CellError {
  error: string;
}

/** A cell as read: Excel dates arrive as serial numbers (with a date number format) or as text. */
export type CellValue = string | number | boolean | null | CellError;

/** A rectangle in 0-based sheet coordinates, inclusive on both ends. */
export interface CellRange {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** An Excel drop-down list (data validation of type list) found on the sheet. */
export interface ListValidation {
  ranges: CellRange[];
  values: string[];
}

export interface SheetGrid {
  name: string;
  /** Row-major values; values[i][j] is the cell at sheet row origin.row+i, column origin.col+j. Rows may be ragged. */
  values: CellValue[][];
  /** 0-based sheet position of values[0][0]; the used range of a sheet need not start at A1. */
  origin?: { row: number; col: number };
  /** Number formats parallel to values where known (tells a date serial from a plain number). */
  numberFormats?: (string | null)[][];
  merges?: CellRange[];
  validations?: ListValidation[];
  /** The sheet itself is hidden (a store of drop-down options). */
  hidden?: boolean;
  /**
   * 0-based sheet rows and columns the clerk hid, ascending. A hidden row is still read and checked
   * cell by cell; a count the sheet states (合计：党员22人) may leave it out (docs/ENGINE-CONTRACT.md).
   */
  hiddenRows?: number[];
  hiddenCols?: number[];
  /**
   * The host could not tell which rows are hidden (Excel before ExcelApi 1.9 with some rows hidden):
   * hiddenRows is then absent, every row counts as visible, and the host says so to the clerk.
   */
  hiddenRowsUnknown?: boolean;
}

/** A text file's encoding as detected (UTF-8 with or without a byte-order mark, GBK/GB18030, UTF-16). */
export type TextEncodingName = "UTF-8" | "UTF-8-BOM" | "GBK" | "GB18030" | "UTF-16LE" | "UTF-16BE";

/** What file a grid was read from, so every host can say it (「CSV 文本，GBK 编码，逗号分隔」). */
export interface GridSource {
  format: "xlsx" | "xls" | "et" | "ods" | "csv";
  /** BIFF version of an .xls or .et: 8 = Excel 97–2003, 5 = Excel 5.0/95. */
  biff?: 5 | 8;
  encoding?: TextEncodingName;
  /** The delimiter of a text file: ",", ";", "\t" or "|". */
  delimiter?: string;
  /** The file's extension when it says another format than its content (a CSV saved under .xls). */
  namedAs?: string;
}

export interface WorkbookGrid {
  sheets: SheetGrid[];
  source?: GridSource;
}

export function isCellError(v: CellValue): v is CellError {
  return typeof v === "object" && v !== null && "error" in v;
}
