import type { CellValue } from "../../shared/grid/types.js";
import type { CellSnapshot, CellWrite } from "../host/types.js";

/** What Office.js writes for an engine value: "" clears a cell; an error value cannot be typed, so it clears too. */
function officeValue(v: CellValue): string | number | boolean {
  if (v === null || typeof v === "object") return "";
  return v;
}

interface ExcelCellState {
  /** Range.formulas of the cell: its formula, or its constant value. */
  formula: string | number | boolean;
  numberFormat: string;
}

/**
 * Write values into cells (改为应为值), two syncs whatever the number of cells: the first reads
 * what the cells hold (formula or constant, and number format) so 撤销 can put exactly that back,
 * the second writes. Writing a value leaves the cell's fill, font and borders alone.
 */
export async function writeCellValues(ctx: Excel.RequestContext, ws: Excel.Worksheet, cells: CellWrite[]): Promise<CellSnapshot[]> {
  const ranges = cells.map((c) => ws.getRange(c.cell).load("formulas,numberFormat"));
  await ctx.sync();
  const snapshots = cells.map((c, i): CellSnapshot => {
    const state: ExcelCellState = { formula: ranges[i]!.formulas[0]![0] as string | number | boolean, numberFormat: String(ranges[i]!.numberFormat[0]![0]) };
    return { cell: c.cell, state };
  });
  cells.forEach((c, i) => (ranges[i]!.values = [[officeValue(c.value)]]));
  await ctx.sync();
  return snapshots;
}

/** Put cells back as writeCellValues found them (formula or constant, number format): one sync. */
export async function restoreCellValues(ctx: Excel.RequestContext, ws: Excel.Worksheet, snapshots: CellSnapshot[]): Promise<void> {
  for (const s of snapshots) {
    const state = s.state as ExcelCellState;
    const range = ws.getRange(s.cell);
    range.numberFormat = [[state.numberFormat]];
    range.formulas = [[state.formula]];
  }
  await ctx.sync();
}
