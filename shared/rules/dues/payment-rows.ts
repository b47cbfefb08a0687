import { monthIndex, monthIndexToPeriod } from "../../calendar/periods.js";
import { duesAmountMatches, duesForMonths, type DuesExpectation } from "../../scoring/dues.js";
import { fenToYuanText } from "../../scoring/money.js";
import type { LedgerRecord } from "../../records/build.js";
import type { Rule, RuleContext } from "../context.js";
import { describeExpectation, expectationFor } from "./standard-amount.js";
import { reportUnpaidMember, reportUnpaidMonths } from "./unpaid-run.js";
import { maxOf, minOf } from "../../util/append-all.js";
import { checkSheetMonthRuns, sheetMonthOf } from "./sheet-month.js";

/**
 * One row per payment (党费补缴 style): the months covered run forwards; a 补交 covers at most
 * 6 months (第十二条, D8); several months paid at once otherwise need the branch's consent
 * (第十二条, D12: a 经支部同意 column, or the words in 缴费说明 / 备注); the amount agrees with
 * what the category owes for those months — the monthly amount where the row states it (a receipt
 * book's 月交纳额, times its 月数), base × rate where the base is given, the fixed
 * amount of students and others (D4), the range of farmers — and 1000 yuan or more at once
 * is 大额党费 (D11). Where the sheet is a payment export (one row per member and month, most
 * members on several rows), a member's months with no payment between his first month and the
 * end of the export (or the as-of month, or a transfer out) are an unpaid run (D6, D7).
 */
const BACK_PAY = /补(?:交|缴)/;
const CONSENT = /(?:经|已经|已)?(?:党)?支部(?:委员会|支委会|大会)?(?:研究)?(?:同意|批准)/;

function says(ctx: RuleContext, rec: LedgerRecord, re: RegExp): boolean {
  return ["payType", "explanation", "note"].some((f) => re.test(ctx.str(rec, f) ?? ""));
}

export const duesPaymentRowsRule: Rule = {
  needs: [],
  run(ctx) {
    // A sheet of one month (3月, of a year kept as twelve sheets): every row is that month's.
    const sheetMonth = ctx.has("fromMonth") ? null : sheetMonthOf(ctx);
    if (!ctx.has("fromMonth") && sheetMonth === null) return;
    const dues = ctx.ruleSet.dues;
    const largeFen = Math.round(dues.largePaymentYuan * 100);
    for (const rec of ctx.records) {
      const from = sheetMonth ?? ctx.num(rec, "fromMonth");
      // One month column (交纳月份): the payment is for that month.
      const to = sheetMonth ?? lastMonthOf(ctx, rec, from);
      const amount = ctx.num(rec, "amount");
      if (from !== null && to !== null) {
        if (to < from) {
          ctx.atCell(rec, "toMonth", "dues.monthRange", "error", { from: monthIndexToPeriod(from), to: monthIndexToPeriod(to) });
          continue;
        }
        // A 月数 column says how many months the payment is for; where it disagrees with the period, it is checked too.
        const spanMonths = to - from + 1;
        const counted = ctx.num(rec, "monthCount");
        if (counted !== null && ctx.has("toMonth") && counted !== spanMonths) {
          ctx.atCell(rec, "monthCount", "dues.monthCount", "error", { value: counted, from: monthIndexToPeriod(from), to: monthIndexToPeriod(to), months: spanMonths }, String(spanMonths));
        }
        const months = counted ?? spanMonths;
        const backPay = says(ctx, rec, BACK_PAY) || ctx.facts(rec, "backPay").length > 0;
        const consent = ctx.get(rec, "consent") === true || says(ctx, rec, CONSENT) || ctx.facts(rec, "duesConsent").length > 0;
        if (backPay && months > dues.backPayMaxMonths) {
          ctx.atCell(rec, "toMonth", "dues.backPayTooLong", "warning", { months, max: dues.backPayMaxMonths });
        } else if (!backPay && months > 1 && !consent) {
          ctx.atCell(rec, "amount", "dues.lumpPayment", "warning", { value: amount === null ? "?" : fenToYuanText(amount), months });
        }
        // The monthly amount the row states (月交纳额), else what the category and base owe.
        const standard = ctx.num(rec, "standard");
        const expected: DuesExpectation | null = amount === null ? null : standard !== null ? { kind: "amount", fen: standard, rateBasisPoints: null } : expectationFor(ctx, rec);
        if (amount !== null && expected && expected.kind !== "exempt") {
          const total = duesForMonths(expected, months);
          if (!duesAmountMatches(amount, total, dues.toleranceFen * months)) {
            const want = describeExpectation(total);
            if (standard !== null) ctx.atCell(rec, "amount", "dues.paymentMismatchMonthly", "error", { value: fenToYuanText(amount), months, monthly: fenToYuanText(standard), expected: want }, want);
            else ctx.atCell(rec, "amount", "dues.paymentMismatch", "error", { value: fenToYuanText(amount), months, expected: want }, want);
          }
        }
      }
      if (amount !== null && amount >= largeFen) ctx.atCell(rec, "amount", "dues.largePayment", "info", { value: fenToYuanText(amount) });
    }
    if (sheetMonth !== null) checkSheetMonthRuns(ctx, sheetMonth);
    else checkUnpaidGaps(ctx);
  },
};

/**
 * A sheet of payments is an export of every month when its rows are each one month's payment
 * (nearly all) and its members have at least this many rows each (the median); a sheet of
 * occasional payments (补缴, quarterly receipts) says nothing of the months it does not list.
 */
const EXPORT_ROWS_PER_MEMBER = 3;

/**
 * The payment's last month: its 截止月份 column; or, where the month column may hold a span
 * (所属期间 2025年1月—3月), the span's end, and a cell of one month is that month.
 */
function lastMonthOf(ctx: RuleContext, rec: LedgerRecord, from: number | null): number | null {
  if (ctx.field("toMonth") >= 0) return ctx.num(rec, "toMonth");
  return ctx.num(rec, "toMonth") ?? from;
}
const EXPORT_SINGLE_MONTH_SHARE = 0.9;

interface MemberPayments {
  rows: number;
  months: Set<number>;
  /** Each covered month's row, to point at the payment beside a gap. */
  rowOf: Map<number, LedgerRecord>;
  lastDue: number;
}

function checkUnpaidGaps(ctx: RuleContext): void {
  const key = ctx.has("idNumber") ? "idNumber" : ctx.has("memberId") ? "memberId" : ctx.has("name") ? "name" : null;
  if (key === null) return;
  const asOfMonth = monthIndex(ctx.asOf);
  const members = new Map<string, MemberPayments>();
  const unreadable = new Set<string>();
  let exportLast = -Infinity;
  let rows = 0;
  let singleMonth = 0;
  for (const rec of ctx.records) {
    const who = ctx.str(rec, key);
    const written = ctx.num(rec, "fromMonth");
    const writtenTo = lastMonthOf(ctx, rec, written);
    // A receipt whose period cannot be read may be for the very months missing: no gap is said for its member.
    if (who !== null && (written === null || writtenTo === null) && ctx.text(rec, "fromMonth").trim() !== "") unreadable.add(who);
    if (who === null || written === null || writtenTo === null) continue;
    // A period written backwards (2024.09-2024.07) is said where it is; its months were still paid.
    const [from, to] = writtenTo < written ? [writtenTo, written] : [written, writtenTo];
    let m = members.get(who);
    if (!m) members.set(who, (m = { rows: 0, months: new Set(), rowOf: new Map(), lastDue: asOfMonth }));
    m.rows++;
    rows++;
    if (to === from) singleMonth++;
    for (let month = from; month <= to; month++) {
      m.months.add(month);
      if (!m.rowOf.has(month)) m.rowOf.set(month, rec);
    }
    for (const f of ctx.facts(rec, "transferOut")) if (f.day !== undefined) m.lastDue = Math.min(m.lastDue, monthIndex(f.day));
    if (ctx.facts(rec, "left").length > 0 || ctx.facts(rec, "paysElsewhere").length > 0) m.lastDue = -Infinity;
    exportLast = Math.max(exportLast, to);
  }
  const counts = [...members.values()].map((m) => m.rows).sort((a, b) => a - b);
  if (counts.length === 0) return;
  const exportStyle = counts[Math.floor(counts.length / 2)]! >= EXPORT_ROWS_PER_MEMBER && singleMonth >= rows * EXPORT_SINGLE_MONTH_SHARE;
  // A receipt book that holds every member's months (quarterly receipts, all the year) says the months it lacks too.
  const book = exportStyle ? null : receiptBookSpan([...members.values()]);
  if (!exportStyle && !book) return;
  const nameField = ctx.has("name") ? "name" : key;
  for (const [who, m] of members) {
    if (unreadable.has(who)) continue;
    const months = [...m.months].sort((a, b) => a - b);
    const last = Math.min(book ? Math.min(book.last, asOfMonth) : exportLast, m.lastDue);
    let prev = months[0]!;
    for (const month of [...months.slice(1), last + 1]) {
      const gapEnd = Math.min(month - 1, last);
      if (gapEnd > prev) {
        const trailing = month > last;
        // No receipt after the gap: no row holds those months, the book's period does (naming the member).
        if (book && trailing) reportUnpaidMember(ctx, who, gapEnd - prev, prev + 1, gapEnd);
        // The payment just before the gap is where the clerk looks.
        else reportUnpaidMonths(ctx, m.rowOf.get(prev)!.row, ctx.set.colOf[ctx.field(nameField)]!, nameField, gapEnd - prev, prev + 1, gapEnd);
      }
      prev = Math.max(prev, month);
      if (month > last) break;
    }
  }
}

/** A receipt book holds every member's months when at least this share of its members cover all of its period. */
const RECEIPT_BOOK_REGULAR_SHARE = 0.75;
const RECEIPT_BOOK_MIN_MEMBERS = 3;

/** The months most members' receipts begin and end with, when nearly all cover every month between: else null. */
function receiptBookSpan(members: MemberPayments[]): { first: number; last: number } | null {
  if (members.length < RECEIPT_BOOK_MIN_MEMBERS) return null;
  const first = mostCommon(members.map((m) => minOf(m.months)));
  const last = mostCommon(members.map((m) => maxOf(m.months)));
  if (last <= first) return null;
  let regular = 0;
  for (const m of members) {
    let all = true;
    for (let month = first; month <= last && all; month++) all = m.months.has(month);
    if (all) regular++;
  }
  return regular >= RECEIPT_BOOK_REGULAR_SHARE * members.length ? { first, last } : null;
}

function mostCommon(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0]!;
  for (const [v, n] of counts) if (n > counts.get(best)! || (n === counts.get(best)! && v > best)) best = v;
  return best;
}
