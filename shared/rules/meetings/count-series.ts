import { fromYmd } from "../../calendar/days.js";
import type { Lang, Severity } from "../../findings/types.js";
import type { MeetingRequirement } from "../../scoring/meetings.js";

/**
 * One type's counts of meetings as a table of counts writes them (no day named): per quarter
 * (一季度…四季度), and/or for the year (全年合计, or a column of the year alone: 主题党日（次）).
 * A 三会一课 count table with the types down, and a 党委's summary with a row per branch and the
 * types across, are both read into these and judged here, by one rule.
 */
export interface CountSeries {
  row: number;
  req: MeetingRequirement;
  /** Quarter columns, in the order written: the quarter's first month (1, 4, 7, 10). */
  quarters: { col: number; month: number }[];
  /** Per quarter column: the count, or null where the cell is empty (not said). */
  counts: (number | null)[];
  /** The year's column (全年合计, or the only column of a yearly count) and its count, if any. */
  yearCol: number | null;
  year: number | null;
  /** True when the year's column is the only one: the year's count is what is judged, not a total. */
  yearOnly?: boolean;
}

export type SaySeries = (code: string, severity: Severity, row: number, col: number, period: string | null, args: Record<string, string | number>) => void;

const QUARTER_ZH = ["第一季度", "第二季度", "第三季度", "第四季度"];
const QUARTER_EN = ["Q1", "Q2", "Q3", "Q4"];

/**
 * A quarter must hold what the rule set asks of it (a monthly meeting three times, a quarterly one
 * once), a year what it asks of a year, and a 全年合计 must be the quarters' sum. Only quarters
 * (and years) that have ended by the as-of day are judged.
 */
export function judgeCountSeries(s: CountSeries, year: number, asOf: number, lang: Lang, say: SaySeries): void {
  const { req } = s;
  const zh = lang === "zh";
  const source = req.source === "national" ? (zh ? "全国规定" : "national rule") : zh ? "本地做法" : "local practice";
  const perQuarter = req.per === "quarter" ? req.min : req.per === "month" ? 3 * req.min : null;
  let ended = 0;
  s.quarters.forEach((q, i) => {
    // A quarter still under way says nothing yet.
    if (fromYmd(year, q.month + 3, 1) - 1 > asOf) return;
    ended++;
    const count = s.counts[i] ?? 0;
    if (perQuarter === null || count >= perQuarter) return;
    const n = (q.month - 1) / 3;
    const basis = req.per === "month" ? (zh ? `每月至少 ${req.min} 次` : `at least ${req.min} a month`) : zh ? `每季度至少 ${req.min} 次` : `at least ${req.min} a quarter`;
    say("meetings.quarterShort", "warning", s.row, q.col, `${year}-Q${n + 1}`, { period: zh ? `${year}年${QUARTER_ZH[n]}` : `${year} ${QUARTER_EN[n]}`, type: req.type, count, min: perQuarter, basis, source });
  });
  const sum = s.counts.reduce<number>((a, x) => a + (x ?? 0), 0);
  const yearEnded = fromYmd(year, 12, 31) <= asOf;
  if (s.yearOnly) {
    if (!yearEnded || s.yearCol === null) return;
    const perYear = req.per === "year" ? req.min : req.per === "quarter" ? 4 * req.min : 12 * req.min;
    const count = s.year ?? 0;
    if (count < perYear) say("meetings.yearShort", "warning", s.row, s.yearCol, String(year), { period: String(year), type: req.type, count, min: perYear, source });
    return;
  }
  // The year: only a table of all four quarters, all ended.
  if (req.per === "year" && ended === 4 && s.quarters.length === 4 && sum < req.min) {
    const col = s.yearCol ?? s.quarters[s.quarters.length - 1]!.col;
    say("meetings.yearShort", "warning", s.row, col, String(year), { period: String(year), type: req.type, count: sum, min: req.min, source });
  }
  if (s.yearCol !== null && s.year !== null && s.counts.every((x) => x !== null) && s.year !== sum) {
    say("meetings.countTotalMismatch", "error", s.row, s.yearCol, null, { type: req.type, value: s.year, expected: sum });
  }
}
