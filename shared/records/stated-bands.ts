import type { SheetView } from "../grid/sheet-view.js";
import { cellText } from "../normalise/value.js";
import { toHalfWidth } from "../normalise/text.js";

/** A grade band: a score at or above `min` gets `grade` (highest band first). */
export interface StatedBand {
  min: number;
  grade: string;
}

/**
 * The grade bands a sheet states in words under (or above) its table, as clerks write them:
 * 「说明：90分以上为好，80—89分为较好，70—79分为一般，70分以下为差。」 Read only where the line
 * names two bands or more, each grade once; where the sheet says none, null.
 */
const AT_LEAST = /(\d{1,3})\s*分\s*(?:及|或)?以上(?:的)?\s*(?:为|是|评为|定为)\s*[“"]?([^\s，,；;。、“”"（(0-9]{1,4})/g;
const RANGE = /(\d{1,3})\s*(?:分)?\s*[-—–~～至到]+\s*(\d{1,3})\s*分(?:之间)?(?:的)?\s*(?:为|是|评为|定为)\s*[“"]?([^\s，,；;。、“”"（(0-9]{1,4})/g;
const BELOW = /(\d{1,3})\s*分\s*以下(?:的)?\s*(?:为|是|评为|定为)\s*[“"]?([^\s，,；;。、“”"（(0-9]{1,4})/g;

export function bandsInText(raw: string): StatedBand[] | null {
  const text = toHalfWidth(raw);
  const bands: StatedBand[] = [];
  for (const m of text.matchAll(AT_LEAST)) bands.push({ min: Number(m[1]), grade: m[2]! });
  for (const m of text.matchAll(RANGE)) bands.push({ min: Math.min(Number(m[1]), Number(m[2])), grade: m[3]! });
  for (const m of text.matchAll(BELOW)) bands.push({ min: 0, grade: m[2]! });
  if (bands.length < 2 || new Set(bands.map((b) => b.grade)).size !== bands.length || new Set(bands.map((b) => b.min)).size !== bands.length) return null;
  return bands.sort((a, b) => b.min - a.min);
}

/** The bands the sheet states in a line of its own outside the header, or null. */
export function statedBands(view: SheetView, headerTop: number, headerRow: number): { bands: StatedBand[]; row: number; col: number } | null {
  for (let r = view.firstRow; r < view.rowCount; r++) {
    if (r >= headerTop && r <= headerRow) continue;
    for (let c = view.firstCol; c < view.colCount; c++) {
      const v = view.value(r, c);
      if (typeof v !== "string" || v.length < 8 || !v.includes("分")) continue;
      const bands = bandsInText(cellText(v));
      if (bands) return { bands, row: r, col: c };
    }
  }
  return null;
}

/** The grade a score gets under the bands (the last band's below every min). */
export function gradeOfScore(bands: readonly StatedBand[], score: number): string {
  for (const b of bands) if (score >= b.min) return b.grade;
  return bands[bands.length - 1]!.grade;
}
