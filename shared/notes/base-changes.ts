import { chineseCount } from "../normalise/chinese-count.js";
import { toHalfWidth } from "../normalise/text.js";
import { yuanToFen, type Fen } from "../scoring/money.js";
import { MONTH_NUMBER } from "./patterns.js";

/**
 * A change of a member's dues base during the year, as 备注 dates it (2008规定第十条: from the month
 * the new pay is drawn, the new pay is the base): 「7月起基数调整为5600.00」, 「基数由4600元调整为5600元（7月起）」,
 * 「1—6月基数4600.00」. Each says, for some months of the year, the base they are judged by.
 */
export interface BaseSpan {
  /** The first and last month of the year (1–12) the base holds for. */
  from: number;
  to: number;
  base: Fen;
}

export interface BaseChanges {
  /** Bases the note states for months it names, in the order written. */
  spans: BaseSpan[];
  /** The first month of a change (7月起), where the note dates one: the months before it drew another pay. */
  changeFrom: number | null;
  /** The base before the change, where the note says it (由4600元调整为5600元). */
  before: Fen | null;
}

const MONTH = `(${MONTH_NUMBER})`;
const YEAR = String.raw`(?:\d{4}\s*年\s*)?`;
// Whole figures only: 4600 is never read as 460 and 0 to make a sentence fit.
const AMOUNT = String.raw`(?<!\d|\d[.,])((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?!\d|\.\d)\s*元?`;
/** How a note says the base changed: 调整为, 重新核定为 (2008规定第十条: 重新核定 from the month of the new pay). */
const CHANGED = String.raw`(?:重新)?(?:核定|调整|变更|变动|改|增加|提高|降低|上调|下调)`;
const DASH = String.raw`(?:—|–|-|－|~|～|至|到)+`;
const BASE = String.raw`(?:党费)?(?:计算|缴费|交费|缴纳|交纳)?基数`;

/** 1—6月基数4600.00, 1至6月份计算基数为4600元. */
const SPAN = new RegExp(String.raw`${YEAR}${MONTH}\s*月?\s*${DASH}\s*${YEAR}${MONTH}\s*月份?\s*(?:的|期间)?\s*${BASE}\s*(?:为|是|按)?\s*[:：]?\s*${AMOUNT}`, "g");
/** 7月起岗位调整，基数调整为5600.00; 自7月份起基数5600元; 7月起基数由4600元调整为5600元. */
const FROM_MONTH = new RegExp(String.raw`${YEAR}${MONTH}\s*月份?\s*(?:起|开始|以后)[^。；;\d]{0,16}?${BASE}[^。；;\d]{0,6}?(?:由\s*${AMOUNT}\s*)?${CHANGED}?\s*(?:为|到|至)?\s*${AMOUNT}`, "g");
/** 基数由4600元调整为5600元（7月起）; 基数调整为5600元，从7月开始. */
const THEN_MONTH = new RegExp(String.raw`${BASE}\s*(?:由\s*${AMOUNT}\s*)?${CHANGED}\s*(?:为|到|至)\s*${AMOUNT}[^。；;\d]{0,8}?(?:从|自)?\s*${YEAR}${MONTH}\s*月份?\s*(?:起|开始)`, "g");

function month(text: string | undefined): number | null {
  if (text === undefined) return null;
  const n = chineseCount(text);
  return n !== null && n >= 1 && n <= 12 ? n : null;
}

function fen(text: string | undefined): Fen | null {
  if (text === undefined) return null;
  return yuanToFen(text.replace(/,/g, ""));
}

/** The base changes a note states, or null when it states none. */
export function readBaseChanges(raw: string): BaseChanges | null {
  const text = toHalfWidth(raw);
  const spans: BaseSpan[] = [];
  let changeFrom: number | null = null;
  let before: Fen | null = null;
  for (const m of text.matchAll(SPAN)) {
    const from = month(m[1]);
    const to = month(m[2]);
    const base = fen(m[3]);
    if (from !== null && to !== null && base !== null && from <= to) spans.push({ from, to, base });
  }
  const dated = [...text.matchAll(FROM_MONTH)].map((m) => ({ from: month(m[1]), before: fen(m[2]), base: fen(m[3]) }));
  for (const m of text.matchAll(THEN_MONTH)) dated.push({ from: month(m[3]), before: fen(m[1]), base: fen(m[2]) });
  for (const d of dated) {
    if (d.from === null || d.base === null) continue;
    spans.push({ from: d.from, to: 12, base: d.base });
    if (changeFrom === null || d.from < changeFrom) {
      changeFrom = d.from;
      before = d.before;
    }
  }
  if (spans.length === 0) return null;
  return { spans, changeFrom, before };
}

/**
 * The base of each month of the year (index 1–12) by the note, with the row's own base column
 * (`rowBase`) for the months it leaves: the column holds the base before the change when it differs
 * from the new one, else the months before the change drew a pay nobody wrote (null: not known).
 * Months the note does not touch keep `rowBase`; undefined where the note says nothing at all.
 */
export function basesByMonth(changes: BaseChanges, rowBase: Fen | null): (Fen | null)[] {
  const out: (Fen | null)[] = new Array<Fen | null>(13).fill(rowBase);
  out[0] = null;
  if (changes.changeFrom !== null) {
    const after = changes.spans.find((s) => s.from === changes.changeFrom && s.to === 12)!.base;
    const earlier = changes.before ?? (rowBase !== null && rowBase !== after ? rowBase : null);
    for (let k = 1; k < changes.changeFrom; k++) out[k] = earlier;
  }
  // Later and narrower statements win: a span the note names (1—6月基数4600) over what the change implies.
  const ordered = [...changes.spans].sort((a, b) => b.to - b.from - (a.to - a.from));
  for (const s of ordered) for (let k = s.from; k <= s.to; k++) out[k] = s.base;
  return out;
}
