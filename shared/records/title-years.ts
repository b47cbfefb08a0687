import type { SheetView } from "../grid/sheet-view.js";
import { toHalfWidth } from "../normalise/text.js";
import { isCellError } from "../grid/types.js";

/**
 * The years a register's title says it covers when it names more than one (三会一课记录（2024—2025年）,
 * 2024、2025年, 2023年至2025年): a register kept over several years is judged over all of them, not the last
 * one only. A school year (2024-2025学年) is one year, not two; a span longer than `MAX_YEARS` is not a
 * register's. Null when the title names one year or none.
 */
const RANGE = /((?:19|20)\d{2})\s*年?\s*(?:度)?\s*(?:[-—–~～至到、，,和及与]|——)\s*((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/;
const MAX_YEARS = 5;

export function titleYearRange(view: SheetView, headerRow: number): { from: number; to: number } | null {
  for (let r = view.firstRow; r < headerRow; r++) {
    for (const v of view.rowValues(r)) {
      if (typeof v !== "string" || isCellError(v)) continue;
      const t = toHalfWidth(v);
      if (t.includes("学年")) continue;
      const m = RANGE.exec(t);
      if (!m) continue;
      const from = Number(m[1]);
      const to = Number(m[2]);
      if (to > from && to - from < MAX_YEARS) return { from, to };
    }
  }
  return null;
}
