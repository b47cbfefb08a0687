import type { ExcelSupport } from "./requirements.js";

/** How far down a form's header is looked for. */
const SEARCH_ROWS = 30;

/** "#FF0000", "#C00000": a red that marks a required column. */
export function isRedColor(color: string | null | undefined): boolean {
  const m = /^#?([0-9a-f]{6})$/i.exec(color ?? "");
  if (!m) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(m[1]!.slice(i, i + 2), 16)) as [number, number, number];
  return r >= 0xb0 && g <= 0x60 && b <= 0x60;
}

/**
 * Cells in red among the top rows of a sheet (0-based, as the grid's), in two syncs: the used
 * range's position, then the font colours of its top rows (Range.getCellProperties, ExcelApi
 * 1.9). Without 1.9 nothing is seen: the template then takes required columns from 必填 rows and stars only.
 */
export async function redCellsIn(ctx: Excel.RequestContext, ws: Excel.Worksheet, support: ExcelSupport): Promise<{ row: number; col: number }[]> {
  if (!support.cellProperties) return [];
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("rowIndex,columnIndex,rowCount,columnCount");
  await ctx.sync();
  if (used.isNullObject) return [];
  const top = used.getAbsoluteResizedRange(Math.min(SEARCH_ROWS, used.rowCount), used.columnCount);
  const props = top.getCellProperties({ format: { font: { color: true } } });
  await ctx.sync();
  const out: { row: number; col: number }[] = [];
  props.value.forEach((row, i) => row.forEach((cell, j) => isRedColor(cell.format?.font?.color) && out.push({ row: used.rowIndex + i, col: used.columnIndex + j })));
  return out;
}
