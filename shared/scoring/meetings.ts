import type { DayNumber } from "../calendar/days.js";
import { fromYmd } from "../calendar/days.js";
import { periodBounds, periodOf, periodsBetween } from "../calendar/periods.js";
import type { RuleSet } from "../ruleset/schema.js";
import { MeetingTypes } from "./meeting-types.js";

/**
 * 三会一课 counting. Meeting names resolve to one type through the rule set's requirements
 * (支委会 = 支部委员会, 党员大会 = 支部党员大会, 主题党日活动 = 主题党日), so counts and
 * gaps never depend on which synonym a clerk typed.
 */
export type MeetingRules = RuleSet["meetings"];
export type MeetingRequirement = MeetingRules["requirements"][number];

/** One resolver per rule set, shared with the engine's frequency rule (one implementation). */
const resolvers = new WeakMap<MeetingRules["requirements"], MeetingTypes>();

/** Exact name or synonym first; else the longest name contained in the text ("2025年第一次支委会"). */
export function resolveMeetingType(text: string | null | undefined, rules: MeetingRules): MeetingRequirement | null {
  if (text === null || text === undefined) return null;
  return text.trim() === "" ? null : typesOf(rules).resolve(text);
}

function typesOf(rules: MeetingRules): MeetingTypes {
  let types = resolvers.get(rules.requirements);
  if (!types) {
    types = new MeetingTypes(rules.requirements);
    resolvers.set(rules.requirements, types);
  }
  return types;
}

/** Every meeting type a text names (a title over two registers names two). */
export function meetingTypesNamed(text: string, rules: MeetingRules): MeetingRequirement[] {
  return typesOf(rules).resolveAll(text);
}

/** Day numbers of the meetings of one type; rows whose type is another (or none) are skipped. */
function datesOfType(
  types: readonly (string | null)[],
  dates: readonly (DayNumber | null)[],
  wanted: MeetingRequirement,
  rules: MeetingRules,
): DayNumber[] {
  const out: DayNumber[] = [];
  const memo = new Map<string, MeetingRequirement | null>();
  for (let i = 0; i < types.length; i++) {
    const text = types[i];
    const day = dates[i];
    if (text === null || text === undefined || day === null || day === undefined) continue;
    let req = memo.get(text);
    if (req === undefined) {
      req = resolveMeetingType(text, rules);
      memo.set(text, req);
    }
    if (req === wanted) out.push(day);
  }
  return out;
}

/** Meetings of `type` held within a named period ("2025-03", "2025-Q1", "2025"); null if the type or period is unknown. */
export function countMeetings(
  types: readonly (string | null)[],
  dates: readonly (DayNumber | null)[],
  type: string,
  period: string,
  rules: MeetingRules,
): number | null {
  const req = resolveMeetingType(type, rules);
  const bounds = periodBounds(period);
  if (!req || !bounds) return null;
  return datesOfType(types, dates, req, rules).filter((d) => d >= bounds.first && d <= bounds.last).length;
}

/**
 * The periods of the requirement's own frequency (month / quarter / year) between `first`
 * and `last` in which fewer than `req.min` of the meeting days fall, with their counts. With
 * `asOf`, a period that has not ended by then is not judged. The engine's frequency rule
 * and `DJ.MISSING` both ask this one function.
 */
export function shortPeriods(
  days: readonly DayNumber[],
  req: MeetingRequirement,
  first: DayNumber,
  last: DayNumber,
  asOf?: DayNumber,
): { period: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const day of days) {
    const p = periodOf(day, req.per);
    counts.set(p, (counts.get(p) ?? 0) + 1);
  }
  const short: { period: string; count: number }[] = [];
  for (const period of periodsBetween(first, last, req.per)) {
    if (asOf !== undefined && periodBounds(period)!.last > asOf) continue;
    const count = counts.get(period) ?? 0;
    if (count < req.min) short.push({ period, count });
  }
  return short;
}

/**
 * Periods of `year` in which `type` met fewer times than its requirement. With `asOf`, a
 * period that has not ended by then is not (yet) missing. Null when the type is unknown.
 */
export function missingPeriods(
  types: readonly (string | null)[],
  dates: readonly (DayNumber | null)[],
  type: string,
  year: number,
  rules: MeetingRules,
  asOf?: DayNumber,
): string[] | null {
  const req = resolveMeetingType(type, rules);
  if (!req) return null;
  const days = datesOfType(types, dates, req, rules);
  return shortPeriods(days, req, fromYmd(year, 1, 1), fromYmd(year, 12, 31), asOf).map((s) => s.period);
}
