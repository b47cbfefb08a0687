import Papa from "papaparse";
import type { CellValue, GridSource, SheetGrid, WorkbookGrid } from "../grid/types.js";
import { readErrors, type SpreadsheetApp } from "../xlsx/errors.js";
import type { ReadLimits } from "../xlsx/limits.js";
import { a1 } from "../grid/a1.js";
import { decodeText } from "./decode-text.js";
import { guessDelimiter } from "./delimiter.js";

/** Line breaks in the text: an upper bound on its rows (a quoted cell may hold a break). */
function countLines(text: string): number {
  let lines = 1;
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lines++;
  return text.endsWith("\n") ? lines - 1 : lines;
}

/** Excel writes "sep=;" as the first line when it saves with another delimiter than the locale's. */
function explicitDelimiter(text: string): { delimiter: string; rest: string } | null {
  const m = /^sep=(.)\r?\n/.exec(text);
  return m ? { delimiter: m[1]!, rest: text.slice(m[0].length) } : null;
}

/**
 * A CSV or text file (.csv, .txt) into a one-sheet grid named after the file. Every cell
 * stays the text the clerk typed: an ID, a code with leading zeros, a date are never
 * turned into numbers here; the engine reads them with its own rules for text. The
 * encoding and delimiter found are returned in `source` for the report.
 */
export function readCsv(bytes: Uint8Array, lim: ReadLimits, sheetName: string, app: SpreadsheetApp): WorkbookGrid {
  const decoded = decodeText(bytes);
  if (!decoded) throw readErrors.notText(app);
  const sep = explicitDelimiter(decoded.text);
  const text = sep ? sep.rest : decoded.text;
  const lines = countLines(text);
  // Without a quote no cell holds a line break: the line count is the row count.
  if (lines > lim.maxRows && !text.includes('"')) throw readErrors.tooManyRows(sheetName, lines, lim.maxRows);

  const delimiter = sep?.delimiter ?? guessDelimiter(text);
  const rows: CellValue[][] = [];
  let cells = 0;
  let over: Error | null = null;
  Papa.parse<string[]>(text, {
    delimiter,
    skipEmptyLines: false,
    step(row, parser) {
      if (rows.length >= lim.maxRows) {
        over = readErrors.tooManyRows(sheetName, lines, lim.maxRows);
        parser.abort();
        return;
      }
      const values = row.data.map(cellOf);
      const long = row.data.findIndex((f) => f.length > lim.maxCellChars);
      if (long >= 0) {
        over = readErrors.cellTooLong(sheetName, a1(rows.length, long), row.data[long]!.length, lim.maxCellChars);
        parser.abort();
        return;
      }
      while (values.length > 0 && values[values.length - 1] === null) values.pop();
      cells += values.length;
      if (cells > lim.maxCellsPerSheet || cells > lim.maxCells) {
        over = cells > lim.maxCellsPerSheet ? readErrors.tooManyCells(sheetName, cells, lim.maxCellsPerSheet) : readErrors.tooManyCellsTotal(cells, lim.maxCells);
        parser.abort();
        return;
      }
      rows.push(values);
    },
  });
  if (over) throw over;
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  if (rows.length === 0) throw readErrors.emptyWorkbook();

  const source: GridSource = { format: "csv", encoding: decoded.encoding, delimiter };
  return { sheets: [trimmedSheet(sheetName, rows)], source };
}

/**
 * A field as the cell it stands for. Systems that export IDs to CSV often write them as
 * ="420106…" so Excel keeps them as text; Excel shows the text inside, and so does this.
 */
function cellOf(field: string): CellValue {
  if (field === "") return null;
  const m = /^="((?:[^"]|"")*)"$/.exec(field);
  return m ? m[1]!.replace(/""/g, '"') || null : field;
}

/** The grid starts at the first row and column with a value, as the workbook readers' do. */
function trimmedSheet(name: string, rows: CellValue[][]): SheetGrid {
  let r0 = 0;
  while (r0 < rows.length && rows[r0]!.length === 0) r0++;
  let c0 = Infinity;
  for (let r = r0; r < rows.length; r++) {
    const first = rows[r]!.findIndex((v) => v !== null);
    if (first >= 0 && first < c0) c0 = first;
  }
  const col = Number.isFinite(c0) ? c0 : 0;
  const values = rows.slice(r0).map((row) => (col > 0 ? row.slice(col) : row));
  return { name, values, origin: { row: r0, col }, numberFormats: [], merges: [], validations: [], hidden: false };
}
