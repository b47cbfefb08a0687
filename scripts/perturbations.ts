import { a1 } from "../shared/grid/a1.js";
import type { CellRange, CellValue, SheetGrid } from "../shared/grid/types.js";
import type { SheetReport } from "../shared/index.js";

/**
 * Ways one clerk's sheet differs from another's that change nothing it says: the table moved down and
 * right, a title or a sign-off added, short headers spaced out to the column's width or broken over two
 * lines, names padded (张 三), numbers typed as text, dates typed as text, the sheet renamed. Each
 * perturbation changes a sheet's grid and maps a finding's cell back to where it was.
 */
export interface Perturbation {
  name: string;
  /** The sheet changed; `report` is how the engine read it unchanged (its header row, its columns). */
  apply(sheet: SheetGrid, report: SheetReport | undefined): SheetGrid;
  /** A finding's cell on the changed sheet, as the cell of the unchanged one. */
  mapBack(cell: string): string;
  /** The sheet's name is changed: findings are compared by the sheet's place, not its name. */
  renames?: boolean;
}

const IDEOGRAPHIC_SPACE = "\u3000";
const CJK2 = /^[\u4e00-\u9fff]{2}$/;
const A1 = /^([A-Z]+)(\d+)$/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** The cell `rows` up and `cols` left of one on the changed sheet. */
function shiftBack(rows: number, cols: number): (cell: string) => string {
  return (cell) => {
    const m = A1.exec(cell);
    return m ? a1(Number(m[2]) - 1 - rows, columnNumber(m[1]!) - 1 - cols) : cell;
  };
}
const same = (cell: string) => cell;

function isDateFormat(format: string | null): boolean {
  return format !== null && /[ymd]|年|月|日/i.test(format.replace(/\[[^\]]*\]|"[^"]*"/g, ""));
}

function mapCells(sheet: SheetGrid, fn: (v: CellValue, sheetRow: number, format: string | null) => CellValue): SheetGrid {
  const top = sheet.origin?.row ?? 0;
  return { ...sheet, values: sheet.values.map((row, r) => row.map((v, c) => fn(v, top + r, sheet.numberFormats?.[r]?.[c] ?? null))) };
}

/** Rows put above the sheet and empty columns left of it; the table keeps its shape. */
function insertAbove(sheet: SheetGrid, lines: CellValue[][], emptyCols: number): SheetGrid {
  const o = sheet.origin ?? { row: 0, col: 0 };
  const lead = (n: number) => Array<null>(n).fill(null);
  const above = [...lines.map((l) => [...lead(emptyCols), ...l]), ...Array.from({ length: o.row }, () => [])];
  const shift = (r: CellRange): CellRange => ({ r0: r.r0 + lines.length, r1: r.r1 + lines.length, c0: r.c0 + emptyCols, c1: r.c1 + emptyCols });
  const out: SheetGrid = { ...sheet, origin: { row: 0, col: 0 }, values: [...above, ...sheet.values.map((r) => [...lead(o.col + emptyCols), ...r])] };
  if (sheet.numberFormats) out.numberFormats = [...above.map(() => []), ...sheet.numberFormats.map((r) => [...lead(o.col + emptyCols), ...r])];
  if (sheet.merges) out.merges = sheet.merges.map(shift);
  if (sheet.validations) out.validations = sheet.validations.map((v) => ({ ...v, ranges: v.ranges.map(shift) }));
  if (sheet.hiddenRows) out.hiddenRows = sheet.hiddenRows.map((r) => r + lines.length);
  if (sheet.hiddenCols) out.hiddenCols = sheet.hiddenCols.map((c) => c + emptyCols);
  return out;
}

/** The header's rows: the one the engine found and the two above it (a grouped header). */
function inHeader(report: SheetReport | undefined, sheetRow: number): boolean {
  const h = report?.headerRow;
  return h !== null && h !== undefined && sheetRow <= h - 1 && sheetRow >= h - 3;
}
const width = (sheet: SheetGrid) => Math.max(1, ...sheet.values.map((r) => r.length));
const checked = (report: SheetReport | undefined) => report?.status === "checked";

function serialDate(serial: number): [number, number, number] {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial) * 86_400_000);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}
const two = (n: number) => String(n).padStart(2, "0");

export const PERTURBATIONS: Perturbation[] = [
  { name: "moved to C3", apply: (s, rep) => (checked(rep) ? insertAbove(s, [[], []], 1) : s), mapBack: shiftBack(2, 1) },
  {
    name: "title lines above",
    apply: (s, rep) => {
      if (!checked(rep)) return s;
      const out = insertAbove(s, [["附件2"], [`${s.name}登记表`]], 0);
      return { ...out, merges: [...(out.merges ?? []), { r0: 1, c0: 0, r1: 1, c1: width(s) - 1 }] };
    },
    mapBack: shiftBack(2, 0),
  },
  {
    name: "sign-off under",
    apply: (s, rep) => (checked(rep) ? { ...s, values: [...s.values, [], ["填表人：王丽", null, null, "审核人：陈建国", null, null, "填表日期：2025年12月5日"]] } : s),
    mapBack: same,
  },
  {
    name: "headers spaced (姓　名)",
    apply: (s, rep) => mapCells(s, (v, r) => (inHeader(rep, r) && typeof v === "string" && CJK2.test(v) ? `${v[0]}${IDEOGRAPHIC_SPACE}${v[1]}` : v)),
    mapBack: same,
  },
  {
    name: "headers over two lines",
    apply: (s, rep) => mapCells(s, (v, r) => (inHeader(rep, r) && typeof v === "string" && /^[\u4e00-\u9fff（）()]{4,8}$/.test(v) ? `${v.slice(0, 2)}\n${v.slice(2)}` : v)),
    mapBack: same,
  },
  {
    name: "names padded (张　三)",
    apply: (s, rep) => {
      const col = rep?.matched.find((m) => m.field === "name")?.column;
      const header = rep?.headerRow;
      if (!col || !header) return s;
      const c0 = columnNumber(col) - 1 - (s.origin?.col ?? 0);
      const top = s.origin?.row ?? 0;
      return { ...s, values: s.values.map((row, r) => row.map((v, c) => (c === c0 && top + r >= header && typeof v === "string" && CJK2.test(v) ? `${v[0]}${IDEOGRAPHIC_SPACE}${v[1]}` : v))) };
    },
    mapBack: same,
  },
  {
    // Numbers typed into text cells, where the cell shows the number as typed (General): not a 0.00 or 0%
    // format, whose text would read otherwise; not ID numbers (a double cannot hold 18 digits) nor what may be a date serial.
    name: "numbers as text",
    apply: (s) => mapCells(s, (v, _r, f) => (typeof v === "number" && (f === null || /^(?:General|0|@)$/i.test(f)) && Math.abs(v) < 1e10 && !(Number.isInteger(v) && v > 20_000 && v < 60_000) ? String(v) : v)),
    mapBack: same,
  },
  {
    name: "dates as text (2023.05.06)",
    apply: (s, rep) =>
      mapCells(s, (v, r, f) => {
        if (!rep?.headerRow || r < rep.headerRow || typeof v !== "number" || !isDateFormat(f) || v < 1000) return v;
        const [y, m, d] = serialDate(v);
        const day = /d|日/i.test(f!.replace(/\[[^\]]*\]|"[^"]*"/g, ""));
        return day ? `${y}.${two(m)}.${two(d)}` : `${y}.${two(m)}`;
      }),
    mapBack: same,
  },
  {
    // Typed in full-width mode: digits in text (２０２４年３月); an ID number is left as typed by a system.
    name: "full-width digits in text",
    apply: (s) => mapCells(s, (v) => (typeof v === "string" && /\d/.test(v) && !/^\d{15,18}[\dXx]?$/.test(v) ? v.replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : v)),
    mapBack: same,
  },
  { name: "sheet renamed Sheet1", apply: (s) => ({ ...s, name: "Sheet1" }), mapBack: same, renames: true },
];

