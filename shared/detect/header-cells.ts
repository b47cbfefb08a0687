import { isCellError } from "../grid/types.js";
import type { SheetView } from "../grid/sheet-view.js";
import { monthShownBySerial } from "./serial-header.js";

/**
 * The header of a sheet may span rows: a group heading merged over its sub-headers
 * (月份 over 1月…12月, 票数 over 优秀/称职/…), a header cell merged down over two rows
 * (姓名), or a group heading written once over its first sub-header and left blank over
 * the rest. Each column's header is read as a path from the top row down.
 */
export interface HeaderCell {
  col: number;
  /** The lowest text of the path: what names the column. */
  leaf: string;
  /** The texts above the leaf, joined: what the column belongs to. */
  group: string;
  /** Every text of the path, top down (repeats from vertical merges removed). */
  path: string[];
}

export function cellText(view: SheetView, row: number, col: number): string {
  const v = view.merged(row, col);
  if (v === null || isCellError(v)) return "";
  return (typeof v === "string" ? v : String(v)).trim();
}

/**
 * Texts of one header row, with a group heading that is not merged carried right over the
 * sub-headers below it: a blank cell inherits its left neighbour's text when both have a
 * sub-header under them (and the blank cell is not itself inside a merge).
 */
function rowTexts(view: SheetView, row: number, below: number | null): string[] {
  const out: string[] = [];
  for (let c = view.firstCol; c < view.colCount; c++) {
    let t = monthShownBySerial(view, row, c) ?? cellText(view, row, c);
    if (t === "" && below !== null && c > view.firstCol && !view.coveringMerge(row, c)) {
      const left = out[c - 1 - view.firstCol] ?? "";
      if (left !== "" && cellText(view, below, c) !== "" && cellText(view, below, c - 1) !== "") t = left;
    }
    out.push(t);
  }
  return out;
}

/** A row's texts as a header row reads them, with or without a row under it (kept per sheet view). */
export type RowTextsMemo = Map<string, string[]>;

/** The header cells of rows top..top+height-1, one per column that has any header text. */
export function headerCells(view: SheetView, top: number, height: number, memo?: RowTextsMemo): HeaderCell[] {
  const rows: string[][] = [];
  for (let i = 0; i < height; i++) {
    const row = top + i;
    const below = i + 1 < height ? row + 1 : null;
    const key = `${row}:${below ?? ""}`;
    let texts = memo?.get(key);
    if (!texts) {
      texts = rowTexts(view, row, below);
      memo?.set(key, texts);
    }
    rows.push(texts);
  }
  const cells: HeaderCell[] = [];
  for (let c = view.firstCol; c < view.colCount; c++) {
    const path: string[] = [];
    for (const texts of rows) {
      const t = texts[c - view.firstCol] ?? "";
      if (t !== "" && path[path.length - 1] !== t) path.push(t);
    }
    if (path.length === 0) continue;
    cells.push({ col: c, leaf: path[path.length - 1]!, group: path.slice(0, -1).join(" "), path });
  }
  return cells;
}
