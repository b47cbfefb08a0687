import { toYmd } from "../calendar/days.js";
import { Coarse } from "../normalise/value.js";
import { readDateInYear, readMonthSpanInYear } from "../normalise/dates.js";

/**
 * Dates and months a clerk wrote without their year (3月12日, 3月, 1—3月), read in the year the
 * sheet's title gives (`yearOf`, from title-year.ts). Null when the text names no such date or month,
 * so a cell that is not one stays unreadable.
 */
export function dateInYear(raw: string, yearOf: (month: number) => number): Coarse | number | null {
  const read = readDateInYear(raw, yearOf);
  if (!read) return null;
  return read.precision === "day" ? read.day : new Coarse(read.day, read.precision);
}

/** A month field's value (y*12 + m-1): 3月 alone, or a span (1—3月) by its first month. */
export function monthInYear(raw: string, yearOf: (month: number) => number): number | null {
  const span = readMonthSpanInYear(raw, yearOf);
  if (span) return span.from;
  const read = readDateInYear(raw, yearOf);
  if (!read || read.precision !== "month") return null;
  const { y, m } = toYmd(read.day);
  return y * 12 + m - 1;
}

/** The last month of a span without its year (1—3月 → March), for the field that ends the range. */
export function monthSpanEndInYear(raw: string, yearOf: ((month: number) => number) | undefined): number | null {
  return yearOf ? (readMonthSpanInYear(raw, yearOf)?.to ?? null) : null;
}
