import { isCellError } from "../grid/types.js";
import type { SheetView } from "../grid/sheet-view.js";
import { toHalfWidth } from "../normalise/text.js";

/** The year a ledger's title names ("2025年度党费收缴台账"), searched above the header, then in the sheet name. */
export function titleYear(view: SheetView, headerRow: number): number | null {
  const pattern = /(19|20)\d{2}(?=\s*年)/;
  for (const t of titleTexts(view, headerRow)) {
    const m = pattern.exec(t);
    if (m) return Number(m[0]);
  }
  const fromName = /(19|20)\d{2}/.exec(toHalfWidth(view.name));
  return fromName ? Number(fromName[0]) : null;
}

function titleTexts(view: SheetView, headerRow: number): string[] {
  const out: string[] = [];
  for (let r = view.firstRow; r < headerRow; r++) {
    for (const v of view.rowValues(r)) if (typeof v === "string" && !isCellError(v)) out.push(toHalfWidth(v));
  }
  return out;
}

/** The twelve months a sheet's title says it covers: a calendar year, or a school year from September. */
export interface TitlePeriod {
  /** The year of each month (1–12) of the period. */
  yearOf: (month: number) => number;
  /** As the title writes it, for messages: 2024年, 2024-2025学年. */
  label: string;
}

const SCHOOL_YEAR = /((?:19|20)\d{2})\s*[-—–~～至到]\s*((?:19|20)\d{2})\s*学年/;
const YEAR_OF_LEDGER = /((?:19|20)\d{2})\s*年度/g;
const ANY_YEAR = /((?:19|20)\d{2})\s*年/g;
/** A school year starts in September. */
const SCHOOL_YEAR_FIRST_MONTH = 9;

/**
 * The period the title (or, without one, the sheet name) names, only when it names one
 * without doubt: 2024年度 wins over the other years written above the header (填报时间
 * 2025年1月5日); several different years and no 年度 name none, so no date is read in a
 * guessed year.
 */
export function titlePeriod(view: SheetView, headerRow: number): TitlePeriod | null {
  const texts = titleTexts(view, headerRow);
  if (texts.length === 0) texts.push(toHalfWidth(view.name));
  for (const t of texts) {
    const school = SCHOOL_YEAR.exec(t);
    if (school && Number(school[2]) === Number(school[1]) + 1) {
      const first = Number(school[1]);
      return { yearOf: (m) => (m >= SCHOOL_YEAR_FIRST_MONTH ? first : first + 1), label: `${first}-${first + 1}学年` };
    }
  }
  const sole = (re: RegExp) => {
    const years = new Set(texts.flatMap((t) => [...t.matchAll(re)].map((m) => Number(m[1]))));
    return years.size === 1 ? [...years][0]! : years.size > 1 ? NaN : null;
  };
  const year = sole(YEAR_OF_LEDGER) ?? sole(ANY_YEAR);
  if (year === null || Number.isNaN(year)) return null;
  return { yearOf: () => year, label: `${year}年` };
}
