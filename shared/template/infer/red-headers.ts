import ExcelJS from "exceljs";

/**
 * Cells written in red near the top of a sheet: many forms mark their required columns so
 * (「红色字段为必填字段」). The engine's grid carries no fonts, so a host that has the .xlsx
 * itself (the CLI, web mode) reads them here with ExcelJS; Excel's adapter reads them with
 * Office.js. 0-based rows and columns, as the grid's.
 */
const SEARCH_ROWS = 30;

function isRed(argb: string | undefined): boolean {
  if (!argb || !/^[0-9a-f]{6,8}$/i.test(argb)) return false;
  const rgb = argb.slice(-6);
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(rgb.slice(i, i + 2), 16)) as [number, number, number];
  return r >= 0xb0 && g <= 0x60 && b <= 0x60;
}

function redText(cell: ExcelJS.Cell): boolean {
  const v = cell.value as ExcelJS.CellRichTextValue | null;
  if (v && typeof v === "object" && Array.isArray(v.richText)) {
    return v.richText.some((run) => run.text.trim() !== "" && run.text.trim() !== "*" && isRed(run.font?.color?.argb));
  }
  return typeof cell.text === "string" && cell.text.trim() !== "" && isRed(cell.font?.color?.argb);
}

export async function redHeaderCells(xlsx: Uint8Array, sheetName: string): Promise<{ row: number; col: number }[]> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS's typings want a Node Buffer; it reads any Uint8Array (JSZip underneath), in Node and in the browser.
  await wb.xlsx.load(xlsx as unknown as ExcelJS.Buffer);
  const ws = wb.getWorksheet(sheetName);
  if (!ws) return [];
  const out: { row: number; col: number }[] = [];
  for (let r = 1; r <= Math.min(ws.rowCount, SEARCH_ROWS); r++) {
    ws.getRow(r).eachCell((cell, c) => {
      if (redText(cell)) out.push({ row: r - 1, col: c - 1 });
    });
  }
  return out;
}
