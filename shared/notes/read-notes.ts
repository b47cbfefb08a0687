import { readDateText } from "../normalise/dates.js";
import { toHalfWidth } from "../normalise/text.js";
import { NOTE_PATTERNS, type NoteFactKind } from "./patterns.js";

/** One fact read from a free-text cell. */
export interface NoteFact {
  kind: NoteFactKind;
  /** The words that state it, as written. */
  text: string;
  months?: number;
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
