/**
 * Calendar arithmetic on whole days. A "day number" counts days since 1970-01-01 (UTC),
 * so comparisons are integer comparisons and there is no time zone to get wrong.
 * Months and years follow Excel's EDATE: the same day of the month, clamped to the
 * month's last day (2024-02-29 + 12 months = 2025-02-28).
 */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
/** Excel's serial 25569 is 1970-01-01 (the 1900 system, which counts a fictitious 1900-02-29). */
const EXCEL_EPOCH_OFFSET = 25_569;

export interface Ymd {
  y: number;
  m: number; // 1..12
  d: number; // 1..31
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export function daysInMonth(y: number, m: number): number {
  // Arithmetic, not a Date: every date cell of a ledger asks this.
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return MONTH_DAYS[m - 1] ?? new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidYmd(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function fromYmd(y: number, m: number, d: number): DayNumber {
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** The proleptic Gregorian day of a day number, by arithmetic (H. Hinnant's civil_from_days), not a Date. */
export function toYmd(day: DayNumber): Ymd {
  const z = Math.floor(day) + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function toIso(day: DayNumber): string {
  const { y, m, d } = toYmd(day);
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** "2025-12-31" → day number; null for anything that is not a real calendar date. */
export function parseIso(text: string): DayNumber | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d) ? fromYmd(y, mo, d) : null;
}

/** Excel EDATE: the same day `months` later, clamped to the end of the target month. */
export function addMonths(day: DayNumber, months: number): DayNumber {
  const { y, m, d } = toYmd(day);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index - ty * 12) + 1;
  return fromYmd(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** Whole calendar years from `from` to `to` (an age): birthdays on 29 Feb count from 28 Feb in common years. */
export function fullYearsBetween(from: DayNumber, to: DayNumber): number {
  const a = toYmd(from);
  const b = toYmd(to);
  let years = b.y - a.y;
  if (addMonths(from, years * 12) > to) years -= 1;
  return years;
}

/** Days from first to last inclusive: 1 to 3 April is 3 days. */
export function inclusiveDays(first: DayNumber, last: DayNumber): number {
  return last - first + 1;
}

export function excelSerialToDay(serial: number): DayNumber {
  // Serials below 61 sit before Excel's fictitious 1900-02-29 and are off by one day.
  const whole = Math.floor(serial);
  return whole - EXCEL_EPOCH_OFFSET + (whole < 61 ? 1 : 0);
}

export function dayToExcelSerial(day: DayNumber): number {
  const serial = day + EXCEL_EPOCH_OFFSET;
  return serial < 61 ? serial - 1 : serial;
}

export function todayDay(): DayNumber {
  return Math.floor(Date.now() / MS_PER_DAY);
}
