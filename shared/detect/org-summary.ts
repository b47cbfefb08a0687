import { SheetView } from "../grid/sheet-view.js";
import type { SheetGrid } from "../grid/types.js";
import { isNothingMarker } from "../normalise/markers.js";
import { parseNumberText } from "../normalise/numbers.js";
import { cleanText, toHalfWidth, unspacedHalfWidth } from "../normalise/text.js";
import { titleYear } from "../records/title-year.js";
import { cellText, headerCells, type HeaderCell } from "./header-cells.js";

/**
 * A summary a 党委 or 组织部 keeps with one row per organisation, not per person: the branch's
 * name in one column (党支部名称, 党组织), figures across (党员总数 and its 其中 parts, 应缴 / 实缴,
 * counts of meetings per quarter, 计划数 / 实际数, a rate), often a 合计 row under the branches and
 * a 注 under the table that states the sheet's own formula. Read here as it stands; what its
 * columns mean is for the reader of each kind.
 */
export interface OrgSummaryTable {
  /** 0-based first and last header rows. */
  headerTop: number;
  headerRow: number;
  orgCol: number;
  noteCol: number | null;
  /** Every other column with a header (序号 aside), its path top down. */
  columns: HeaderCell[];
  rows: OrgRow[];
  /** The 合计 / 总计 row under the branches, if any. */
  totalRow: number | null;
  year: number | null;
  /** The texts above the header (title, 填报单位) and under the table (注：…): what the sheet says of itself. */
  titles: string[];
  footnotes: string[];
}

export interface OrgRow {
  row: number;
  org: string;
  note: string;
}

/** A figure as written: a number (a percentage in percent), null for an empty cell or a dash, or text. */
export type Figure = { value: number; percent: boolean; decimals: number } | null | "text";

const MAX_HEADER_ROW = 12;
const MIN_ROWS = 2;
/** Most of the rows under the header name an organisation; the rest may be a 说明 line. */
const ORG_SHARE = 0.75;
const ORG_HEADER = /^(?:所属|所在)?(?:基层)?(?:党支部|支部|党组织|党总支|单位|基层党组织)(?:名称|全称)?(?:[/／].*)?$/;
const ORG_NAME = /(?:党支部|支部|党总支|总支|党委|党组|党工委|联合支部)(?:委员会)?$/;
const TOTAL = /^(?:合\s*计|总\s*计|共\s*计|全[镇乡局县区市街].*合计|合计.*)$/;
const NUMBER_HEADER = /^(?:序号|编号|NO\.?)$/i;
const NOTE_HEADER = /^(?:备注|说明)$/;
const FOOTNOTE = /^(?:注|说明|备注|填表说明)\s*[:：]/;
const MAX_FOOTER_ROWS = 6;
const PERSON_HEADER = /姓名|名字|身份证/;

/** The table, or null when the sheet is no summary of organisations. */
export function readOrgSummary(sheet: SheetGrid): OrgSummaryTable | null {
  const view = new SheetView(sheet);
  const last = Math.min(view.rowCount, view.firstRow + MAX_HEADER_ROW);
  for (let r = view.firstRow; r < last; r++) {
    for (let c = view.firstCol; c < Math.min(view.colCount, view.firstCol + 4); c++) {
      const t = unspacedHalfWidth(cellText(view, r, c));
      if (!ORG_HEADER.test(t) || view.coveringMerge(r, c)) continue;
      const table = tableAt(view, r, c);
      if (table) return table;
    }
  }
  return null;
}

function tableAt(view: SheetView, top: number, orgCol: number): OrgSummaryTable | null {
  // A second header row: the org cell merged down over it, sub-headers under a group heading.
  const merge = view.mergeAt(top, orgCol);
  const height = merge && merge.r1 > top ? Math.min(2, merge.r1 - top + 1) : 1;
  const headerRow = top + height - 1;
  const cells = headerCells(view, top, height);
  const rows: OrgRow[] = [];
  let totalRow: number | null = null;
  let seen = 0;
  let r = headerRow + 1;
  const noteCell = cells.find((h) => h.col !== orgCol && NOTE_HEADER.test(unspacedHalfWidth(h.leaf)));
  for (; r < view.rowCount; r++) {
    const lead = [cellText(view, r, view.firstCol), cellText(view, r, orgCol)].map(unspacedHalfWidth);
    if (lead.some((t) => TOTAL.test(t))) {
      totalRow = r;
      r++;
      break;
    }
    const org = cellText(view, r, orgCol);
    if (org === "") {
      if (rowEmpty(view, r)) break;
      continue;
    }
    if (FOOTNOTE.test(org) || FOOTNOTE.test(lead[0]!)) break;
    seen++;
    if (!ORG_NAME.test(unspacedHalfWidth(org))) continue;
    rows.push({ row: r, org: cleanText(org), note: noteCell ? cellText(view, r, noteCell.col) : "" });
  }
  if (rows.length < MIN_ROWS || rows.length < ORG_SHARE * seen) return null;
  const columns = cells.filter((h) => h.col !== orgCol && h.col !== noteCell?.col && !NUMBER_HEADER.test(unspacedHalfWidth(h.leaf)));
  // A list of people (姓名 beside 所在党支部) is a ledger's, not a summary of organisations.
  if (columns.length === 0 || columns.some((h) => PERSON_HEADER.test(unspacedHalfWidth(h.path.join(""))))) return null;
  return {
    headerTop: top,
    headerRow,
    orgCol,
    noteCol: noteCell?.col ?? null,
    columns,
    rows,
    totalRow,
    year: titleYear(view, top),
    titles: textsOf(view, view.firstRow, top),
    footnotes: textsOf(view, r, Math.min(view.rowCount, r + MAX_FOOTER_ROWS)),
  };
}

/** A cell as a figure: 26, "98.5%", "1,296.00", "3次"; null when empty or a dash; "text" otherwise. */
export function figureAt(view: SheetView, row: number, col: number): Figure {
  const v = view.value(row, col);
  if (v === null || v === undefined || v === "") return null;
  if (typeof v === "number") {
    const format = view.format(row, col) ?? "";
    const percent = format.includes("%");
    const value = percent ? v * 100 : v;
    const decimals = percent ? (/\.(0+)%/.exec(format)?.[1]?.length ?? 0) : decimalsOf(String(v));
    return { value, percent, decimals };
  }
  if (typeof v !== "string") return "text";
  const t = cleanText(v);
  if (t === "" || isNothingMarker(t)) return null;
  const n = parseNumberText(t);
  if (!n) return "text";
  return { value: n.value, percent: n.percent, decimals: decimalsOf(n.decimal) };
}

function decimalsOf(text: string): number {
  const dot = text.indexOf(".");
  return dot < 0 ? 0 : text.length - dot - 1;
}

function rowEmpty(view: SheetView, r: number): boolean {
  for (let c = view.firstCol; c < view.colCount; c++) if (cellText(view, r, c) !== "") return false;
  return true;
}

function textsOf(view: SheetView, from: number, to: number): string[] {
  const out: string[] = [];
  for (let r = from; r < to; r++) {
    for (let c = view.firstCol; c < view.colCount; c++) {
      const t = cellText(view, r, c);
      if (t !== "" && !view.coveringMerge(r, c)) out.push(toHalfWidth(t));
    }
  }
  return out;
}

