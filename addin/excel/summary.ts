import { columnLetters } from "../../shared/grid/a1.js";
import type { SummaryTable } from "../host/types.js";

/** A new worksheet with the table and a native clustered-column chart of its numeric columns. Two syncs. */
export async function writeSummarySheet(ctx: Excel.RequestContext, table: SummaryTable): Promise<boolean> {
  const rows = table.rows;
  const width = rows[0]?.length ?? 0;
  if (!rows.length || !width) return false;
  const sheets = ctx.workbook.worksheets;
  sheets.load("items/name");
  await ctx.sync();
  const taken = new Set(sheets.items.map((s) => s.name));
  let name = table.title.slice(0, 28);
  for (let i = 2; taken.has(name); i++) name = `${table.title.slice(0, 25)} (${i})`;
  const ws = sheets.add(name);
  const address = `A1:${columnLetters(width - 1)}${rows.length}`;
  const range = ws.getRange(address);
  range.values = rows;
  range.format.autofitColumns();
  ws.getRange(`A1:${columnLetters(width - 1)}1`).format.font.bold = true;
  if (rows.length > 1) {
    const plotted = Math.min(width, table.chartColumns ?? width);
    const chart = ws.charts.add("ColumnClustered", ws.getRange(`A1:${columnLetters(plotted - 1)}${rows.length}`), "Auto");
    chart.title.text = table.title;
    chart.top = 10;
    chart.left = 40 + width * 80;
  }
  ws.activate();
  await ctx.sync();
  return true;
}
