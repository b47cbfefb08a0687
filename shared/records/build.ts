import { fromYmd, toYmd } from "../calendar/days.js";
import type { SheetView } from "../grid/sheet-view.js";
import { Coarse, Flagged, normaliseFast, type NormProblem, type NormValue } from "../normalise/value.js";
import { isPaidMarkText, PAID_MARK } from "../normalise/paid-marks.js";
import { saysFullMarks } from "../normalise/full-marks.js";
import { verdictOf } from "../normalise/verdict-sentence.js";
import { BALLOT_FIELDS, VOTE_FIELDS, ballotsAndVotesInText, voteOrderOfHeader, votesInOrder } from "./vote-cells.js";
import { readBasicFacts, readJoinFacts } from "./fact-cells.js";
import { formatPrecision, monthDayOfNumber, readDateSpanEnd, readMonthSpan, readSlashDate, isSlashFourYearDate, slashOrderOf, type SlashOrder, type ReadDate } from "../normalise/dates.js";
import { isDateFormat } from "../xlsx/date-format.js";
import { saysNone } from "../template/none-words.js";
import { titlePeriod, type TitlePeriod } from "./title-year.js";
import { dateInYear, monthInYear, monthSpanEndInYear } from "./year-supplied.js";
import { coverFacts } from "./cover-facts.js";
import { readNotes, type NoteFact } from "../notes/read-notes.js";
import type { FieldParsed } from "../template/schema.js";
import type { HeaderLayout } from "../detect/layout.js";
import { classifyRow, type RowKind } from "../rows/classify-row.js";
import { sectionFacts, type SectionFact } from "../rows/section-facts.js";
import { decodeCell, readHeaderCodes } from "../detect/header-codes.js";
import { allowedValuesByColumn } from "./list-validations.js";
import { unspacedHalfWidth } from "../normalise/text.js";
import { readSentenceCell, sentenceColumnsOf, type SentenceUnread } from "./sentence-fields.js";

/** One column of a repeating group (a month), shared by every record. */
export interface RepeatColumn {
  col: number;
  /** Its month (1..12), its year (a year group), or an item's full marks (a 百分制 group). */
  period: number;
  /** The year its header names (2025年1月, or 2025年 over 1月…12月), when it names one. */
  year?: number;
  /** Months it covers from `period` on, when more than one (a quarter column: 3). */
  span?: number;
  fieldIndex: number;
}

/** A fact read from a cell of the row: where it was written, and what it says. */
export interface RowFact extends NoteFact {
  row: number;
  col: number;
}

/** A value a record takes from elsewhere than its own cell: a section heading or a note. */
export interface ValueSource {
  row: number;
  col: number;
  /** A section heading or a note of the same sheet, or another ledger of the book (its sheet named). */
  from: "section" | "note" | "book" | "span" | "cover" | "above";
  sheet?: string;
}

/** A data row, typed and normalised; values are indexed like the template's fields. */
export interface LedgerRecord {
  /** 0-based sheet row. */
  row: number;
  values: (NormValue | null)[];
  /** Values of the repeating group, indexed like `RecordSet.repeatColumns` (ordered by period). */
  repeat: (NormValue | null)[];
  /** Date fields written to the month or year only (1968.02): field index → precision. */
  precision?: Map<number, "month" | "year">;
  /** Facts read from the row's notes. */
  facts?: RowFact[];
  /** Fields whose value came from a section heading or a note, not from the row's own cell. */
  sources?: Map<number, ValueSource>;
  /** The section heading the row sits under, if any. */
  section?: Section;
}

export interface Section {
  row: number;
  /** The column the heading is written in (a table need not start in column A). */
  col: number;
  label: string;
  facts: SectionFact[];
}

/** A derived row (合计, 小计): its values in the bound numeric columns, for checking against the data. */
export interface DerivedRow {
  row: number;
  kind: "total" | "subtotal";
  /** The data records it sums: every one above it (合计), or those since the last subtotal or section (小计). */
  first: number;
  last: number;
  /**
   * A 合计 below an earlier 合计 with records between (one 合计 per person or group, 分类测评 with four rater rows
   * each): the first record since that earlier one, the group this 合计 may close instead of the whole sheet.
   */
  groupFirst?: number;
}

export interface CellProblem extends NormProblem {
  row: number;
  col: number;
  fieldIndex: number;
}

export type RoleCounts = Record<RowKind | "header", number>;

export interface RecordSet {
  fields: FieldParsed[];
  /** Sheet column of each field, -1 when the sheet lacks it. */
  colOf: number[];
  /** Allowed values of a field from the sheet's own drop-down lists, when it has one. */
  listOf: (Set<string> | null)[];
  /** The repeating group's columns (monthly dues), in period order. */
  repeatColumns: RepeatColumn[];
  /** Repeating fields (monthly columns) that the sheet has. */
  repeatFields: Set<number>;
  /** Fields no column holds that the ends of spans in another column fill (培训时间 "2024.10.8-10.9" → its end). */
  spanFields: Set<number>;
  records: LedgerRecord[];
  problems: CellProblem[];
  sections: Section[];
  derived: DerivedRow[];
  /** How many rows below the header are of each kind. */
  roles: RoleCounts;
  /** Columns whose free text is read for facts (备注, 缴费说明, unbound 说明 columns). */
  noteColumns: number[];
  /** Unassigned columns that give a person's post (职务): who the speaker of a row is. */
  postColumns: number[];
  /** Date columns some of whose dates lack their year and were read in the title's year (said to the clerk). */
  yearSupplied: YearSupplied[];
  /** Date columns whose slash dates (7/1/2019) were read in the order the column shows (said to the clerk). */
  slashRead: SlashRead[];
  /** Sentence cells (参会情况) not understood, per column: their counts unchecked, said so. */
  sentenceUnread?: SentenceUnread[];
}

/** Slash dates of one column (7/1/2019), read month first or day first as the whole column says. */
export interface SlashRead {
  fieldIndex: number;
  col: number;
  count: number;
  example: string;
  order: SlashOrder;
}

/** Dates of one column written without their year (1月12日), read in the year the title names. */
export interface YearSupplied {
  fieldIndex: number;
  col: number;
  count: number;
  /** The first such cell's text, for the message. */
  example: string;
  /** The period as the title names it (2024年, 2024-2025学年). */
  period: string;
}

/** Two counts in one cell: 25/23. */
const PAIR = /^(\d{1,5})\/(\d{1,5})$/;
/** 同上 / 〃 / 〃〃 / " (ditto) say the value above; 同左 the one to the left. */
const SAME_ABOVE = /^(?:同上|〃+|"|”|ditto|同前)$/i;
const SAME_LEFT = /^同左$/;

function sameAs(raw: string): "above" | "left" | null {
  const t = raw.trim();
  if (t.length > 5) return null;
  return SAME_ABOVE.test(t) ? "above" : SAME_LEFT.test(t) ? "left" : null;
}

/** Free-text fields whose words are read for facts. */
const NOTE_FIELDS = new Set(["note", "explanation"]);
const NOTE_HEADER = /备注|说明|情况|原因/;
const POST_HEADER = /职务|职位|身份/;

function noteColumnsOf(layout: HeaderLayout, fields: FieldParsed[]): number[] {
  const cols = layout.columns.filter((b) => NOTE_FIELDS.has(fields[b.fieldIndex]!.name)).map((b) => b.col);
  for (const u of layout.unbound) if (NOTE_HEADER.test(unspacedHalfWidth(u.header))) cols.push(u.col);
  return cols.sort((a, b) => a - b);
}

/** The records of a sheet under its header: data rows typed, sections carried down, notes read. */
export function buildRecords(view: SheetView, layout: HeaderLayout): RecordSet {
  const fields = layout.index.template.fields;
  const fieldByName = new Map(fields.map((f, i) => [f.name, i]));
  const colOf = fields.map(() => -1);
  const repeatColumns: RepeatColumn[] = [];
  for (const b of layout.columns) {
    if (b.period !== undefined) repeatColumns.push({ col: b.col, period: b.period, fieldIndex: b.fieldIndex, ...(b.year !== undefined ? { year: b.year } : {}), ...(b.span !== undefined ? { span: b.span } : {}) });
    else colOf[b.fieldIndex] = b.col;
  }
  repeatColumns.sort((a, b) => (a.year ?? 0) - (b.year ?? 0) || a.period - b.period || a.col - b.col);
  const headerOf = new Map(layout.columns.map((b) => [b.col, b.header.split(" / ").pop()!]));
  const bound = colOf.flatMap((col, f) => (col >= 0 ? [{ f, col, type: fields[f]!.type, aliases: fields[f]!.valueAliases, none: fields[f]!.noneWords?.length ? fields[f]! : undefined, codes: readHeaderCodes(headerOf.get(col) ?? "")?.codes, grades: fields[f]!.type === "string" ? fields[f]!.content?.values : undefined }] : []));
  const repeatTypes = repeatColumns.map((rc) => fields[rc.fieldIndex]!.type);
  // An item column of a 百分制 form (述职报告（20分）): 满分 there is its full marks, the header's number.
  const fullMarks = repeatColumns.map((rc) => fields[rc.fieldIndex]!.repeat?.period === "points");
  const lists = allowedValuesByColumn(view, layout.firstDataRow);
  const listOf = colOf.map((c) => (c >= 0 ? (lists.get(c) ?? null) : null));
  const noteColumns = noteColumnsOf(layout, fields);
  const postColumns = layout.unbound.filter((u) => POST_HEADER.test(unspacedHalfWidth(u.header))).map((u) => u.col);
  const leaves = layout.columns.map((b) => ({ col: b.col, leaf: b.header.split(" / ").pop()!.trim() }));
  const extensionField = fieldByName.get("extensionMonths");
  const nameField = fieldByName.get("name");
  // Date and month columns whose cells may hold a span, and the field each span's end fills.
  const spans = bound.flatMap(({ f, col, type }) => {
    const end = fields[f]!.rangeEnd === undefined ? undefined : fieldByName.get(fields[f]!.rangeEnd!);
    return end !== undefined && colOf[end] === -1 ? [{ col, end, months: type === "month" }] : [];
  });
  // Count columns whose cells may hold a pair (应到/实到 "25/23"), and the field its second figure fills.
  const pairs = new Map<number, number>();
  for (const { f } of bound) {
    const end = fields[f]!.pairEnd === undefined ? undefined : fieldByName.get(fields[f]!.pairEnd!);
    if (end !== undefined && colOf[end] === -1) pairs.set(f, end);
  }
  // A cell of votes (优16 合4 基0 不0) where the sheet has no column for each grade's votes: it fills them.
  const voteText = fieldByName.get("votesText");
  const voteFields = VOTE_FIELDS.map((n) => fieldByName.get(n) ?? -1);
  const spreadVotes = voteText !== undefined && colOf[voteText]! >= 0 && voteFields.every((f) => f >= 0 && colOf[f] === -1);
  // The ballots the cell states first (发出35张，收回34张，有效34张), where no column holds them.
  const ballotFields = BALLOT_FIELDS.map((n) => fieldByName.get(n) ?? -1).map((f) => (f >= 0 && colOf[f] === -1 ? f : -1));
  const ballotsSpread = new Set<number>();
  // 测评票（优秀、合格、基本合格、不合格） | 9、14、2、0: bare counts in the order the header names the grades.
  const voteOrder = spreadVotes ? voteOrderOfHeader(headerOf.get(colOf[voteText!]!) ?? "") : null;
  // 入党及转正 | 2015.6.12入党；2016.6.12转正: one cell for both dates, where the sheet has no 转正 column.
  const joinField = fieldByName.get("joinDate");
  const fullField = fieldByName.get("fullDate");
  const spreadJoin = joinField !== undefined && fullField !== undefined && colOf[joinField]! >= 0 && colOf[fullField] === -1 && /转正/.test(headerOf.get(colOf[joinField]!) ?? "");
  const extensionSpread = spreadJoin && extensionField !== undefined && colOf[extensionField] === -1;
  // 基本情况 | 男，汉族，1988年3月生，大学本科: the facts of the fields the sheet has no column for.
  const basicField = fieldByName.get("basicInfo");
  const basicTargets = (["sex", "ethnicity", "birthDate", "education"] as const).map((n) => fieldByName.get(n) ?? -1);
  const spreadBasic = basicField !== undefined && colOf[basicField]! >= 0;
  // Sentence columns (参会情况 "应到22人，实到20人…") and the fields they fill.
  const sentenceCols = sentenceColumnsOf(fields, colOf);
  const sentenceUnread: SentenceUnread[] = [];
  const records: LedgerRecord[] = [];
  const problems: CellProblem[] = [];
  const sections: Section[] = [];
  const derived: DerivedRow[] = [];
  const roles: RoleCounts = { data: 0, header: 0, blank: 0, instruction: 0, notice: 0, total: 0, subtotal: 0, section: 0 };
  const cover = coverFacts(view, layout.headerTop, layout.index, colOf);
  const sheetWide = sheetWideFacts(view, layout.headerTop);
  let section: Section | undefined;
  let groupStart = 0;
  // The title's period, looked for only when a date lacks its year.
  let period: TitlePeriod | null | undefined;
  const yearSupplied: YearSupplied[] = [];
  const inTitleYear = (f: number, col: number, raw: unknown, type: string): Coarse | number | null => {
    if (typeof raw !== "string" || (type !== "date" && type !== "datetime" && type !== "month")) return null;
    if (period === undefined) period = titlePeriod(view, layout.headerTop);
    if (!period) return null;
    const value = type === "month" ? monthInYear(raw, period.yearOf) : dateInYear(raw, period.yearOf);
    if (value === null) return null;
    const seen = yearSupplied.find((y) => y.fieldIndex === f);
    if (seen) seen.count++;
    else yearSupplied.push({ fieldIndex: f, col, count: 1, example: raw.trim(), period: period.label });
    return value;
  };
  // 7/1/2019: the column decides month or day first, once, from all its slash dates.
  const slashOrders = new Map<number, SlashOrder | null>();
  const slashRead: SlashRead[] = [];
  const inSlashOrder = (f: number, col: number, raw: unknown, type: string): number | Flagged | null => {
    if (typeof raw !== "string" || (type !== "date" && type !== "datetime") || !isSlashFourYearDate(raw)) return null;
    let order = slashOrders.get(col);
    if (order === undefined) {
      const texts: string[] = [];
      for (let r = layout.firstDataRow; r < view.rowCount; r++) {
        const t = view.merged(r, col);
        if (typeof t === "string") texts.push(t);
      }
      order = slashOrderOf(texts);
      slashOrders.set(col, order);
    }
    if (order === null) return new Flagged({ code: "value.slashOrderMixed", severity: "error", args: { value: raw.trim() } }, null);
    const read = readSlashDate(raw, order);
    if (!read) return null;
    const seen = slashRead.find((s) => s.fieldIndex === f);
    if (seen) seen.count++;
    else slashRead.push({ fieldIndex: f, col, count: 1, example: raw.trim(), order });
    return read.day;
  };
  // A span written without its year (10月30日至11月2日) is read in the title's year, as its start is.
  const spanYearOf = (): ((month: number) => number) | undefined => {
    if (period === undefined) period = titlePeriod(view, layout.headerTop);
    return period?.yearOf;
  };
  for (let row = layout.firstDataRow; row < view.rowCount; row++) {
    const kind = repeatsHeader(view, row, leaves) ? "header" : classifyRow(view, row, row - layout.firstDataRow);
    roles[kind]++;
    if (kind === "section") {
      const { text: label, col } = firstText(view, row);
      section = { row, col, label, facts: sectionFacts(label) };
      sections.push(section);
      groupStart = records.length;
      continue;
    }
    if (kind === "total" || kind === "subtotal") {
      const previousTotal = kind === "total" ? derived.findLast((d) => d.kind === "total") : undefined;
      const since = previousTotal ? previousTotal.last + 1 : -1;
      derived.push({ row, kind, first: kind === "total" ? 0 : groupStart, last: records.length - 1, ...(since > 0 && since < records.length ? { groupFirst: since } : {}) });
      if (kind === "subtotal") groupStart = records.length;
      continue;
    }
    if (kind !== "data") continue;
    const values: (NormValue | null)[] = new Array(fields.length).fill(null);
    const rec: LedgerRecord = { row, values, repeat: [] };
    const problemsBefore = problems.length;
    for (const { f, col, type, aliases, none, codes, grades } of bound) {
      let raw = view.merged(row, col);
      // 同上, 〃: the value of the row above, as clerks write a repeated unit, base or group; 同左: the cell to the left.
      // Not for a person's own number (an ID, a phone, anything unique): 同上 there is a cell left unfilled.
      const same = typeof raw === "string" && type !== "idNumber" && type !== "phone" && !fields[f]!.constraints?.unique ? sameAs(raw) : null;
      if (same === "above" && records.length > 0) {
        const above = records[records.length - 1]!;
        if (above.values[f] !== null) {
          values[f] = above.values[f]!;
          const p = above.precision?.get(f);
          if (p) (rec.precision ??= new Map()).set(f, p);
          (rec.sources ??= new Map()).set(f, above.sources?.get(f) ?? { row: above.row, col, from: "above" });
          continue;
        }
      } else if (same === "left" && col > view.firstCol) raw = view.merged(row, col - 1);
      // 人员类别（1-正式党员 2-预备党员） over a cell saying 2: the cell says 预备党员.
      if (codes) raw = decodeCell(codes, raw) ?? raw;
      // 党龄「预备」: the member has no such value yet, on purpose; not a number gone wrong.
      if (none && typeof raw === "string" && saysNone(none, raw)) continue;
      const pairEnd = pairs.get(f);
      const pair = pairEnd !== undefined && typeof raw === "string" ? PAIR.exec(unspacedHalfWidth(raw)) : null;
      if (pair) {
        values[f] = Number(pair[1]);
        values[pairEnd!] = Number(pair[2]);
        (rec.sources ??= new Map()).set(pairEnd!, { row, col, from: "span" });
        continue;
      }
      const joined = spreadJoin && f === joinField && typeof raw === "string" ? readJoinFacts(raw) : null;
      if (joined) {
        setRead(rec, f, joined.join);
        if (joined.full) setRead(rec, fullField!, joined.full, { row, col, from: "span" });
        if (extensionSpread && joined.extensionMonths !== null) {
          values[extensionField!] = joined.extensionMonths;
          (rec.sources ??= new Map()).set(extensionField!, { row, col, from: "span" });
        }
        continue;
      }
      let v = normaliseFast(raw, type);
      if (aliases && typeof v === "string") v = aliases[v] ?? v;
      // 经支委会研究，评定为合格: the grade the sentence gives, where it names one of the field's values.
      if (grades && typeof v === "string" && v.length > 3 && !grades.includes(v)) v = verdictOf(v, grades) ?? v;
      if (v instanceof Flagged && v.problem.code === "value.notDate") v = inSlashOrder(f, col, raw, type) ?? inTitleYear(f, col, raw, type) ?? v;
      else if (v instanceof Flagged && v.problem.code === "value.notMonth") v = inTitleYear(f, col, raw, type) ?? v;
      else if (typeof v === "number" && typeof raw === "number" && (type === "date" || type === "datetime")) {
        // 3.15 in a General cell is a month and day, never a 1900 serial; else a serial shown as yyyy.mm is a month.
        if (raw < 13 && !Number.isInteger(raw) && !isDateFormat(view.format(row, col) ?? "General")) {
          const text = monthDayOfNumber(raw);
          v = (text !== null ? inTitleYear(f, col, text, type) : null) ?? new Flagged({ code: "value.notDate", severity: "error", args: { value: String(raw) } }, null);
        } else v = coarseByFormat(view, row, col, v);
      }
      if (v instanceof Flagged) {
        problems.push({ ...v.problem, row, col, fieldIndex: f });
        values[f] = v.value;
      } else if (v instanceof Coarse) {
        values[f] = v.value;
        (rec.precision ??= new Map()).set(f, v.precision);
      } else values[f] = v;
    }
    const repeat: (NormValue | null)[] = new Array(repeatColumns.length);
    for (let i = 0; i < repeatColumns.length; i++) {
      const rc = repeatColumns[i]!;
      const raw = view.value(row, rc.col);
      // A month's √ or 补交1-4月: paid, the amount not written (rules count it at the stated standard).
      const v = repeatTypes[i] === "money" && typeof raw === "string" && isPaidMarkText(raw) ? PAID_MARK : fullMarks[i] && typeof raw === "string" && saysFullMarks(raw) ? rc.period : normaliseFast(raw, repeatTypes[i]!);
      if (v instanceof Flagged) {
        problems.push({ ...v.problem, row, col: rc.col, fieldIndex: rc.fieldIndex });
        repeat[i] = v.value;
      } else if (v instanceof Coarse) repeat[i] = v.value;
      else repeat[i] = v;
    }
    rec.repeat = repeat;
    for (const sc of sentenceCols) {
      const raw = view.merged(row, sc.col);
      const read = readSentenceCell(sc, raw);
      if (!read) {
        // A dash or 无 is a cell left empty on purpose (转正表决情况 "/" before the 转正): nothing to read.
        if (typeof raw !== "string" || /^\s*(?:[/／\\—–\-－]+|无)?\s*$/.test(raw)) continue;
        const seen = sentenceUnread.find((u) => u.col === sc.col);
        if (seen) seen.count++;
        else sentenceUnread.push({ fieldIndex: sc.fieldIndex, col: sc.col, count: 1, example: raw.trim() });
        continue;
      }
      for (const [f, v] of read.values) {
        values[f] = v;
        (rec.sources ??= new Map()).set(f, { row, col: sc.col, from: "span" });
      }
      for (const p of read.problems) problems.push({ ...p, row, col: sc.col, fieldIndex: sc.fieldIndex });
    }
    // Only a 序号 (or another unbound cell) filled in: a numbered line of a blank form, not a record.
    // A form without a 序号 column numbered in its first column (姓名) is the same: "1" is no name.
    if ((values.every((v) => v === null) || onlyNumberedName(values, nameField)) && repeat.every((v) => v === null) && problems.length === problemsBefore) {
      roles.data--;
      roles.blank++;
      continue;
    }
    for (const { col, end, months } of spans) {
      const raw = view.merged(row, col);
      const last = typeof raw !== "string" ? null : months ? (readMonthSpan(raw)?.to ?? monthSpanEndInYear(raw, spanYearOf())) : readDateSpanEnd(raw, spanYearOf());
      if (last === null) continue;
      // A span of months ending a date field (任期 2021.06-2024.06 → 应换届时间) ends in that month, to the month.
      if (months && fields[end]!.type !== "month") {
        values[end] = fromYmd(Math.floor(last / 12), (last % 12) + 1, 1);
        (rec.precision ??= new Map()).set(end, "month");
      } else values[end] = last;
      (rec.sources ??= new Map()).set(end, { row, col, from: "span" });
    }
    const basic = spreadBasic && typeof values[basicField!] === "string" ? readBasicFacts(values[basicField!] as string) : null;
    if (basic) {
      const source = { row, col: colOf[basicField!]!, from: "span" } as const;
      const [sexF, ethnicityF, birthF, educationF] = basicTargets;
      const put = (f: number, v: string | undefined) => {
        if (f < 0 || colOf[f]! >= 0 || v === undefined) return;
        values[f] = v;
        (rec.sources ??= new Map()).set(f, source);
      };
      put(sexF!, basic.sex);
      put(ethnicityF!, basic.ethnicity);
      put(educationF!, basic.education);
      if (basic.birth && birthF! >= 0 && colOf[birthF!] === -1) setRead(rec, birthF!, basic.birth, source);
    }
    const voteCell = spreadVotes && typeof values[voteText!] === "string" ? (values[voteText!] as string) : null;
    const inOrder = voteCell !== null && voteOrder ? votesInOrder(voteCell, voteOrder) : null;
    const read = voteCell === null ? null : (ballotsAndVotesInText(voteCell) ?? (inOrder ? { ballots: [null, null, null], votes: inOrder } : null));
    if (read) {
      voteFields.forEach((f, k) => {
        values[f] = read.votes[k]!;
        (rec.sources ??= new Map()).set(f, { row, col: colOf[voteText!]!, from: "span" });
      });
      ballotFields.forEach((f, k) => {
        const n = read.ballots[k];
        if (f < 0 || n === null || n === undefined) return;
        values[f] = n;
        ballotsSpread.add(f);
        (rec.sources ??= new Map()).set(f, { row, col: colOf[voteText!]!, from: "span" });
      });
    }
    // 参加测评党员：28人, 应换届时间 | 2025年4月 above the header: every row's, where the row has no cell for it.
    for (const c of cover) {
      values[c.fieldIndex] = c.value;
      if (c.precision) (rec.precision ??= new Map()).set(c.fieldIndex, c.precision);
      (rec.sources ??= new Map()).set(c.fieldIndex, { row: c.row, col: c.col, from: "cover" });
    }
    if (section) {
      rec.section = section;
      for (const fact of section.facts) {
        const f = fieldByName.get(fact.field);
        if (f === undefined || values[f] !== null) continue;
        values[f] = fact.value;
        (rec.sources ??= new Map()).set(f, { row: section.row, col: section.col, from: "section" });
      }
    }
    for (const col of noteColumns) {
      const v = view.value(row, col);
      if (typeof v !== "string" || v.trim() === "") continue;
      for (const fact of readNotes(v)) {
        (rec.facts ??= []).push({ ...fact, row, col });
        if (fact.kind === "extension" && extensionField !== undefined && values[extensionField] === null && fact.months !== undefined) {
          values[extensionField] = fact.months;
          (rec.sources ??= new Map()).set(extensionField, { row, col, from: "note" });
        }
      }
    }
    // 经支部委员会研究同意，本支部党员按季度交纳党费 above the header: said for every row.
    for (const fact of sheetWide) (rec.facts ??= []).push(fact);
    records.push(rec);
  }
  const repeatFields = new Set(repeatColumns.map((r) => r.fieldIndex));
  const spanFields = new Set([
    ...spans.map((s) => s.end),
    ...pairs.values(),
    ...(spreadVotes ? voteFields : []),
    ...ballotsSpread,
    ...(spreadJoin ? [fullField!] : []),
    ...(extensionSpread ? [extensionField!] : []),
    ...(spreadBasic ? basicTargets.filter((f) => f >= 0 && colOf[f] === -1) : []),
  ]);
  for (const sc of sentenceCols) for (const f of sc.fills) if (f !== undefined && records.some((r) => r.values[f] !== null)) spanFields.add(f);
  return { fields, colOf, listOf, repeatColumns, repeatFields, spanFields, records, problems, sections, derived, roles, noteColumns, postColumns, yearSupplied, slashRead, ...(sentenceUnread.length ? { sentenceUnread } : {}) };
}

/** A date read from a cell of several facts, to the precision it was written; `source` where it is another field's cell. */
function setRead(rec: LedgerRecord, f: number, read: ReadDate, source?: ValueSource): void {
  rec.values[f] = read.day;
  if (read.precision !== "day") (rec.precision ??= new Map()).set(f, read.precision);
  if (source) (rec.sources ??= new Map()).set(f, source);
}

function coarseByFormat(view: SheetView, row: number, col: number, day: number): number | Coarse {
  const owner = view.coveringMerge(row, col);
  const format = owner ? view.format(owner.r0, owner.c0) : view.format(row, col);
  if (format === null) return day;
  const precision = formatPrecision(format);
  if (precision === "day") return day;
  const { y, m } = toYmd(day);
  return new Coarse(fromYmd(y, precision === "month" ? m : 1, 1), precision);
}

/**
 * A printed ledger repeats its header after each page break: a row whose cells say what the
 * header says, in most of the bound columns, is a header again, not a record.
 */
function repeatsHeader(view: SheetView, row: number, leaves: readonly { col: number; leaf: string }[]): boolean {
  if (leaves.length < 2) return false;
  // Most rows are data: one look at the first two bound cells settles them.
  const a = view.value(row, leaves[0]!.col);
  const b = view.value(row, leaves[1]!.col);
  if (!(typeof a === "string" && a.trim() === leaves[0]!.leaf) && !(typeof b === "string" && b.trim() === leaves[1]!.leaf)) return false;
  let same = 0;
  for (const { col, leaf } of leaves) {
    const v = view.value(row, col);
    if (typeof v === "string" && v.trim() === leaf) same++;
  }
  return same >= 2 && same * 5 >= leaves.length * 3;
}

function firstText(view: SheetView, row: number): { text: string; col: number } {
  const values = view.rowValues(row);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v === "string" && v.trim() !== "") return { text: v.trim(), col: view.firstCol + i };
  }
  return { text: "", col: view.firstCol };
}

/** The record holds nothing but a line number where the name goes. */
function onlyNumberedName(values: (NormValue | null)[], nameField: number | undefined): boolean {
  if (nameField === undefined) return false;
  const name = values[nameField];
  if (!(typeof name === "string" && /^\d{1,4}$/.test(name.trim())) && typeof name !== "number") return false;
  for (let i = 0; i < values.length; i++) if (i !== nameField && values[i] !== null) return false;
  return true;
}

/** Facts that a line above the header says of the whole sheet (the branch's consent to pay by quarter). */
const SHEET_WIDE_KINDS = new Set(["duesConsent"]);

function sheetWideFacts(view: SheetView, headerTop: number): RowFact[] {
  const out: RowFact[] = [];
  for (let r = view.firstRow; r < headerTop; r++) {
    const values = view.rowValues(r);
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v !== "string" || v.length > 200) continue;
      for (const fact of readNotes(v)) if (SHEET_WIDE_KINDS.has(fact.kind)) out.push({ ...fact, row: r, col: view.firstCol + i });
    }
  }
  return out;
}
