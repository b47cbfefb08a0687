import { parseA1 } from "../grid/a1.js";
import { columnLetters } from "../grid/a1.js";
import { renderMessage } from "../findings/render.js";
import type { Finding, Lang, Severity } from "../findings/types.js";
import type { LedgerRecord } from "../records/build.js";
import type { BookLedger } from "./ledger.js";

export type Args = Record<string, string | number>;

/** Where the other ledger's entry is: its sheet (and file), and its cell where it has one. */
export function relatedOf(ledger: BookLedger, rec: LedgerRecord | null, field: string | null): NonNullable<Finding["related"]> {
  const cell = rec && field ? ledger.cell(rec, field) : null;
  return { sheet: ledger.name, cell, ...(ledger.file ? { file: ledger.file } : {}) };
}

/** The book's findings, in the shape every host shows: on the offending entry's cell, naming the related one. */
export class BookFindings {
  readonly findings: Finding[] = [];

  constructor(readonly lang: Lang) {}

  at(ledger: BookLedger, rec: LedgerRecord, field: string, code: string, severity: Severity, args: Args, related: Finding["related"], expected?: string): void {
    const cell = ledger.cell(rec, field);
    this.atCell(ledger, cell ?? null, rec.row + 1, field, code, severity, args, related, expected);
  }

  atCell(ledger: BookLedger, cell: string | null, row: number | null, field: string | null, code: string, severity: Severity, args: Args, related: Finding["related"], expected?: string): void {
    const pos = cell ? parseA1(cell) : null;
    const title = field ? (ledger.sheet.layout.index.template.fields.find((f) => f.name === field)?.title ?? field) : null;
    const full: Args = { ...(title ? { field: title } : {}), ...(related ? { relatedSheet: related.sheet, relatedCell: related.cell ?? "" } : {}), ...args };
    const f: Finding = {
      code,
      severity,
      sheet: ledger.name,
      cell,
      row: pos ? pos.row + 1 : row,
      column: pos ? columnLetters(pos.col) : title,
      period: null,
      message: renderMessage(code, this.lang, full),
      args: full,
      ...(field ? { field } : {}),
      ...(related ? { related } : {}),
      ...(ledger.file ? { file: ledger.file } : {}),
      ...(expected !== undefined ? { expected } : {}),
    };
    this.findings.push(f);
  }

  /** On a sheet the book reads only as facts (a 党员变动登记, a 流动党员 list), not a ledger of its own. */
  onSheet(place: { sheet: string; file?: string | undefined }, cell: string, code: string, severity: Severity, args: Args, related: Finding["related"]): void {
    const pos = parseA1(cell)!;
    const full: Args = { ...(related ? { relatedSheet: related.sheet, relatedCell: related.cell ?? "" } : {}), ...args };
    this.findings.push({
      code,
      severity,
      sheet: place.sheet,
      cell,
      row: pos.row + 1,
      column: columnLetters(pos.col),
      period: null,
      message: renderMessage(code, this.lang, full),
      args: full,
      ...(related ? { related } : {}),
      ...(place.file ? { file: place.file } : {}),
    });
  }
}
