import type { Lang } from "../findings/types.js";
import { daysInMonth } from "./days.js";

/**
 * Periods as findings and collections name them ("2025", "2025-H1", "2025-Q3", "2025-09",
 * and runs such as "2019-02..2019-12"), as month spans: for sorting them as periods
 * (2025-Q3 before 2025-07, not after 2025-09 as text would) and naming them for people.
 */
interface Span {
  /** First and last month index (year × 12 + month − 1), inclusive. */
  first: number;
  last: number;
}

const SINGLE = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|H([12])))?$/;
/** A run of periods: "2019-02..2019-12", "2019-02/2019-12", "2019-02–2019-12", "2019-02~2019-12". */
const RUN = /^(.+?)\s*(?:\.\.|\/|–|—|~|至)\s*(.+)$/;

function single(text: string): Span | null {
  const m = SINGLE.exec(text.trim());
  if (!m) return null;
  const base = Number(m[1]) * 12;
  if (m[2]) return { first: base + Number(m[2]) - 1, last: base + Number(m[2]) - 1 };
  if (m[3]) return { first: base + (Number(m[3]) - 1) * 3, last: base + Number(m[3]) * 3 - 1 };
  if (m[4]) return { first: base + (Number(m[4]) - 1) * 6, last: base + Number(m[4]) * 6 - 1 };
  return { first: base, last: base + 11 };
}

/** The months a period covers; null for text that names no period. */
export function periodSpan(period: string): Span | null {
  const one = single(period);
  if (one) return one;
  const run = RUN.exec(period.trim());
  if (!run) return null;
  const a = single(run[1]!);
  const b = single(run[2]!);
  return a && b && a.first <= b.last ? { first: a.first, last: b.last } : null;
}

/**
 * Order of periods: by first month, the longer span first when two start together
 * (2025, 2025-H1, 2025-Q1, 2025-01, 2025-02, 2025-03, 2025-Q2, 2025-04 …). Text that names
 * no period comes last, in text order.
 */
export function comparePeriods(a: string, b: string): number {
  const x = periodSpan(a);
  const y = periodSpan(b);
  if (x && y) return x.first - y.first || y.last - x.last || a.localeCompare(b);
  if (x) return -1;
  if (y) return 1;
  return a.localeCompare(b);
}

const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const ZH_QUARTERS = ["一", "二", "三", "四"];

function singleLabel(text: string, lang: Lang): string | null {
  const m = SINGLE.exec(text.trim());
  if (!m) return null;
  const y = m[1]!;
  if (m[2]) return lang === "zh" ? `${y} 年 ${Number(m[2])} 月` : `${EN_MONTHS[Number(m[2]) - 1]} ${y}`;
  if (m[3]) return lang === "zh" ? `${y} 年第${ZH_QUARTERS[Number(m[3]) - 1]}季度` : `Q${m[3]} ${y}`;
  if (m[4]) return lang === "zh" ? `${y} 年${m[4] === "1" ? "上" : "下"}半年` : `${m[4] === "1" ? "First" : "Second"} half of ${y}`;
  return lang === "zh" ? `${y} 年` : y;
}

/** A period as people say it: 2025-Q3 → 2025 年第三季度 / Q3 2025; a run → "A 至 B"; other text as it is. */
export function periodLabel(period: string, lang: Lang): string {
  const one = singleLabel(period, lang);
  if (one) return one;
  const run = RUN.exec(period.trim());
  const a = run ? singleLabel(run[1]!, lang) : null;
  const b = run ? singleLabel(run[2]!, lang) : null;
  if (!a || !b) return period;
  if (lang === "en") return `${a} to ${b}`;
  // Within one year the year is said once: 2019 年 2 月至 12 月.
  const sameYear = run![1]!.trim().slice(0, 4) === run![2]!.trim().slice(0, 4);
  const tail = sameYear ? b.slice(b.indexOf("年") + 1).trimStart() : b;
  return `${a}至${/^\d/.test(tail) ? " " : ""}${tail}`;
}

/** The last day of a period, YYYY-MM-DD; null for text that names no period. */
export function periodEnd(period: string): string | null {
  const s = periodSpan(period);
  if (!s) return null;
  const y = Math.floor(s.last / 12);
  const m = s.last - y * 12 + 1;
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(daysInMonth(y, m)).padStart(2, "0")}`;
}

/**
 * The day a collection's ledgers are judged on: the last day of its period once that is
 * past, else today (a period still running is judged up to today, never on days to come).
 * The Worker and the pane both call this, so a clerk sees the verdict the department stores.
 */
export function collectionAsOf(period: string, today: string): string {
  const end = periodEnd(period);
  return end !== null && end < today ? end : today;
}
