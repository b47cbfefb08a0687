import type { SheetGrid, WorkbookGrid } from "../grid/types.js";
import { sideBySideBlocks, type SheetBlock } from "../grid/side-by-side.js";
import { yearGroupBlocks } from "../grid/year-groups.js";
import { stackedSplit } from "../grid/stacked.js";
import { transposeGrid, untransposeCell, untransposePlace } from "../grid/transpose.js";
import { readMemberCard } from "../grid/member-card.js";
import { classifyRow } from "../rows/classify-row.js";
import type { SheetView } from "../grid/sheet-view.js";
import { foldedColumn, foldTwoRowRecords, placeOnFolded, type FoldedRecords } from "../grid/two-row-records.js";
import { renderMessage } from "../findings/render.js";
import type { CheckReport, Finding, SheetReport } from "../findings/types.js";
import { prepareMeetingMatrix } from "../check/matrix-sheet.js";
import { checkQuarterCountSheet } from "../check/quarter-count-sheet.js";
import { checkOrgSummary, readSummaryOfOrganisations, type OrgSummary } from "../check/org-summary-sheet.js";
import { checkItemScoreSheet } from "../check/item-score-sheet.js";
import { admittedListOf } from "./admitted-list.js";
import { prepareLongForm, preparePathCells } from "../check/long-form-sheet.js";
import { placeOnMatrix, type UnfoldedMatrix } from "../detect/meeting-matrix.js";
import { prepareSheet, resolveAsOf, ruleContextOf, runSheet, type PreparedSheet } from "../check/check-sheet.js";
import type { CheckOptions } from "../check/options.js";
import { DEFAULT_RULE_SET } from "../ruleset/default.js";
import type { BookContext } from "./context.js";
import { BookFindings, relatedOf } from "./emit.js";
import { BookLedger } from "./ledger.js";
import { lendDevelopmentDates, lendRosterDates } from "./link.js";
import { registerPartsOf, type RegisterPart } from "./register-parts.js";
import { continuationsOf } from "./continuation.js";
import { RosterIndex } from "./roster-index.js";
import { checkDevelopmentAgainstRoster } from "./rules/development-roster.js";
import { checkDuesAgainstRoster } from "./rules/dues-roster.js";
import { checkDuesBaseChanges } from "./rules/dues-base-change.js";
import { checkVotersAgainstRoster } from "./rules/meetings-roster.js";
import { checkRosterRepeats } from "./rules/roster-repeats.js";
import { checkRosterVersions, currentRosters } from "./rules/roster-versions.js";
import { checkAppraisalAgainstRoster } from "./rules/appraisal-roster.js";
import { checkCommitteeAgainstRoster } from "./rules/committee-roster.js";
import { checkCommitteeMeetingsAgainstList } from "./rules/committee-meetings.js";
import { checkMobileAgainstRoster, checkRosterAgainstChanges } from "./rules/roster-changes.js";
import { readChangeRegister, readMobileList } from "./member-lists.js";
import { readNoteCounts } from "./count-note.js";
import { checkNoteCounts } from "./rules/count-note-roster.js";

/** One file (or one workbook) of a book. */
export interface BookPart {
  grid: WorkbookGrid;
  /** The file's name, when the book spans several files (it names the part in every finding). */
  file?: string;
  /**
   * What this part is checked with when it differs from the book's options: a 报送任务's own
   * template (and `fit`) and rule set, where a branch's book is its submissions to several.
   */
  options?: Pick<CheckOptions, "template" | "templates" | "ruleSet" | "mapping">;
}

/** The options one part of the book is checked with. */
function optionsOf(part: BookPart, opts: CheckOptions): CheckOptions {
  if (!part.file && !part.options) return opts;
  return { ...opts, ...part.options, ...(part.file ? { fileName: part.file } : {}) };
}

/** A sign-off or note line (填表人：… 审核人：…), which no table structure is judged by. */
const isFootLine = (view: SheetView, row: number) => classifyRow(view, row, 1) === "notice";

const SEVERITY_ORDER = { error: 0, warning: 1, info: 2 } as const;

/** Findings in row order, errors before warnings, sheet-level ones (no row) last. */
export function sortFindings(findings: Finding[]): Finding[] {
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.row ?? Infinity) - (b.f.row ?? Infinity) || SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .map((x) => x.f);
}

/**
 * A branch's 台账 as one book: the sheets of one workbook, or of several files given together,
 * each checked as itself and then against each other (§6.3 #8, #10–#12; M2, M9, M11). The
 * roster is the book's list of members: a dues ledger borrows its admission and transfer dates,
 * the meetings register and the committee list learn from it how many full members the branch
 * has, and entries that disagree with it are findings that name the roster's entry.
 */
export function checkBook(parts: BookPart[], opts: CheckOptions = {}): CheckReport {
  const prepared = prepareBook(parts, opts);
  const report: CheckReport = { sheets: [], findings: [] };
  for (const slot of prepared.slots) {
    const { report: sheetReport, findings } = runSlot(slot, prepared, opts);
    const file = prepared.several ? slot.part.file : undefined;
    report.sheets.push(file ? { ...sheetReport, file } : sheetReport);
    const sorted = sortFindings(findings);
    for (const f of sorted) report.findings.push(file ? { ...f, file } : f);
  }
  for (const f of crossCheckBook(prepared, opts)) report.findings.push(f);
  return report;
}

/** One slot's own rules: its report and findings, placed at the cells as written (a transposed sheet's turned back). */
export function runSlot(slot: BookSlot, prepared: PreparedBook, opts: CheckOptions): { report: SheetReport; findings: Finding[] } {
  let report = slot.report!;
  let findings = slot.findings ?? [];
  if (slot.prepared) {
    const r = runSheet(slot.prepared, optionsOf(slot.part, opts), slot.book ?? prepared.book);
    report = r.report;
    findings = r.findings;
  }
  if (slot.matrix || slot.transposed || slot.folded) findings = findings.map((f) => asWritten(slot, f));
  if (slot.folded) report = foldedReport(report, slot.folded, opts);
  if (slot.matrix) {
    const placeOf = slot.matrix.placeOf;
    report = {
      ...report,
      headerRow: slot.matrix.headerRow + 1,
      matched: [],
      columns: [],
      facts: report.facts.flatMap((f) => {
        const cell = placeOf.get(f.cell);
        return cell ? [{ ...f, cell }] : [];
      }),
      reason: renderMessage(slot.matrix.readAs, opts.lang ?? "zh", slot.matrix.readArgs) + report.reason,
    };
  }
  if (slot.transposed) {
    report = { ...report, facts: report.facts.map((f) => ({ ...f, ...untransposeCell(f.cell) })), reason: renderMessage("sheet.transposed", opts.lang ?? "zh") + report.reason };
  }
  if (slot.block) {
    const said = slot.blockYear ? "sheet.blockYear" : slot.blockRows ? "sheet.blockRows" : "sheet.block";
    report = { ...report, block: slot.block, reason: renderMessage(said, opts.lang ?? "zh", { columns: slot.block, rows: slot.block, year: slot.blockYear ?? "" }) + report.reason };
  }
  return { report, findings };
}

/** A report of records folded from two rows each, in the rows and columns of the sheet as written. */
function foldedReport(report: SheetReport, folded: FoldedRecords, opts: CheckOptions): SheetReport {
  const row = (r: number) => (folded.rowOf.get(r - 1) ?? r - 1) + 1;
  return {
    ...report,
    headerRow: report.headerRow === null ? null : row(report.headerRow),
    matched: report.matched.map((m) => ({ ...m, column: foldedColumn(m.column, folded) })),
    columns: report.columns.map((c) => ({ ...c, column: foldedColumn(c.column, folded) })),
    facts: report.facts.flatMap((f) => {
      const at = placeOnFolded({ cell: f.cell, row: f.row, column: null }, folded);
      return at.cell ? [{ ...f, cell: at.cell, row: at.row! }] : [];
    }),
    sections: report.sections.map((s) => ({ ...s, row: row(s.row) })),
    reason: renderMessage(`sheet.${folded.reading}`, opts.lang ?? "zh", { records: folded.records }) + report.reason,
  };
}

/** What one person's card of label–value pairs may be: a member's card, or a 发展党员全程纪实表 (one person's steps). */
const CARD_KINDS = new Set(["roster", "development"]);

/** How far from the sheet's left edge the field names of a transposed sheet may stand (a 序号 column first). */
const TRANSPOSED_HEADER_COLUMNS = 2;
/** The fewest records (columns) a transposed sheet must hold to be read so. */
const TRANSPOSED_MIN_RECORDS = 2;

/** A transposed reading counts only where the field names run down one of the first columns, a record in each column after. */
function namesDownFirstColumns(grid: WorkbookGrid["sheets"][number], read: PreparedSheet): boolean {
  const firstCol = grid.origin?.col ?? 0;
  const { layout } = read;
  if (layout.headerTop !== layout.headerRow || layout.headerRow >= firstCol + TRANSPOSED_HEADER_COLUMNS || read.set.records.length < TRANSPOSED_MIN_RECORDS) return false;
  // A form or a notice spreads a label's value over merged cells; a ledger's record columns are one cell wide.
  const fieldRows = new Set(layout.columns.map((c) => c.col));
  return !(grid.merges ?? []).some((m) => m.c1 > m.c0 && [...fieldRows].some((r) => r >= m.r0 && r <= m.r1));
}

export interface BookSlot {
  part: BookPart;
  /** The sheet's place in its part's workbook. */
  sheetIndex: number;
  /** The columns of the sheet's block, when the sheet holds tables side by side (or its rows, when one above the other). */
  block?: string;
  /** The block is a range of rows (tables one above the other), not of columns. */
  blockRows?: boolean;
  /** A block that is one year of a table keeping years side by side: the year heading (2024年度). */
  blockYear?: string;
  /** Read transposed: its findings are placed back at the cells as written. */
  transposed?: boolean;
  /** Members over two rows each, read as one record each: where each record's cells stand on the sheet. */
  folded?: FoldedRecords;
  /** A 三会一课 matrix read as one row per meeting: where each row's cells stand on the matrix. */
  matrix?: UnfoldedMatrix;
  report?: SheetReport;
  findings?: Finding[];
  /** A summary of one row per organisation, as read: a plan of admissions is checked again against the book's list. */
  summary?: { grid: SheetGrid; read: OrgSummary; unrecognised: SheetReport };
  prepared?: PreparedSheet;
  ledger?: BookLedger;
  /** What the book tells this sheet beyond what it tells every sheet (the other parts of its register). */
  book?: BookContext;
}

/** A book read and linked, before any rule runs. */
export interface PreparedBook {
  slots: BookSlot[];
  ledgers: BookLedger[];
  roster: RosterIndex;
  book: BookContext | null;
  several: boolean;
  asOf: number;
}

/** Every sheet in book order, recognised and read; the roster indexed and its dates lent to the dues ledgers. */
export function prepareBook(parts: BookPart[], opts: CheckOptions = {}): PreparedBook {
  const asOf = resolveAsOf(opts.asOf);
  const several = parts.length > 1;
  const slots: BookSlot[] = [];
  for (const part of parts) {
    const partOpts = optionsOf(part, opts);
    for (const [sheetIndex, sheet] of part.grid.sheets.entries()) {
      for (const { grid, columns, rows, year } of sideBySideBlocks(sheet, isFootLine).flatMap((b) => stackedBlocks(b, partOpts)).flatMap((b) => yearBlocks(b, partOpts))) {
        // Members over two rows each are read as one record each, when the folded sheet reads as a ledger.
        const twoRows = foldTwoRowRecords(grid);
        const foldedRead = twoRows ? prepareSheet(twoRows.grid, partOpts) : null;
        let folded = foldedRead && !foldedRead.done ? twoRows! : undefined;
        let p = folded ? foldedRead! : prepareSheet(grid, partOpts);
        // Nor a table at all, but one member's card of label–value pairs: read as a roster of one.
        if (!folded && p.done && p.report.status === "unrecognised") {
          const card = readMemberCard(grid, isFootLine);
          const read = card ? prepareSheet(card.grid, partOpts) : null;
          if (read && !read.done && CARD_KINDS.has(read.sheet.layout.index.template.kind)) [p, folded] = [read, card!];
        }
        const block = year ? { block: columns!, blockYear: year } : columns ? { block: columns } : rows ? { block: rows, blockRows: true } : {};
        // A sheet no ledger fits may be one kept the other way round: read it transposed when that fits one.
        let transposed = false;
        if (!folded && p.done && p.report.status === "unrecognised") {
          const t = prepareSheet(transposeGrid(grid), partOpts);
          if (!t.done && namesDownFirstColumns(grid, t.sheet)) [p, transposed] = [t, true];
        }
        // Nor a 三会一课 matrix (types down, months across): read as one row per meeting.
        let matrix: UnfoldedMatrix | undefined;
        if (!folded && p.done && p.report.status === "unrecognised") {
          const m = prepareMeetingMatrix(grid, partOpts);
          if (m) [p, matrix, transposed] = [{ done: false, sheet: m.prepared }, m.matrix, m.transposed];
        }
        // Nor a 三会一课 table of counts by quarter: checked by its counts.
        if (p.done && p.report.status === "unrecognised" && !matrix) {
          const q = checkQuarterCountSheet(grid, partOpts, p.report);
          if (q) p = { done: true, report: q.report, findings: q.findings };
        }
        // Nor a record kept one row per step, the name repeated (long form): read as one record per person.
        if (!folded && p.done && p.report.status === "unrecognised") {
          const l = prepareLongForm(grid, partOpts);
          if (l) [p, matrix] = [{ done: false, sheet: l.prepared }, l.folded];
        }
        // Nor one row a person with the whole path in one cell (发展历程: 2019.3.5递交入党申请书；…): read step by step.
        // A development ledger read by its other headers may keep its path in such a cell too: read it step by step.
        if (!folded && !matrix && (p.done ? p.report.status === "unrecognised" : p.sheet.layout.index.template.kind === "development")) {
          const c = preparePathCells(grid, partOpts);
          if (c) [p, matrix] = [{ done: false, sheet: c.prepared }, c.folded];
        }
        // Nor a summary with one row per organisation (a 党委's): checked by what the rules say of it.
        let summary: BookSlot["summary"];
        if (!folded && p.done && p.report.status === "unrecognised" && !matrix) {
          const read = readSummaryOfOrganisations(grid, partOpts);
          const checked = read ? checkOrgSummary(grid, read, partOpts, p.report) : null;
          if (checked) [summary, p] = [{ grid, read: read!, unrecognised: p.report }, { done: true, report: checked.report, findings: checked.findings }];
        }
        // Nor one organisation's 百分制 score sheet, its items down the rows: checked by its items and totals.
        if (!folded && p.done && p.report.status === "unrecognised" && !matrix) {
          const scored = checkItemScoreSheet(grid, partOpts, p.report);
          if (scored) p = { done: true, report: scored.report, findings: scored.findings };
        }
        if (p.done) slots.push({ part, sheetIndex, ...block, report: p.report, findings: p.findings, ...(summary ? { summary } : {}) });
        else slots.push({ part, sheetIndex, ...block, ...(transposed ? { transposed } : {}), ...(matrix ? { matrix } : {}), ...(folded ? { folded } : {}), prepared: p.sheet, ledger: new BookLedger(p.sheet, several ? part.file : undefined) });
      }
    }
  }
  const ledgers = slots.flatMap((s) => (s.ledger ? [s.ledger] : []));
  for (const part of parts) checkPlansAgainstLists(slots.filter((s) => s.part === part), optionsOf(part, opts));
  // A roster kept one sheet per year: the latest year's says who the members are (the earlier are compared with it).
  const roster = new RosterIndex(currentRosters(ledgers.filter((l) => l.kind === "roster")));
  lendRosterDates(
    ledgers.filter((l) => l.kind === "dues"),
    roster,
  );
  lendDevelopmentDates(ledgers.filter((l) => l.kind === "development"), roster, asOf);
  const book: BookContext | null = roster.rosters.length > 0 ? { fullMembers: roster.fullMembersOn(asOf) } : null;
  for (const part of parts) linkRegisterParts(slots.filter((s) => s.part === part), book, optionsOf(part, opts));
  for (const part of parts) linkContinuations(slots.filter((s) => s.part === part), book);
  return { slots, ledgers, roster, book, several, asOf };
}

/** A plan of admissions per branch against the book's list of those admitted, where the book has one. */
function checkPlansAgainstLists(slots: BookSlot[], opts: CheckOptions): void {
  const lists = slots.flatMap((s) => (s.ledger ? [s.ledger] : []));
  for (const slot of slots) {
    const s = slot.summary;
    if (!s || s.read.kind !== "development") continue;
    const list = admittedListOf(lists, s.read.table.year, s.read.table.rows.map((r) => r.org));
    const checked = list ? checkOrgSummary(s.grid, s.read, opts, s.unrecognised, list) : null;
    if (checked) [slot.report, slot.findings] = [checked.report, checked.findings];
  }
}

/**
 * A block's tables one above the other (一、入党积极分子 | 二、发展对象, each with its own header):
 * split only where each part reads as a ledger of its own, else the block stays whole.
 */
function stackedBlocks(block: SheetBlock, opts: CheckOptions): (SheetBlock & { rows?: string })[] {
  const split = stackedSplit(block.grid);
  if (!split) return [block];
  const upper = prepareSheet(split.upper, opts);
  const lower = prepareSheet(split.lower, opts);
  // A ledger with a table of another kind under it (a roster's 本年减少党员 block): the ledger is read
  // alone, and the block below is a part of its own, unchecked and said so, never rows of the ledger.
  if (!upper.done && lower.done && lower.report.status === "unrecognised") return [{ grid: split.upper, rows: split.upperRows }, { grid: split.lower, rows: split.lowerRows }];
  if (upper.done || lower.done) return [block];
  const rest = stackedBlocks({ grid: split.lower }, opts);
  const lowerRows = rest.length > 1 ? rest : [{ grid: split.lower, rows: split.lowerRows }];
  return [{ grid: split.upper, rows: split.upperRows }, ...lowerRows];
}

/**
 * A block that keeps several years side by side under year headings (2024年度 | 2025年度): split into one
 * table a year only where the whole reads as a ledger and each year reads as one of the same kind.
 */
function yearBlocks(block: SheetBlock & { rows?: string }, opts: CheckOptions): (SheetBlock & { rows?: string; year?: string })[] {
  const years = yearGroupBlocks(block.grid);
  if (!years) return [block];
  const whole = prepareSheet(block.grid, opts);
  if (whole.done) return [block];
  const kind = whole.sheet.layout.index.template.kind;
  for (const y of years) {
    const p = prepareSheet(y.grid, opts);
    if (p.done || p.sheet.layout.index.template.kind !== kind) return [block];
  }
  return years.map((y) => ({ grid: y.grid, columns: y.columns, year: y.year }));
}

/** The meetings (or dues) sheets of one workbook that are parts of one register (一季度 … 四季度, 1月 … 12月): each learns of the others. */
function linkRegisterParts(slots: BookSlot[], book: BookContext | null, opts: CheckOptions): void {
  for (const kind of ["meetings", "dues"]) linkPartsOfKind(slots, kind, book, opts);
}

function linkPartsOfKind(slots: BookSlot[], kind: string, book: BookContext | null, opts: CheckOptions): void {
  const sheets = slots.flatMap((slot) => (slot.prepared && slot.ledger?.kind === kind ? [{ sheet: slot.ledger.name, slot, prepared: slot.prepared }] : []));
  const found = registerPartsOf(sheets);
  if (!found) return;
  const base: BookContext = book ?? { fullMembers: null };
  const parts: RegisterPart[] = found.map((f) => ({ sheet: f.sheet, fromMonth: f.fromMonth, toMonth: f.toMonth, ctx: ruleContextOf(f.prepared, opts, base) }));
  for (const [i, f] of found.entries()) f.slot.book = { ...base, register: { parts, own: parts[i]! } };
}

/** The sheets of one workbook that continue the sheet before them (续表): each learns of the sheets it continues. */
function linkContinuations(slots: BookSlot[], book: BookContext | null): void {
  const ledgers = slots.flatMap((slot) => (slot.prepared && !slot.transposed ? [{ slot, prepared: slot.prepared }] : []));
  for (const [{ slot }, continued] of continuationsOf(ledgers)) slot.book = { ...(slot.book ?? book ?? { fullMembers: null }), continued };
}

/** The ledgers against each other: the book's own findings, in row order. */
export function crossCheckBook(prepared: PreparedBook, opts: CheckOptions = {}): Finding[] {
  const { ledgers, roster, book, asOf } = prepared;
  const ruleSet = opts.ruleSet ?? DEFAULT_RULE_SET;
  const of = (...kinds: string[]) => ledgers.filter((l) => kinds.includes(l.kind));
  const cross = new BookFindings(opts.lang ?? "zh");
  checkRosterRepeats(roster.rosters, cross, (later, earlier) => prepared.slots.some((s) => s.ledger === later && s.book?.continued?.declared === true && s.book.continued.sheets.some((c) => c.sheet === earlier.name)));
  checkRosterVersions(of("roster"), cross);
  checkDuesAgainstRoster(of("dues"), roster, asOf, cross);
  checkDuesBaseChanges(of("dues"), cross);
  checkDevelopmentAgainstRoster(of("development"), roster, asOf, cross, ruleSet.probation.months);
  checkVotersAgainstRoster(of("meetings"), of("development"), roster, ruleSet.meetings, cross);
  checkAppraisalAgainstRoster(of("appraisal"), roster, asOf, cross);
  checkCommitteeAgainstRoster(of("committee"), roster, asOf, cross);
  checkCommitteeMeetingsAgainstList(of("meetings"), of("committee"), ruleSet.meetings, cross);
  checkFactSheets(prepared, cross);
  if (book?.fullMembers !== null && book && book.fullMembers >= ruleSet.meetings.committeeFromMembers && of("committee").length === 0 && ledgers.length > 1) {
    const first = roster.rosters[0]!;
    cross.atCell(first, null, null, null, "book.noCommitteeSheet", "info", { members: book.fullMembers, from: ruleSet.meetings.committeeFromMembers }, relatedOf(first, null, null));
  }
  return sortFindings(placedAsWritten(cross.findings, prepared.slots));
}

/**
 * The sheets no ledger fits that a roster book keeps beside the roster (党员变动登记, 流动党员): read
 * as facts about the roster's members and held to it. They stay unchecked sheets of their own.
 */
function checkFactSheets(prepared: PreparedBook, cross: BookFindings): void {
  if (prepared.roster.rosters.length === 0) return;
  const unread = prepared.slots.filter((s) => !s.ledger && !s.block && (s.report?.status === "unrecognised" || s.report?.status === "skipped"));
  const file = (s: BookSlot) => (prepared.several ? s.part.file : undefined);
  const registers = unread.flatMap((s) => {
    const entries = readChangeRegister(s.part.grid.sheets[s.sheetIndex]!);
    return entries ? [{ file: file(s), entries }] : [];
  });
  const mobile = unread.flatMap((s) => {
    const entries = readMobileList(s.part.grid.sheets[s.sheetIndex]!);
    return entries ? [{ file: file(s), entries }] : [];
  });
  const notes = unread.flatMap((s) => {
    const counts = readNoteCounts(s.part.grid.sheets[s.sheetIndex]!);
    return counts ? [{ file: file(s), counts }] : [];
  });
  checkRosterAgainstChanges(registers, prepared.roster, prepared.asOf, cross);
  checkNoteCounts(notes, prepared.roster, prepared.asOf, cross);
  checkMobileAgainstRoster(mobile, prepared.roster, cross);
}

type Place = { cell: string | null; row: number | null; column: string | null };

/** A place on the records read from a slot's sheet (a matrix unfolded, a sheet turned round) at the sheet's cell as written. */
function asWritten<T extends Place>(slot: BookSlot, f: T): T {
  if (slot.folded) return placeOnFolded(f, slot.folded);
  const onSheet = slot.matrix ? placeOnMatrix(f, slot.matrix.placeOf) : f;
  return slot.transposed ? untransposePlace(onSheet) : onSheet;
}

/**
 * The book's findings on a sheet read another way (transposed, or a 三会一课 matrix unfolded into
 * a row per meeting), and their related entries there, at the cells of the sheet as written, as the
 * sheet's own findings are (runSlot): the ledgers were compared on the records read from it.
 */
function placedAsWritten(findings: Finding[], slots: BookSlot[]): Finding[] {
  const key = (file: string | undefined, sheet: string) => `${file ?? ""}\u0000${sheet}`;
  const turned = new Map<string, BookSlot>();
  for (const s of slots) if (s.ledger && (s.transposed || s.matrix || s.folded)) turned.set(key(s.ledger.file, s.ledger.name), s);
  if (turned.size === 0) return findings;
  return findings.map((f) => {
    const own = turned.get(key(f.file, f.sheet));
    let out = own ? asWritten(own, f) : f;
    const r = out.related;
    const theirs = r && r.cell !== null ? turned.get(key(r.file, r.sheet)) : undefined;
    if (r && theirs) out = { ...out, related: { ...r, cell: asWritten(theirs, { cell: r.cell, row: null, column: null }).cell } };
    return out;
  });
}
