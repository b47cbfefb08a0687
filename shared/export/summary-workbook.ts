import ExcelJS from "exceljs";
import { columnLetters } from "../grid/a1.js";
import { addColumnChart } from "./chart-parts.js";
import { maxOf } from "../util/append-all.js";

/** A table of submissions (header row first) and how many leading columns the chart plots (categories first). */
export interface SummaryTableInput {
  title: string;
  rows: (string | number)[][];
  chartColumns?: number;
}

/** Sheet names may not hold []:*?/\ and are at most 31 characters. */
const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, " ").trim().slice(0, 31) || "汇总";

/**
 * The admin's 汇总 as an .xlsx file: the table on one sheet (bold, frozen header, widths to
 * fit) and a native clustered-column chart of its numeric columns beside it, as Excel's
 * 汇总 writes into a new worksheet.
 */
export async function summaryWorkbook(table: SummaryTableInput): Promise<Uint8Array> {
  const name = sheetName(table.title);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  for (const row of table.rows) ws.addRow(row);
  ws.getRow(1).font = { bold: true };
  const width = table.rows[0]?.length ?? 0;
  for (let c = 1; c <= width; c++) {
    const longest = maxOf(table.rows.map((r) => [...String(r[c - 1] ?? "")].reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e7f ? 2 : 1), 0)));
    ws.getColumn(c).width = Math.min(40, Math.max(8, longest + 2));
  }
  let bytes: Uint8Array = new Uint8Array(await wb.xlsx.writeBuffer());
  const data = table.rows.length - 1;
  const plotted = Math.min(width, table.chartColumns ?? width);
  if (data < 1 || plotted < 2) return bytes;
  const last = table.rows.length;
  bytes = addColumnChart(bytes, {
    sheet: name,
    title: table.title,
    categories: { range: `A2:A${last}`, labels: table.rows.slice(1).map((r) => String(r[0] ?? "")) },
    series: Array.from({ length: plotted - 1 }, (_, i) => {
      const col = columnLetters(i + 1);
      return { name: String(table.rows[0]![i + 1] ?? ""), nameCell: `${col}1`, range: `${col}2:${col}${last}`, values: table.rows.slice(1).map((r) => Number(r[i + 1]) || 0) };
    }),
    anchor: { col: width + 1, row: 1, cols: 8, rows: Math.max(15, Math.min(30, data + 5)) },
  });
  return bytes;
}
