import type { Fen } from "../scoring/money.js";

/**
 * An amount written out in capital numerals, as on a receipt: 肆拾伍元, 壹佰零贰元伍角, 柒拾陆元伍角整,
 * 叁角 → fen. Only such text: it must name 元 (圆), 角 or 分, and hold nothing but numerals and units.
 */
const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 壹: 1, 贰: 2, 貳: 2, 叁: 3, 參: 3, 肆: 4, 伍: 5, 陆: 6, 陸: 6, 柒: 7, 捌: 8, 玖: 9 };
const UNIT: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
const SHAPE = /^(?:([零〇壹贰貳叁參肆伍陆陸柒捌玖拾佰仟万萬]+)[元圆])?(?:([零〇壹贰貳叁參肆伍陆陸柒捌玖])角)?(?:([零〇壹贰貳叁參肆伍陆陸柒捌玖])分)?[整正]?$/;

/** The whole yuan of 壹万贰仟叁佰肆拾伍: sections of up to 仟, 万 multiplying what stands before it. */
function wholeYuan(text: string): number | null {
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch in DIGIT) {
      digit = DIGIT[ch]!;
    } else if (ch in UNIT) {
      section += (digit ?? 1) * UNIT[ch]!;
      digit = null;
    } else if (ch === "万" || ch === "萬") {
      total += (section + (digit ?? 0)) * 10_000;
      section = 0;
      digit = null;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

export function capitalMoneyToFen(raw: string): Fen | null {
  // 贰拾壹元/月: a monthly standard written in capitals, its unit after it.
  const t = raw.replace(/\s+/g, "").replace(/(?:\/月|每月|\/人\/月)$/, "");
  if (t === "" || !/[元圆角分]/.test(t)) return null;
  const m = SHAPE.exec(t);
  if (!m) return null;
  const yuan = m[1] === undefined ? 0 : wholeYuan(m[1]);
  if (yuan === null) return null;
  return yuan * 100 + (m[2] === undefined ? 0 : DIGIT[m[2]]! * 10) + (m[3] === undefined ? 0 : DIGIT[m[3]]!);
}
