import { a1 } from "../grid/a1.js";
import { appendAll } from "../util/append-all.js";
import { SheetView } from "../grid/sheet-view.js";
import type { CellValue, SheetGrid } from "../grid/types.js";
import type { TemplateParsed } from "../template/schema.js";
import { cleanText, toHalfWidth, unspacedHalfWidth } from "../normalise/text.js";
import { chineseCount } from "../normalise/chinese-count.js";
import { buildFieldIndex, matchFields, type FieldIndex } from "./field-match.js";
import { cellText } from "./header-cells.js";
import { keepTitleLines, type UnfoldedMatrix } from "./meeting-matrix.js";
import { classifyRow } from "../rows/classify-row.js";

/**
 * A development record whose whole path is one cell a person (发展历程: 2019.3.5递交入党申请书；2019.9.8确定为
 * 入党积极分子；…；2022.6.21转为正式党员), as a town's ledger keeps it. Unfolded, it is the template's own
 * wide record: each step's day in the column the template names for it (递交入党申请书 is 递交入党申请书时间),
 * 延长预备期六个月 in the extension's; every finding on a step is placed back at the path cell. The step words
 * come with the template, not with this reader. A part of a cell not understood is counted and said.
 */
const MAX_HEADER_ROW = 12;
const PATH_HEADER = /^(?:发展|入党|培养|考察)?(?:历程|过程|经过|经历|进程|轨迹|时间节点|节点|程序)(?:及时间)?$/;
const PART = /[；;。\n]+/;
const DATE = "(\\d{4}\\s*(?:[.\\-/]\\s*\\d{1,2}(?:\\s*[.\\-/]\\s*\\d{1,2})?|年\\s*\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日|\\s*[上中下]旬)?))";
const DATE_FIRST = new RegExp(`^${DATE}\\s*[:：,，]?\\s*(.+)$`);
const STEP_FIRST = new RegExp(`^(.+?)\\s*[:：,，]?\\s*${DATE}$`);
const EXTENSION = /延长预备期\s*(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*个?月/;
/** A step's name must name a date field of the template this well (as a header would say it). */
const STEP_MIN_SCORE = 0.95;
const MIN_PATH_ROWS = 3;
/** The fewest steps a path cell must give to count as one. */
const MIN_STEPS = 2;
/** At least this share of a sheet's parts must be steps the template knows. */
const KNOWN_SHARE = 0.8;

interface Path {
  /** field index → the day as written. */
  steps: Map<number, string>;
  extension: number | null;
  unread: string[];
}

function headerOf(view: SheetView): { row: number; col: number } | null {
  const last = Math.min(view.rowCount, view.firstRow + MAX_HEADER_ROW);
  for (let r = view.firstRow; r < last; r++) {
    let col = -1;
    let filled = 0;
    for (let c = view.firstCol; c < view.colCount; c++) {
      const t = cleanText(cellText(view, r, c));
      if (t === "") continue;
      filled++;
      if (col < 0 && PATH_HEADER.test(unspacedHalfWidth(t))) col = c;
    }
    if (col >= 0 && filled >= 3) return { row: r, col };
  }
  return null;
}

function stepField(index: FieldIndex, step: string): number {
  const best = matchFields(index, `${step}时间`).find((m) => m.score >= STEP_MIN_SCORE);
  const field = best ? index.template.fields[best.fieldIndex] : undefined;
  return field && (field.type === "date" || field.type === "datetime") ? best!.fieldIndex : -1;
}

export function readPath(text: string, index: FieldIndex): Path {
  const path: Path = { steps: new Map(), extension: null, unread: [] };
  for (const raw of toHalfWidth(text).split(PART)) {
    const part = raw.trim();
    if (part === "") continue;
    const ext = EXTENSION.exec(part);
    if (ext) {
      path.extension = chineseCount(ext[1]!);
      continue;
    }
    const d = DATE_FIRST.exec(part);
    const s = d ? null : STEP_FIRST.exec(part);
    const [day, words] = d ? [d[1]!, d[2]!] : s ? [s[2]!, s[1]!] : [null, null];
    const f = words === null ? -1 : stepField(index, words.replace(/^(?:经|被|由|已)/, ""));
    if (f < 0 || day === null) {
      path.unread.push(part);
      continue;
    }
    // 2022年7月上旬: known to the ten days, read to the month.
    if (!path.steps.has(f)) path.steps.set(f, day.replace(/\s+/g, "").replace(/[上中下]旬$/, ""));
  }
  return path;
}

/** The sheet read as one record per person from its path cells, or null when it keeps no such cells. */
export function unfoldPathCells(sheet: SheetGrid, template: TemplateParsed): UnfoldedMatrix | null {
  const view = new SheetView(sheet);
  const header = headerOf(view);
  if (!header) return null;
  const index = buildFieldIndex(template);
  const extensionField = template.fields.findIndex((f) => f.name === "extensionMonths");
  const paths = new Map<number, Path>();
  let known = 0;
  let parts = 0;
  let pathRows = 0;
  for (let r = header.row + 1; r < view.rowCount; r++) {
    const v = view.merged(r, header.col);
    if (typeof v !== "string" || v.trim() === "") continue;
    // A sign-off line across the table (填表人：…) is no one's path.
    if (classifyRow(view, r, 1) === "notice") continue;
    const p = readPath(v, index);
    paths.set(r, p);
    known += p.steps.size + (p.extension !== null ? 1 : 0);
    parts += p.steps.size + (p.extension !== null ? 1 : 0) + p.unread.length;
    if (p.steps.size >= MIN_STEPS) pathRows++;
  }
  if (pathRows < MIN_PATH_ROWS || known < KNOWN_SHARE * parts) return null;
  const fields = [...new Set([...paths.values()].flatMap((p) => [...p.steps.keys()]))].sort((a, b) => a - b);
  const withExtension = extensionField >= 0 && [...paths.values()].some((p) => p.extension !== null);
  const others: number[] = [];
  for (let c = view.firstCol; c < view.colCount; c++) if (c !== header.col) others.push(c);
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const placeOf = new Map<string, string>();
  keepTitleLines(view, header.row, values, formats);
  const added = [...fields.map((f) => template.fields[f]!.title), ...(withExtension ? [template.fields[extensionField]!.title] : [])];
  const unread: string[] = [];
  for (let r = header.row; r < view.rowCount; r++) {
    const out = values.length;
    const row: CellValue[] = others.map((c) => view.merged(r, c));
    const fmt: (string | null)[] = others.map((c) => view.format(r, c));
    others.forEach((c, i) => placeOf.set(a1(out, i), a1(r, c)));
    const p = paths.get(r);
    if (r === header.row) appendAll(row, added);
    else {
      fields.forEach((f) => row.push(p?.steps.get(f) ?? null));
      if (withExtension) row.push(p?.extension ?? null);
      if (p) for (const u of p.unread) unread.push(u);
    }
    added.forEach((_, i) => {
      fmt.push(null);
      placeOf.set(a1(out, others.length + i), a1(r, header.col));
    });
    values.push(row);
    formats.push(fmt);
  }
  return {
    grid: { name: view.name, values, numberFormats: formats },
    headerRow: header.row,
    types: new Set(),
    placeOf,
    readAs: unread.length > 0 ? "sheet.pathCellsUnread" : "sheet.pathCells",
    readArgs: { field: cleanText(cellText(view, header.row, header.col)), count: unread.length, example: unread[0] ?? "" },
  };
}
