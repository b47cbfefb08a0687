import { toHalfWidth, unspacedHalfWidth } from "./text.js";
import { maxOf } from "../util/append-all.js";

/**
 * Words and marks clerks put in a cell instead of a value, on purpose. They are read as
 * what they say, never as "not a number" or "not a date":
 * - a dash, a slash or 无: nothing here (the cell is empty on purpose);
 * - 免交 / 减交 in a money cell: an exemption or a reduction, not an amount;
 * - 自愿多交 in a payment's month or period: a voluntary payment, for no month.
 * Kept as data here so every reader of cells agrees.
 */
/** What a web system's or a database's export writes into a cell that has no value (null, NULL). */
const EXPORT_NULLS = ["null", "(null)", "<null>", "none", "nil"];

/** A cell a system exported as null: empty, in a text column as much as in a date or a number. */
export function isExportNull(text: string): boolean {
  return text.length <= 10 && EXPORT_NULLS.includes(key(text));
}

const NOTHING = new Set(["-", "--", "—", "——", "–", "－", "/", "\\", "无", "暂无", "空", "n/a", ...EXPORT_NULLS]);

export type ValueMarker = "免交" | "减交";
const VALUE_MARKERS = new Map<string, ValueMarker>([
  ["免交", "免交"],
  ["免缴", "免交"],
  ["免交党费", "免交"],
  ["免缴党费", "免交"],
  ["减交", "减交"],
  ["减缴", "减交"],
  ["少交", "减交"],
]);

/** A payment for no month (a receipt's 所属期间 of a voluntary extra payment, 第十一条). */
const NO_PERIOD = new Set(["自愿多交", "自愿多缴", "自愿交纳", "自愿缴纳", "自愿多交党费", "自愿多缴党费", "特殊党费"]);

function key(text: string): string {
  return unspacedHalfWidth(text).toLowerCase();
}

/**
 * The longest marker, in characters other than spaces: a text with more of them is none, and is
 * not folded to find out (most cells are names, dates and amounts, read many times over).
 */
const LONGEST_MARKER = maxOf([...NOTHING, ...VALUE_MARKERS.keys()].map((m) => m.length));
/** What `\s` matches (the folding in key() drops it). */
function isSpaceCode(c: number): boolean {
  return c <= 0x20 ? c === 0x20 || (c >= 0x09 && c <= 0x0d) : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
function longerThanAnyMarker(text: string): boolean {
  if (text.length <= LONGEST_MARKER) return false;
  let chars = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (!isSpaceCode(c) && ++chars > LONGEST_MARKER) return true;
  }
  return false;
}

/** A cell that says "nothing here": a dash, a slash, 无. */
export function isNothingMarker(text: string): boolean {
  return !longerThanAnyMarker(text) && NOTHING.has(key(text));
}

/** 免交 / 减交 (and their spellings) in a money cell, else null. */
export function valueMarker(text: string): ValueMarker | null {
  return longerThanAnyMarker(text) ? null : (VALUE_MARKERS.get(key(text)) ?? null);
}

/** Either kind of marker a cell holds, its text folded once: "nothing", 免交/减交, or null. */
export function cellMarker(text: string): "nothing" | ValueMarker | null {
  if (longerThanAnyMarker(text)) return null;
  const k = key(text);
  return NOTHING.has(k) ? "nothing" : (VALUE_MARKERS.get(k) ?? null);
}

export function isValueMarker(v: unknown): v is ValueMarker {
  return v === "免交" || v === "减交";
}

/**
 * Words a row of a register uses to say its event did not take place that period (8月 暑假，
 * 未开展): such a row has no date on purpose. Kept as data beside the other markers.
 */
// A status cell of an OA export that says 已取消 alone, or 取消召开, is a meeting listed but not held.
const NOT_HELD = /未开展|未召开|未举行|未组织|未开会|没有开展|没有召开|暂停开展|停开|不开展|^\s*(?:已取消|取消)\s*$|取消召开|会议取消/;

/** A text that says the meeting or activity of its row was not held. */
export function saysNotHeld(text: string): boolean {
  return NOT_HELD.test(toHalfWidth(text));
}

/** A row with a cell that says its meeting or activity was not held. */
export function rowSaysNotHeld(values: readonly unknown[]): boolean {
  return values.some((v) => typeof v === "string" && saysNotHeld(v));
}

/** 自愿多交 (and its spellings) where a month is asked for: no month, on purpose. */
export function isNoPeriodMarker(text: string): boolean {
  return NO_PERIOD.has(key(text));
}
