import type { CellValue } from "../grid/types.js";
import { a1 } from "../grid/a1.js";
import { cellNumber } from "./cell-number.js";
import { ChunkedParser } from "./chunked-parser.js";
import { readErrors } from "./errors.js";
import { richText, TooLong, type SharedString } from "./shared-strings.js";
import type { CellFormats } from "./styles-formats.js";
import { LT, attrBounds, closingTag, digits, indexOfByte, nameIs, readTag, text, type Tag } from "./xml-bytes.js";
import { unescapeCellText } from "./xml-unescape.js";

/** What a sheet's cells are read against: the workbook's strings, styles and caps. */
export interface SheetContext {
  sheetName: string;
  strings: SharedString[];
  formats: CellFormats;
  date1904: boolean;
  maxRows: number;
  maxCellsPerSheet: number;
  /** Cells in the sheets read before this one, and the most the whole workbook may hold. */
  cellsBefore: number;
  maxCells: number;
  maxCellChars: number;
}

/** A sheet's cells as read: values and formats by 0-based sheet row, then column. */
export interface SheetCells {
  rows: (CellValue[] | undefined)[];
  formats: ((string | null)[] | undefined)[];
  /** The XML after `</sheetData>` (merges, drop-down lists), as text. */
  tail: string;
  /** `<c>` elements seen, with or without a value (what the caps count). */
  cellCount: number;
  /** 0-based rows and columns the clerk hid (`<row hidden="1">`, `<col hidden="1">`), ascending. */
  hiddenRows: number[];
  hiddenCols: number[];
}

/** Excel's last column (XFD): a `<col max>` beyond it is not a column. */
const MAX_COLUMNS = 16_384;

// Excel's error values; anything else a file calls an error is kept as its text.
const KNOWN_ERRORS = new Set(["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA"]);
// Serial 1462 = 1904-01-01 in the 1900 system.
const DATE1904_OFFSET = 1462;

const enum Phase {
  BeforeData,
  Data,
  Tail,
}

/**
 * One worksheet's XML, streamed: each `<c>` becomes a value in its row as soon as its bytes are in,
 * nothing else of the sheet is kept but the short tail after the cells. Rows and cells are counted
 * as they come; past a cap the values are dropped and only the counting goes on, so the refusal
 * names the sheet's true size, as the whole-file scan did.
 */
export class SheetXmlParser extends ChunkedParser {
  private phase = Phase.BeforeData;
  private readonly before: Uint8Array[] = [];
  private readonly tailParts: Uint8Array[] = [];
  private rowNumber = 0;
  private col = -1;
  private lastRowWithCells = 0;
  private cellCount = 0;
  private over = false;
  private rows: (CellValue[] | undefined)[] = [];
  private formats: ((string | null)[] | undefined)[] = [];
  private readonly hiddenRows: number[] = [];
  private readonly hiddenCols = new Set<number>();

  constructor(
    partName: string,
    private readonly ctx: SheetContext,
  ) {
    super(partName);
  }

  protected parse(b: Uint8Array, final: boolean): number {
    const end = b.length;
    if (this.phase === Phase.Tail) {
      this.tailParts.push(b);
      return end;
    }
    let at = 0;
    for (let lt = indexOfByte(b, LT, 0, end); lt >= 0; lt = indexOfByte(b, LT, at, end)) {
      const tag = readTag(b, lt, end);
      if (!tag) return this.stop(b, final ? end : lt);
      at = tag.gt + 1;
      if (tag.special) continue;
      if (this.phase === Phase.BeforeData) {
        if (!tag.closing && nameIs(b, tag, "col")) this.hiddenColumns(b, tag);
        if (!tag.closing && nameIs(b, tag, "sheetData")) {
          this.before.length = 0;
          this.phase = tag.selfClosing ? Phase.Tail : Phase.Data;
          if (this.phase === Phase.Tail) return this.toTail(b, at);
        }
        continue;
      }
      if (tag.closing) {
        if (nameIs(b, tag, "sheetData")) {
          this.phase = Phase.Tail;
          return this.toTail(b, at);
        }
        continue;
      }
      if (nameIs(b, tag, "row")) {
        const r = attrBounds(b, tag, "r");
        const n = r ? digits(b, r[0], r[1]) : -1;
        this.rowNumber = n > 0 ? n : this.rowNumber + 1;
        this.col = -1;
        // A hidden row past the row cap is no row the engine reads; it is not remembered either.
        if (isTrue(b, tag, "hidden") && this.rowNumber <= this.ctx.maxRows) this.hiddenRows.push(this.rowNumber - 1);
      } else if (nameIs(b, tag, "c")) {
        if (tag.selfClosing) this.cell(b, tag, tag.gt, tag.gt);
        else {
          const close = closingTag(b, tag.gt + 1, end, "c");
          if (close < 0) return this.stop(b, final ? end : lt);
          this.cell(b, tag, tag.gt + 1, close);
          at = indexOfByte(b, 0x3e, close, end) + 1;
        }
      }
    }
    return this.stop(b, final ? end : at);
  }

  /** Before the cells, what was consumed is kept: a sheet without `<sheetData>` is all tail. */
  private stop(b: Uint8Array, used: number): number {
    if (this.phase === Phase.BeforeData && used > 0) this.before.push(b.slice(0, used));
    return used;
  }

  /** `<col min="7" max="7" hidden="1"/>`: columns 7..7 (1-based) are hidden. */
  private hiddenColumns(b: Uint8Array, tag: Tag): void {
    if (!isTrue(b, tag, "hidden")) return;
    const min = attrBounds(b, tag, "min");
    const max = attrBounds(b, tag, "max");
    const from = min ? digits(b, min[0], min[1]) : -1;
    const to = max ? Math.min(digits(b, max[0], max[1]), MAX_COLUMNS) : from;
    for (let c = from; c >= 1 && c <= to; c++) this.hiddenCols.add(c - 1);
  }

  private toTail(b: Uint8Array, from: number): number {
    if (from < b.length) this.tailParts.push(b.subarray(from));
    return b.length;
  }

  /** One `<c>` element: its start tag and the bytes of its content [start, end) (empty when self-closing). */
  private cell(b: Uint8Array, tag: Tag, start: number, end: number): void {
    this.cellCount++;
    const ref = attrBounds(b, tag, "r");
    let row = this.rowNumber - 1;
    let col: number;
    if (ref) {
      let c = 0;
      let r = 0;
      for (let i = ref[0]; i < ref[1]; i++) {
        const ch = b[i]!;
        if (ch >= 0x30 && ch <= 0x39) r = r * 10 + (ch - 0x30);
        else if (ch >= 0x41 && ch <= 0x5a) c = c * 26 + (ch - 0x40);
      }
      col = c - 1;
      row = r - 1;
    } else col = this.col + 1;
    this.col = col;
    if (this.rowNumber > this.lastRowWithCells) this.lastRowWithCells = this.rowNumber;
    if (this.over) return;
    const ctx = this.ctx;
    if (this.lastRowWithCells > ctx.maxRows || this.cellCount > ctx.maxCellsPerSheet || ctx.cellsBefore + this.cellCount > ctx.maxCells) {
      this.over = true;
      this.rows = [];
      this.formats = [];
      return;
    }
    if (row < 0 || col < 0) return;
    const value = this.cellValue(b, tag, start, end, row, col);
    if (value === undefined) return;
    const s = attrBounds(b, tag, "s");
    const style = s ? digits(b, s[0], s[1]) : -1;
    let v: CellValue = value;
    if (typeof v === "number" && ctx.date1904 && style >= 0 && ctx.formats.isDate[style]) v += DATE1904_OFFSET;
    const cells = (this.rows[row] ??= []);
    while (cells.length < col) cells.push(null);
    cells[col] = v;
    const format = style >= 0 ? (ctx.formats.format[style] ?? null) : null;
    if (format !== null) {
      const f = (this.formats[row] ??= []);
      while (f.length < col) f.push(null);
      f[col] = format;
    }
  }

  /** The cell's value by its type (`t`), or undefined for a cell that holds none (as Excel shows it: empty). */
  private cellValue(b: Uint8Array, tag: Tag, start: number, end: number, row: number, col: number): CellValue | undefined {
    const t = attrBounds(b, tag, "t");
    const type = t ? text(b, t[0], t[1]) : "n";
    let v: [number, number] | null = null;
    let inline: [number, number] | null = null;
    for (let lt = indexOfByte(b, LT, start, end); lt >= 0; ) {
      const child = readTag(b, lt, end);
      if (!child) break;
      let next = child.gt + 1;
      if (!child.closing && !child.special && !child.selfClosing) {
        if (nameIs(b, child, "v") && !v) {
          const close = indexOfByte(b, LT, next, end);
          v = [next, close < 0 ? end : close];
        } else if (nameIs(b, child, "is") && !inline) {
          const close = closingTag(b, next, end, "is");
          inline = [next, close < 0 ? end : close];
          if (close >= 0) next = close;
        } else if (nameIs(b, child, "f")) {
          const close = closingTag(b, next, end, "f");
          if (close >= 0) next = close;
        }
      }
      lt = indexOfByte(b, LT, next, end);
    }
    const hasV = v !== null && v[1] > v[0];
    switch (type) {
      case "n":
        return hasV ? cellNumber(b, v![0], v![1]) : undefined;
      case "s": {
        if (!hasV) return undefined;
        let idx = 0;
        for (let i = v![0]; i < v![1]; i++) {
          const d = b[i]! - 0x30;
          if (d >= 0 && d <= 9) idx = idx * 10 + d;
        }
        const s = this.ctx.strings[idx];
        if (s instanceof TooLong) throw readErrors.cellTooLong(this.ctx.sheetName, a1(row, col), s.chars, this.ctx.maxCellChars);
        return this.textValue(s ?? null, row, col);
      }
      case "str":
        return this.textValue(hasV ? unescapeCellText(text(b, v![0], v![1])) : "", row, col);
      case "inlineStr":
        return this.textValue(inline ? richText(b, inline[0], inline[1]) : "", row, col);
      case "b": {
        const s = hasV ? text(b, v![0], v![1]) : "";
        return s === "1" || s === "true";
      }
      case "e": {
        if (!hasV) return undefined;
        const e = unescapeCellText(text(b, v![0], v![1]));
        return { error: e === "#WTF?" ? "#VALUE!" : KNOWN_ERRORS.has(e) || e.startsWith("#") ? e : "#VALUE!" };
      }
      case "d":
        return hasV ? isoToSerial(text(b, v![0], v![1]), this.ctx.date1904) : undefined;
      default:
        return hasV ? cellNumber(b, v![0], v![1]) : undefined;
    }
  }

  /** Text as a cell value: empty text is an empty cell; text over the cap is refused, never cut. */
  private textValue(s: string | null, row: number, col: number): CellValue | undefined {
    if (s === null || s === "") return undefined;
    if (s.length > this.ctx.maxCellChars) throw readErrors.cellTooLong(this.ctx.sheetName, a1(row, col), s.length, this.ctx.maxCellChars);
    return s;
  }

  /** The sheet's cells; throws for a sheet over a cap, naming its true size. */
  result(): SheetCells {
    const ctx = this.ctx;
    if (this.lastRowWithCells > ctx.maxRows) throw readErrors.tooManyRows(ctx.sheetName, this.lastRowWithCells, ctx.maxRows);
    if (this.cellCount > ctx.maxCellsPerSheet) throw readErrors.tooManyCells(ctx.sheetName, this.cellCount, ctx.maxCellsPerSheet);
    if (this.over) throw readErrors.tooManyCellsTotal(ctx.cellsBefore + this.cellCount, ctx.maxCells);
    const parts = this.phase === Phase.BeforeData ? this.before : this.tailParts;
    const decoder = new TextDecoder();
    let tail = "";
    for (const p of parts) tail += decoder.decode(p, { stream: true });
    tail += decoder.decode();
    const hiddenCols = [...this.hiddenCols].sort((x, y) => x - y);
    return { rows: this.rows, formats: this.formats, tail, cellCount: this.cellCount, hiddenRows: this.hiddenRows, hiddenCols };
  }
}


/** An xsd:boolean attribute that says yes (`1` or `true`). */
function isTrue(b: Uint8Array, tag: Tag, name: string): boolean {
  const at = attrBounds(b, tag, name);
  if (!at) return false;
  const t = text(b, at[0], at[1]);
  return t === "1" || t === "true";
}

// Day 0 of the 1900 system (1899-12-30) and the day a time of day alone counts from, in Unix ms.
const DAY0_MS = Date.UTC(1899, 11, 30);
const TIME_BASE_1900_MS = Date.UTC(1899, 11, 31);
const TIME_BASE_1904_MS = Date.UTC(1904, 0, 1);
const MS_PER_DAY = 86_400_000;

/** Three digits of a fraction of a second (".5" → 500). */
const millis = (frac: string | undefined) => (frac ? Number.parseInt(`${frac}000`.slice(1, 4), 10) : 0);

/**
 * A `t="d"` cell (ISO 8601 text) as an Excel serial in the workbook's date system, counted the way
 * SheetJS counts it (Excel's phantom 1900-02-29 included), so both readers give the same number.
 */
function isoToSerial(iso: string, date1904: boolean): CellValue | undefined {
  let ms: number;
  let m: RegExpExecArray | null;
  if ((m = /^(\d+):(\d+)(:\d+)?(\.\d+)?$/.exec(iso))) {
    const seconds = (Number.parseInt(m[1]!, 10) * 60 + Number.parseInt(m[2]!, 10)) * 60 + (m[3] ? Number.parseInt(m[3].slice(1), 10) : 0);
    ms = (date1904 ? TIME_BASE_1904_MS : TIME_BASE_1900_MS) + seconds * 1000 + millis(m[4]);
  } else if ((m = /^(\d+)-(\d+)-(\d+)$/.exec(iso))) ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!);
  else if ((m = /^(\d+)-(\d+)-(\d+)[T ](\d+):(\d+)(:\d+)?(\.\d+)?$/.exec(iso))) {
    ms = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, m[6] ? Number.parseInt(m[6].slice(1), 10) : 0, millis(m[7]));
  } else ms = new Date(iso).getTime();
  if (!Number.isFinite(ms)) return undefined;
  let serial = (ms - DAY0_MS) / MS_PER_DAY;
  if (date1904) {
    serial -= DATE1904_OFFSET;
    return serial < -1402 ? serial - 1 : serial;
  }
  return serial < 60 ? serial - 1 : serial;
}
