import type { CellRange, CellValue, ListValidation } from "../../shared/grid/types.js";
import { resolveListSource } from "../../shared/xlsx/list-source.js";
import { toCell } from "./convert.js";

/** Rows probed per column, from the second row of the used range: past a title row and the header. */
export const PROBE_ROWS = 5;
/** A range source is read over at most this many cells (a whole-column source is cut to its used part first). */
export const MAX_LIST_CELLS = 5_000;
/** Allowed values kept per list, like the xlsx reader. */
export const MAX_LIST_VALUES = 1_000;

/** The used range of the sheet being read, in 0-based sheet coordinates. */
export interface UsedBlock {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

interface Probe {
  row: number;
  col: number;
  dv: Excel.DataValidation;
}

interface Pending {
  ranges: CellRange[];
  /** Inline values, or the range to read them from. */
  source: { kind: "inline"; values: string[] } | { kind: "range"; sheet: string; range: CellRange };
}

/** The text a list-source cell offers (as the xlsx reader's cellText). */
function optionText(v: CellValue): string | null {
  if (v === null) return null;
  if (typeof v === "object") return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  const s = String(v).trim();
  return s === "" ? null : s;
}

/**
 * list.source as Office.js reports it: "a,b,c" for a list typed in, "=$H$2:$H$9" or
 * "=Sheet2!$A$1:$A$5" for a range. Named ranges, INDIRECT and other formulas are left out.
 */
export function parseListSource(source: unknown, sheet: string): Pending["source"] | null {
  if (typeof source !== "string") return null;
  const s = source.trim();
  if (s === "") return null;
  if (!s.startsWith("=")) {
    const values = s
      .split(",")
      .map((v) => v.trim())
      .filter((v) => v !== "");
    return values.length ? { kind: "inline", values } : null;
  }
  const r = resolveListSource(s, sheet, -1, []);
  if (!r) return null;
  return r.kind === "inline" ? (r.values.length ? r : null) : r;
}

/**
 * Reads the sheet's drop-down lists (list data validation, ExcelApi 1.8) for the columns of the
 * used range, in a constant number of syncs whatever the size of the sheet:
 *
 * - `queue()` loads `type` and `rule` of one cell per column in each of the PROBE_ROWS rows after
 *   the used range's first row, plus the workbook's sheet names. It queues no sync: the caller
 *   lets it ride with a sync it makes anyway (the first chunk of values).
 * - `finish()`, after that sync, takes per column the first probed cell that holds a list, as
 *   covering the column from that row to the end of the used range. Lists typed in are done;
 *   lists read from a range cost one more sync for all of them together.
 *
 * Anything the host refuses (a source too large, a sheet gone) leaves the lists out rather than
 * failing the read: the engine then only loses the allowed values.
 */
export class ListValidationReader {
  private probes: Probe[] = [];
  private sheets: Excel.WorksheetCollection | null = null;

  constructor(
    private readonly ctx: Excel.RequestContext,
    private readonly ws: Excel.Worksheet,
    private readonly block: UsedBlock,
  ) {}

  /** Queue the probe loads (called again before a retried sync: the proxies are made afresh). */
  queue(): void {
    this.probes = [];
    const { rowIndex, columnIndex, rowCount, columnCount } = this.block;
    const rows = Math.min(PROBE_ROWS, rowCount - 1);
    for (let i = 1; i <= rows; i++) {
      for (let j = 0; j < columnCount; j++) {
        const dv = this.ws.getCell(rowIndex + i, columnIndex + j).dataValidation;
        dv.load("type,rule");
        this.probes.push({ row: rowIndex + i, col: columnIndex + j, dv });
      }
    }
    this.sheets = this.probes.length ? this.ctx.workbook.worksheets.load("items/name") : null;
  }

  /** The sync that carried queue() failed for another reason: read no lists rather than fail the read. */
  abandon(): void {
    this.probes = [];
    this.sheets = null;
  }

  /** After the sync that carried queue(): the lists, reading range sources in one more sync if any. */
  async finish(sheetName: string): Promise<ListValidation[]> {
    try {
      return await this.resolve(sheetName);
    } catch {
      return [];
    }
  }

  private async resolve(sheetName: string): Promise<ListValidation[]> {
    const lastRow = this.block.rowIndex + this.block.rowCount - 1;
    // Per column, the first probed row that holds a list.
    const byColumn = new Map<number, Probe>();
    for (const p of this.probes) {
      if (byColumn.has(p.col) || p.dv.type !== "List") continue;
      byColumn.set(p.col, p);
    }
    // Columns sharing a source share one entry.
    const bySource = new Map<string, Pending>();
    for (const p of byColumn.values()) {
      const raw = p.dv.rule?.list?.source;
      const source = parseListSource(raw, sheetName);
      if (!source) continue;
      const key = typeof raw === "string" ? raw.trim() : "";
      const range = { r0: p.row, c0: p.col, r1: lastRow, c1: p.col };
      const entry = bySource.get(key);
      if (entry) entry.ranges.push(range);
      else bySource.set(key, { ranges: [range], source });
    }
    if (bySource.size === 0) return [];

    // Range sources: one batched sync for all of them, each cut to its used part.
    const names = new Map((this.sheets?.items ?? []).map((s) => [s.name.toLowerCase(), s.name]));
    const reads = new Map<Pending, Excel.Range>();
    for (const entry of bySource.values()) {
      if (entry.source.kind !== "range") continue;
      const name = names.get(entry.source.sheet.toLowerCase());
      if (!name) continue;
      const { r0, c0, r1, c1 } = entry.source.range;
      const cols = c1 - c0 + 1;
      const rows = Math.max(1, Math.min(r1 - r0 + 1, Math.floor(MAX_LIST_CELLS / cols)));
      const ws = name === sheetName ? this.ws : this.ctx.workbook.worksheets.getItem(name);
      const used = ws.getRangeByIndexes(r0, c0, rows, cols).getUsedRangeOrNullObject(true);
      used.load("values");
      reads.set(entry, used);
    }
    if (reads.size) await this.ctx.sync();

    const out: ListValidation[] = [];
    for (const entry of bySource.values()) {
      let values: string[];
      if (entry.source.kind === "inline") values = entry.source.values;
      else {
        const used = reads.get(entry);
        if (!used || used.isNullObject) continue;
        const texts = used.values.flat().map((v) => optionText(toCell(v)));
        values = [...new Set(texts.filter((t): t is string => t !== null))];
      }
      if (values.length) out.push({ ranges: entry.ranges, values: values.slice(0, MAX_LIST_VALUES) });
    }
    return out;
  }
}
