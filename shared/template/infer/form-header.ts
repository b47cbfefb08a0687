import type { SheetView } from "../../grid/sheet-view.js";
import { isCellError } from "../../grid/types.js";
import { cellText } from "../../detect/header-cells.js";
import { maxOf } from "../../util/append-all.js";

/**
 * Where the header of a form nobody described yet is: the first row among the top ones that
 * names most columns with short labels (a title banner names one, a 填报单位 line is about the
 * sheet), and a second row under it when a label of the first is merged over several columns
 * (基本信息 over 姓名, 性别), so the header is read as paths.
 */
const SEARCH_ROWS = 30;
const MAX_LABEL = 40;
const META = /[:：]\s*\S/;

function labelsIn(view: SheetView, row: number): number {
  const seen = new Set<string>();
  for (let c = view.firstCol; c < view.colCount; c++) {
    const v = view.value(row, c);
    if (v === null || isCellError(v) || typeof v !== "string") continue;
    const t = v.trim();
    if (t === "" || t.length > MAX_LABEL || META.test(t) || /^\d/.test(t)) continue;
    seen.add(t);
  }
  return seen.size;
}

function mergedAcross(view: SheetView, row: number): boolean {
  for (const m of view.grid.merges ?? []) if (m.r0 === row && m.c1 > m.c0 && cellText(view, row, m.c0) !== "") return true;
  return false;
}

export function findFormHeader(view: SheetView): { top: number; height: number } | null {
  const last = Math.min(view.rowCount, view.firstRow + SEARCH_ROWS);
  const counts: { row: number; n: number }[] = [];
  for (let r = view.firstRow; r < last; r++) counts.push({ row: r, n: labelsIn(view, r) });
  const most = Math.max(0, maxOf(counts.map((c) => c.n)));
  if (most < 1) return null;
  // The header comes before the data rows, which may hold as many texts: the first row near the most.
  const top = counts.find((c) => c.n >= Math.max(most === 1 ? 1 : 2, Math.ceil(0.6 * most)))!.row;
  const height = top + 1 < view.rowCount && mergedAcross(view, top) && labelsIn(view, top + 1) >= 2 ? 2 : 1;
  return { top, height };
}
