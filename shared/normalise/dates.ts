import { excelSerialToDay, fromYmd, isValidYmd, type DayNumber } from "../calendar/days.js";
import { chineseCount } from "./chinese-count.js";
import { toHalfWidth } from "./text.js";
import { withoutTextMark } from "./text-mark.js";

/**
 * Dates as they arrive: Excel serials (with a date number format, or bare in a date column),
 * and text such as 2019.07.01, 2019/7/1 14:30, 2019年7月1日, 2025年6月5日上午, 20190701,
 * 2018-09-15T00:00:00Z, with the weekday (2026年4月5日（周日）上午, 2025.3.8 周六 14:30), in full-width
 * digits or in Chinese numerals (二〇二五年三月五日). Clerks also write only a year and month ("1968.02",
 * "1968年2月"): such a date is read at month precision, and rules compare it only as far as it goes.
 */

/** Serials from 1900-01-01 to 2199-12-31: anything else in a date column is not a date. */
const MIN_SERIAL = 1;
const MAX_SERIAL = 109_573;

export type DatePrecision = "day" | "month" | "year";

/** A date as written: the first day it can be, and how much of it was written. */
export interface ReadDate {
  day: DayNumber;
  precision: DatePrecision;
}

export function serialToDay(serial: number): DayNumber | null {
  if (!Number.isFinite(serial) || serial < MIN_SERIAL || serial > MAX_SERIAL) return null;
  return excelSerialToDay(serial);
}

/**
 * What may follow a date: a part of the day (上午, 下午, 晚上 …), a time of day (14:30, 9点半,
 * 14时30分), a time range (14:30-16:00, 9:00至11:30) or an ISO time ("T00:00:00.000Z").
 */
const PART_OF_DAY = String.raw`(?:上午|下午|中午|晚上|早上|早晨|凌晨|傍晚|夜间|晚)`;
const CLOCK = String.raw`(?:\d{1,2}(?:[:：]\d{1,2}){1,2}(?:\.\d+)?|\d{1,2}\s*[点时](?:\s*\d{1,2}\s*分?|半)?)`;
/**
 * The end of a range that began on the date: a time (14:30-16:00) or a later day (2025.3.5-3.6,
 * 3月5日至6日, 2025.10.30-11.2, 2025.9.30-2025.10.4).
 */
const RANGE_END = String.raw`(?:${PART_OF_DAY}?\s*${CLOCK}|(?:\d{4}\s*[.\-/年]\s*)?(?:\d{1,2}\s*[.\-/月]\s*)?\d{1,2}\s*[日号]?)`;
const TIME_TAIL = new RegExp(
  String.raw`^(?:T[\d:.]+(?:Z|[+-]\d{2}:?\d{2})?|\s*${PART_OF_DAY}?\s*${CLOCK}?(?:\s*(?:-|~|～|至|到|—)\s*${RANGE_END})?\s*)$`,
);

/**
 * The weekday written with a date, in brackets or not: （周日）, (周六), 星期日, 星期天, 礼拜天. Its
 * number as Date.getUTCDay gives it (日/天 = 0).
 */
const WEEKDAY = /[(【[]?\s*(?:星期|礼拜|周)\s*([一二三四五六日天])\s*[)】\]]?/;
const WEEKDAY_NUMBER: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

/**
 * Whether what follows a date (its weekday, part of day, time or the end of a range) may follow it.
 * A weekday that is not the date's own says the date is not sure: the date is then not read.
 */
function tailFits(tail: string, y: number, mo: number, d: number): boolean {
  // most dates end where the pattern does
  if (tail === "") return true;
  const wd = WEEKDAY.exec(tail);
  if (wd) {
    if (!isValidYmd(y, mo, d) || new Date(Date.UTC(y, mo - 1, d)).getUTCDay() !== WEEKDAY_NUMBER[wd[1]!]) return false;
    tail = tail.slice(0, wd.index) + " " + tail.slice(wd.index + wd[0].length);
  }
  return TIME_TAIL.test(tail);
}

/**
 * A date in Chinese numerals (二〇二五年三月五日, 二零二五年十二月三十一日, 三月五号) in digits; any
 * other text as it is. Only text that begins with such a date is touched.
 */
const CHINESE_YEAR = /^([〇零○一二三四五六七八九]{4})(?=\s*年)/;
const CHINESE_MONTH_DAY = /([一二三四五六七八九十]{1,3})(?=\s*[月日号])/g;

function digitsOfChineseDate(text: string): string {
  if (!/^[〇零○一二三四五六七八九十]+\s*[年月]/.test(text)) return text;
  const year = text.replace(CHINESE_YEAR, (y) => [...y].map((c) => ("〇零○".includes(c) ? "0" : String(chineseCount(c)))).join(""));
  return year.replace(CHINESE_MONTH_DAY, (n) => String(chineseCount(n) ?? n));
}

/** Date text as the patterns below read it: half-width, trimmed, Chinese numerals in digits. */
function dateText(raw: string): string {
  return digitsOfChineseDate(toHalfWidth(withoutTextMark(raw)).trim());
}

const DAY_PREFIXES: RegExp[] = [
  // 2019-07-01, 2019/7/1, 2019.7.1
  /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})/,
  // 2019年7月1日 / 2019年7月1号
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/,
  // 20190701 (nothing may follow but a time)
  /^(\d{4})(\d{2})(\d{2})(?!\d)/,
];

/**
 * A two-digit year as systems export it and clerks type it: 23-05-08, 62.04.12 (year, month, day, each
 * of two digits; never with a slash, which 05/06/30 writers mean month first). The century is the one
 * Excel gives a two-digit year: 00–29 are 2000–2029, 30–99 are 1930–1999.
 */
const TWO_DIGIT_YEAR = /^(\d{2})([-.])(\d{2})\2(\d{2})(?![\d.-])/;
const TWO_DIGIT_YEAR_PIVOT = 30;

function twoDigitYearDate(text: string): ReadDate | null | undefined {
  const m = TWO_DIGIT_YEAR.exec(text);
  if (!m) return undefined;
  const yy = Number(m[1]);
  const [y, mo, d] = [yy < TWO_DIGIT_YEAR_PIVOT ? 2000 + yy : 1900 + yy, Number(m[3]), Number(m[4])];
  if (!tailFits(text.slice(m[0].length), y, mo, d)) return null;
  return isValidYmd(y, mo, d) ? { day: fromYmd(y, mo, d), precision: "day" } : null;
}

/**
 * A date with slashes ending in a four-digit year (7/1/2019, 13/1/2019): two parts before the year whose
 * order the cell alone cannot say. English-locale Excel writes month first; a first part over 12 can only
 * be a day. The order is the column's, never guessed cell by cell (slashOrderOf).
 */
const SLASH_FOUR_YEAR = /^(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})(?![\d/])/;

export type SlashOrder = "month-first" | "day-first";

/** Whether the text is such a date (its two first parts each 1–31). */
export function isSlashFourYearDate(raw: string): boolean {
  const m = SLASH_FOUR_YEAR.exec(dateText(raw));
  return m !== null && Number(m[1]) >= 1 && Number(m[1]) <= 31 && Number(m[2]) >= 1 && Number(m[2]) <= 31;
}

/**
 * The order of a column's slash dates: day first where a first part is over 12, month first where a
 * second part is over 12 or none says (en-US Excel's order); null where the column has both, so that no
 * cell of it is read one way while its neighbour is read the other.
 */
export function slashOrderOf(texts: Iterable<string>): SlashOrder | null {
  let dayFirst = false;
  let monthFirst = false;
  for (const raw of texts) {
    const m = SLASH_FOUR_YEAR.exec(dateText(raw));
    if (!m) continue;
    if (Number(m[1]) > 12) dayFirst = true;
    if (Number(m[2]) > 12) monthFirst = true;
  }
  if (dayFirst && monthFirst) return null;
  return dayFirst ? "day-first" : "month-first";
}

/** A slash date ending in a four-digit year, in the order its column is written in; null when it names no day. */
export function readSlashDate(raw: string, order: SlashOrder): ReadDate | null {
  const text = dateText(raw);
  const m = SLASH_FOUR_YEAR.exec(text);
  if (!m) return null;
  const [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [mo, d] = order === "month-first" ? [a, b] : [b, a];
  if (!tailFits(text.slice(m[0].length), y, mo, d)) return null;
  return isValidYmd(y, mo, d) && plausibleYear(y) ? { day: fromYmd(y, mo, d), precision: "day" } : null;
}

/**
 * Year and month only: 1968.02, 1968-2, 1968/02, 1968年2月, 1968年2月份, 196802. A part of the month
 * (2025年5月上旬, 5月下旬, 5月底) is known to within ten days: it is read to the month, so it is never
 * compared more finely than it was written, and never an error for its form.
 */
const PART_OF_MONTH = String.raw`(?:上旬|中旬|下旬|初|中|底|末)`;
const MONTH_ONLY = [
  /^(\d{4})\s*[-/.]\s*(\d{1,2})$/,
  /^(\d{4})\s*年\s*(\d{1,2})\s*月份?$/,
  /^(\d{4})(0[1-9]|1[0-2])$/,
  new RegExp(String.raw`^(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*月?\s*${PART_OF_MONTH}$`),
];
const YEAR_ONLY = /^(\d{4})\s*年?$/;

function plausibleYear(y: number): boolean {
  return y >= 1900 && y <= 2199;
}

/** Date text at whatever precision it was written, or null when it names no date. */
export function readDateText(raw: string): ReadDate | null {
  const text = dateText(raw);
  for (const pattern of DAY_PREFIXES) {
    const m = pattern.exec(text);
    if (!m) continue;
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    if (!tailFits(text.slice(m[0].length), y, mo, d)) return null;
    return isValidYmd(y, mo, d) && plausibleYear(y) ? { day: fromYmd(y, mo, d), precision: "day" } : null;
  }
  const short = twoDigitYearDate(text);
  if (short !== undefined) return short;
  for (const pattern of MONTH_ONLY) {
    const m = pattern.exec(text);
    if (!m) continue;
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return mo >= 1 && mo <= 12 && plausibleYear(y) ? { day: fromYmd(y, mo, 1), precision: "month" } : null;
  }
  const y = YEAR_ONLY.exec(text);
  if (y && plausibleYear(Number(y[1]))) return { day: fromYmd(Number(y[1]), 1, 1), precision: "year" };
  return null;
}

/**
 * A day written without its year (1月12日, 1月12日上午, 3.15, 3/15) or a month alone (3月, 3月份),
 * in a sheet whose title names its year (「2024年度主题党日活动开展情况」) or school year (2024-2025学年):
 * read in the year `yearOf` gives its month.
 * Null when the text is anything else, so a cell that names no date stays unreadable.
 */
const DAY_WITHOUT_YEAR = [/^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?/, /^(\d{1,2})\s*[./]\s*(\d{1,2})(?![\d./])/];
const MONTH_WITHOUT_YEAR = /^(\d{1,2})\s*月(?:份|上旬|中旬|下旬|初|底|末)?$/;

export function readDateInYear(raw: string, yearOf: (month: number) => number): ReadDate | null {
  const text = dateText(raw);
  for (const pattern of DAY_WITHOUT_YEAR) {
    const m = pattern.exec(text);
    if (!m) continue;
    const [mo, d] = [Number(m[1]), Number(m[2])];
    if (mo < 1 || mo > 12) return null;
    const year = yearOf(mo);
    if (!tailFits(text.slice(m[0].length), year, mo, d)) return null;
    return isValidYmd(year, mo, d) && plausibleYear(year) ? { day: fromYmd(year, mo, d), precision: "day" } : null;
  }
  const m = MONTH_WITHOUT_YEAR.exec(text);
  const mo = m ? Number(m[1]) : 0;
  if (mo < 1 || mo > 12 || !plausibleYear(yearOf(mo))) return null;
  return { day: fromYmd(yearOf(mo), mo, 1), precision: "month" };
}

/**
 * 3.15 typed into a General cell of a date column is a number: the month and day 3.15, not an
 * Excel serial (1900-01-03). Its text, when the number keeps it whole: two decimals (3.15), or one
 * that no day ends in 0 can be (3.5); 3.1 is what Excel keeps of both 3.1 and 3.10, so null.
 */
export function monthDayOfNumber(raw: number): string | null {
  if (!(raw >= 1 && raw < 13) || Number.isInteger(raw)) return null;
  const [m, f = ""] = String(raw).split(".");
  return f.length === 2 || (f.length === 1 && Number(f) >= 4) ? `${m}.${f}` : null;
}

/**
 * A span of days in one cell: 2024.10.8-10.9, 2024.10.8-9, 2024年10月8日至10日, 2024.10.8—2024.10.10,
 * and without its year (10月30日至11月2日) where the sheet gives it. The end takes the start's year
 * and month where it omits them; an end month before the start's (2024.12.30-1.3) is in the next year.
 */
const DAY_SPAN = /^(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?\s*(?:-|~|～|至|到|—|–)+\s*(?:(\d{4})\s*[-/.年]\s*)?(?:(\d{1,2})\s*[-/.月]\s*)?(\d{1,2})\s*[日号]?$/;

/**
 * The last day of a span written in one cell, or null when the cell holds no span (or one that runs
 * backwards). A span written without its year is read in the year `yearOf` gives its first month, if given.
 */
export function readDateSpanEnd(raw: string, yearOf?: (month: number) => number): DayNumber | null {
  const m = DAY_SPAN.exec(dateText(raw));
  if (!m) return null;
  const mo = Number(m[2]);
  if (!m[1] && (!yearOf || mo < 1 || mo > 12)) return null;
  const [y, d] = [m[1] ? Number(m[1]) : yearOf!(mo), Number(m[3])];
  const mo2 = m[5] ? Number(m[5]) : mo;
  const y2 = m[4] ? Number(m[4]) : mo2 < mo ? y + 1 : y;
  const d2 = Number(m[6]);
  if (!isValidYmd(y, mo, d) || !isValidYmd(y2, mo2, d2)) return null;
  const start = fromYmd(y, mo, d);
  const end = fromYmd(y2, mo2, d2);
  return end >= start ? end : null;
}

/**
 * A span of months in one cell, as a receipt's 所属期间 says it: 2025年1月—3月, 2024年8月—2025年3月,
 * 2025.4-2025.6, 2025年1-3月. Month indexes (y*12 + m-1), or null when the cell holds no such span
 * (or one that runs backwards).
 */
const MONTH_SPAN = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:月份?)?\s*(?:-|~|～|至|到|—|–)+\s*(?:(\d{4})\s*[-/.年]\s*)?(\d{1,2})\s*(?:月份?)?$/;

export function readMonthSpan(raw: string): { from: number; to: number } | null {
  const m = MONTH_SPAN.exec(toHalfWidth(raw).trim());
  if (!m) return null;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  const [y2, mo2] = [m[3] ? Number(m[3]) : y, Number(m[4])];
  if (mo < 1 || mo > 12 || mo2 < 1 || mo2 > 12 || !plausibleYear(y) || !plausibleYear(y2)) return null;
  const from = y * 12 + mo - 1;
  const to = y2 * 12 + mo2 - 1;
  return to >= from ? { from, to } : null;
}

/**
 * A span of months written without its year (1—3月, 4月-6月, 10至12月份), as a payment log's 所属月份
 * says a quarter: read in the year `yearOf` gives its first month (the title's year). An end month
 * before the start's (11—2月) runs into the next year. Null when the cell holds no such span.
 */
const MONTH_SPAN_WITHOUT_YEAR = /^(\d{1,2})\s*(?:月份?)?\s*(?:-|~|～|至|到|—|–)+\s*(\d{1,2})\s*月份?$/;

export function readMonthSpanInYear(raw: string, yearOf: (month: number) => number): { from: number; to: number } | null {
  const m = MONTH_SPAN_WITHOUT_YEAR.exec(toHalfWidth(raw).trim());
  if (!m) return null;
  const [mo, mo2] = [Number(m[1]), Number(m[2])];
  if (mo < 1 || mo > 12 || mo2 < 1 || mo2 > 12) return null;
  const y = yearOf(mo);
  if (!plausibleYear(y)) return null;
  const from = y * 12 + mo - 1;
  const to = (mo2 < mo ? y + 1 : y) * 12 + mo2 - 1;
  return { from, to };
}

/** A whole day only: what the DJ functions and other exact comparisons take. */
export function parseDateText(raw: string): DayNumber | null {
  const read = readDateText(raw);
  return read && read.precision === "day" ? read.day : null;
}

/**
 * A number in a date column: an Excel serial; eight digits (20190701) are a date typed as a
 * number; a four-digit year (1968) is a year; 1968.02 is a year and month typed as a number.
 * One decimal digit is ambiguous (1968.1 is what Excel keeps of both "1968.1" and "1968.10"),
 * so 1968.1 is read as the year only.
 */
export function readDateNumber(raw: number): ReadDate | null {
  if (!Number.isFinite(raw)) return null;
  if (Number.isInteger(raw)) {
    if (raw >= 19_000_101 && raw <= 21_991_231) {
      const read = readDateText(String(raw));
      if (read) return read;
    }
    if (raw >= 190_001 && raw <= 219_912) {
      const read = readDateText(String(raw));
      if (read) return read;
    }
    if (plausibleYear(raw)) return { day: fromYmd(raw, 1, 1), precision: "year" };
  } else if (raw > 1900 && raw < 2200) {
    const [whole, fraction = ""] = String(raw).split(".");
    const y = Number(whole);
    if (fraction.length === 1 && fraction !== "1") return { day: fromYmd(y, Number(fraction), 1), precision: "month" };
    if (fraction.length === 1) return { day: fromYmd(y, 1, 1), precision: "year" };
    if (fraction.length === 2 && Number(fraction) >= 1 && Number(fraction) <= 12) return { day: fromYmd(y, Number(fraction), 1), precision: "month" };
    return null;
  }
  const day = serialToDay(raw);
  return day === null ? null : { day, precision: "day" };
}

/** Months: 2025-04, 2025.4, 2025/04, 2025年4月, 202504; a full date gives its month. */
export function parseMonthText(raw: string): { y: number; m: number } | null {
  const text = dateText(raw);
  const m =
    /^(\d{4})\s*[-/.]\s*(\d{1,2})$/.exec(text) ??
    /^(\d{4})\s*年\s*(\d{1,2})\s*月(?:份)?$/.exec(text) ??
    /^(\d{4})(\d{2})$/.exec(text);
  if (m) {
    const [y, mo] = [Number(m[1]), Number(m[2])];
    return mo >= 1 && mo <= 12 && y >= 1900 ? { y, m: mo } : null;
  }
  const day = parseDateText(text);
  if (day === null) return null;
  const dt = new Date(day * 86_400_000);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1 };
}

/**
 * How far a date number format shows a date: yyyy.mm, yyyy-mm, yyyy"年"m"月", mmm-yy show the
 * month only, yyyy the year only; a serial under such a format was entered to that precision
 * (Excel keeps the 1st of the month), so it must not be compared by day. Literal text ("年"),
 * escapes (\年), colours and locales ([Red], [$-804]) name no part of the date.
 */
const precisionByFormat = new Map<string, DatePrecision>();

export function formatPrecision(format: string): DatePrecision {
  let known = precisionByFormat.get(format);
  if (known === undefined) {
    const parts = format.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, "").toLowerCase();
    // Only a format that shows a year and no day (nor a weekday) is coarse; a time of day keeps it whole.
    if (!/y|e/.test(parts) || /d|a{3}|h|s/.test(parts)) known = "day";
    else known = /m/.test(parts) ? "month" : "year";
    precisionByFormat.set(format, known);
  }
  return known;
}
