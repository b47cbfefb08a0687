import { isCellError } from "../grid/types.js";
import type { SheetView } from "../grid/sheet-view.js";
import { matchHeader, type HeaderIndex } from "./header-match.js";

/** Headers sit near the top: below title rows, "填报单位/日期" lines and merged notices. */
const MAX_HEADER_ROW = 30;
/** A repeating group (monthly columns) counts once it shows this many columns. */
const MIN_REPEAT_COLUMNS = 3;

export interface ColumnBinding {
  fieldIndex: number;
  col: number;
  header: string;
  /** For a repeating group's column: its period number (the month, 1..12). */
  period?: number;
}

export interface HeaderLayout {
  index: HeaderIndex;
  /** 0-based row of the (last) header row. */
  headerRow: number;
  firstDataRow: number;
  columns: ColumnBinding[];
  score: number;
  missingRequired: string[];
}

function textAt(view: SheetView, row: number, col: number): string {
  const v = view.merged(row, col);
  if (v === null || isCellError(v)) return "";
  return typeof v === "string" ? v : String(v);
}

/** Bind the headers of one row (and, for grouped headers, the row under it) to a template's fields. */
function bindRow(view: SheetView, index: HeaderIndex, row: number): { columns: ColumnBinding[]; twoRows: boolean } {
  const bindOne = (r: number) => {
    const out: ColumnBinding[] = [];
    for (let c = view.firstCol; c < view.colCount; c++) {
      const header = textAt(view, r, c);
      const m = header ? matchHeader(index, header) : null;
      if (m) out.push({ fieldIndex: m.fieldIndex, col: c, header: header.trim(), ...(m.period !== undefined ? { period: m.period } : {}) });
    }
    return out;
  };
  const top = bindOne(row);
  if (row + 1 >= view.rowCount || index.repeats.length === 0) return { columns: top, twoRows: false };
  const below = bindOne(row + 1);
  const repeatsBelow = below.filter((b) => b.period !== undefined).length;
  const repeatsTop = top.filter((b) => b.period !== undefined).length;
  if (repeatsBelow >= MIN_REPEAT_COLUMNS && repeatsBelow > repeatsTop) {
    // Grouped header: "缴费情况" over "1月 2月 …"; the lower row wins where it says something.
    const byCol = new Map<number, ColumnBinding>();
    for (const b of top) byCol.set(b.col, b);
    for (const b of below) byCol.set(b.col, b);
    return { columns: [...byCol.values()].sort((a, b) => a.col - b.col), twoRows: true };
  }
  return { columns: top, twoRows: false };
}

function scoreColumns(index: HeaderIndex, columns: ColumnBinding[]): { score: number; kept: ColumnBinding[] } {
  const fields = index.template.fields;
  const seen = new Set<number>();
  const kept: ColumnBinding[] = [];
  let score = 0;
  const repeatCounts = new Map<number, number>();
  for (const b of columns) if (b.period !== undefined) repeatCounts.set(b.fieldIndex, (repeatCounts.get(b.fieldIndex) ?? 0) + 1);
  for (const b of columns) {
    if (b.period !== undefined) {
      if ((repeatCounts.get(b.fieldIndex) ?? 0) < MIN_REPEAT_COLUMNS) continue;
      kept.push(b);
      if (!seen.has(b.fieldIndex)) score += fields[b.fieldIndex]!.weight;
      seen.add(b.fieldIndex);
      continue;
    }
    if (seen.has(b.fieldIndex)) continue; // the first column of a name wins; a second one is extra
    seen.add(b.fieldIndex);
    kept.push(b);
    score += fields[b.fieldIndex]!.weight;
  }
  return { score, kept };
}

/** The best header row for one template, or null when no row names any of its fields. */
export function findHeader(view: SheetView, index: HeaderIndex): HeaderLayout | null {
  let best: HeaderLayout | null = null;
  const last = Math.min(view.rowCount, view.firstRow + MAX_HEADER_ROW);
  for (let r = view.firstRow; r < last; r++) {
    const { columns, twoRows } = bindRow(view, index, r);
    if (columns.length === 0) continue;
    const { score, kept } = scoreColumns(index, columns);
    if (!best || score > best.score) {
      const boundNames = new Set(kept.map((k) => index.template.fields[k.fieldIndex]!.name));
      best = {
        index,
        headerRow: twoRows ? r + 1 : r,
        firstDataRow: twoRows ? r + 2 : r + 1,
        columns: kept,
        score,
        missingRequired: index.template.requiredHeaders.filter((n) => !boundNames.has(n)),
      };
    }
  }
  return best;
}

/** The template a sheet is, by the best-scoring header; ties go to the template listed first. */
export function recogniseSheet(view: SheetView, indexes: HeaderIndex[]): { best: HeaderLayout | null; candidates: HeaderLayout[] } {
  const candidates: HeaderLayout[] = [];
  for (const index of indexes) {
    const layout = findHeader(view, index);
    if (layout) candidates.push(layout);
  }
  candidates.sort((a, b) => b.score - a.score);
  const best = candidates.find((c) => c.score >= c.index.template.minScore && c.missingRequired.length === 0) ?? null;
  return { best, candidates };
}
