export type Severity = "error" | "warning" | "info";
export type Lang = "zh" | "en";

/**
 * One thing wrong (or worth a look) in a ledger. `cell` is the A1 address on the sheet
 * as the user sees it, or null when the finding belongs to no single cell (a month
 * without a meeting, a quota breach); such findings name their `period` or `column`.
 */
export interface Finding {
  code: string;
  severity: Severity;
  sheet: string;
  cell: string | null;
  /** 1-based sheet row, as Excel shows it; null for sheet-level findings. */
  row: number | null;
  /** Column letter(s) for cell findings, or the field's header for column findings. */
  column: string | null;
  period: string | null;
  message: string;
  expected?: string;
  /** The field this finding concerns, when there is one (for grouping and filtering). */
  field?: string;
  /** Message arguments, so a host can render the message again in another language. */
  args?: Record<string, string | number>;
  /**
   * For a finding of the ledger book (one ledger checked against another): the entry of the
   * other ledger it disagrees with, so a host can jump between them. `cell` is null when the
   * other ledger has no entry at all (a member missing from the dues ledger).
   */
  related?: { sheet: string; cell: string | null; file?: string };
  /** With several files: the file the finding's sheet is in. */
  file?: string;
}

/**
 * What became of a sheet: `checked` against a template, `unrecognised` (no template fits well enough,
 * so nothing was checked), or `skipped` on purpose (hidden, empty, or only instructions). Only a
 * `checked` sheet can ever be called clean.
 */
export type SheetStatus = "checked" | "unrecognised" | "skipped";
export type SkipReason = "hidden" | "empty" | "instructions" | "noData";

/** A template the sheet came close to, with what it lacked: shown when a sheet is not recognised. */
export interface KindCandidate {
  template: { id: string; version: number };
  kind: string;
  title: string;
  score: number;
  /** Titles of the core fields the sheet did not show. */
  missing: string[];
  /** When the sheet looks like something that is not a ledger (a training roster): what, in words. */
  looksLike?: string;
  /** …and which kind of not-a-ledger it is (`training`, `democratic-party`, …). */
  foreign?: string;
}

/** One column of the sheet's header: the field it was taken as (or none), how sure, and why. */
export interface ColumnReport {
  /** Column letter(s). */
  column: string;
  /** The header as written; a header over several rows as its path ("月份 / 1月"). */
  header: string;
  /** The template field, or null when the column was left unassigned. */
  field: string | null;
  fieldTitle: string | null;
  /** 0..1. */
  confidence: number;
  /** Known by its header, its content, or both agreeing; null when unassigned. */
  source: "header" | "content" | "both" | null;
  /** Named (or, with no field, left out) by a mapping a person confirmed. */
  mapped?: boolean;
}

/** What a confirmed mapping (CheckOptions.mapping) did on the sheet. */
export interface MappingReport {
  /** Columns bound by the mapping, and columns it left out. */
  columns: number;
  ignored: number;
  /** Fields whose values the mapping translated before the rules ran. */
  valueFields: string[];
  /** The saved mappings (an organisation's) that were applied; empty for one only just confirmed. */
  saved: { id: string; version: number; orgId?: string }[];
}

/** A fact read from a note cell ("F12 备注：延长预备期 6 个月"), which the rules then used. */
export interface FactReport {
  cell: string;
  row: number;
  kind: string;
  /** The words of the note that state it. */
  text: string;
  message: string;
}

/** A group heading inside the data (一、在职党员) and what it gives the rows under it. */
export interface SectionReport {
  row: number;
  label: string;
  facts: { field: string; fieldTitle?: string; value: string }[];
}

export interface SheetReport {
  sheet: string;
  /** With several files (a book given as files): the file the sheet is in. */
  file?: string;
  /** When the sheet holds tables side by side, each checked as its own: this one's columns (A–I). */
  block?: string;
  status: SheetStatus;
  /** Why a `skipped` sheet was skipped. */
  skipReason?: SkipReason;
  /** The recognised ledger kind, or null when the sheet matched no template. */
  kind: string | null;
  template: { id: string; version: number } | null;
  /** 1-based row of the header, null when none was found. */
  headerRow: number | null;
  /** Headers that matched, as written in the sheet, with the field each one maps to. */
  matched: { header: string; field: string; column: string }[];
  score: number;
  rows: number;
  /** Why the sheet was recognised or not, in the chosen language. */
  reason: string;
  /** The closest templates, best first (at most three); for an unrecognised sheet, what each one missed. */
  candidates: KindCandidate[];
  /** 0..1: how sure the engine is of the ledger kind (0 when not recognised). */
  confidence: number;
  /** Every header column: the field it was taken as, or none. */
  columns: ColumnReport[];
  /** Facts read from notes, with their cells (at most MAX_FACTS; `factCount` says how many in all). */
  facts: FactReport[];
  factCount: number;
  /** Group headings found among the data rows. */
  sections: SectionReport[];
  /** How the rows below the header were read: data, sections, totals, notes, blank. */
  rowRoles?: Record<string, number>;
  /** For a meetings register of one type: the type, and where it was read (sheet name, title, file name). */
  meetingType?: { type: string; source: "sheet" | "title" | "file" };
  /** When a confirmed or saved mapping was used on the sheet: what it did. */
  mapping?: MappingReport;
}

export interface CheckReport {
  sheets: SheetReport[];
  findings: Finding[];
}
