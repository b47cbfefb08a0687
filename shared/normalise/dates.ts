import { excelSerialToDay, fromYmd, isValidYmd, type DayNumber } from "../calendar/days.js";
import { toHalfWidth } from "./text.js";

/**
 * Dates as they arrive: Excel serials (with a date format, or bare in a date column),
 * and text such as 2019.07.01, 2019/7/1 14:30, 2019年7月1日, 20190701, 2018-09-15T00:00:00Z.
 */

/** Serials from 1900-01-01 to 2199-12-31: anything else in a date column is not a date. */
const MIN_SERIAL = 1;
const MAX_SERIAL = 109_573;

export function serialToDay(serial: number): DayNumber | null {
  if (!Number.isFinite(serial) || serial < MIN_SERIAL || serial > MAX_SERIAL) return null;
  return excelSerialToDay(serial);
}

const DATE_PATTERNS: RegExp[] = [
  // 2019-07-01, 2019/7/1, 2019.7.1, optional time or ISO tail
  /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})(?:[T\s].*)?$/,
  // 2019年7月1日, optional time
  /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?(?:\s.*)?$/,
  // 20190701
  /^(\d{4})(\d{2})(\d{2})$/,
];

export function parseDateText(raw: string): DayNumber | null {
  const text = toHalfWidth(raw).trim();
  for (const pattern of DATE_PATTERNS) {
    const m = pattern.exec(text);
    if (m) {
      const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
      return isValidYmd(y, mo, d) && y >= 1900 ? fromYmd(y, mo, d) : null;
    }
  }
  return null;
}

/** Months: 2025-04, 2025.4, 2025/04, 2025年4月, 202504; a full date gives its month. */
export function parseMonthText(raw: string): { y: number; m: number } | null {
  const text = toHalfWidth(raw).trim();
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
