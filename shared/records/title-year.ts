import { isCellError } from "../grid/types.js";
import type { SheetView } from "../grid/sheet-view.js";
import { toHalfWidth } from "../normalise/text.js";

/** The year a ledger's title names ("2025年度党费收缴台账"), searched above the header, then in the sheet name. */
export function titleYear(view: SheetView, headerRow: number): number | null {
  const pattern = /(19|20)\d{2}(?=\s*年)/;
  for (let r = view.firstRow; r < headerRow; r++) {
    for (const v of view.rowValues(r)) {
      if (typeof v !== "string" || isCellError(v)) continue;
      const m = pattern.exec(toHalfWidth(v));
      if (m) return Number(m[0]);
    }
  }
  const fromName = /(19|20)\d{2}/.exec(toHalfWidth(view.name));
  return fromName ? Number(fromName[0]) : null;
}
