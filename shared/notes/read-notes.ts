import { readDateText } from "../normalise/dates.js";
import { toHalfWidth } from "../normalise/text.js";
import { MONTH_JOINER, NOTE_PATTERNS, type NoteFactKind } from "./patterns.js";

/** One fact read from a free-text cell. */
export interface NoteFact {
  kind: NoteFactKind;
  /** The words that state it, as written. */
  text: string;
  months?: number;
  /** Months of the year the words name (补交4、5月: 4 and 5), in order. */
  monthsOfYear?: number[];
  /** A day number (the first day of the month when only the month was written). */
  day?: number;
  /** How far `day` was written: "month" for 2026年6月. */
  dayPrecision?: "day" | "month" | "year";
  /** For an exemption or a reduction: whether the words say it was approved. */
  approved?: boolean;
  /** For consent to pay at longer intervals: 季度, 半年 or 年. */
  cadence?: string;
}

import { chineseCount } from "../normalise/chinese-count.js";

export { chineseCount };

function firstGroup(m: RegExpExecArray, from: number): string | undefined {
  for (let i = from; i < m.length; i++) if (m[i] !== undefined) return m[i];
  return undefined;
}

const MONTH_SPLIT = new RegExp(String.raw`\s*(${MONTH_JOINER})\s*`);

/** "4、5" → [4, 5]; "4-6" and "4至6" → [4, 5, 6]; null when a month is not one (13) or a range runs backwards. */
function monthsOfYear(list: string): number[] | null {
  const out: number[] = [];
  const parts = list.split(MONTH_SPLIT);
  for (let i = 0; i < parts.length; i += 2) {
    const n = chineseCount(parts[i]!);
    if (n === null || n < 1 || n > 12) return null;
    const joiner = parts[i - 1];
    if (joiner !== undefined && /至|到|-|~|—|–/.test(joiner)) {
      const from = out[out.length - 1]!;
      if (n <= from) return null;
      for (let k = from + 1; k <= n; k++) out.push(k);
    } else if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** Every fact the text states, each kind once (by the first of its patterns that reads it), in the order of NOTE_PATTERNS. */
export function readNotes(raw: string): NoteFact[] {
  const text = toHalfWidth(raw);
  const facts: NoteFact[] = [];
  for (const p of NOTE_PATTERNS) {
    if (facts.some((f) => f.kind === p.kind)) continue;
    const m = p.pattern.exec(text);
    if (!m) continue;
    const fact: NoteFact = { kind: p.kind, text: m[0].trim() };
    if (p.months !== undefined) {
      const said = firstGroup(m, p.months) ?? "";
      const fixed = p.fixedMonths?.[said];
      const months = fixed ?? chineseCount(said.replace(/\s*个?\s*月$/, ""));
      if (months === null) continue;
      fact.months = months;
    }
    if (p.monthList !== undefined) {
      const named = monthsOfYear(m[p.monthList] ?? "");
      if (named === null) continue;
      fact.monthsOfYear = named;
      fact.months = named.length;
    }
    if (p.date !== undefined) {
      const said = firstGroup(m, p.date);
      const read = said ? readDateText(said.replace(/\s+/g, "")) : null;
      if (!read) continue;
      fact.day = read.day;
      if (read.precision !== "day") fact.dayPrecision = read.precision;
    }
    if (p.approvedBy) fact.approved = p.approvedBy.test(text);
    if (p.kind === "duesConsent") fact.cadence = (firstGroup(m, 1) ?? "季度").replace(/^季$/, "季度").replace(/^(?:全年|一年|全学年|本学年|学年)$/, "年");
    facts.push(fact);
  }
  return facts;
}
