import { addMonths, fullYearsBetween, type DayNumber } from "../calendar/days.js";
import type { RuleSet } from "../ruleset/schema.js";

/**
 * Full membership date (细则 第三十二条): EDATE(admission, 12), or EDATE(admission, 12+e)
 * with one extension e within the rule set's bounds (6–12 months by default). Null when e
 * is not 0 and outside those bounds.
 */
export function probationEnd(admission: DayNumber, extensionMonths: number, rules: RuleSet["probation"]): DayNumber | null {
  if (!extensionAllowed(extensionMonths, rules)) return null;
  return addMonths(admission, rules.months + extensionMonths);
}

/** No extension, or one whole extension within the rule set's bounds (党章 第七条: 6 to 12 months). */
export function extensionAllowed(extensionMonths: number, rules: RuleSet["probation"]): boolean {
  if (!Number.isInteger(extensionMonths)) return false;
  return extensionMonths === 0 || (extensionMonths >= rules.extensionMinMonths && extensionMonths <= rules.extensionMaxMonths);
}

/** Age in full calendar years on a day; null when `on` is before the birth date. */
export function ageOn(birth: DayNumber, on: DayNumber): number | null {
  return on < birth ? null : fullYearsBetween(birth, on);
}
