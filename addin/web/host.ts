import type { CellValue, SheetGrid, WorkbookGrid } from "../../shared/grid/types.js";
import { parseA1 } from "../../shared/grid/a1.js";
import type { Severity } from "../../shared/findings/types.js";
import type { LedgerHost, Mark, SheetChange } from "../host/types.js";

export interface WebState {
  fileName: string | null;
  workbook: WorkbookGrid | null;
  active: number;
  /** A1 → severity, for the active sheet's marks. */
  marks: ReadonlyMap<string, Severity>;
  marksSheet: string | null;
  selected: { sheet: string; cell: string } | null;
  /** Bumped on every change so React re-renders. */
  version: number;
}

/**
 * The plain-browser host: the workbook a user opened, an in-memory grid the pane marks,
 * selects in and lets the user edit. The React grid view renders this state.
 */
export class WebHost implements LedgerHost {
  readonly kind = "web" as const;
  private state: WebState = { fileName: null, workbook: null, active: 0, marks: new Map(), marksSheet: null, selected: null, version: 0 };
  private readonly listeners = new Set<() => void>();
  private readonly changeHandlers = new Set<(c: SheetChange) => void>();

  getState = (): WebState => this.state;

  subscribe = (fn: () => void): (() => void) => {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  };

  private set(patch: Partial<WebState>): void {
    this.state = { ...this.state, ...patch, version: this.state.version + 1 };
    for (const fn of this.listeners) fn();
  }

  open(fileName: string, workbook: WorkbookGrid): void {
    const firstVisible = Math.max(0, workbook.sheets.findIndex((s) => !s.hidden));
    this.set({ fileName, workbook, active: firstVisible, marks: new Map(), marksSheet: null, selected: null });
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

  /** The user typed a value into a cell of the grid view. */
  edit(sheet: string, cell: string, value: CellValue): void {
    const s = this.sheet(sheet);
    const p = parseA1(cell);
    if (!s || !p) return;
    const origin = s.origin ?? { row: 0, col: 0 };
    const i = p.row - origin.row;
    const j = p.col - origin.col;
    if (i < 0 || j < 0) return;
    const values = s.values.slice();
    while (values.length <= i) values.push([]);
    const row = (values[i] ?? []).slice();
    while (row.length <= j) row.push(null);
    row[j] = value;
    values[i] = row;
    const sheets = this.state.workbook!.sheets.map((x) => (x === s ? { ...s, values } : x));
    this.set({ workbook: { sheets } });
    for (const h of this.changeHandlers) h({ sheet, rows: { first: p.row + 1, last: p.row + 1 } });
  }
}
