import { parseA1 } from "../grid/a1.js";
import type { CellRange } from "../grid/types.js";
import type { DefinedName } from "./package-parts.js";

/** A list's allowed values as written inline, or the range they are read from. */
export type ListSource = { kind: "inline"; values: string[] } | { kind: "range"; sheet: string; range: CellRange };

const EXCEL_MAX_ROW = 1_048_575;
const EXCEL_MAX_COL = 16_383;

/** `"a,b,c"` → ["a","b","c"]; Excel doubles a quote inside a string literal. */
function parseQuotedList(formula: string): string[] {
  const text = formula.slice(1, formula.endsWith('"') ? -1 : undefined).replace(/""/g, '"');
  return text
    .split(",")
    .map((v) => v.trim())
    .filter((v) => v !== "");
}

/** "'Sheet 2'!$A$1:$A$9" → ["Sheet 2", "$A$1:$A$9"]; no sheet → [null, ref]. */
function splitSheet(ref: string): [string | null, string] {
  const bang = ref.lastIndexOf("!");
  if (bang < 0) return [null, ref];
  let sheet = ref.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return [sheet, ref.slice(bang + 1)];
}

/** A1:B9, $A$1, whole columns A:A and whole rows 1:5, as a 0-based inclusive range. */
export function parseAreaRef(ref: string): CellRange | null {
  const [from = "", to = from] = ref.replace(/\$/g, "").split(":");
  const cols = /^([A-Za-z]{1,3})$/;
  const rows = /^(\d{1,7})$/;
  if (cols.test(from) && cols.test(to)) {
    const a = parseA1(`${from}1`)!;
    const b = parseA1(`${to}1`)!;
    return { r0: 0, c0: Math.min(a.col, b.col), r1: EXCEL_MAX_ROW, c1: Math.max(a.col, b.col) };
  }
  if (rows.test(from) && rows.test(to)) {
    const a = Number(from) - 1;
    const b = Number(to) - 1;
    return { r0: Math.min(a, b), c0: 0, r1: Math.max(a, b), c1: EXCEL_MAX_COL };
  }
  const a = parseA1(from);
  const b = parseA1(to);
  if (!a || !b) return null;
  return { r0: Math.min(a.row, b.row), c0: Math.min(a.col, b.col), r1: Math.max(a.row, b.row), c1: Math.max(a.col, b.col) };
}

/**
 * Works out where a list validation's values come from. Returns null for sources we
 * cannot evaluate without a formula engine (INDIRECT, OFFSET, external workbooks).
 */
export function resolveListSource(
  formula: string,
  currentSheet: string,
  currentSheetIndex: number,
  names: DefinedName[],
  depth = 0,
): ListSource | null {
  const f = formula.trim().replace(/^=/, "");
  if (f.startsWith('"')) return { kind: "inline", values: parseQuotedList(f) };
  if (/^-?\d+(\.\d+)?$/.test(f)) return { kind: "inline", values: [f] };
  if (f.includes("[") || f.includes("(")) return null; // external link or a function

  const [sheet, ref] = splitSheet(f);
  const range = parseAreaRef(ref);
  if (range) return { kind: "range", sheet: sheet ?? currentSheet, range };

  if (depth >= 3) return null;
  const key = ref.toLowerCase();
  const hit =
    names.find((n) => n.name.toLowerCase() === key && n.localSheet === currentSheetIndex) ??
    names.find((n) => n.name.toLowerCase() === key && n.localSheet === null);
  return hit ? resolveListSource(hit.ref, sheet ?? currentSheet, currentSheetIndex, names, depth + 1) : null;
}

/** sqref "E2:E9 G2" → ranges; unparsable pieces are dropped. */
export function parseSqref(sqref: string): CellRange[] {
  return sqref
    .split(/\s+/)
    .map(parseAreaRef)
    .filter((r): r is CellRange => r !== null);
}
