import type { CheckOptions } from "../../shared/check/options.js";
import type { Finding, SheetReport } from "../../shared/findings/types.js";
import type { ComparedLedger } from "../../shared/book/sheet-in-book.js";
import type { CellValue, GridSource, SheetGrid } from "../../shared/grid/types.js";
import type { MappingProposal, ProposeOptions } from "../../shared/mapping/propose.js";

/**
 * What the pane and its ledger worker say to each other. Grids and findings cross in pieces: the
 * page spends at most a few milliseconds on any one message (a structured clone is copied in one
 * go, so one message of a 100,000-row grid would be one long task), and the worker keeps the
 * sheets it read or was sent, so checking them again needs no copy at all.
 */
export const ROWS_PER_MESSAGE = 1000;
export const FINDINGS_PER_MESSAGE = 2000;

/** A sheet without its cells. */
export type SheetHead = Omit<SheetGrid, "values" | "numberFormats">;

export type ToWorker =
  | { id: number; type: "read"; bytes: Uint8Array; fileName?: string }
  | { id: number; type: "sheet"; key: number; head: SheetHead }
  | { id: number; type: "rows"; key: number; values: CellValue[][]; formats: (string | null)[][] | null }
  | { id: number; type: "check"; key: number; opts: CheckOptions }
  /** The sheet `key` checked against the workbook's other sheets it holds (`others`). */
  | { id: number; type: "checkInBook"; key: number; others: number[]; opts: CheckOptions }
  /** The mapping step's proposal for the sheet `key` (it profiles the sheet's columns: off the page too). */
  | { id: number; type: "propose"; key: number; opts: ProposeOptions };

export type FromWorker =
  | { id: number; type: "workbook"; sheets: { key: number; head: SheetHead; hasFormats: boolean }[]; source?: GridSource }
  | { id: number; type: "rows"; key: number; values: CellValue[][]; formats: (string | null)[][] | null }
  | { id: number; type: "report"; report: SheetReport }
  | { id: number; type: "findings"; findings: Finding[] }
  | { id: number; type: "compared"; compared: ComparedLedger[] }
  | { id: number; type: "proposal"; proposal: MappingProposal | null }
  | { id: number; type: "done" }
  | { id: number; type: "failed"; error: Failure };

/** A refusal as plain data: an Error's own fields do not survive postMessage. */
export interface Failure {
  name: string;
  message: string;
  code?: string;
  messageZh?: string;
  messageEn?: string;
}

export function toFailure(e: unknown): Failure {
  const err = (e ?? {}) as Partial<Failure>;
  const out: Failure = { name: err.name ?? "Error", message: err.message ?? String(e) };
  if (typeof err.code === "string") out.code = err.code;
  if (typeof err.messageZh === "string") out.messageZh = err.messageZh;
  if (typeof err.messageEn === "string") out.messageEn = err.messageEn;
  return out;
}

/** The failure as an Error carrying the reader's fields again (code, messageZh, messageEn). */
export const fromFailure = (f: Failure): Error => Object.assign(new Error(f.message), f);

export const sheetHead = (s: SheetGrid): SheetHead => {
  const { values: _v, numberFormats: _f, ...rest } = s;
  return rest;
};

/** A sheet as messages: its head, then its rows a thousand at a time. */
export function* sheetPieces(s: SheetGrid): Generator<{ head: SheetHead } | { values: CellValue[][]; formats: (string | null)[][] | null }> {
  yield { head: sheetHead(s) };
  for (let r = 0; r < s.values.length; r += ROWS_PER_MESSAGE) {
    yield { values: s.values.slice(r, r + ROWS_PER_MESSAGE), formats: s.numberFormats ? s.numberFormats.slice(r, r + ROWS_PER_MESSAGE) : null };
  }
}

/** Rows received are appended one by one (a spread into push() would fail past ~120,000). */
export function appendRows(sheet: SheetGrid, values: CellValue[][], formats: (string | null)[][] | null): void {
  for (const row of values) sheet.values.push(row);
  if (formats) {
    sheet.numberFormats ??= [];
    for (const row of formats) sheet.numberFormats.push(row);
  }
}

export const emptySheet = (h: SheetHead, withFormats: boolean): SheetGrid => ({ ...h, values: [], ...(withFormats ? { numberFormats: [] } : {}) });
