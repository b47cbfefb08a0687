import type { DayNumber } from "../../../shared/calendar/days.js";
import { periodBounds } from "../../../shared/calendar/periods.js";
import type { RuleSet } from "../../../shared/ruleset/schema.js";
import { countMeetings, missingPeriods, resolveMeetingType } from "../../../shared/scoring/meetings.js";
import { isBlank, parseDay, toDay, toNumber, toText } from "../args.js";
import type { DjContext } from "../context.js";
import { withRuleSet } from "../context.js";
import { cellsOf } from "../ranges.js";

/** =DJ.MISSING and =DJ.MEETINGS over shared/scoring/meetings.ts. */

interface MeetingColumns {
  types: (string | null)[];
  dates: (DayNumber | null)[];
}

/** Types and dates cell by cell; a row with a type but an unreadable date is an error, not a silent gap. */
function columnsOf(ctx: DjContext, types: unknown, dates: unknown): MeetingColumns {
  const typeCells = cellsOf(types);
  const dateCells = cellsOf(dates);
  if (typeCells.length !== dateCells.length) {
    throw ctx.fail("invalidValue", `会议类型有${typeCells.length}格，日期有${dateCells.length}格，应一样大 / types and dates must be the same size`);
  }
  const out: MeetingColumns = { types: [], dates: [] };
  typeCells.forEach((cell, i) => {
    const type = toText(cell);
    const raw = dateCells[i];
    const day = isBlank(raw) ? null : parseDay(raw);
    if (type !== null && !isBlank(raw) && day === null) {
      throw ctx.fail("invalidValue", `第${i + 1}条会议的日期无法识别：「${String(raw)}」 / meeting ${i + 1}: unreadable date`);
    }
    out.types.push(type);
    out.dates.push(day);
  });
  return out;
}

function requireType(ctx: DjContext, type: unknown, rs: RuleSet): string {
  const text = toText(type);
  if (text === null || !resolveMeetingType(text, rs.meetings)) {
    const known = rs.meetings.requirements.map((r) => r.type).join("、");
    throw ctx.fail("invalidValue", `未知会议类型「${text ?? ""}」，可用：${known} / unknown meeting type`);
  }
  return text;
}

function yearOf(ctx: DjContext, year: unknown): number {
  const y = toNumber(year, "年份", ctx.fail);
  if (!Number.isInteger(y) || y < 1900 || y > 9999) throw ctx.fail("invalidValue", `年份无效：${y} / invalid year`);
  return y;
}

const PERIOD_FORMS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(\d{4})$/, (m) => m[1]!],
  [/^(\d{4})\s*(?:-|年)?\s*(?:Q|第)([1-4])(?:季度?)?$/i, (m) => `${m[1]}-Q${m[2]}`],
  [/^(\d{4})\s*[-/.年]\s*(\d{1,2})月?$/, (m) => `${m[1]}-${m[2]!.padStart(2, "0")}`],
];

/** "2025", "2025-Q1", "2025年第1季度", "2025-03", "2025年3月" → the canonical period name. */
function periodOfArg(ctx: DjContext, period: unknown): string {
  const text = typeof period === "number" && Number.isInteger(period) ? String(period) : toText(period);
  for (const [re, build] of text === null ? [] : PERIOD_FORMS) {
    const m = re.exec(text!);
    if (!m) continue;
    const name = build(m);
    if (periodBounds(name)) return name;
  }
  throw ctx.fail("invalidValue", `期间应为 2025、2025-Q1 或 2025-03，收到「${String(period ?? "")}」 / period must be 2025, 2025-Q1 or 2025-03`);
}

export function missing(
  ctx: DjContext,
  types: unknown,
  dates: unknown,
  type: unknown,
  year: unknown,
  asOf: unknown,
  ruleSet: unknown,
): string[][] | Promise<string[][]> {
  return withRuleSet(ctx, ruleSet, (rs) => {
    const cols = columnsOf(ctx, types, dates);
    const wanted = requireType(ctx, type, rs);
    const y = yearOf(ctx, year);
    const cutoff = isBlank(asOf) ? undefined : toDay(asOf, "截止日期", ctx.fail);
    const periods = missingPeriods(cols.types, cols.dates, wanted, y, rs.meetings, cutoff)!;
    // An empty spill is not possible; one blank cell means "nothing missing".
    return periods.length === 0 ? [[""]] : periods.map((p) => [p]);
  });
}

export function meetings(ctx: DjContext, types: unknown, dates: unknown, type: unknown, period: unknown, ruleSet: unknown): number | Promise<number> {
  return withRuleSet(ctx, ruleSet, (rs) => {
    const cols = columnsOf(ctx, types, dates);
    const wanted = requireType(ctx, type, rs);
    return countMeetings(cols.types, cols.dates, wanted, periodOfArg(ctx, period), rs.meetings)!;
  });
}

