import { columnLetters } from "./a1.js";
import { SheetView } from "./sheet-view.js";
import type { CellValue, SheetGrid } from "./types.js";
import { headerKey } from "../normalise/text.js";

/**
 * One table that keeps several years side by side (党费 2024年度 | 2025年度, each heading over the same
 * 基数 · 比例 · 月缴纳额 · 缴纳月数 · 全年合计): the member's columns on the left (and a 备注 on the right) are
 * shared, each year's columns are its own. Read as one table, the second year's columns would be taken
 * for the first's again and left unread; read one year at a time, each is the ledger it is. Each year's
 * table keeps every cell at its address, the other years' columns left empty.
 */
export interface YearGroupBlock {
  grid: SheetGrid;
  /** The group heading as written (2024年度) and the columns it heads (D–H). */
  year: string;
  columns: string;
}

/** A group heading that is a year alone: 2024年度, 2025年, 二〇二五年度 is not read. */
const YEAR_HEADING = /^(?:19|20)\d{2}\s*年度?$/;
/** The header rows a group heading may stand in, from the top of the sheet. */
const HEADING_SEARCH_ROWS = 6;
/** The fewest columns under each year: one column a year is a comparison, not a ledger. */
const MIN_GROUP_COLUMNS = 2;

const text = (v: CellValue): string => (typeof v === "string" ? v.trim() : "");

interface Group {
  heading: string;
  c0: number;
  c1: number;
}

/** The year headings of one row, each over the columns its merge spans (or up to the next filled cell). */
function groupsIn(view: SheetView, row: number): Group[] {
  const out: Group[] = [];
  for (let c = view.firstCol; c < view.colCount; c++) {
    const t = text(view.value(row, c));
    if (!YEAR_HEADING.test(t)) continue;
    const m = view.mergeAt(row, c);
    let c1 = m ? m.c1 : c;
    if (!m) while (c1 + 1 < view.colCount && text(view.value(row, c1 + 1)) === "" && !view.coveringMerge(row, c1 + 1)) c1++;
    out.push({ heading: t, c0: c, c1 });
    c = c1;
  }
  return out;
}

function subHeaders(view: SheetView, row: number, g: Group): string[] {
  const out: string[] = [];
  for (let c = g.c0; c <= g.c1; c++) out.push(headerKey(text(view.value(row, c))));
  return out;
}

function findGroups(view: SheetView): { row: number; groups: Group[] } | null {
  for (let r = view.firstRow; r < Math.min(view.rowCount - 1, view.firstRow + HEADING_SEARCH_ROWS); r++) {
    const groups = groupsIn(view, r);
    if (groups.length < 2 || new Set(groups.map((g) => g.heading)).size !== groups.length) continue;
    const subs = groups.map((g) => subHeaders(view, r + 1, g));
    const first = subs[0]!;
    if (first.length < MIN_GROUP_COLUMNS || first.some((s) => s === "")) continue;
    if (subs.every((s) => s.length === first.length && s.every((t, i) => t === first[i]))) return { row: r, groups };
  }
  return null;
}

/** The sheet with every column of the other years emptied: cells stay at their addresses. */
function keepYear(view: SheetView, groups: Group[], keep: Group): SheetGrid {
  const grid = view.grid;
  const drop = (c: number) => groups.some((g) => g !== keep && c >= g.c0 && c <= g.c1);
  const c0 = grid.origin?.col ?? 0;
  const values = grid.values.map((row) => row.map((v, j) => (drop(c0 + j) ? null : v)));
  const out: SheetGrid = { ...grid, values, merges: (grid.merges ?? []).filter((m) => !(drop(m.c0) && drop(m.c1))) };
  if (grid.numberFormats) out.numberFormats = grid.numberFormats.map((row) => row.map((f, j) => (drop(c0 + j) ? null : f)));
  return out;
}

/** The sheet's years, each as a table of its own; null when the sheet keeps no years side by side. */
export function yearGroupBlocks(sheet: SheetGrid): YearGroupBlock[] | null {
  const view = new SheetView(sheet);
  const found = findGroups(view);
  if (!found) return null;
  return found.groups.map((g) => ({ grid: keepYear(view, found.groups, g), year: g.heading, columns: `${columnLetters(g.c0)}–${columnLetters(g.c1)}` }));
}
