import type { CheckOptions } from "../../shared/check/options.js";
import type { CellValue, SheetGrid } from "../../shared/grid/types.js";
import type { Severity } from "../../shared/findings/types.js";

/** One cell (A1) the add-in marks, with the worst severity found there. */
export interface Mark {
  cell: string;
  severity: Severity;
}

/** Rows the clerk changed (1-based, inclusive), reported after the host's own debounce-free event. */
export interface SheetChange {
  sheet: string;
  /** 1-based first and last changed rows; null when the host cannot tell (re-read the whole sheet). */
  rows: { first: number; last: number } | null;
}

/** A value to write into one cell (A1), e.g. 改为应为值. */
export interface CellWrite {
  cell: string;
  value: CellValue;
}

/** What a cell held before a write, for undo; only the host that took it reads `state`. */
export interface CellSnapshot {
  cell: string;
  state: unknown;
}

/** A table of submissions written by the admin's 汇总 (header row first). */
export interface SummaryTable {
  title: string;
  rows: (string | number)[][];
  /** Leading columns the chart plots (categories first); all when absent. */
  chartColumns?: number;
}

/**
 * Everything the task pane needs from the spreadsheet it runs in. Excel (Office.js)
 * and the plain-browser web mode each implement it; components never see which.
 */
export interface LedgerHost {
  readonly kind: "excel" | "web";
  /** The active sheet as the engine's grid, or null when there is none (web mode before a file is opened). */
  readActiveSheet(): Promise<SheetGrid | null>;
  /** A sheet by name as the engine's grid, or null when it is gone (a structural edit to the sheet the pane shows, which need not be the active one). */
  readSheet(name: string): Promise<SheetGrid | null>;
  /**
   * The workbook's other visible sheets, to check the shown sheet against the other ledgers
   * (a dues ledger against the roster). Absent where the host has one sheet only.
   */
  readOtherSheets?(except: string): Promise<SheetGrid[]>;
  /** Re-read rows first..last (1-based, inclusive) of a sheet, as a grid with its origin set. */
  readRows(sheet: string, first: number, last: number): Promise<SheetGrid>;
  /** Replace the add-in's marks on a sheet with these. */
  mark(sheet: string, marks: Mark[]): Promise<void>;
  /** Remove exactly the marks this add-in added on a sheet; nothing else. */
  clearMarks(sheet: string): Promise<void>;
  /** Activate the sheet and select one cell. */
  select(sheet: string, cell: string): Promise<void>;
  /**
   * Call back when cells change, in any sheet where the host can tell; returns an unsubscribe
   * function. `sheet` is the sheet the pane shows: a host that can only listen to one sheet
   * (Excel without ExcelApi 1.9) listens to that one rather than to the active sheet.
   */
  onChanged(handler: (change: SheetChange) => void, sheet?: string): Promise<() => void>;
  /** Write a summary table to a new sheet with a chart (admin 汇总; web mode downloads it as a workbook); false when the host cannot. */
  writeSummary?(table: SummaryTable): Promise<boolean>;
  /** Write values into cells of a sheet (改为应为值); returns what each cell held, for restoreCells. */
  writeCells?(sheet: string, cells: CellWrite[]): Promise<CellSnapshot[]>;
  /** Put cells back as writeCells found them (撤销). */
  restoreCells?(sheet: string, snapshots: CellSnapshot[]): Promise<void>;
  /** The ledger's header row (1-based) the host's own grid keeps in view (web mode); null for none. */
  showHeaderRow?(sheet: string, row: number | null): void;
  /** Web mode: the opened workbook with the clerk's edits, checked with these options and marked as --annotate marks, as a download. */
  download?(options: CheckOptions): Promise<void>;
  /** Cells written in red near the top of a sheet (0-based), where the host can see fonts: required columns of many forms. */
  redCells?(sheet: string): Promise<{ row: number; col: number }[]>;
  /** The workbook's file name, when the host knows it (evidence for the ledger kind, a template's name). */
  fileName?(): string | null;
  /** Hand a file to the user (the Excel form of a template); false when the host cannot. */
  saveFile?(name: string, bytes: Uint8Array): Promise<boolean>;
}
