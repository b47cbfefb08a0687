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
  /** For an exemption or a reduction: whether the words say it was approved. */
  approved?: boolean;
  /** For consent to pay at longer intervals: 季度, 半年 or 年. */
  cadence?: string;
}

const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** "6", "六", "十二", "两" → a number. */
export function chineseCount(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === "十") return 10;
  if (/^十[一二三四五六七八九]$/.test(text)) return 10 + DIGITS[text[1]!]!;
  if (/^[一二两三四五六七八九]十$/.test(text)) return DIGITS[text[0]!]! * 10;
  if (/^[一二两三四五六七八九]十[一二三四五六七八九]$/.test(text)) return DIGITS[text[0]!]! * 10 + DIGITS[text[2]!]!;
  return DIGITS[text] ?? null;
}

function firstGroup(m: RegExpExecArray, from: number): string | undefined {
  for (let i = from; i < m.length; i++) if (m[i] !== undefined) return m[i];
  return undefined;
}

/** Every fact the text states, each kind once, in the order of NOTE_PATTERNS. */
export function readNotes(raw: string): NoteFact[] {
  const text = toHalfWidth(raw);
  const facts: NoteFact[] = [];
  for (const p of NOTE_PATTERNS) {
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
    }
    if (p.approvedBy) fact.approved = p.approvedBy.test(text);
    if (p.kind === "duesConsent") fact.cadence = (firstGroup(m, 1) ?? "季度").replace(/^季$/, "季度");
    facts.push(fact);
  }
  return facts;
}
