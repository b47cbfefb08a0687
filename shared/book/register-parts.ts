import { toYmd, type DayNumber } from "../calendar/days.js";
import { parseMonthHeader } from "../detect/month-header.js";
import { headerKey } from "../normalise/text.js";
import type { RuleContext } from "../rules/context.js";

/**
 * A register kept in parts: one sheet per quarter (一季度 … 四季度) or per month (1月 … 12月) of
 * one year. Its meetings are counted over all the parts, and each part reports only the
 * periods that end in its months, so a quarter's sheet does not report the rest of the year
 * as missing.
 */
export interface RegisterPart {
  sheet: string;
  /** The months (1–12) the part's sheet name says it holds. */
  fromMonth: number;
  toMonth: number;
  ctx: RuleContext;
}

export interface RegisterParts {
  parts: RegisterPart[];
  own: RegisterPart;
}

const QUARTER_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, "1": 1, "2": 2, "3": 3, "4": 4 };
/** 一季度, 第一季度, 第1季度, 2026年一季度, Q1, 2026Q1 (and what a sheet name adds: 一季度记录). */
const QUARTER = /^(?:\d{4}年?度?)?(?:第?([一二三四1-4])季度?|q([1-4]))(?![\d月])/;
const HALF = /^(?:\d{4}年?度?)?([上下])半年/;
/** A month sheet: 1月, 一月, 2026年1月, 2026.01 — its name as a month header reads it, or followed by words. */
const MONTH_LEAD = /^((?:\d{4}年)?(?:\d{1,2}|十[一二]?|[一二三四五六七八九元正冬腊])月)(?!\d)/;

/** The months a sheet's name says it holds, or null when it names no part of a year. */
export function partOfYear(sheetName: string): { fromMonth: number; toMonth: number } | null {
  const key = headerKey(sheetName);
  let m = QUARTER.exec(key);
  if (m) {
    const q = QUARTER_DIGITS[m[1] ?? m[2]!]!;
    return { fromMonth: q * 3 - 2, toMonth: q * 3 };
  }
  m = HALF.exec(key);
  if (m) return m[1] === "上" ? { fromMonth: 1, toMonth: 6 } : { fromMonth: 7, toMonth: 12 };
  const month = parseMonthHeader(key) ?? (MONTH_LEAD.exec(key) ? parseMonthHeader(MONTH_LEAD.exec(key)![1]!) : null);
  return month ? { fromMonth: month.month, toMonth: month.month } : null;
}

/**
 * The sheets of one workbook that are parts of one register: at least two, each naming a
 * different part of the year, none overlapping another. Null when they are not.
 */
export function registerPartsOf<T extends { sheet: string }>(sheets: T[]): (T & { fromMonth: number; toMonth: number })[] | null {
  const parts = sheets.flatMap((s) => {
    const p = partOfYear(s.sheet);
    return p ? [{ ...s, ...p }] : [];
  });
  if (parts.length < 2) return null;
  const sorted = [...parts].sort((a, b) => a.fromMonth - b.fromMonth);
  for (let i = 1; i < sorted.length; i++) if (sorted[i]!.fromMonth <= sorted[i - 1]!.toMonth) return null;
  return sorted;
}

/** Every part's context (the sheet's own alone when it is not a part). */
export function partContexts(ctx: RuleContext): RuleContext[] {
  const parts = ctx.book?.register?.parts;
  return parts ? parts.map((p) => (p.sheet === ctx.view.name ? ctx : p.ctx)) : [ctx];
}

/**
 * Whether this sheet reports a period that ends on `last`: the part whose months hold that
 * day's month, or, when no part holds it, the last part — so no period goes unreported.
 */
export function ownsPeriodEnd(ctx: RuleContext, last: DayNumber): boolean {
  const register = ctx.book?.register;
  if (!register) return true;
  const month = toYmd(last).m;
  const holder = register.parts.find((p) => month >= p.fromMonth && month <= p.toMonth) ?? register.parts[register.parts.length - 1]!;
  return holder.sheet === register.own.sheet;
}
