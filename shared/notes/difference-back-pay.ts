import { chineseCount } from "../normalise/chinese-count.js";
import { toHalfWidth } from "../normalise/text.js";
import { yuanToFen, type Fen } from "../scoring/money.js";
import { MONTH_NUMBER } from "./patterns.js";

/**
 * A pay rise paid back later (2008规定第十条: the new base from the month of the new pay; 第十二条: 补交):
 * 「8月补交3—7月差额45.00元」. The months 3–7 were paid at the old rate while the rise had not reached
 * the payroll, and August holds its own month plus the difference of those months.
 */
export interface DifferenceBackPay {
  /** The month (1–12) whose payment holds the difference. */
  paidIn: number;
  /** The months (1–12) the difference is for. */
  from: number;
  to: number;
  amount: Fen;
}

const MONTH = `(${MONTH_NUMBER})`;
const DASH = String.raw`(?:—|–|-|－|~|～|至|到)+`;
const AMOUNT = String.raw`(?<!\d)(\d+(?:\.\d+)?)(?!\d|\.\d)\s*元?`;
const DIFFERENCE = new RegExp(
  String.raw`${MONTH}\s*月份?\s*(?:一次(?:性)?)?补(?:交|缴)(?:了)?\s*${MONTH}\s*月?\s*${DASH}\s*${MONTH}\s*月份?\s*(?:的)?\s*(?:党费)?\s*(?:差额|差价)(?:部分)?\s*(?:共|合计)?\s*[:：]?\s*${AMOUNT}`,
);

function month(text: string | undefined): number | null {
  const n = text === undefined ? null : chineseCount(text);
  return n !== null && n >= 1 && n <= 12 ? n : null;
}

/** The difference a note says was paid back, or null when it says none. */
export function readDifferenceBackPay(raw: string): DifferenceBackPay | null {
  const m = DIFFERENCE.exec(toHalfWidth(raw));
  if (!m) return null;
  const [paidIn, from, to] = [month(m[1]), month(m[2]), month(m[3])];
  const amount = yuanToFen(m[4]!);
  if (paidIn === null || from === null || to === null || amount === null || amount <= 0 || from > to) return null;
  // The difference is paid after the months it is for.
  if (paidIn >= from && paidIn <= to) return null;
  return { paidIn, from, to, amount };
}
