import { addMonths, fullYearsBetween, toYmd, type DayNumber } from "./days.js";

/**
 * Dates as far as they were written: 1968.02 is a month, not 1 February. Comparisons say
 * "before" or "after" only when that holds for every day the dates can be, so a date
 * written to the month never raises an error a full date would not.
 */
export interface DateValue {
  day: DayNumber;
  precision: "day" | "month" | "year";
}

/** The last day a date can be (the end of its month or year). */
export function latestDay(d: DateValue): DayNumber {
  if (d.precision === "day") return d.day;
  const months = d.precision === "month" ? 1 : 12;
  return addMonths(d.day, months) - 1;
}

/** a is certainly before b. */
export function surelyBefore(a: DateValue, b: DateValue): boolean {
  return latestDay(a) < b.day;
}

/** Two dates that cannot be the same day. */
export function surelyDiffer(a: DateValue, b: DateValue): boolean {
  return latestDay(a) < b.day || latestDay(b) < a.day;
}

/** EDATE(d, months) as a range of days when d is not a whole day. */
export function shifted(d: DateValue, months: number): DateValue {
  return { day: addMonths(d.day, months), precision: d.precision };
}

/** Whether a date written to the month or year only agrees with a whole day at that precision. */
export function agreesWith(d: DateValue, day: DayNumber): boolean {
  if (d.precision === "day") return d.day === day;
  const a = toYmd(d.day);
  const b = toYmd(day);
  return d.precision === "month" ? a.y === b.y && a.m === b.m : a.y === b.y;
}

/** Age in whole years at `on`, counting from the earliest day the birth date can be (so never too young). */
export function ageAtLeast(birth: DateValue, on: DateValue): number {
  return fullYearsBetween(birth.day, latestDay(on));
}

export const isWholeDay = (d: DateValue) => d.precision === "day";
