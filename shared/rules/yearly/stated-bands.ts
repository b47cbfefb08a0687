import { cellText } from "../../normalise/value.js";
import { toHalfWidth } from "../../normalise/text.js";
import type { RuleContext } from "../context.js";

/** A grade band a sheet states for its scores: from `min` points up (to the next band), this grade. */
export interface StatedBand {
  min: number;
  grade: string;
}

const GRADE = String.raw`["“”']?([\u4e00-\u9fa5]{1,4}?)["“”']?`;
const ABOVE = new RegExp(String.raw`(\d{1,3}(?:\.\d+)?)\s*分?\s*(?:及|\(含\d{1,3}分?\))?以上(?:\(含\d{1,3}分?\))?\s*(?:为|是|评为|定为)\s*${GRADE}(?=[,，;；。、\s]|$)`, "g");
const RANGE = new RegExp(String.raw`(\d{1,3}(?:\.\d+)?)\s*分?\s*(?:—|-|－|~|～|至|到)+\s*\d{1,3}(?:\.\d+)?\s*分\s*(?:为|是|评为|定为)\s*${GRADE}(?=[,，;；。、\s]|$)`, "g");
const BELOW = new RegExp(String.raw`\d{1,3}(?:\.\d+)?\s*分\s*以下\s*(?:为|是|评为|定为)\s*${GRADE}(?=[,，;；。、\s]|$)`, "g");

/**
 * The bands a 百分制 sheet states in a line above or below its table (等次划分：90分以上为“好”，
 * 80—89分为“较好”，60—79分为“一般”，60分以下为“差”), highest first; null unless it states at
 * least two bands, every one of them a grade the rule set knows.
 */
export function statedBands(ctx: RuleContext, grades: readonly string[]): StatedBand[] | null {
  const recordRows = new Set(ctx.records.map((r) => r.row));
  const { view } = ctx;
  for (let row = view.firstRow; row < view.rowCount; row++) {
    if (recordRows.has(row) || (row >= ctx.headerTop && row <= ctx.headerRow)) continue;
    for (const v of view.rowValues(row)) {
      if (typeof v !== "string" || !v.includes("分") || !(v.includes("以上") || v.includes("以下"))) continue;
      const bands = parse(toHalfWidth(cellText(v)));
      if (bands && bands.every((b) => grades.includes(b.grade))) return bands;
    }
  }
  return null;
}

function parse(text: string): StatedBand[] | null {
  const out: StatedBand[] = [];
  for (const m of text.matchAll(ABOVE)) out.push({ min: Number(m[1]), grade: m[2]! });
  for (const m of text.matchAll(RANGE)) out.push({ min: Number(m[1]), grade: m[2]! });
  for (const m of text.matchAll(BELOW)) out.push({ min: -Infinity, grade: m[1]! });
  if (out.length < 2) return null;
  return out.sort((a, b) => b.min - a.min);
}

/** The grade a score earns by the stated bands. */
export function gradeOfBands(bands: StatedBand[], score: number): string | null {
  return bands.find((b) => score >= b.min)?.grade ?? null;
}
