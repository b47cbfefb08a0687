import { a1 } from "../grid/a1.js";
import type { DateValue } from "../calendar/precision.js";
import type { PreparedSheet } from "../check/check-sheet.js";
import type { NormValue } from "../normalise/value.js";
import { normaliseIdText } from "../normalise/id-text.js";
import type { LedgerRecord } from "../records/build.js";

/**
 * One prepared sheet of a book, read by field name: the values, dates and cells of its
 * records, the way the book's rules need them (the per-sheet rules read through RuleContext).
 */
export class BookLedger {
  private readonly indexOf = new Map<string, number>();

  constructor(
    readonly sheet: PreparedSheet,
    /** The file the sheet came from, when the book spans several files. */
    readonly file: string | undefined,
  ) {
    this.sheet.layout.index.template.fields.forEach((f, i) => this.indexOf.set(f.name, i));
  }

  get kind(): string {
    return this.sheet.layout.index.template.kind;
  }

  get templateId(): string {
    return this.sheet.layout.index.template.id;
  }

  get name(): string {
    return this.sheet.view.name;
  }

  get records(): LedgerRecord[] {
    return this.sheet.set.records;
  }

  fieldIndex(name: string): number {
    return this.indexOf.get(name) ?? -1;
  }

  /** Whether the sheet has the field's column. */
  has(name: string): boolean {
    const i = this.fieldIndex(name);
    return i >= 0 && this.sheet.set.colOf[i]! >= 0;
  }

  get(rec: LedgerRecord, name: string): NormValue | null {
    const i = this.fieldIndex(name);
    return i < 0 ? null : (rec.values[i] ?? null);
  }

  str(rec: LedgerRecord, name: string): string | null {
    const v = this.get(rec, name);
    return v === null ? null : String(v);
  }

  date(rec: LedgerRecord, name: string): DateValue | null {
    const i = this.fieldIndex(name);
    const v = i < 0 ? null : rec.values[i];
    return typeof v === "number" ? { day: v, precision: rec.precision?.get(i) ?? "day" } : null;
  }

  /** The A1 address of the record's cell of a field, or null when the sheet lacks the column. */
  cell(rec: LedgerRecord, name: string): string | null {
    const i = this.fieldIndex(name);
    const col = i < 0 ? -1 : this.sheet.set.colOf[i]!;
    return col < 0 ? null : a1(rec.row, col);
  }

  /** Give a record a value another ledger holds, where its own cell is empty or missing. */
  lend(rec: LedgerRecord, name: string, value: number, from: { sheet: string; row: number; col: number }): boolean {
    const i = this.fieldIndex(name);
    if (i < 0 || rec.values[i] !== null) return false;
    rec.values[i] = value;
    (rec.sources ??= new Map()).set(i, { row: rec.row, col: this.sheet.set.colOf[i]!, from: "book", sheet: from.sheet });
    return true;
  }
}

/** A person's key for matching entries across ledgers: the ID number where both have it, else the name. */
export function personKeys(ledger: BookLedger, rec: LedgerRecord): { id: string | null; name: string | null } {
  const id = ledger.str(rec, "idNumber");
  const name = ledger.str(rec, "name");
  return { id: id ? normaliseIdText(id) : null, name: name ? name.replace(/\s+/g, "") : null };
}
