import { isCellError, type CellValue } from "../grid/types.js";
import { checkCharacter } from "../idcard/gb11643.js";
import { yuanToFen } from "../scoring/money.js";
import { capitalMoneyToFen } from "./chinese-money.js";
import type { FieldType } from "../template/schema.js";
import { parseMonthText, readDateNumber, readDateText, readMonthSpan, serialToDay, type DatePrecision, type ReadDate } from "./dates.js";
import { isExportNull, isNoPeriodMarker, isNothingMarker, valueMarker } from "./markers.js";
import { parseNumberText } from "./numbers.js";
import { chineseCount, countWithBreakdown, countWithUnit, placeWithWords, wordsWithUnit, yesVotes } from "./chinese-count.js";
import { isExponentNumberText, normaliseIdText } from "./id-text.js";
import { cleanText, hasFullWidth, toHalfWidth } from "./text.js";
import { hasTextMark, withoutTextMark } from "./text-mark.js";

/**
 * One cell → one typed value. Dates and months become day numbers and month indexes,
 * money becomes integer fen (or the marker 免交 / 减交), IDs upper-case half-width text.
 * A value that cannot be read as its type is reported with a code the findings catalogue
 * knows; a dash, a slash or 无 is an empty cell on purpose, never "not a number".
 */
export type NormValue = string | number | boolean;

export interface NormProblem {
  code: string;
  severity: "error" | "warning" | "info";
  args?: Record<string, string | number>;
}

export interface Normalised {
  /** null when the cell is empty (or holds only white space, or a dash on purpose). */
  value: NormValue | null;
  problem?: NormProblem;
  /** The cell's text as the user sees it, for messages. */
  text: string;
  /** For dates written without their day (1968.02) or month (1968): how far the value goes. */
  precision?: Exclude<DatePrecision, "day">;
}

const EMPTY: Normalised = { value: null, text: "" };

/** Already in canonical form: nothing to normalise, nothing to warn about. */
const CLEAN_ID = /^\d{17}[\dX]$/;
const CLEAN_MOBILE = /^1[3-9]\d{9}$/;

/** A cell that needs a finding: its problem, and the value still usable (e.g. an ID with a lower-case x). */
export class Flagged {
  constructor(
    readonly problem: NormProblem,
    readonly value: NormValue | null,
  ) {}
}

/** A date written only to the month or the year: the first day it can be, and its precision. */
export class Coarse {
  constructor(
    readonly value: number,
    readonly precision: Exclude<DatePrecision, "day">,
  ) {}
}

/**
 * The hot path of the engine: most cells are plain numbers or clean text, and those
 * return their value with no allocation. Everything else goes the full way.
 */
export function normaliseFast(raw: CellValue, type: FieldType): NormValue | null | Flagged | Coarse {
  if (raw === null) return null;
  if (typeof raw === "number") {
    if (type === "number" || (type === "integer" && Number.isInteger(raw))) return raw;
    if (type === "money") {
      const scaled = raw * 100;
      const fen = Math.round(scaled);
      if (Math.abs(scaled - fen) < 1e-6 && Number.isFinite(fen)) return fen;
    }
  } else if (typeof raw === "string") {
    if (type === "string") {
      const c = raw.charCodeAt(0);
      const e = raw.charCodeAt(raw.length - 1);
      if (raw.length > 0 && c > 32 && e > 32 && c !== 0x3000 && e !== 0x3000 && !/\s/.test(raw) && !(raw.length <= 6 && isExportNull(raw))) return raw;
    } else if (type === "idNumber") {
      if (CLEAN_ID.test(raw)) return raw;
    } else if (type === "phone") {
      if (CLEAN_MOBILE.test(raw)) return raw;
    }
  }
  const n = normaliseCell(raw, type);
  if (n.problem) return new Flagged(n.problem, n.value);
  if (n.precision && typeof n.value === "number") return new Coarse(n.value, n.precision);
  return n.value;
}

export function cellText(raw: CellValue): string {
  if (raw === null) return "";
  if (isCellError(raw)) return raw.error;
  return String(raw);
}

export function normaliseCell(raw: CellValue, type: FieldType): Normalised {
  if (raw === null) return EMPTY;
  if (isCellError(raw)) {
    return { value: null, text: raw.error, problem: { code: "cell.formulaError", severity: "error", args: { value: raw.error } } };
  }
  // null / NULL: a system's export of an empty cell is empty, in every column (and a rule that needs a value still misses it).
  if (typeof raw === "string" && (cleanText(raw) === "" || isExportNull(raw))) return EMPTY;
  const text = typeof raw === "string" ? raw : String(raw);
  if (typeof raw === "string" && type !== "string" && type !== "boolean" && isNothingMarker(raw)) return { value: null, text };
  switch (type) {
    case "string":
      return { value: cleanText(typeof raw === "string" ? raw : text), text };
    case "integer":
    case "number":
    case "percent":
      return normaliseNumber(raw, text, type);
    case "money":
      return normaliseMoney(raw, text);
    case "date":
    case "datetime":
      return normaliseDate(raw, text);
    case "month":
      return normaliseMonth(raw, text);
    case "boolean":
      return normaliseBoolean(raw, text);
    case "idNumber":
      return normaliseIdNumber(raw, text);
    case "phone":
      return normalisePhone(text);
  }
}

function bad(code: string, text: string, severity: NormProblem["severity"] = "error"): Normalised {
  return { value: null, text, problem: { code, severity, args: { value: text } } };
}

function normaliseNumber(raw: CellValue, text: string, type: FieldType): Normalised {
  let value: number;
  if (typeof raw === "number") value = raw;
  else if (typeof raw === "string") {
    const parsed = parseNumberText(raw);
    // 免交 in a 交纳比例 column: the member owes no rate at all (2008规定第七条), no number gone wrong.
    const marker = !parsed && type === "percent" ? valueMarker(raw) : null;
    if (marker) return { value: marker, text };
    if (!parsed) {
      // 延长6个月, 共12人: a count with its unit, in an integer column; 并列3, 第3名: a place.
      const half = toHalfWidth(raw);
      // 八十七分, 十九票: a whole number in Chinese numerals with its unit, in any number column; 八十四 alone in a
      // score; 9（其中预备1）: the count and its breakdown.
      const count = type === "integer" ? (countWithUnit(half) ?? countWithBreakdown(half) ?? placeWithWords(half) ?? yesVotes(half) ?? wordsWithUnit(half)) : type === "number" ? (wordsWithUnit(half) ?? pointsInWords(half)) : null;
      if (count === null) return bad("value.notNumber", text);
      return { value: count, text };
    }
    value = parsed.percent && type !== "percent" ? parsed.value / 100 : parsed.value;
  } else return bad("value.notNumber", text);
  if (type === "integer" && !Number.isInteger(value)) return bad("value.notInteger", text);
  return { value, text };
}

/** 八十四分, 一百分: a score written in words, as a clerk fills a 得分 column by hand. */
function pointsInWords(text: string): number | null {
  const m = /^\s*([一二两三四五六七八九十百]{1,4})\s*分?\s*$/.exec(text);
  if (!m) return null;
  return m[1] === "一百" || m[1] === "百" ? 100 : chineseCount(m[1]!);
}

/** 约4千, 5000元左右: an amount given roughly on purpose — nothing to check it by, not a typing error. */
const APPROXIMATE_MONEY = /^(?:约|大约|大概|约为)\s*\d+(?:\.\d+)?\s*[千万]?\s*元?\s*(?:左右)?$|^\d+(?:\.\d+)?\s*[千万]?\s*元?\s*左右$/;

function normaliseMoney(raw: CellValue, text: string): Normalised {
  if (typeof raw === "number") {
    const fen = yuanToFen(raw);
    return fen === null ? bad("value.notNumber", text) : { value: fen, text };
  }
  if (typeof raw === "string") {
    const marker = valueMarker(raw);
    if (marker) return { value: marker, text };
    const parsed = parseNumberText(raw);
    // 肆拾伍元: an amount written out in capital numerals, as on a receipt.
    const fen = parsed && !parsed.percent ? yuanToFen(parsed.decimal) : capitalMoneyToFen(raw);
    if (fen === null && APPROXIMATE_MONEY.test(raw.trim())) return bad("value.approximateMoney", text, "info");
    return fen === null ? bad("value.notMoney", text) : { value: fen, text };
  }
  return bad("value.notMoney", text);
}

function fromRead(read: ReadDate | null, text: string): Normalised {
  if (read === null) return bad("value.notDate", text);
  return read.precision === "day" ? { value: read.day, text } : { value: read.day, text, precision: read.precision };
}

/** A remark in brackets after a date (2024.04.02（再次申请）): the clerk's note on the day, not part of it. */
const BRACKETED_REMARK = /\s*[（(][^（()）]{1,20}[）)]\s*$/;

function normaliseDate(raw: CellValue, text: string): Normalised {
  if (typeof raw === "number") return fromRead(readDateNumber(raw), text);
  if (typeof raw === "string") {
    const read = readDateText(raw);
    const remarked = read === null && BRACKETED_REMARK.test(raw) ? readDateText(raw.replace(BRACKETED_REMARK, "")) : null;
    return fromRead(read ?? remarked, text);
  }
  return bad("value.notDate", text);
}

function normaliseMonth(raw: CellValue, text: string): Normalised {
  if (typeof raw === "number") {
    if (Number.isInteger(raw) && raw >= 190_001 && raw <= 219_912) {
      const y = Math.floor(raw / 100);
      const m = raw % 100;
      if (m >= 1 && m <= 12) return { value: y * 12 + m - 1, text };
    }
    const day = serialToDay(raw);
    if (day === null) return bad("value.notMonth", text);
    const dt = new Date(day * 86_400_000);
    return { value: dt.getUTCFullYear() * 12 + dt.getUTCMonth(), text };
  }
  if (typeof raw === "string") {
    const ym = parseMonthText(raw);
    if (ym !== null) return { value: ym.y * 12 + ym.m - 1, text };
    // A span (2025年1月—3月) starts in its first month; a field with a range end takes the last (records/build).
    const span = readMonthSpan(raw);
    if (span === null && isNoPeriodMarker(raw)) return { value: null, text };
    return span === null ? bad("value.notMonth", text) : { value: span.from, text };
  }
  return bad("value.notMonth", text);
}

const TRUE_WORDS = new Set(["是", "有", "y", "yes", "true", "√", "✓", "1"]);
const FALSE_WORDS = new Set(["否", "无", "n", "no", "false", "×", "0"]);

function normaliseBoolean(raw: CellValue, text: string): Normalised {
  if (typeof raw === "boolean") return { value: raw, text };
  const key = toHalfWidth(text).trim().toLowerCase();
  if (TRUE_WORDS.has(key)) return { value: true, text };
  if (FALSE_WORDS.has(key)) return { value: false, text };
  return bad("value.notBoolean", text);
}

/**
 * GB 11643-1999 §6.1: a first-generation 15-digit number becomes 18 digits by writing the
 * century (19) into its birth date and appending the check character.
 */
export function upgradeFifteenDigitId(id15: string): string {
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + checkCharacter(first17);
}

function fifteen(id15: string, text: string): Normalised {
  const id = upgradeFifteenDigitId(id15);
  return { value: id, text, problem: { code: "id.fifteenDigit", severity: "warning", args: { value: text, converted: id } } };
}

function normaliseIdNumber(raw: CellValue, text: string): Normalised {
  if (typeof raw === "number") {
    // Excel keeps 15 significant digits: a 15-digit ID survives as a number, an 18-digit one has lost its tail.
    if (Number.isInteger(raw) && raw >= 1e14 && raw < 1e15) return fifteen(String(raw), text);
    return { value: null, text, problem: { code: "id.asNumber", severity: "error", args: { value: text } } };
  }
  if (typeof raw !== "string") return bad("id.format", text);
  if (isExponentNumberText(raw)) return { value: null, text, problem: { code: "id.asNumber", severity: "error", args: { value: text } } };
  const id = normaliseIdText(raw);
  if (/^\d{15}$/.test(id)) return fifteen(id, text);
  // '510104…: the apostrophe kept the ID as text on purpose; nothing else was changed, nothing to report.
  const kept = hasTextMark(raw) ? withoutTextMark(raw).trim() : raw;
  if (hasFullWidth(raw) || /x$/.test(raw.trim()) || id !== kept) {
    return { value: id, text, problem: { code: "id.normalised", severity: "warning", args: { value: text, normalised: id } } };
  }
  return { value: id, text };
}

function normalisePhone(text: string): Normalised {
  const digits = toHalfWidth(text).replace(/[\s\-()（）]+/g, "");
  const local = digits.replace(/^(\+86|0086)/, "");
  if (/^1[3-9]\d{9}$/.test(local)) return { value: local, text };
  if (/^0\d{2,3}\d{7,8}(转\d+|-\d+)?$/.test(local)) return { value: local, text };
  // 1354316864: a mobile number (1, then 3–9) with a digit missing or one too many is wrong, not odd.
  if (/^1[3-9]\d{8}$|^1[3-9]\d{10}$/.test(local)) return { value: null, text, problem: { code: "phone.mobileDigits", severity: "error", args: { value: text, digits: local.length } } };
  return bad("phone.format", text, "warning");
}
