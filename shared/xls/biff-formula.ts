import { areaText, biff8Chars, u16 } from "./biff-bytes.js";

/**
 * The few parsed-formula tokens ([MS-XLS] 2.5.198) a drop-down list or a defined name
 * uses, turned into the formula text an .xlsx carries, so both formats share one list
 * resolver (shared/xlsx/list-source.ts). Anything else (functions, INDIRECT) is null:
 * a list we cannot evaluate is left out rather than guessed.
 */
export interface SheetRefContext {
  /** The sheet an EXTERNSHEET index points at, when it is this workbook's. */
  sheetOf(ixti: number): string | null;
  /** A defined name by its 1-based index. */
  nameOf(index: number): string | null;
}

const PTG_STR = 0x17;
const PTG_NAME = 0x03;
const PTG_REF = 0x04;
const PTG_AREA = 0x05;
const PTG_REFN = 0x0c;
const PTG_AREAN = 0x0d;
const PTG_REF3D = 0x1a;
const PTG_AREA3D = 0x1b;


/** An explicit list (ptgStr with the values separated by NUL) as Excel's quoted list text. */
export function listFormulaText(rgce: Uint8Array): string | null {
  if (rgce.length < 3 || rgce[0] !== PTG_STR) return null;
  const cch = rgce[1]!;
  const high = (rgce[2]! & 1) === 1;
  if (3 + cch * (high ? 2 : 1) > rgce.length) return null;
  const values = biff8Chars(rgce, 3, cch, high).split("\0");
  return `"${values.join(",").replace(/"/g, '""')}"`;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'!`;
}

/** A range, a range on another sheet, or a defined name, as formula text; null for anything else. */
export function refFormulaText(rgce: Uint8Array, refs: SheetRefContext): string | null {
  if (rgce.length < 3) return null;
  const t = rgce[0]!;
  const base = t >= 0x20 ? t & 0x1f : t;
  const col = (p: number) => u16(rgce, p) & 0x3fff;
  switch (base) {
    case PTG_REF:
    case PTG_REFN:
      return rgce.length >= 5 ? areaText(u16(rgce, 1), u16(rgce, 1), col(3), col(3), true) : null;
    case PTG_AREA:
    case PTG_AREAN:
      return rgce.length >= 9 ? areaText(u16(rgce, 1), u16(rgce, 3), col(5), col(7), true) : null;
    case PTG_REF3D: {
      const sheet = rgce.length >= 7 ? refs.sheetOf(u16(rgce, 1)) : null;
      return sheet === null ? null : quoteSheet(sheet) + areaText(u16(rgce, 3), u16(rgce, 3), col(5), col(5), true);
    }
    case PTG_AREA3D: {
      const sheet = rgce.length >= 11 ? refs.sheetOf(u16(rgce, 1)) : null;
      return sheet === null ? null : quoteSheet(sheet) + areaText(u16(rgce, 3), u16(rgce, 5), col(7), col(9), true);
    }
    case PTG_NAME:
      return refs.nameOf(u16(rgce, 1));
    default:
      return null;
  }
}
