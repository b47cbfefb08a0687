import type { SheetView } from "../grid/sheet-view.js";
import { cleanText } from "../normalise/text.js";

/**
 * The workbook's own rules: a drop-down list (data validation) over a column's data
 * cells gives that column's allowed values.
 */
export function allowedValuesByColumn(view: SheetView, firstDataRow: number): Map<number, Set<string>> {
  const out = new Map<number, Set<string>>();
  for (const v of view.grid.validations ?? []) {
    if (v.values.length === 0) continue;
    for (const range of v.ranges) {
      if (range.r1 < firstDataRow) continue;
      const c1 = Math.min(range.c1, view.colCount - 1);
      for (let c = range.c0; c <= c1; c++) {
        const set = out.get(c) ?? new Set<string>();
        for (const value of v.values) set.add(cleanText(value));
        out.set(c, set);
      }
    }
  }
  return out;
}
