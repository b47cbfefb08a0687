import type { SheetGrid } from "../../shared/grid/types.js";
import { displayValue } from "./display.js";

/** The grid's cell font (GridView): widths are measured in it. */
export const GRID_FONT = '12px "Segoe UI", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';
const MIN = 48;
const MAX = 320;
/** Cell padding and border. */
const PAD = 12;
/** Rows sampled per column: enough for the header and typical contents, cheap on 100,000 rows. */
const SAMPLE_ROWS = 200;

type Measure = (text: string) => number;

let measurer: Measure | null = null;
function measure(): Measure {
  if (measurer) return measurer;
  const ctx = typeof document !== "undefined" ? document.createElement("canvas").getContext("2d") : null;
  if (ctx) {
    ctx.font = GRID_FONT;
    measurer = (text) => ctx.measureText(text).width;
  } else {
    // No canvas: CJK characters are about twice as wide as Latin ones.
    measurer = (text) => [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e7f ? 12 : 7), 0);
  }
  return measurer;
}

/**
 * Column widths in pixels that show what the columns hold (an 18-digit ID number, a date, a
 * name), from the header row and the first rows, between MIN and MAX.
 */
export function columnWidths(sheet: SheetGrid, colCount: number, headerRow: number | null, m: Measure = measure()): number[] {
  const origin = sheet.origin ?? { row: 0, col: 0 };
  const widest = new Array<number>(colCount).fill(0);
  // Title rows above the header (a long merged 标题) would widen the first column for nothing.
  const start = headerRow !== null ? Math.max(0, headerRow - 1 - origin.row) : 0;
  const rows = sheet.values.slice(start, start + SAMPLE_ROWS).map((r, k) => ({ r, i: start + k }));
  // Text in a cell merged across columns spreads over them: it does not widen its own.
  const spread = new Set((sheet.merges ?? []).filter((m) => m.c1 > m.c0).map((m) => `${m.r0},${m.c0}`));
  // Texts repeat down a column (dates, 男/女, a branch's name): each is measured once.
  const measured = new Map<string, number>();
  const width = (text: string) => {
    let w = measured.get(text);
    if (w === undefined) measured.set(text, (w = m(text)));
    return w;
  };
  for (const { r, i } of rows) {
    r.forEach((v, j) => {
      const c = j + origin.col;
      if (c >= colCount || v === null || spread.has(`${i + origin.row},${c}`)) return;
      const w = width(displayValue(v, sheet.numberFormats?.[i]?.[j]));
      if (w > widest[c]!) widest[c] = w;
    });
  }
  return widest.map((w) => Math.min(MAX, Math.max(MIN, Math.ceil(w) + PAD)));
}
