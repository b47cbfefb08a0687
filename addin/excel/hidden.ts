import type { CellRange, SheetGrid } from "../../shared/grid/types.js";
import { parseRange } from "../../shared/grid/a1.js";
import type { ExcelSupport } from "./requirements.js";
import type { UsedBlock } from "./validations.js";

export type HiddenLines = Pick<SheetGrid, "hiddenRows" | "hiddenCols" | "hiddenRowsUnknown">;

/**
 * The rows and columns of the used range the clerk hid (or a filter hides), loaded alongside the
 * first chunk of values so they cost no sync of their own.
 *
 * Why the visible cells (getSpecialCellsOrNullObject("Visible"), ExcelApi 1.9) and their `address`:
 * one proxy, and an answer that grows with the visible blocks (runs of visible rows × runs of
 * visible columns), not with the cells: a 20,000-row roster with a dozen members hidden comes back
 * as a few dozen areas, a few hundred bytes. The other ways cost per row or per cell: Range.rowHidden
 * is one answer per range (true, false, or null when mixed), so per row it takes 20,000 range proxies
 * in the request; getVisibleView().cellAddresses (1.3) returns an address per visible cell, 300,000
 * strings at 20,000 × 15, most of the web's 5 MB response.
 *
 * rowHidden/columnHidden of the whole used range (ExcelApi 1.2) ride along too: false (none hidden)
 * skips the areas, true settles the case where no cell is visible, and below ExcelApi 1.9 they are
 * all there is, so a mix of hidden and shown rows is then reported as unknown, never as none.
 */
export class HiddenLinesReader {
  private used: Excel.Range | null = null;
  private visible: Excel.RangeAreas | null = null;

  constructor(
    private readonly ws: Excel.Worksheet,
    private readonly block: UsedBlock,
    private readonly support: ExcelSupport,
  ) {}

  /** Queue the loads (called again before a retried sync: the proxies are made afresh). */
  queue(): void {
    const { rowIndex, columnIndex, rowCount, columnCount } = this.block;
    this.used = this.ws.getRangeByIndexes(rowIndex, columnIndex, rowCount, columnCount);
    this.used.load("rowHidden,columnHidden");
    this.visible = this.support.visibleCells ? this.used.getSpecialCellsOrNullObject("Visible") : null;
    this.visible?.load("address");
  }

  /** The sync that carried queue() failed: the hidden rows are not known. */
  abandon(): void {
    this.used = null;
    this.visible = null;
  }

  /** After the sync that carried queue(). */
  result(): HiddenLines {
    if (!this.used) return { hiddenRowsUnknown: true };
    const rowHidden = this.used.rowHidden as boolean | null;
    const columnHidden = this.used.columnHidden as boolean | null;
    const { rowIndex, columnIndex, rowCount, columnCount } = this.block;
    const all = (from: number, count: number) => Array.from({ length: count }, (_, i) => from + i);
    const rowsIfSettled = rowHidden === true ? all(rowIndex, rowCount) : rowHidden === false ? [] : null;
    const colsIfSettled = columnHidden === true ? all(columnIndex, columnCount) : columnHidden === false ? [] : null;
    if (rowsIfSettled && colsIfSettled) return lines(rowsIfSettled, colsIfSettled);
    // Some rows or columns hidden and others not: only the visible areas can tell which.
    const areas = this.visible && !this.visible.isNullObject ? areasOf(this.visible.address) : null;
    if (areas) return lines(rowsIfSettled ?? uncovered(areas, rowIndex, rowCount, "r0", "r1"), colsIfSettled ?? uncovered(areas, columnIndex, columnCount, "c0", "c1"));
    // No areas (before ExcelApi 1.9, or no cell visible at all): the columns read as any other
    // whether hidden or not, but a mix of rows is not known.
    if (rowsIfSettled) return lines(rowsIfSettled, colsIfSettled ?? []);
    return { ...lines([], colsIfSettled ?? []), hiddenRowsUnknown: true };
  }
}

function lines(rows: number[], cols: number[]): HiddenLines {
  return { ...(rows.length ? { hiddenRows: rows } : {}), ...(cols.length ? { hiddenCols: cols } : {}) };
}

/** "花名册!A1:F4,'My, sheet'!A6:F9" → areas; null when any part is not an A1 range (then nothing is guessed). */
function areasOf(address: string): CellRange[] | null {
  const out: CellRange[] = [];
  for (const part of splitOutsideQuotes(address)) {
    const r = parseRange(part.slice(part.lastIndexOf("!") + 1).trim());
    if (!r) return null;
    out.push(r);
  }
  return out.length ? out : null;
}

/** Split at the commas between areas, not those inside a quoted sheet name ('' is a quote within one). */
function splitOutsideQuotes(address: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let from = 0;
  for (let i = 0; i < address.length; i++) {
    if (address[i] === "'") quoted = !quoted;
    else if (address[i] === "," && !quoted) {
      parts.push(address.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(address.slice(from));
  return parts;
}

/** The lines (rows or columns) from `from` to `from + count - 1` that no visible area covers, ascending. */
function uncovered(areas: CellRange[], from: number, count: number, lo: "r0" | "c0", hi: "r1" | "c1"): number[] {
  const seen = new Uint8Array(count);
  for (const a of areas) for (let i = Math.max(a[lo], from); i <= Math.min(a[hi], from + count - 1); i++) seen[i - from] = 1;
  const out: number[] = [];
  for (let i = 0; i < count; i++) if (!seen[i]) out.push(from + i);
  return out;
}
