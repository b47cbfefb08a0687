import type { CheckOptions } from "../../shared/check/options.js";
import type { CellValue, SheetGrid, WorkbookGrid } from "../../shared/grid/types.js";
import { parseA1 } from "../../shared/grid/a1.js";
import type { Severity } from "../../shared/findings/types.js";
import type { CellSnapshot, CellWrite, LedgerHost, Mark, SheetChange, SummaryTable } from "../host/types.js";
import { checkedName, saveFile } from "./save.js";

export interface WebState {
  fileName: string | null;
  workbook: WorkbookGrid | null;
  active: number;
  /** A1 → severity, for the active sheet's marks. */
  marks: ReadonlyMap<string, Severity>;
  marksSheet: string | null;
  selected: { sheet: string; cell: string } | null;
  /** The ledger's header row (1-based) per sheet, kept in view by the grid. */
  headerRows: ReadonlyMap<string, number>;
  /** Bumped on every change so React re-renders. */
  version: number;
}

const EMPTY: Omit<WebState, "version"> = { fileName: null, workbook: null, active: 0, marks: new Map(), marksSheet: null, selected: null, headerRows: new Map() };

const key = (sheet: string, cell: string) => `${sheet}\u0000${cell}`;
const same = (a: CellValue | undefined, b: CellValue | undefined) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The plain-browser host: the workbook a user opened, an in-memory grid the pane marks,
 * selects in and lets the user edit. The React grid view renders this state. It remembers
 * the file and every cell edited since, so 下载 can hand back the file with the edits in it.
 */
export class WebHost implements LedgerHost {
  readonly kind = "web" as const;
  private state: WebState = { ...EMPTY, version: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly changeHandlers = new Set<(c: SheetChange) => void>();
  private source: Blob | null = null;
  /** Cells edited since the file was opened, with the value each held in the file. */
  private readonly edits = new Map<string, { sheet: string; cell: string; original: CellValue; value: CellValue }>();

  getState = (): WebState => this.state;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private set(patch: Partial<WebState>): void {
    this.state = { ...this.state, ...patch, version: this.state.version + 1 };
    for (const fn of this.listeners) fn();
  }

  /** A file was read: show it, forget the previous one and its edits. `source` is the file itself, for 下载. */
  open(fileName: string, workbook: WorkbookGrid, source: Blob | null = null): void {
    const firstVisible = Math.max(0, workbook.sheets.findIndex((s) => !s.hidden));
    this.source = source;
    this.edits.clear();
    this.set({ ...EMPTY, fileName, workbook, active: firstVisible });
  }

  /** A file could not be read: show nothing rather than the previous file under the new name. */
  close(): void {
    this.source = null;
    this.edits.clear();
    this.set({ ...EMPTY });
  }

  activate(index: number): void {
    this.set({ active: index, selected: null });
  }

  private sheet(name: string): SheetGrid | undefined {
    return this.state.workbook?.sheets.find((s) => s.name === name);
  }

  async readActiveSheet(): Promise<SheetGrid | null> {
    return this.state.workbook?.sheets[this.state.active] ?? null;
  }

  async readSheet(name: string): Promise<SheetGrid | null> {
    return this.sheet(name) ?? null;
  }

  async readOtherSheets(except: string): Promise<SheetGrid[]> {
    return (this.state.workbook?.sheets ?? []).filter((s) => s.name !== except && !s.hidden);
  }

  async readRows(sheet: string, first: number, last: number): Promise<SheetGrid> {
    const s = this.sheet(sheet);
    const origin = s?.origin ?? { row: 0, col: 0 };
    const from = Math.max(0, first - 1 - origin.row);
    const to = Math.max(from, last - origin.row);
    return {
      name: sheet,
      origin: { row: origin.row + from, col: origin.col },
      values: (s?.values ?? []).slice(from, to),
      numberFormats: s?.numberFormats?.slice(from, to),
    };
  }

  async mark(sheet: string, marks: Mark[]): Promise<void> {
    this.set({ marks: new Map(marks.map((m) => [m.cell, m.severity])), marksSheet: sheet });
  }

  async clearMarks(sheet: string): Promise<void> {
    if (this.state.marksSheet === sheet || this.state.marksSheet === null) this.set({ marks: new Map(), marksSheet: null });
  }

  async select(sheet: string, cell: string): Promise<void> {
    const index = this.state.workbook?.sheets.findIndex((s) => s.name === sheet) ?? -1;
    this.set({ active: index >= 0 ? index : this.state.active, selected: { sheet, cell } });
  }

  async onChanged(handler: (change: SheetChange) => void): Promise<() => void> {
    this.changeHandlers.add(handler);
    return () => this.changeHandlers.delete(handler);
  }

  showHeaderRow(sheet: string, row: number | null): void {
    if ((this.state.headerRows.get(sheet) ?? null) === row) return;
    const headerRows = new Map(this.state.headerRows);
    if (row === null) headerRows.delete(sheet);
    else headerRows.set(sheet, row);
    this.set({ headerRows });
  }

  /** The value of one cell (A1) as the grid holds it now. */
  valueAt(sheet: string, cell: string): CellValue {
    const s = this.sheet(sheet);
    const p = parseA1(cell);
    if (!s || !p) return null;
    const origin = s.origin ?? { row: 0, col: 0 };
    return s.values[p.row - origin.row]?.[p.col - origin.col] ?? null;
  }

  /** Put values into cells of a sheet and remember them as edits; false when the sheet is gone. */
  private put(sheet: string, cells: CellWrite[]): boolean {
    const s = this.sheet(sheet);
    if (!s) return false;
    const origin = s.origin ?? { row: 0, col: 0 };
    const values = s.values.slice();
    for (const { cell, value } of cells) {
      const p = parseA1(cell);
      if (!p) continue;
      const i = p.row - origin.row;
      const j = p.col - origin.col;
      if (i < 0 || j < 0) continue;
      const k = key(sheet, cell);
      const original = this.edits.get(k)?.original ?? values[i]?.[j] ?? null;
      while (values.length <= i) values.push([]);
      const row = (values[i] ?? []).slice();
      while (row.length <= j) row.push(null);
      row[j] = value;
      values[i] = row;
      if (same(value, original)) this.edits.delete(k);
      else this.edits.set(k, { sheet, cell, original, value });
    }
    const sheets = this.state.workbook!.sheets.map((x) => (x === s ? { ...s, values } : x));
    this.set({ workbook: { sheets } });
    return true;
  }

  /** The user typed a value into a cell of the grid view: the pane hears it as an edit. */
  edit(sheet: string, cell: string, value: CellValue): void {
    const p = parseA1(cell);
    if (!p || !this.put(sheet, [{ cell, value }])) return;
    for (const h of this.changeHandlers) h({ sheet, rows: { first: p.row + 1, last: p.row + 1 } });
  }

  /** 改为应为值: the pane writes and re-checks itself, so no change event is sent. */
  async writeCells(sheet: string, cells: CellWrite[]): Promise<CellSnapshot[]> {
    const before = cells.map((c) => ({ cell: c.cell, state: this.valueAt(sheet, c.cell) }));
    this.put(sheet, cells);
    return before;
  }

  async restoreCells(sheet: string, snapshots: CellSnapshot[]): Promise<void> {
    this.put(
      sheet,
      snapshots.map((s) => ({ cell: s.cell, value: s.state as CellValue })),
    );
  }

  /** Cells that differ from the file as it was opened. */
  editedCells(): { sheet: string; cell: string; value: CellValue }[] {
    return [...this.edits.values()].map(({ sheet, cell, value }) => ({ sheet, cell, value }));
  }

  async download(options: CheckOptions): Promise<void> {
    const { workbook, fileName } = this.state;
    if (!workbook || !fileName || !this.source) return;
    const original = new Uint8Array(await this.source.arrayBuffer());
    const { annotatedCopy } = await import("./exports.js");
    const bytes = await annotatedCopy(original, workbook, this.editedCells(), options);
    saveFile(checkedName(fileName, options.lang === "en" ? " (checked)" : "（已检查）"), bytes);
  }

  /** Red header cells of the opened .xlsx (the grid has no fonts): read from the file itself. */
  async redCells(sheet: string): Promise<{ row: number; col: number }[]> {
    if (!this.source || (this.state.workbook?.source && this.state.workbook.source.format !== "xlsx")) return [];
    const { loadEngine } = await import("../engine/index.js");
    const { redHeaderCells } = await loadEngine();
    return redHeaderCells(new Uint8Array(await this.source.arrayBuffer()), sheet);
  }

  fileName(): string | null {
    return this.state.fileName;
  }

  async saveFile(name: string, bytes: Uint8Array): Promise<boolean> {
    saveFile(name, bytes);
    return true;
  }

  /** 汇总 in web mode: the table and its chart as a workbook to download. */
  async writeSummary(table: SummaryTable): Promise<boolean> {
    const { summaryFile } = await import("./exports.js");
    saveFile(`${table.title.replace(/[\\/:*?"<>|]/g, " ").trim() || "汇总"}.xlsx`, await summaryFile(table));
    return true;
  }
}
