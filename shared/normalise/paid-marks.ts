import { unspacedHalfWidth } from "./text.js";

/**
 * A month's cell of a dues ledger that says "paid" without writing the amount: a tick (√, ✓), 已交 /
 * 已缴, or 补交1-4月 (this month's payment took those months too). Villages keep their dues this way,
 * the standard written once per member (1元/月). Such a cell is read as PAID_MARK, never as "not an
 * amount": a rule counts it at the member's stated monthly amount, or says its amount went unchecked.
 */
export const PAID_MARK = "已交";
export type PaidMark = typeof PAID_MARK;

const PAID_WORDS = new Set(["√", "✓", "✔", "☑", "已交", "已缴", "已交纳", "已缴纳", "已交费", "已缴费", "已收", "已收缴"]);

/** 补交1-4月, 补缴1、2月, 补交3月份: paid here for the months named (the months are read by readNotes). */
const BACK_PAID = /^(?:已)?补(?:交|缴)(?:了)?(?:1[0-2]|0?[1-9])(?:(?:、|,|，|和|至|到|-|~|—|–)(?:1[0-2]|0?[1-9]))*月份?(?:党费)?$/;

/** The cell says paid with no amount (√, 已交, 补交1-4月), else false. */
export function isPaidMarkText(text: string): boolean {
  if (text.length > 16) return false;
  const k = unspacedHalfWidth(text);
  return PAID_WORDS.has(k) || BACK_PAID.test(k);
}

export function isPaidMark(v: unknown): v is PaidMark {
  return v === PAID_MARK;
}
