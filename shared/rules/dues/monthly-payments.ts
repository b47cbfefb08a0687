import { monthIndex, monthIndexToPeriod } from "../../calendar/periods.js";
import { duesAmountMatches, duesForMonths, type DuesExpectation } from "../../scoring/dues.js";
import { fenToYuanText } from "../../scoring/money.js";
import { cellText } from "../../normalise/value.js";
import { titleYear } from "../../records/title-year.js";
import type { LedgerRecord, RepeatColumn, RowFact } from "../../records/build.js";
import type { Rule, RuleContext } from "../context.js";
import { describeExpectation, expectationFor } from "./standard-amount.js";
import { reportUnpaidMonths } from "./unpaid-run.js";
import { checkNoteBaseMonth, noteBasesOf, reportUnknownBases } from "./note-bases.js";
import { settledByDifference } from "./difference-back-pay.js";
import { paidVoluntarily } from "./voluntary-extra.js";
import { unpaidMonthsBefore, unpaidRunGoesOn } from "./run-across-parts.js";
import { markedMonths } from "./marked-months.js";
import { isPaidMark } from "../../normalise/paid-marks.js";

/**
 * The monthly columns of a dues ledger (one row per member): each paid month agrees
 * with the amount owed; a run of unpaid months that are due is noted (D6), a warning
 * from 3 and an error from 6 (党章 第九条, D7); a single payment of 1000 yuan or more
 * is 大额党费 (D11). A month is due from the month of admission (第八条) and of a transfer
 * in, up to the as-of month and the month of a transfer out, unless membership is
 * suspended or the dues are waived (第七条; a waiver a note does not say was approved is a
 * warning of its own); 免交 / 减交 in a month cell is what it says, not an unpaid month or
 * a wrong amount. Paying several months at once needs the
 * branch's consent (第十二条), which a note can state.
 *
 * A column may cover a quarter (一季度 … 四季度, 1-3月): it covers its three calendar months. It
 * holds the dues of those of its months that are due (one month's for a member who died in July,
 * in 三季度), an empty one counts as that many unpaid months in a run, and paying by quarter is
 * paying several months at once (the consent asked once per member).
 */
interface MemberMonths {
  firstDue: number;
  lastDue: number;
  waived: boolean;
  consent: boolean;
  /** Where 备注 says the dues are paid to the organisation where the member lives or works (第九条). */
  elsewhere: RowFact | null;
  /** Left or died, the note not saying when: a quarter may hold only the months before. */
  leftSometime: boolean;
  /** The month of admission, where the row (or the book's roster, or a note) says it. */
  admitted: number | null;
  /** The month the member transferred out, left or was suspended, and the words that say so: nothing is due after it. */
  gone: { month: number; note: string } | null;
  /** 已转出 with no month written: the words that say so (its empty months cannot be checked, and the report says so). */
  undatedOut: RowFact | null;
}

/** The earliest month a member stopped being the branch's (转出, 去世, 出党, 停止党籍), where a column or a note dates it. */
function goneMonth(ctx: RuleContext, rec: LedgerRecord, transferOut: number | null): MemberMonths["gone"] {
  // A date the book's roster lent (its 转出) is the book's to say (book.duesAfterTransferOut), not this sheet's.
  const lent = ctx.lentByBook(rec, "transferOut");
  let gone: MemberMonths["gone"] = transferOut === null || lent ? null : { month: monthIndex(transferOut), note: `${ctx.headerOf("transferOut") || "转出"} ${ctx.text(rec, "transferOut")}` };
  if (!rec.facts) return gone;
  for (const kind of ["transferOut", "left", "suspended"] as const) {
    for (const f of ctx.facts(rec, kind)) if (f.day !== undefined && (gone === null || monthIndex(f.day) < gone.month)) gone = { month: monthIndex(f.day), note: f.text };
  }
  return gone;
}

function memberMonths(ctx: RuleContext, rec: LedgerRecord, asOfMonth: number): MemberMonths {
  const joined = ctx.num(rec, "joinDate");
  let firstDue = joined === null ? -Infinity : monthIndex(joined);
  // 转入 / 转出 columns (or, in a book, the roster's dates): months outside are not this branch's.
  const transferIn = ctx.num(rec, "transferIn");
  const transferOut = ctx.num(rec, "transferOut");
  if (transferIn !== null) firstDue = Math.max(firstDue, monthIndex(transferIn));
  const lastByColumn = transferOut === null ? asOfMonth : Math.min(asOfMonth, monthIndex(transferOut));
  let admitted = joined === null ? null : monthIndex(joined);
  const gone = transferOut === null && !rec.facts ? null : goneMonth(ctx, rec, transferOut);
  if (!rec.facts) return { firstDue, lastDue: lastByColumn, waived: false, consent: false, elsewhere: null, leftSometime: false, admitted, gone, undatedOut: null };
  let lastDue = lastByColumn;
  for (const f of ctx.facts(rec, "transferIn")) if (f.day !== undefined) firstDue = Math.max(firstDue, monthIndex(f.day));
  // Admitted during the year (a note where the ledger has no 入党时间 column): dues from that month.
  if (joined === null) {
    for (const f of ctx.facts(rec, "admitted")) {
      if (f.day === undefined) continue;
      firstDue = Math.max(firstDue, monthIndex(f.day));
      admitted = monthIndex(f.day);
    }
  }
  for (const f of ctx.facts(rec, "transferOut")) if (f.day !== undefined) lastDue = Math.min(lastDue, monthIndex(f.day));
  // Died or left in a month (2025年7月病故): dues up to that month, none after.
  const left = ctx.facts(rec, "left");
  for (const f of left) if (f.day !== undefined) lastDue = Math.min(lastDue, monthIndex(f.day));
  // Suspended from a month (2025年4月停止党籍): dues up to that month, none after.
  for (const f of ctx.facts(rec, "suspended")) if (f.day !== undefined) lastDue = Math.min(lastDue, monthIndex(f.day));
  const exempt = ctx.facts(rec, "exempt");
  for (const f of exempt) {
    if (!f.approved) ctx.atColumnIndex(f.row, f.col, "note", "dues.exemptNotApproved", "warning", {});
  }
  // Transferred out, the month not written (状态 已转出): which months were the branch's is not known.
  const undatedOut = ctx.facts(rec, "transferOut").find((f) => f.day === undefined) ?? null;
  const outSometime = undatedOut !== null;
  const waived = exempt.length > 0 || ctx.facts(rec, "suspended").length > 0 || ctx.facts(rec, "left").length > 0 || outSometime;
  const consent = ctx.facts(rec, "duesConsent").length > 0 || ctx.facts(rec, "backPay").length > 0;
  return { firstDue, lastDue, waived, consent, elsewhere: ctx.facts(rec, "paysElsewhere")[0] ?? null, leftSometime: left.some((f) => f.day === undefined), admitted, gone, undatedOut };
}

export const duesMonthlyRule: Rule = {
  needs: ["months"],
  run(ctx) {
    const dues = ctx.ruleSet.dues;
    const sheetYear = titleYear(ctx.view, ctx.headerRow);
    const asOfMonth = monthIndex(ctx.asOf);
    const largeFen = Math.round(dues.largePaymentYuan * 100);
    const columns = ctx.set.repeatColumns;
    if (columns.length === 0) return;
    // Each column's months that are due for this member: one for a month column, up to three for a quarter.
    // Each column's months due for this member, a contiguous run: its first month and how many
    // (one for a month column, up to three for a quarter). Typed arrays reused row after row.
    const dueFrom = new Int32Array(columns.length);
    const dueCount = new Uint8Array(columns.length);
    const columnFirst = new Int32Array(columns.length);
    const isDue: boolean[] = new Array<boolean>(columns.length).fill(false);
    const spans = columns.some((c) => (c.span ?? 1) > 1);
    // Months marked paid (√) on rows with no stated standard: their amounts were not checked.
    let marksUnchecked = 0;
    let firstUnchecked: { row: number; col: number } | null = null;
    for (const rec of ctx.records) {
      const rowYear = ctx.num(rec, "year") ?? sheetYear ?? Math.floor(asOfMonth / 12);
      const member = memberMonths(ctx, rec, asOfMonth);
      for (let i = 0; i < columns.length; i++) {
        const c = columns[i]!;
        const first = (c.year ?? rowYear) * 12 + c.period - 1;
        columnFirst[i] = first;
        const from = Math.max(first, member.firstDue);
        const to = Math.min(first + (c.span ?? 1) - 1, member.lastDue);
        dueFrom[i] = from;
        dueCount[i] = to >= from ? to - from + 1 : 0;
        isDue[i] = dueCount[i]! > 0;
      }
      const standard = ctx.num(rec, "standard");
      const expected = standard !== null ? null : expectationFor(ctx, rec);
      // A range (a farmer's 0.2–1 元) owes no one amount: the member's own usual payment stands for it.
      const usual = standard === null && expected?.kind === "range" ? usualPayment(rec.repeat, expected, dues.toleranceFen) : null;
      const owed = standard ?? (expected?.kind === "amount" ? expected.fen : usual);
      const paidLate = backPaidMonths(ctx, rec, rowYear);
      for (let i = 0; i < columns.length; i++) {
        if (!isPaidMark(rec.repeat[i])) continue;
        for (const m of markedMonths(ctx, rec, i, columns[i]!)) paidLate.add((columns[i]!.year ?? rowYear) * 12 + m - 1);
        if (standard === null && dueCount[i]! > 0) {
          marksUnchecked++;
          firstUnchecked ??= { row: rec.row, col: columns[i]!.col };
        }
      }
      // 备注「7月起基数调整为5600.00」: the months before and after the change each by their own base.
      const noteBases = ctx.has("note") ? noteBasesOf(ctx, rec) : null;
      // 备注「8月补交3—7月差额45.00元」: a rise paid back, its months settled where the figures agree.
      const settled = ctx.has("note") ? settledByDifference(ctx, rec, columns, owed, dues.toleranceFen) : null;
      // Quarter columns hold a quarter's payment each: nothing there covers a neighbour.
      const cover = spans ? null : coveredMonths(rec.repeat, owed, isDue);
      const covered = cover?.covered ?? null;
      let askedConsent = false;
      let saidGone = false;
      // The unpaid run is a slice [runStart, i) of the period-ordered columns.
      let runStart = -1;
      let notHere = 0;
      let unchecked = 0;
      for (let i = 0; i < columns.length; i++) {
        const column = columns[i]!;
        const value = rec.repeat[i] ?? null;
        const due = dueCount[i]!;
        // A month the note says was paid late (3月补交2月) is not unpaid: its payment sits elsewhere on the row.
        const late = (column.span ?? 1) === 1 && paidLate.has(columnFirst[i]!);
        if (due > 0 && (value === null || value === 0) && member.undatedOut && !late) unchecked += due;
        if (due > 0 && (value === null || value === 0) && !covered?.[i] && !member.waived && !late) {
          // Paid to another organisation (第九条): not unpaid here, and said so once below.
          if (member.elsewhere) {
            notHere += due;
            continue;
          }
          if (runStart < 0) runStart = i;
          continue;
        }
        if (runStart >= 0) reportUnpaidRun(ctx, rec, columns, dueFrom, dueCount, runStart, i, member.admitted);
        runStart = -1;
        // Paid for months after the member transferred out, died, left or was suspended: said once, at the first.
        if (due === 0 && !saidGone && typeof value === "number" && value > 0 && member.gone !== null && columnFirst[i]! > member.gone.month && columnFirst[i]! <= asOfMonth) {
          ctx.atColumnIndex(rec.row, column.col, "months", "dues.paidAfterLeaving", "error", { note: member.gone.note, value: fenToYuanText(value) });
          saidGone = true;
        }
        if (due === 0 || typeof value !== "number" || value === 0) continue;
        if (value >= largeFen) ctx.atColumnIndex(rec.row, column.col, "months", "dues.largePayment", "info", { value: fenToYuanText(value) });
        if (paidVoluntarily(ctx, rec, column, value, owed === null ? null : owed * due)) continue;
        if (settled?.has(i)) continue;
        if ((column.span ?? 1) > 1) askedConsent = checkSpanAmount(ctx, rec, column, value, due, standard, expected, dues.toleranceFen, member, askedConsent, columnFirst[i]!) || askedConsent;
        else if (!noteBases || !checkNoteBaseMonth(ctx, rec, column, value, noteBases, dues.toleranceFen)) checkPaidAmount(ctx, rec, column, value, standard, expected, dues.toleranceFen, member.consent || paidLate.size > 0, usual, 1 + (cover?.coveredBy[i] ?? 0));
      }
      if (noteBases) reportUnknownBases(ctx, rec, noteBases);
      if (runStart >= 0) reportUnpaidRun(ctx, rec, columns, dueFrom, dueCount, runStart, columns.length);
      // Never a silent pass: the empty months of a member transferred out on no written date were not checked.
      if (unchecked > 0 && member.undatedOut) ctx.atColumnIndex(member.undatedOut.row, member.undatedOut.col, "note", "dues.transferOutUndated", "info", { months: unchecked });
      if (notHere > 0 && member.elsewhere) ctx.atColumnIndex(member.elsewhere.row, member.elsewhere.col, "note", "dues.paidElsewhere", "info", { months: notHere });
    }
    if (firstUnchecked) ctx.atColumnIndex(firstUnchecked.row, firstUnchecked.col, "months", "dues.markedUnchecked", "info", { months: marksUnchecked });
  },
};

/**
 * A column covering several months (a quarter) holds what those of its months that are due owe
 * together: three months' dues, or one for a member who joined, left or died within the quarter.
 * Paying a quarter at once needs the branch's consent (第十二条), asked once per member, not per
 * quarter. Returns whether it asked.
 */
function checkSpanAmount(
  ctx: RuleContext,
  rec: LedgerRecord,
  cell: RepeatColumn,
  paid: number,
  due: number,
  standard: number | null,
  expected: ReturnType<typeof expectationFor>,
  toleranceFen: number,
  member: MemberMonths,
  asked: boolean,
  first: number,
): boolean {
  const owed = standard !== null ? ({ kind: "amount", fen: standard, rateBasisPoints: null } as const) : expected;
  if (!owed) return false;
  const total = duesForMonths(owed, due);
  const months = (k: number) => duesAmountMatches(paid, duesForMonths(owed, k), toleranceFen * k);
  // Left or died within the quarter, the note not saying when: the months before, whichever they were.
  const partOfQuarter = member.leftSometime && Array.from({ length: due - 1 }, (_, k) => k + 1).some(months);
  // Left within the quarter (died in August): its dues may have been taken for the whole quarter before.
  const span = cell.span ?? 1;
  const goneWithin = member.gone !== null && member.gone.month >= first && member.gone.month < first + span && months(span);
  if (!months(due) && !partOfQuarter && !goneWithin) {
    const want = describeExpectation(total);
    const header = cellText(ctx.view.merged(ctx.headerRow, cell.col)).trim();
    ctx.atColumnIndex(rec.row, cell.col, "months", "dues.quarterMismatch", "error", { period: header, value: fenToYuanText(paid), months: due, expected: want }, want);
    return false;
  }
  if (due < 2 || member.consent || asked) return false;
  ctx.atColumnIndex(rec.row, cell.col, "months", "dues.lumpPayment", "warning", { value: fenToYuanText(paid), months: due });
  return true;
}

/** The payment a member makes most months, where it lies in the range owed and is made at least twice: what one month of theirs is. */
function usualPayment(values: readonly unknown[], range: Extract<DuesExpectation, { kind: "range" }>, toleranceFen: number): number | null {
  const counts = new Map<number, number>();
  for (const v of values) if (typeof v === "number" && v > 0 && duesAmountMatches(v, range, toleranceFen)) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: number | null = null;
  let times = 1;
  for (const [v, n] of counts) {
    if (n > times) [best, times] = [v, n];
    else if (n === times) best = null;
  }
  return best;
}

/** The months a backPay note names (3月补交2月, 补交4、5月), as month indices of the row's year. */
function backPaidMonths(ctx: RuleContext, rec: LedgerRecord, year: number): Set<number> {
  const out = new Set<number>();
  if (!rec.facts) return out;
  for (const f of ctx.facts(rec, "backPay")) for (const m of f.monthsOfYear ?? []) out.add(year * 12 + m - 1);
  return out;
}

/**
 * Months a payment of several months' dues covers: a quarterly payment of 3 × the monthly
 * amount covers the empty months just before it (paid at the end of the quarter), then
 * those just after it (paid in advance), up to the months it pays for. `coveredBy[i]`: how many
 * empty months the payment in column i covers besides its own.
 */
function coveredMonths(values: readonly unknown[], owed: number | null, due: readonly boolean[]): { covered: boolean[]; coveredBy: number[] } | null {
  if (owed === null || owed <= 0) return null;
  // Most members pay month by month: no payment larger than a month's dues, nothing covered.
  if (!values.some((v) => typeof v === "number" && v > owed)) return null;
  const covered = values.map(() => false);
  const coveredBy = values.map(() => 0);
  const empty = (i: number) => (values[i] === null || values[i] === 0) && due[i]! && !covered[i];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || v <= owed) continue;
    const months = Math.round(v / owed);
    if (months < 2 || Math.abs(v - months * owed) > months) continue;
    let left = months - 1;
    for (let j = i - 1; j >= 0 && left > 0 && empty(j); j--, left--) covered[j] = true;
    for (let j = i + 1; j < values.length && left > 0 && empty(j); j++, left--) covered[j] = true;
    coveredBy[i] = months - 1 - left;
  }
  return { covered, coveredBy };
}

function checkPaidAmount(
  ctx: RuleContext,
  rec: LedgerRecord,
  cell: RepeatColumn,
  paid: number,
  standard: number | null,
  expected: ReturnType<typeof expectationFor>,
  toleranceFen: number,
  /** The branch agreed to payments of several months, or a note says months were paid late (9月补交7、8月). */
  consent: boolean,
  usual: number | null,
  /** The months the payment stands for: its own and the empty ones beside it that it covers. */
  spanned: number,
): void {
  if (standard !== null) {
    if (Math.abs(paid - standard) <= toleranceFen) return;
    // Paying a few months at once (quarterly, 第十二条) needs the branch's consent: a warning, not an error.
    const months = Math.round(paid / standard);
    if (standard > 0 && months >= 2 && months <= 12 && Math.abs(paid - months * standard) <= toleranceFen * months) {
      if (!consent) ctx.atColumnIndex(rec.row, cell.col, "months", "dues.lumpPayment", "warning", { value: fenToYuanText(paid), months });
      return;
    }
    ctx.atColumnIndex(rec.row, cell.col, "months", "dues.paidMismatch", "error", { value: fenToYuanText(paid), expected: fenToYuanText(standard) }, fenToYuanText(standard));
    return;
  }
  if (expected && !duesAmountMatches(paid, expected, toleranceFen)) {
    // A quarter's dues paid at its end (69.75 = 3 × 23.25, the two months before it empty): several
    // months at once, not a wrong amount. Only where the empty months are there to cover: a rate
    // written twice too high gives twice the dues every month, and that stays a wrong amount.
    if (expected.kind === "amount" && spanned >= 2 && duesAmountMatches(paid, duesForMonths(expected, spanned), toleranceFen * spanned)) {
      if (!consent) ctx.atColumnIndex(rec.row, cell.col, "months", "dues.lumpPayment", "warning", { value: fenToYuanText(paid), months: spanned });
      return;
    }
    // Several months of the member's usual payment at once (1.50 = three months of 0.50): a lump payment, not a wrong amount.
    const months = usual ? Math.round(paid / usual) : 0;
    if (usual && months >= 2 && months <= 12 && Math.abs(paid - months * usual) <= toleranceFen * months) {
      if (!consent) ctx.atColumnIndex(rec.row, cell.col, "months", "dues.lumpPayment", "warning", { value: fenToYuanText(paid), months });
      return;
    }
    ctx.atColumnIndex(rec.row, cell.col, "months", "dues.paidMismatch", "error", { value: fenToYuanText(paid), expected: describeExpectation(expected) }, describeExpectation(expected));
  }
}

function reportUnpaidRun(ctx: RuleContext, rec: LedgerRecord, columns: RepeatColumn[], dueFrom: Int32Array, dueCount: Uint8Array, start: number, end: number, admitted: number | null = null): void {
  // Counted in months: an empty quarter is three unpaid months.
  let months = 0;
  for (let k = start; k < end; k++) months += dueCount[k]!;
  // A ledger kept one sheet per quarter: a run that goes on into the next sheet is said there, whole.
  const spans = columns.some((c) => (c.span ?? 1) > 1);
  if (!spans && end === columns.length && unpaidRunGoesOn(ctx, rec)) return;
  const before = !spans && start === 0 ? unpaidMonthsBefore(ctx, rec) : 0;
  months += before;
  const from = dueFrom[start]! - before;
  const to = dueFrom[end - 1]! + dueCount[end - 1]! - 1;
  // D5 (第八条): dues begin the month of admission; a run from that month, payments after it, began late.
  if (admitted === from && end < columns.length && months < ctx.ruleSet.dues.unpaidWarningMonths) {
    ctx.atColumnIndex(rec.row, columns[start]!.col, "months", "dues.startedLate", "warning", { admitted: monthIndexToPeriod(admitted), months, to: monthIndexToPeriod(to) });
    return;
  }
  reportUnpaidMonths(ctx, rec.row, columns[start]!.col, "months", months, from, to);
}
