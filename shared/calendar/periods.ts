import { fromYmd, toYmd, type DayNumber } from "./days.js";

/** Periods named as the findings name them: "2025-04", "2025-Q3", "2025". */
export type PeriodKind = "month" | "quarter" | "year";

export function periodOf(day: DayNumber, kind: PeriodKind): string {
  const { y, m } = toYmd(day);
  if (kind === "year") return String(y);
  if (kind === "quarter") return `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
  return `${y}-${String(m).padStart(2, "0")}`;
}

/** First and last day of a named period. */
export function periodBounds(period: string): { first: DayNumber; last: DayNumber } | null {
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12) return null;
    return { first: fromYmd(y, mo, 1), last: fromYmd(y, mo + 1, 1) - 1 };
  }
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) {
    const y = Number(m[1]);
    const q = Number(m[2]);
    return { first: fromYmd(y, q * 3 - 2, 1), last: fromYmd(y, q * 3 + 1, 1) - 1 };
  }
  m = /^(\d{4})$/.exec(period);
  if (m) {
    const y = Number(m[1]);
    return { first: fromYmd(y, 1, 1), last: fromYmd(y + 1, 1, 1) - 1 };
  }
  return null;
}

/** Every period of `kind` that overlaps [first, last], in order. */
export function periodsBetween(first: DayNumber, last: DayNumber, kind: PeriodKind): string[] {
  const out: string[] = [];
  if (last < first) return out;
  const a = toYmd(first);
  const b = toYmd(last);
  const step = kind === "month" ? 1 : kind === "quarter" ? 3 : 12;
  let index = a.y * 12 + (kind === "month" ? a.m - 1 : kind === "quarter" ? Math.floor((a.m - 1) / 3) * 3 : 0);
  const end = b.y * 12 + b.m - 1;
  while (index <= end) {
    const y = Math.floor(index / 12);
    out.push(periodOf(fromYmd(y, index - y * 12 + 1, 1), kind));
    index += step;
  }
  return out;
}

/** Month index (y*12 + m-1) for counting consecutive months. */
export function monthIndex(day: DayNumber): number {
  const { y, m } = toYmd(day);
  return y * 12 + m - 1;
}

export function monthIndexToPeriod(index: number): string {
  const y = Math.floor(index / 12);
  return `${y}-${String(index - y * 12 + 1).padStart(2, "0")}`;
}
