import type { SheetView } from "../grid/sheet-view.js";

/**
 * Whether rows top..top+height-1 cut through a merged header cell: a cell merged down over two or
 * three rows (姓名 beside 集中培训 / 起 止 天数) is one header cell, so a header never ends inside it
 * (its lower half would be read as a member whose 出生年月 is the word 出生年月) and never starts
 * inside it. Only header-sized merges count (at most `maxHeight` rows); a 任期 merged down over the
 * members of a committee is data and bounds no header.
 */
export function cutsHeaderMerge(view: SheetView, top: number, height: number, maxHeight: number): boolean {
  const bottom = top + height - 1;
  for (const m of view.grid.merges ?? []) {
    if (m.r1 === m.r0 || m.r1 - m.r0 + 1 > maxHeight) continue;
    if (m.r0 < top && m.r1 >= top) return true;
    if (m.r0 <= bottom && m.r1 > bottom) return true;
  }
  return false;
}
