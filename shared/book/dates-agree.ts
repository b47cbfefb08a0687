import { toIso } from "../calendar/days.js";
import { surelyBefore, type DateValue } from "../calendar/precision.js";

/** Two ledgers' dates of one fact disagree: to the day where both give the day, else only where one is surely before the other. */
export function datesDiffer(a: DateValue, b: DateValue): boolean {
  if (a.precision === "day" && b.precision === "day") return a.day !== b.day;
  return surelyBefore(a, b) || surelyBefore(b, a);
}

/** A date as far as it was written: 2025-03-12, 2025-03, 2025. */
export const shownDate = (d: DateValue) => (d.precision === "day" ? toIso(d.day) : toIso(d.day).slice(0, d.precision === "month" ? 7 : 4));
