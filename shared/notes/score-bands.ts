import { toHalfWidth } from "../normalise/text.js";

/**
 * The bands a sheet writes beside its table (说明：90分及以上为“好”，80—89分为“较好”，70分以下为“差”):
 * the sheet's own grading, which the grades in it must follow. Each band is its lowest score and
 * its grade; a band "below N" starts at 0. A 满意度 is banded the same way in percent (90%以上为优秀).
 */
export interface ScoreBand {
  min: number;
  grade: string;
}

const NUM = String.raw`(\d{1,3}(?:\.\d+)?)`;
const GRADE = String.raw`[“"「『']?([\u4e00-\u9fa5]{1,4})[”"」』']?`;
const IS = String.raw`\s*(?:的)?(?:为|评为|定为|属|是)\s*`;
const UNIT = String.raw`(?:分|%)?`;
const AT_LEAST = new RegExp(`${NUM}\\s*${UNIT}\\s*(?:及|或)?以上(?:[(（]含[^)）]*[)）])?${IS}${GRADE}`, "g");
const RANGE = new RegExp(`${NUM}\\s*${UNIT}\\s*[—–\\-~～至到]+\\s*${NUM}\\s*${UNIT}(?:[(（][^)）]*[)）])?${IS}${GRADE}`, "g");
const BELOW = new RegExp(`${NUM}\\s*${UNIT}\\s*以下(?:[(（][^)）]*[)）])?${IS}${GRADE}`, "g");
const MIN_BANDS = 2;

/** The bands one text states, highest first, or null when it states fewer than two. */
export function readScoreBands(text: string): ScoreBand[] | null {
  const t = toHalfWidth(text);
  if (!/分|%/.test(t)) return null;
  const bands: ScoreBand[] = [];
  for (const m of t.matchAll(AT_LEAST)) bands.push({ min: Number(m[1]), grade: m[2]! });
  for (const m of t.matchAll(RANGE)) bands.push({ min: Math.min(Number(m[1]), Number(m[2])), grade: m[3]! });
  for (const m of t.matchAll(BELOW)) bands.push({ min: 0, grade: m[2]! });
  const seen = new Set<number>();
  const out = bands.filter((b) => (seen.has(b.min) ? false : (seen.add(b.min), true))).sort((a, b) => b.min - a.min);
  return out.length >= MIN_BANDS ? out : null;
}

/** The grade a score falls in. */
export function bandOf(bands: readonly ScoreBand[], score: number): string | null {
  for (const b of bands) if (score >= b.min) return b.grade;
  return null;
}

/** A note long enough to state a scale and no longer: a paragraph of rules is no scale. */
const MAX_NOTE_LENGTH = 300;

/** The bands a note beside a table states (…以上为…，…以下为…), or null when it is no such note. */
export function bandsInNote(text: string): ScoreBand[] | null {
  if (text.length > MAX_NOTE_LENGTH || !(text.includes("以上") || text.includes("以下"))) return null;
  return readScoreBands(text);
}
