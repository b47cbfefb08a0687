import { readDifferenceBackPay } from "../../notes/difference-back-pay.js";
import type { LedgerRecord, RepeatColumn } from "../../records/build.js";
import type { RuleContext } from "../context.js";

/**
 * The month columns a 补交 of a pay rise's difference accounts for (备注「8月补交3—7月差额45.00元」;
 * 2008规定第十条 and 第十二条): the months paid at the old rate, the month holding the difference, and
 * the months before the rise paid at that same old rate. Only when the figures agree: the months'
 * shortfalls against `owed` add up to the difference and the paying month holds `owed` plus it.
 * Empty when the note says no such thing or its figures do not agree (the months are then judged as usual).
 */
export function settledByDifference(ctx: RuleContext, rec: LedgerRecord, columns: readonly RepeatColumn[], owed: number | null, toleranceFen: number): Set<number> {
  const out = new Set<number>();
  const note = ctx.str(rec, "note");
  const back = note === null || owed === null || owed <= 0 ? null : readDifferenceBackPay(note);
  if (!back || owed === null) return out;
  const indexOf = new Map<number, number>();
  columns.forEach((c, i) => {
    if ((c.span ?? 1) === 1 && c.period >= 1 && c.period <= 12 && !indexOf.has(c.period)) indexOf.set(c.period, i);
  });
  const paidIn = (m: number): number | null => {
    const i = indexOf.get(m);
    const v = i === undefined ? null : rec.repeat[i];
    return typeof v === "number" ? v : null;
  };
  const count = back.to - back.from + 1;
  let shortfall = 0;
  for (let m = back.from; m <= back.to; m++) {
    const v = paidIn(m);
    if (v === null) return out;
    shortfall += owed - v;
  }
  const holding = paidIn(back.paidIn);
  if (Math.abs(shortfall - back.amount) > toleranceFen * count || holding === null || Math.abs(holding - owed - back.amount) > toleranceFen) return out;
  for (let m = back.from; m <= back.to; m++) out.add(indexOf.get(m)!);
  out.add(indexOf.get(back.paidIn)!);
  // The months before the rise drew the old pay: the old monthly amount the difference shows.
  const old = owed - back.amount / count;
  for (let m = 1; m < back.from; m++) {
    const v = paidIn(m);
    if (v !== null && Math.abs(v - old) <= toleranceFen) out.add(indexOf.get(m)!);
  }
  return out;
}
