import type { DayNumber } from "../calendar/days.js";
import { a1, columnLetters } from "../grid/a1.js";
import type { SheetView } from "../grid/sheet-view.js";
import { renderMessage } from "../findings/render.js";
import type { Finding, Lang, Severity } from "../findings/types.js";
import { cellText, type NormValue } from "../normalise/value.js";
import type { LedgerRecord, RecordSet } from "../records/build.js";
import type { RuleSet } from "../ruleset/schema.js";
import type { TemplateParsed } from "../template/schema.js";

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

  has(...names: string[]): boolean {
    return names.every((n) => this.field(n) >= 0);
  }

  get(rec: LedgerRecord, name: string): NormValue | null {
    const i = this.field(name);
    return i < 0 ? null : rec.values[i]!;
  }

  num(rec: LedgerRecord, name: string): number | null {
    const v = this.get(rec, name);
    return typeof v === "number" ? v : null;
  }

  str(rec: LedgerRecord, name: string): string | null {
    const v = this.get(rec, name);
    return v === null ? null : String(v);
  }

  /** The cell's text as the clerk sees it, for messages. */
  text(rec: LedgerRecord, name: string): string {
    const i = this.field(name);
    if (i < 0) return "";
    return cellText(this.view.merged(rec.row, this.set.colOf[i]!));
  }

  title(name: string): string {
    const i = this.indexOf.get(name);
    return i === undefined ? name : this.template.fields[i]!.title;
  }

  atCell(rec: LedgerRecord, name: string, code: string, severity: Severity, args: Args = {}, expected?: string): void {
    const i = this.field(name);
    const col = i >= 0 ? this.set.colOf[i]! : -1;
    this.atColumnIndex(rec.row, col, name, code, severity, args, expected);
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
