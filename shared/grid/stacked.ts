import { SheetView } from "./sheet-view.js";
import type { CellRange, CellValue, SheetGrid } from "./types.js";
import { headerKey } from "../normalise/text.js";

/**
 * Two tables kept one above the other on a sheet (一、入党积极分子 with its header and rows, then
 * 二、发展对象 with a header of its own): the lower header shares some words with the upper one
 * (序号, 姓名) but names columns of its own, and a blank line or a heading stands above it. Read as
 * one table, the upper rows would sit above the lower header and never be read; each is a table of
 * its own. A header repeated word for word after a page break is not a new table; one repeated under
 * a small title of its own, where the upper header has a different one (一、支部委员会会议 | 二、第一党小组会),
 * is: the same columns kept for another subject.
 * Only a candidate: the caller keeps the split only where both parts read as ledgers.
 */
export interface StackedSplit {
  upper: SheetGrid;
  lower: SheetGrid;
  /** Sheet rows (1-based, as Excel numbers them) of each part. */
  upperRows: string;
  lowerRows: string;
}

/** A header row: at least this many labels, each short, and no number among its cells. */
const MIN_HEADER_CELLS = 3;
const MAX_LABEL = 24;
/** The words the lower header must share with the upper one, and those it must add. */
const MIN_SHARED = 2;
const MIN_NEW = 2;
/** The upper table's header stands within the sheet's first rows, as any header does. */
const MAX_UPPER_HEADER_ROW = 30;

const filled = (v: CellValue) => v !== null && !(typeof v === "string" && v.trim() === "");
/** A heading that says the table goes on (续表, （续）) is a page break's, not a table's own title. */
const CONTINUED = /续/;
/** A page's footer or header a PDF converter kept (第1页 共2页, 共3页 第2页, Page 1 of 2, - 1 -): a page break's, not a title. */
const PAGE_MARK = /^(?:第\s*\d+\s*页(?:\s*[,，/、]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*[,，/、]?\s*第\s*\d+\s*页|page\s*\d+(?:\s*(?:of|\/)\s*\d+)?|[-—–]\s*\d+\s*[-—–]|\d+\s*\/\s*\d+)$/i;

/** The row's one text, when it holds nothing else (a small title), else null. */
function headingOf(view: SheetView, row: number): string | null {
  if (row < view.firstRow) return null;
  let text: string | null = null;
  for (const v of view.rowValues(row)) {
    if (!filled(v)) continue;
    if (typeof v !== "string" || text !== null) return null;
    text = v.trim();
  }
  return text;
}

/** The lower header repeats the upper one word for word, and each stands under a small title of its own. */
function ownTitledRepeat(view: SheetView, upperRow: number, upperWords: Set<string>, row: number, words: Set<string>): boolean {
  if (words.size !== upperWords.size || [...words].some((w) => !upperWords.has(w))) return false;
  const lowerTitle = headingOf(view, row - 1);
  const upperTitle = headingOf(view, upperRow - 1);
  return lowerTitle !== null && upperTitle !== null && lowerTitle !== upperTitle && !CONTINUED.test(lowerTitle) && !PAGE_MARK.test(lowerTitle);
}

function filledCount(view: SheetView, row: number): number {
  let n = 0;
  for (const v of view.rowValues(row)) if (filled(v)) n++;
  return n;
}

/** The row's labels when it looks like a header, else null. */
function headerWords(view: SheetView, row: number): Set<string> | null {
  const words = new Set<string>();
  for (const v of view.rowValues(row)) {
    if (!filled(v)) continue;
    if (typeof v !== "string") return null;
    const t = v.trim();
    if (t.length > MAX_LABEL || /[:：]/.test(t)) return null;
    words.add(headerKey(t));
  }
  return words.size >= MIN_HEADER_CELLS ? words : null;
}

/** The rows r0..r1 of the sheet as a sheet of their own, at their own addresses. */
function rows(view: SheetView, r0: number, r1: number): SheetGrid {
  const grid = view.grid;
  const from = r0 - view.firstRow;
  const to = r1 - view.firstRow + 1;
  const merges: CellRange[] = [];
  for (const m of grid.merges ?? []) {
    if (m.r1 < r0 || m.r0 > r1) continue;
    merges.push({ r0: Math.max(m.r0, r0), r1: Math.min(m.r1, r1), c0: m.c0, c1: m.c1 });
  }
  const out: SheetGrid = { name: grid.name, values: grid.values.slice(from, to), origin: { row: r0, col: view.firstCol }, merges };
  if (grid.numberFormats) out.numberFormats = grid.numberFormats.slice(from, to);
  if (grid.validations) out.validations = grid.validations;
  if (grid.hidden) out.hidden = grid.hidden;
  return out;
}

/** Where the sheet splits into an upper and a lower table, if it does. */
export function stackedSplit(sheet: SheetGrid): StackedSplit | null {
  const view = new SheetView(sheet);
  let upper: { row: number; words: Set<string> } | null = null;
  let dataSince = false;
  let prevFilled = 2;
  // One count of filled cells per row; a row's labels are read only where a header may stand.
  for (let r = view.firstRow; r < view.rowCount; r++) {
    const n = filledCount(view, r);
    if (!upper) {
      const words = n >= MIN_HEADER_CELLS && r - view.firstRow < MAX_UPPER_HEADER_ROW ? headerWords(view, r) : null;
      if (words) upper = { row: r, words };
      else if (r - view.firstRow >= MAX_UPPER_HEADER_ROW) return null;
      prevFilled = n;
      continue;
    }
    if (dataSince && prevFilled <= 1 && n >= MIN_HEADER_CELLS) {
      const words = headerWords(view, r);
      const shared = words ? [...words].filter((w) => upper!.words.has(w)).length : 0;
      if (words && ((shared >= MIN_SHARED && words.size - shared >= MIN_NEW) || ownTitledRepeat(view, upper.row, upper.words, r, words))) {
        // The lower table begins with the blank lines and the heading right above its header.
        let start = r - 1;
        while (start - 1 > upper.row && filledCount(view, start - 1) <= 1) start--;
        const end = view.rowCount - 1;
        return { upper: rows(view, view.firstRow, start - 1), lower: rows(view, start, end), upperRows: `${view.firstRow + 1}–${start}`, lowerRows: `${start + 1}–${end + 1}` };
      }
    }
    if (n >= 2) dataSince = true;
    prevFilled = n;
  }
  return null;
}
