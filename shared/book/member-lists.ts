import type { DateValue } from "../calendar/precision.js";
import { a1 } from "../grid/a1.js";
import { isCellError, type CellValue, type SheetGrid } from "../grid/types.js";
import { readDateNumber, readDateText } from "../normalise/dates.js";
import { normaliseIdText } from "../normalise/id-text.js";
import { unspacedHalfWidth } from "../normalise/text.js";

/**
 * Sheets a roster book keeps beside the roster that are not ledgers of their own: a register of
 * changes (党员变动登记: 转入, 转出, 去世, 出党 with their days) and a list of 流动党员. They are
 * read only as facts about the roster's members (the book's rules compare them with the roster);
 * they stay unchecked sheets themselves.
 */
export interface ListEntry {
  sheet: string;
  /** 0-based sheet row. */
  row: number;
  name: string;
  nameCell: string;
  id: string | null;
  idCell: string | null;
}

export type ChangeKind = "transferIn" | "transferOut" | "left";

export interface ChangeEntry extends ListEntry {
  change: ChangeKind;
  day: DateValue | null;
  dayCell: string | null;
}

/** What a change register writes in its 变动类型 column. */
const CHANGE_WORDS: { kind: ChangeKind; pattern: RegExp }[] = [
  { kind: "transferIn", pattern: /^(?:组织关系)?(?:转入|调入|迁入|转回)$/ },
  { kind: "transferOut", pattern: /^(?:组织关系)?(?:转出|调出|迁出)$/ },
  { kind: "left", pattern: /^(?:去世|死亡|病故|逝世|出党|除名|开除党籍|退党|自行脱党|取消预备党员资格)$/ },
];
const TYPE_HEADER = /^(?:变动|变更|异动)?(?:类型|类别|情况|事项|原因|方式)$|^变动$/;
const DATE_HEADER = /(?:时间|日期)$/;
const NAME_HEADER = /^(?:党员)?姓名$/;
const ID_HEADER = /身份证/;
/** A 流动党员 list names where the member went (外出地点, 流入地党组织) or the 活动证 they carry. */
const MOBILE_HEADER = /外出|流出|流入|活动证/;
const MOBILE_TITLE = /流动党员/;
/** How far down a sheet its header may stand. */
const HEADER_ROWS = 6;
/** The share of a change register's entries its type words must read (else it is some other list). */
const READ_SHARE = 0.8;

const text = (v: CellValue | undefined): string => (typeof v === "string" && !isCellError(v) ? unspacedHalfWidth(v) : typeof v === "number" ? String(v) : "");

interface Header {
  row: number;
  cols: Map<string, number>;
}

/** The header row (within the first rows) holding 姓名, and where each wanted column stands. */
function findHeader(grid: SheetGrid, wanted: Record<string, RegExp>): Header | null {
  for (let i = 0; i < Math.min(HEADER_ROWS, grid.values.length); i++) {
    const cells = (grid.values[i] ?? []).map(text);
    const nameCol = cells.findIndex((t) => NAME_HEADER.test(t));
    if (nameCol < 0) continue;
    const cols = new Map<string, number>([["name", nameCol]]);
    for (const [key, re] of Object.entries(wanted)) {
      const col = cells.findIndex((t, j) => j !== nameCol && ![...cols.values()].includes(j) && re.test(t));
      if (col >= 0) cols.set(key, col);
    }
    return { row: i, cols };
  }
  return null;
}

function dateOf(v: CellValue | undefined): DateValue | null {
  const read = typeof v === "number" ? readDateNumber(v) : typeof v === "string" ? readDateText(v) : null;
  return read ? { day: read.day, precision: read.precision } : null;
}

function entriesOf(grid: SheetGrid, header: Header): (ListEntry & { values: CellValue[]; at: (key: string) => string | null })[] {
  const origin = grid.origin ?? { row: 0, col: 0 };
  const nameCol = header.cols.get("name")!;
  const idCol = header.cols.get("id");
  const out: (ListEntry & { values: CellValue[]; at: (key: string) => string | null })[] = [];
  for (let i = header.row + 1; i < grid.values.length; i++) {
    const values = grid.values[i] ?? [];
    const name = text(values[nameCol]);
    if (name === "" || /^(?:合计|小计|总计|填表|审核)/.test(name)) continue;
    const row = origin.row + i;
    const at = (key: string) => {
      const col = header.cols.get(key);
      return col === undefined ? null : a1(row, origin.col + col);
    };
    const idText = idCol === undefined ? "" : text(values[idCol]);
    out.push({ sheet: grid.name, row, name, nameCell: at("name")!, id: idText ? normaliseIdText(idText) : null, idCell: idText ? at("id") : null, values, at });
  }
  return out;
}

/** A 党员变动登记: one row per change, its type (转入, 转出, 去世, 出党 …) and its day. Null when the sheet is not one. */
export function readChangeRegister(grid: SheetGrid): ChangeEntry[] | null {
  const header = findHeader(grid, { type: TYPE_HEADER, day: DATE_HEADER, id: ID_HEADER });
  if (!header || !header.cols.has("type") || !header.cols.has("day")) return null;
  const typeCol = header.cols.get("type")!;
  const dayCol = header.cols.get("day")!;
  const rows = entriesOf(grid, header);
  const out: ChangeEntry[] = [];
  for (const e of rows) {
    const word = text(e.values[typeCol]);
    const change = CHANGE_WORDS.find((w) => w.pattern.test(word))?.kind;
    if (!change) continue;
    const { values: _values, at, ...entry } = e;
    out.push({ ...entry, change, day: dateOf(e.values[dayCol]), dayCell: at("day") });
  }
  return out.length > 0 && out.length >= READ_SHARE * rows.length ? out : null;
}

/** A list of the branch's 流动党员 (姓名, 身份证号码, 外出地点, 流入地党组织 …). Null when the sheet is not one. */
export function readMobileList(grid: SheetGrid): ListEntry[] | null {
  const titled = MOBILE_TITLE.test(unspacedHalfWidth(grid.name)) || (grid.values.slice(0, HEADER_ROWS).some((r) => text(r[0]).includes("流动党员") && r.filter((v) => text(v) !== "").length === 1));
  if (!titled) return null;
  const header = findHeader(grid, { id: ID_HEADER, mobile: MOBILE_HEADER });
  if (!header || !header.cols.has("mobile")) return null;
  const rows = entriesOf(grid, header).map(({ values: _values, at: _at, ...entry }) => entry);
  return rows.length > 0 ? rows : null;
}
