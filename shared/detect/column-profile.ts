import { isCellError, type CellValue } from "../grid/types.js";
import type { SheetView } from "../grid/sheet-view.js";
import { validateIdNumber } from "../idcard/gb11643.js";
import { readDateNumber, readDateText, readMonthSpan, readSlashDate } from "../normalise/dates.js";
import { cellMarker } from "../normalise/markers.js";
import { normaliseIdText } from "../normalise/id-text.js";
import { parseNumberText } from "../normalise/numbers.js";
import { countWithUnit, wordsWithUnit } from "../normalise/chinese-count.js";
import { cleanText, toHalfWidth } from "../normalise/text.js";
import { decodeCell } from "./header-codes.js";
import { classifyRow } from "../rows/classify-row.js";

/**
 * What a column's cells look like, from a sample of the data rows under a header: how
 * many are numbers, dates, ID numbers, phone numbers, person names, and the distinct texts
 * (for fields with known values). This is the content half of a column's evidence.
 */
export interface ColumnProfile {
  col: number;
  /** Non-empty cells sampled (markers such as 无 or — not counted). */
  n: number;
  numbers: number;
  numericText: number;
  /** Cells that read as a date (a serial with a date format, date text, 1968.02). */
  dates: number;
  /** Cells that read as a date only as a bare number (a serial without a date format). */
  bareSerials: number;
  /** Days written without their year (3月5日): dates in the year the title names. */
  yearlessDays: number;
  months: number;
  /** 18-character IDs that pass the GB 11643 check, and ones that only look like IDs. */
  validIds: number;
  idLike: number;
  mobiles: number;
  /** Texts of 2 to 4 Chinese characters (a person's name, as clerks write them). */
  names: number;
  /** Texts listing two or more such names (叶青山、阎红军、薛刚): who attended, not how many. */
  nameLists: number;
  markers: number;
  /** Cells holding text (not numbers). */
  textCells: number;
  /** Distinct cleaned texts, at most MAX_DISTINCT. */
  texts: Map<string, number>;
}

const SAMPLE_ROWS = 200;
const MAX_DISTINCT = 64;
const NAME = /^[\u4e00-\u9fa5][\u4e00-\u9fa5·•]{1,5}$/;
const NAME_LIST_SEPARATOR = /[、，,；;\s]+/;
const DATE_FORMAT = /[ymd]|年|月|日/i;

function emptyProfile(col: number): ColumnProfile {
  return { col, n: 0, numbers: 0, numericText: 0, dates: 0, bareSerials: 0, yearlessDays: 0, months: 0, validIds: 0, idLike: 0, mobiles: 0, names: 0, nameLists: 0, markers: 0, textCells: 0, texts: new Map() };
}

function addValue(p: ColumnProfile, v: CellValue, format: string | null): void {
  if (v === null || isCellError(v)) return;
  if (typeof v === "number") {
    p.n++;
    p.numbers++;
    if (v >= 1e14 && v < 1e18) p.idLike++;
    if (format && DATE_FORMAT.test(format) && !/^general$/i.test(format)) p.dates++;
    else if (readDateNumber(v)) p.bareSerials++;
    if (v >= 13_000_000_000 && v < 20_000_000_000 && Number.isInteger(v)) p.mobiles++;
    return;
  }
  if (typeof v === "boolean") {
    p.n++;
    return;
  }
  const t = cleanText(v);
  if (t === "") return;
  if (cellMarker(t) !== null) {
    p.markers++;
    return;
  }
  p.n++;
  p.textCells++;
  if (p.texts.size < MAX_DISTINCT || p.texts.has(t)) p.texts.set(t, (p.texts.get(t) ?? 0) + 1);
  const half = toHalfWidth(t);
  // Numbers, dates, months, IDs and phones all have digits (a date may open with Chinese
  // numerals): a name or a category has none, and is not parsed five ways to learn it.
  if (mayHoldNumber(half)) numberLike(p, half);
  if (NAME.test(t)) p.names++;
  else if (NAME_LIST_SEPARATOR.test(t) && t.split(NAME_LIST_SEPARATOR).every((part) => NAME.test(part.trim()))) p.nameLists++;
}

const CHINESE_NUMERAL_START = /^[〇零○一二三四五六七八九十]/;
function mayHoldNumber(half: string): boolean {
  for (let i = 0; i < half.length; i++) {
    const c = half.charCodeAt(i);
    if (c >= 48 && c <= 57) return true;
  }
  return CHINESE_NUMERAL_START.test(half);
}

/** Nine digits or more in a row (an ID, a phone, an account): never a date or a month. */
const LONG_DIGIT_RUN = /^\d{9,}[xX]?$/;

function numberLike(p: ColumnProfile, half: string): void {
  // 八十七分, 十九票, 十六年: a number in Chinese numerals with its unit counts as one.
  if (parseNumberText(half) || wordsWithUnit(half) !== null || countWithUnit(half) !== null) p.numericText++;
  if (!LONG_DIGIT_RUN.test(half)) {
    // 7/1/2019 is a date in one order or the other: which one is the column's to say (records/build).
    if (readDateText(half) || readSlashDate(half, "month-first") || readSlashDate(half, "day-first")) p.dates++;
    else if (yearlessDay(half)) p.yearlessDays++;
    if (/^\d{4}\s*[-/.年]\s*\d{1,2}\s*月?$/.test(half) || readMonthSpan(half)) p.months++;
  }
  // An ID has 15 or 18 characters, a mobile 11 digits: shorter texts are neither.
  if (half.length >= 15) {
    const id = normaliseIdText(half);
    if (/^\d{17}[\dX]$/.test(id)) {
      p.idLike++;
      if (validateIdNumber(id).ok) p.validIds++;
    } else if (/^\d{15}$/.test(id)) p.idLike++;
  }
  if (half.length >= 11 && /^(?:\+86|0086)?1[3-9]\d{9}$/.test(half.replace(/[\s-]/g, ""))) p.mobiles++;
}

const YEARLESS_DAY = /^(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]/;
function yearlessDay(half: string): boolean {
  const m = YEARLESS_DAY.exec(half);
  return m !== null && Number(m[1]) >= 1 && Number(m[1]) <= 12 && Number(m[2]) >= 1 && Number(m[2]) <= 31;
}

/** Profiles of the given columns over the data rows from `firstDataRow` (a sample of them). */
/** `codes`: a column's dictionary from its header (人员类别（1-正式党员 2-预备党员）): its cells are profiled as the words they stand for. */
export function profileColumns(view: SheetView, columns: readonly number[], firstDataRow: number, codes?: ReadonlyMap<number, Map<string, string>>): Map<number, ColumnProfile> {
  const out = new Map<number, ColumnProfile>();
  for (const c of columns) out.set(c, emptyProfile(c));
  let sampled = 0;
  for (let row = firstDataRow; row < view.rowCount && sampled < SAMPLE_ROWS; row++) {
    if (classifyRow(view, row, row - firstDataRow) !== "data") continue;
    sampled++;
    for (const c of columns) {
      const v = view.value(row, c);
      const dict = codes?.get(c);
      addValue(out.get(c)!, dict ? (decodeCell(dict, v) ?? v) : v, view.format(row, c));
    }
  }
  return out;
}
