import { findElements } from "./xml-text.js";
import { isDateFormat } from "./date-format.js";

/**
 * Excel's built-in number formats that a workbook may use by id without writing them out (the
 * table SheetJS keeps, so both readers give a cell the same format).
 */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "m/d/yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: "m/d/yy h:mm",
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00;(#,##0.00)",
  40: "#,##0.00;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
  56: '"上午/下午 "hh"時"mm"分"ss"秒 "',
};

/** What a cell style (`s` attribute, an index into `cellXfs`) says about the cell's number format. */
export interface CellFormats {
  /** Per style: the format text, or null for General (and for a format id the workbook never defines). */
  format: (string | null)[];
  /** Per style: whether that format shows a date or time. */
  isDate: boolean[];
}

/** `xl/styles.xml` (its text) → the number format of every cell style. */
export function readCellFormats(stylesXml: string | null): CellFormats {
  const out: CellFormats = { format: [], isDate: [] };
  if (!stylesXml) return out;
  const table: Record<number, string> = { ...BUILTIN_FORMATS };
  const numFmts = findElements(stylesXml, "numFmts")[0];
  for (const f of numFmts ? findElements(numFmts.inner, "numFmt") : []) {
    const id = Number.parseInt(f.attrs.numFmtId ?? "", 10);
    if (Number.isFinite(id) && f.attrs.formatCode !== undefined) table[id] = f.attrs.formatCode;
  }
  const cellXfs = findElements(stylesXml, "cellXfs")[0];
  for (const xf of cellXfs ? findElements(cellXfs.inner, "xf") : []) {
    const id = xf.attrs.numFmtId === undefined ? 0 : Number.parseInt(xf.attrs.numFmtId, 10);
    const z = table[id];
    const format = z === undefined || z === "General" ? null : z;
    out.format.push(format);
    out.isDate.push(format !== null && isDateFormat(format));
  }
  return out;
}
