import { toIso, type DayNumber } from "../calendar/days.js";
import { a1, columnLetters } from "../grid/a1.js";
import type { SheetView } from "../grid/sheet-view.js";
import { renderMessage } from "../findings/render.js";
import type { Finding, Lang, Severity } from "../findings/types.js";
import { cellText, type NormValue } from "../normalise/value.js";
import { decodeCell, readHeaderCodes } from "../detect/header-codes.js";
import type { NoteFactKind } from "../notes/patterns.js";
import type { DateValue } from "../calendar/precision.js";
import type { LedgerRecord, RecordSet, RowFact } from "../records/build.js";
import type { RuleSet } from "../ruleset/schema.js";
import type { TemplateParsed } from "../template/schema.js";
import type { SheetContext } from "../detect/sheet-context.js";
import type { MeetingRequirement } from "../scoring/meetings.js";
import type { BookContext } from "../book/context.js";

export type Args = Record<string, string | number>;

/**
 * What a rule sees: the typed records, the rule set in force, the as-of day, and
 * emitters that turn a code + arguments into a finding at a cell, a period or a column.
 */
export class RuleContext {
  readonly findings: Finding[] = [];
  private readonly indexOf = new Map<string, number>();

  constructor(
    readonly view: SheetView,
    readonly set: RecordSet,
    readonly template: TemplateParsed,
    readonly ruleSet: RuleSet,
    readonly asOf: DayNumber,
    readonly lang: Lang,
    /** 0-based header row: what lies above it is the ledger's title. */
    readonly headerRow: number,
    /** The sheet's name, title rows and file name. */
    readonly sheet: SheetContext = { sheetName: view.name, fileName: "", titles: [] },
    /** For a register of one meeting type (named by its sheet, title or file), that type. */
    readonly sheetMeetingType: MeetingRequirement | null = null,
    /** What the other ledgers of the branch's book say, when the sheet is checked as part of one. */
    readonly book: BookContext | null = null,
    /** A register that lists its meeting types (a 三会一课 matrix, a row per type): judged for those only. */
    readonly listedMeetingTypes: ReadonlySet<string> | null = null,
    /** 0-based first row of a header of several rows (离退休费 over （元/月）); the header row when it has one. */
    readonly headerTop: number = headerRow,
  ) {
    template.fields.forEach((f, i) => this.indexOf.set(f.name, i));
  }

  get records(): LedgerRecord[] {
    return this.set.records;
  }

  /** Field index when the sheet has that column, else -1. */
  field(name: string): number {
    const i = this.indexOf.get(name);
    if (i === undefined) return -1;
    const f = this.template.fields[i]!;
    if (f.repeat) return this.set.repeatFields.has(i) ? i : -1;
    return this.set.colOf[i]! >= 0 ? i : -1;
  }

  /** The header text over a field's column, as the clerk wrote it (its lowest header row); "" when none. */
  headerOf(name: string): string {
    const i = this.field(name);
    return i < 0 ? "" : cellText(this.view.merged(this.headerRow, this.set.colOf[i]!)).trim();
  }

  /** Every header row's text over a field's column, top first ("离退休费 （元/月）"); "" when none. */
  headerPathOf(name: string): string {
    const i = this.field(name);
    if (i < 0) return "";
    const parts: string[] = [];
    for (let r = this.headerTop; r <= this.headerRow; r++) {
      const t = cellText(this.view.merged(r, this.set.colOf[i]!)).trim();
      if (t !== "" && parts[parts.length - 1] !== t) parts.push(t);
    }
    return parts.join(" ");
  }

  has(...names: string[]): boolean {
    return names.every((n) => this.field(n) >= 0 || this.set.spanFields.has(this.indexOf.get(n) ?? -1));
  }

  /** The record's value of a field: its own cell, else what a section heading or a note gave it. */
  get(rec: LedgerRecord, name: string): NormValue | null {
    const i = this.indexOf.get(name);
    if (i === undefined || this.template.fields[i]!.repeat) return null;
    return rec.values[i] ?? null;
  }

  /** A date field with how much of it was written (1968.02 is known to the month only). */
  date(rec: LedgerRecord, name: string): DateValue | null {
    const i = this.indexOf.get(name);
    if (i === undefined) return null;
    const v = rec.values[i];
    if (typeof v !== "number") return null;
    return { day: v, precision: rec.precision?.get(i) ?? "day" };
  }

  /** Whether the record's value of a field was lent by another ledger of the book (the roster's 转出). */
  lentByBook(rec: LedgerRecord, name: string): boolean {
    const i = this.indexOf.get(name);
    return i !== undefined && rec.sources?.get(i)?.from === "book";
  }

  /** The facts of a kind read from the record's notes. */
  facts(rec: LedgerRecord, kind: NoteFactKind): RowFact[] {
    return rec.facts?.filter((f) => f.kind === kind) ?? [];
  }

  num(rec: LedgerRecord, name: string): number | null {
    const v = this.get(rec, name);
    return typeof v === "number" ? v : null;
  }

  str(rec: LedgerRecord, name: string): string | null {
    const v = this.get(rec, name);
    return v === null ? null : String(v);
  }

  /**
   * A date for a message: a whole day as ISO; one written to the month or year as the clerk wrote
   * it (1968.02), or, where the cell is a date serial shown as yyyy.mm, as 1968-02.
   */
  dateText(rec: LedgerRecord, name: string, d: DateValue): string {
    if (d.precision === "day") return toIso(d.day);
    const i = this.field(name);
    const raw = i < 0 ? null : this.view.merged(rec.row, this.set.colOf[i]!);
    return typeof raw === "string" ? cellText(raw) : toIso(d.day).slice(0, d.precision === "month" ? 7 : 4);
  }

  /** The cell's text as the clerk sees it, for messages. */
  text(rec: LedgerRecord, name: string): string {
    const i = this.field(name);
    if (i < 0) return "";
    const raw = this.view.merged(rec.row, this.set.colOf[i]!);
    // A code of the header's dictionary is quoted with its word: 1（正式党员）.
    const codes = this.codesOf(i);
    const word = codes ? decodeCell(codes, raw) : null;
    return word === null ? cellText(raw) : `${cellText(raw).trim()}（${word}）`;
  }

  private readonly codes = new Map<number, Map<string, string> | null>();

  /** The code list a field's header carries, read once per sheet. */
  private codesOf(i: number): Map<string, string> | null {
    let codes = this.codes.get(i);
    if (codes === undefined) {
      codes = readHeaderCodes(cellText(this.view.merged(this.headerRow, this.set.colOf[i]!)))?.codes ?? null;
      this.codes.set(i, codes);
    }
    return codes;
  }

  title(name: string): string {
    const i = this.indexOf.get(name);
    return i === undefined ? name : this.template.fields[i]!.title;
  }

  /** A finding on the record's cell of a field, or on the note or heading its value came from. */
  atCell(rec: LedgerRecord, name: string, code: string, severity: Severity, args: Args = {}, expected?: string): void {
    const i = this.indexOf.get(name);
    const source = i === undefined ? undefined : rec.sources?.get(i);
    if (source && source.from === "note") {
      this.atColumnIndex(source.row, source.col, name, code, severity, args, expected);
      return;
    }
    const f = this.field(name);
    const col = f >= 0 ? this.set.colOf[f]! : source ? source.col : -1;
    this.atColumnIndex(source && f < 0 ? source.row : rec.row, col, name, code, severity, args, expected);
  }

  /** A finding at an explicit sheet cell (monthly columns, or a field resolved by the caller). */
  atColumnIndex(row: number, col: number, name: string, code: string, severity: Severity, args: Args = {}, expected?: string): void {
    const title = this.title(name);
    const full = withArg(args, "field", title);
    const finding = this.finding(code, severity, full, col >= 0 ? a1(row, col) : null, row + 1, col >= 0 ? columnLetters(col) : title, null);
    finding.field = name;
    if (expected !== undefined) finding.expected = expected;
    this.findings.push(finding);
  }

  atPeriod(code: string, severity: Severity, period: string, args: Args = {}): void {
    this.findings.push(this.finding(code, severity, withArg(args, "period", period), null, null, null, period));
  }

  atColumn(name: string, code: string, severity: Severity, args: Args = {}, period: string | null = null): void {
    const title = this.title(name);
    const finding = this.finding(code, severity, withArg(args, "field", title), null, null, title, period);
    finding.field = name;
    this.findings.push(finding);
  }

  /** Every finding is built here, with one shape (the hot path of a ledger with many findings). */
  private finding(code: string, severity: Severity, args: Args, cell: string | null, row: number | null, column: string | null, period: string | null): Finding {
    return { code, severity, sheet: this.view.name, cell, row, column, period, message: renderMessage(code, this.lang, args), args };
  }
}

/** The arguments with one more entry, leaving the caller's object alone. */
function withArg(args: Args, key: string, value: string): Args {
  const out: Args = { [key]: value };
  for (const k in args) out[k] = args[k]!;
  return out;
}

export type RuleParams = Record<string, unknown>;

export interface Rule {
  /** Fields the rule needs; it is skipped (silently, by design) when the sheet lacks any. */
  needs: string[];
  run(ctx: RuleContext, params: RuleParams): void;
}
