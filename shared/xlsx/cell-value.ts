import * as XLSX from "@e965/xlsx";
import type { CellValue } from "../grid/types.js";

// SheetJS keeps error cells as BIFF error codes; its own table is not exported.
const ERROR_TEXT: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

// Serial of 1904-01-01 in the 1900 system: 1904-system workbooks are shifted so every host sees 1900 serials.
const DATE1904_OFFSET = 1462;

/** A SheetJS cell → the grid's plain value. Rich text arrives as its plain text in `v`. */
export function toCellValue(cell: XLSX.CellObject | undefined, date1904: boolean): CellValue {
  if (!cell) return null;
  switch (cell.t) {
    case "n": {
      const v = cell.v as number;
      if (date1904 && typeof cell.z === "string" && XLSX.SSF.is_date(cell.z)) return v + DATE1904_OFFSET;
      return v;
    }
    case "s":
      return typeof cell.v === "string" ? cell.v : cell.v == null ? null : String(cell.v);
    case "b":
      return cell.v === true;
    case "e":
      return { error: cell.w ?? ERROR_TEXT[cell.v as number] ?? "#VALUE!" };
    case "d":
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v);
    default:
      return null; // "z": a stub without a value
  }
}

export { cellText } from "./cell-text.js";
