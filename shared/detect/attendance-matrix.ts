import { a1 } from "../grid/a1.js";
import { SheetView } from "../grid/sheet-view.js";
import type { CellValue, SheetGrid } from "../grid/types.js";
import { readDateText } from "../normalise/dates.js";
import { cleanText, toHalfWidth } from "../normalise/text.js";
import { titleYear } from "../records/title-year.js";
import type { RuleSet } from "../ruleset/schema.js";
import { resolveMeetingType } from "../scoring/meetings.js";
import { cellText } from "./header-cells.js";
import { keepTitleLines, type UnfoldedMatrix } from "./meeting-matrix.js";

/**
 * An attendance register kept as a matrix (组织生活出勤登记): the members down, one column per meeting
 * with its day in a header row (`1月10日`) over its type (`主题党日`, `主题党日暨党员大会`), and in each
 * cell a mark: √ present, ○ on leave, × absent. Rows under the members may state each meeting's 应到,
 * 实到 and 请假. Unfolded, it is a list register, one row per meeting (one per type where a meeting is
 * two at once): its day, its type, 应到 (as stated, else the members), 实到 and 请假 (as stated, else
 * the marks counted) and the √ counted, so a stated 实到 is checked against the marks.
 */

const MAX_HEADER_ROW = 8;
const MIN_MEETINGS = 3;
const MIN_MEMBERS = 2;
const PRESENT = /^[√✓✔☑]$/;
const LEAVE = /^(?:[○〇◯]|假|请假)$/;
const ABSENT = /^(?:[×✗✘xX]|缺|缺席)$/;
/** A day without its year (1月10日, 1.10): read in the title's year. */
const YEARLESS_DAY = /^(\d{1,2})\s*(?:月\s*(\d{1,2})\s*[日号]?|[./](\d{1,2}))$/;
const STATED: [RegExp, "expected" | "present" | "leave"][] = [
  [/^应到/, "expected"],
  [/^实到/, "present"],
  [/^请假/, "leave"],
];
/** Other summary rows under the members (缺席, 合计, 出勤率): no member's. */
const SUMMARY = /^(?:缺席|合计|小计|总计|出勤率|参会率|到会率)/;
/** A label with a colon is a line of words (填表人：王丽, 注：○为请假), never a member's name. */
const SIGN_OFF = /[:：]/;
/** Meetings held as one: `主题党日暨党员大会` is the month's 主题党日 and the quarter's 党员大会. */
const TYPE_SEPARATOR = /[暨、，,/／和及+＋]+/;

interface Meeting {
  col: number;
  date: CellValue;
  format: string | null;
  types: string[];
  typeRow: number | null;
}

/** The meeting's day as a cell of the list: a date serial as written, a yearless day in the title's year. */
function dayOf(v: CellValue, format: string | null, year: number | null): { date: CellValue; format: string | null } | null {
  if (typeof v === "number") return format && /[ymd]|年|月|日/i.test(format) ? { date: v, format } : null;
  if (typeof v !== "string") return null;
  const t = cleanText(toHalfWidth(v));
  const m = YEARLESS_DAY.exec(t);
  if (m) return year === null ? null : { date: `${year}年${m[1]}月${m[2] ?? m[3]}日`, format: null };
  return readDateText(t) !== null ? { date: t, format: null } : null;
}

function typesOf(text: string, rules: RuleSet["meetings"]): string[] | null {
  const parts = toHalfWidth(text).split(TYPE_SEPARATOR).map((p) => p.trim()).filter((p) => p !== "");
  return parts.length > 0 && parts.every((p) => resolveMeetingType(p, rules) !== null) ? parts : null;
}

/** The header row of days and the row of types under it, or null. */
function meetingColumns(view: SheetView, rules: RuleSet["meetings"], year: (row: number) => number | null): { headerRow: number; labelCol: number; meetings: Meeting[] } | null {
  const last = Math.min(view.rowCount - 1, view.firstRow + MAX_HEADER_ROW);
  for (let r = view.firstRow; r < last; r++) {
    const meetings: Meeting[] = [];
    for (let c = view.firstCol; c < view.colCount; c++) {
      const day = dayOf(view.value(r, c), view.format(r, c), year(r));
      if (day) meetings.push({ col: c, ...day, types: [], typeRow: null });
    }
    if (meetings.length < MIN_MEETINGS) continue;
    // The members' column is the first one headed left of the days (姓名); the table need not start in column A.
    let labelCol = view.firstCol;
    while (labelCol < meetings[0]!.col && cellText(view, r, labelCol) === "" && cellText(view, r + 1, labelCol) === "") labelCol++;
    if (meetings[0]!.col <= labelCol) return null;
    // The types stand in the row under the days; every meeting names one.
    for (const m of meetings) {
      const types = typesOf(cellText(view, r + 1, m.col), rules);
      if (!types) return null;
      m.types = types;
      m.typeRow = r + 1;
    }
    return { headerRow: r + 1, labelCol, meetings };
  }
  return null;
}

type Mark = "present" | "leave" | "absent" | null;
function markOf(text: string): Mark | undefined {
  if (text === "") return null;
  const t = toHalfWidth(text);
  if (PRESENT.test(t)) return "present";
  if (LEAVE.test(t)) return "leave";
  if (ABSENT.test(t)) return "absent";
  return undefined;
}

const HEADERS = ["会议时间", "会议类型", "应到人数", "实到人数", "请假人数", "打√人数"];

/** The register's meetings, or null when the sheet is no attendance matrix. */
export function unfoldAttendanceMatrix(sheet: SheetGrid, rules: RuleSet["meetings"]): UnfoldedMatrix | null {
  const view = new SheetView(sheet);
  const found = meetingColumns(view, rules, (row) => titleYear(view, row));
  if (!found) return null;
  const { headerRow, labelCol, meetings } = found;
  const counts = meetings.map(() => ({ present: 0, leave: 0, absent: 0, members: 0 }));
  const stated = new Map<"expected" | "present" | "leave", number>();
  let members = 0;
  for (let r = headerRow + 1; r < view.rowCount; r++) {
    const label = cellText(view, r, labelCol);
    if (label === "") continue;
    const kind = STATED.find(([p]) => p.test(label))?.[1];
    if (kind) {
      stated.set(kind, r);
      continue;
    }
    // Summary rows, and the sign-off and note lines under the table (填表人：…, 注：…): no member's.
    if (SUMMARY.test(label) || SIGN_OFF.test(label)) continue;
    let marked = 0;
    for (const [i, m] of meetings.entries()) {
      const mark = markOf(cellText(view, r, m.col));
      if (mark === undefined) return null;
      if (mark === null) continue;
      marked++;
      counts[i]![mark]++;
      counts[i]!.members++;
    }
    if (marked > 0) members++;
  }
  if (members < MIN_MEMBERS) return null;
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const placeOf = new Map<string, string>();
  keepTitleLines(view, headerRow - 1, values, formats);
  values.push([...HEADERS]);
  formats.push(HEADERS.map(() => null));
  const statedValue = (kind: "expected" | "present" | "leave", col: number): { value: CellValue; at: string } | null => {
    const row = stated.get(kind);
    return row === undefined ? null : { value: view.value(row, col), at: a1(row, col) };
  };
  const types = new Set<string>();
  for (const [i, m] of meetings.entries()) {
    const counted = counts[i]!;
    const dayAt = a1(headerRow - 1, m.col);
    const typeAt = m.typeRow === null ? dayAt : a1(m.typeRow, m.col);
    const expected = statedValue("expected", m.col);
    const present = statedValue("present", m.col);
    const leave = statedValue("leave", m.col);
    m.types.forEach((type, k) => {
      types.add(resolveMeetingType(type, rules)!.type);
      const r = values.length;
      // The √ counted goes with the meeting's first row only: one mismatch, said once.
      values.push([m.date, type, expected?.value ?? counted.members, present?.value ?? counted.present, leave?.value ?? counted.leave, present && k === 0 ? counted.present : null]);
      formats.push([m.format, null, null, null, null, null]);
      placeOf.set(a1(r, 0), dayAt);
      placeOf.set(a1(r, 1), typeAt);
      placeOf.set(a1(r, 2), expected?.at ?? dayAt);
      placeOf.set(a1(r, 3), present?.at ?? dayAt);
      placeOf.set(a1(r, 4), leave?.at ?? dayAt);
      placeOf.set(a1(r, 5), dayAt);
    });
  }
  return { grid: { name: view.name, values, numberFormats: formats }, headerRow, types, placeOf, readAs: "sheet.attendanceMatrix" };
}
