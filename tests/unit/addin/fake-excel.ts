/**
 * A recording fake of the slice of the Excel JavaScript API the adapter uses. Like the real
 * API, reads are queued by load() and only readable after context.sync(); writes are queued
 * and applied at sync. It records every call and counts syncs; it can refuse a sync that
 * loads more than `maxCellsPerSync` cells with RequestPayloadSizeLimitExceeded (the web's 5 MB).
 * `apiVersion` plays an older host: objects of later requirement sets are missing there
 * (Range.dataValidation before ExcelApi 1.8, worksheets.onChanged before 1.9), or, for methods
 * the JavaScript library has but the host lacks (getSpecialCellsOrNullObject before 1.9), the sync
 * that carries them fails with ApiNotFound, as Office.js's does.
 *
 * A sync's payload counts a cell per value or number format loaded, and an area per area of a
 * loaded multi-area address.
 *
 * Each `fakeRun` is a request context of its own, as each Excel.run is, and the fake holds
 * the adapter to Office.js's rules for them: a proxy object belongs to the context that made
 * it, and what it queues takes effect only when that context syncs; a proxy used after its
 * run ended fails (InvalidObjectPath), unless the context still serves event handlers, which
 * keeps it alive; an event handler's `remove()` takes effect when its own context syncs; and
 * `isNullObject` is known only after a sync. `FakeContext` itself is the workbook session
 * (sheets, recorded calls, sync count, live handlers) and can also be used as a context.
 */
import { a1, parseRange } from "../../../shared/grid/a1.js";

type Raw = string | number | boolean;

export interface FakeRule {
  id: string;
  type: string;
  formula: string | null;
  fill: string | null;
  font: string | null;
  address: string;
}

export interface CellFormat {
  fill: string;
  font: string;
  bold: boolean;
  border: string;
}

export class FakeSheet {
  /** Values from A1; "" is empty (as Range.values reports). */
  values: Raw[][] = [];
  numberFormats: string[][] = [];
  merges: string[] = [];
  /** The clerk's own direct formats, by A1 address. */
  formats = new Map<string, CellFormat>();
  rules: FakeRule[] = [];
  notes = new Map<string, string>();
  /** List data validations: the cells they cover (A1, e.g. "C2:C1000") and list.source as Office.js reports it. */
  validations: { address: string; source: string }[] = [];
  selected: string | null = null;
  /** Formulas by A1 address (Range.formulas reports the constant value elsewhere). */
  formulas = new Map<string, string>();
  /** Worksheet.visibility as Office.js reports it. */
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  /** Rows and columns the clerk hid (0-based): Range.rowHidden/columnHidden and the visible cells follow them. */
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  constructor(public name: string) {}

  /** Set one cell (0-based), growing the grid with empty cells as Excel's would. */
  setCell(r: number, c: number, v: Raw): void {
    while (this.values.length <= r) this.values.push([]);
    while (this.numberFormats.length <= r) this.numberFormats.push([]);
    const row = this.values[r]!;
    while (row.length <= c) row.push("");
    row[c] = v;
  }

  setFormat(r: number, c: number, f: string): void {
    while (this.numberFormats.length <= r) this.numberFormats.push([]);
    const row = this.numberFormats[r]!;
    while (row.length <= c) row.push("General");
    row[c] = f;
  }

  static withRows(name: string, rows: Raw[][], formats?: string[][]): FakeSheet {
    const s = new FakeSheet(name);
    s.values = rows.map((r) => r.slice());
    s.numberFormats = formats ?? rows.map((r) => r.map(() => "General"));
    return s;
  }

  extent(): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    this.values.forEach((r, i) =>
      r.forEach((v, j) => {
        if (v !== "") {
          rows = Math.max(rows, i + 1);
          cols = Math.max(cols, j + 1);
        }
      }),
    );
    return { rows, cols };
  }
}

/** An Office.js error as a failed sync rejects with it: `code` says what went wrong. */
function officeError(code: string, message: string): Error & { code: string } {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

class NotLoaded extends Error {
  constructor(prop: string) {
    super(`PropertyNotLoaded: ${prop} was read before load() and sync()`);
  }
}

class Loadable {
  protected loaded = new Set<string>();
  protected got<T>(prop: string, v: T): T {
    if (!this.loaded.has(prop)) throw new NotLoaded(prop);
    return v;
  }
}

export class FakeContext {
  /** The session every request context of it shares (itself for the root). */
  root: FakeContext = this;
  /** Request contexts made so far (fakeRun makes one per run). */
  contexts = 0;
  /** Set when the run that made this context ended; its proxies then fail unless it serves handlers. */
  ended = false;
  /** Event handlers this context registered and has not removed: they keep it alive. */
  liveHandlers = 0;
  syncs = 0;
  calls: string[] = [];
  /** Cells loaded by each sync (values and number formats count once per cell). */
  cellsPerSync: number[] = [];
  /** worksheet.onChanged handlers registered through this context. */
  handlers: ((e: unknown) => Promise<void>)[] = [];
  /** workbook.worksheets.onChanged handlers (ExcelApi 1.9): events carry worksheetId. */
  workbookHandlers: ((e: unknown) => Promise<void>)[] = [];
  maxCellsPerSync = Infinity;
  /** The host's highest ExcelApi minor version (1.x). */
  apiVersion = 99;
  /** Fail any sync that loads a data validation (a host that refuses it for another reason than size). */
  failDataValidation = false;
  private pending: { cells: number; run: () => void }[] = [];
  private nextId = 1;
  readonly workbook: { worksheets: FakeWorksheets };
  readonly application = { suspendScreenUpdatingUntilNextSync: () => this.calls.push("suspendScreenUpdatingUntilNextSync") };

  constructor(
    public sheets: FakeSheet[],
    public active = 0,
  ) {
    this.workbook = { worksheets: new FakeWorksheets(this) };
  }

  /** A new request context on the same workbook, as Excel.run makes. */
  fork(): FakeContext {
    const f = Object.create(this.root) as FakeContext;
    f.pending = [];
    f.ended = false;
    f.liveHandlers = 0;
    (f as { workbook: unknown }).workbook = { worksheets: new FakeWorksheets(f) };
    (f as { application: unknown }).application = { suspendScreenUpdatingUntilNextSync: () => f.calls.push("suspendScreenUpdatingUntilNextSync") };
    this.root.contexts++;
    return f;
  }

  /** Office.js refuses a proxy whose run is over (nothing keeps its context alive). */
  assertUsable(what: string): void {
    if (this.ended && this.liveHandlers === 0) throw new Error(`InvalidObjectPath: ${what} belongs to a request context whose run has ended`);
  }

  queue(cells: number, run: () => void): void {
    this.assertUsable("an object");
    this.pending.push({ cells, run });
  }

  newId(): string {
    return `{cf-${this.root.nextId++}}`;
  }

  async sync(): Promise<void> {
    this.assertUsable("context.sync");
    this.root.syncs++;
    this.calls.push("sync");
    const cells = this.pending.reduce((n, p) => n + p.cells, 0);
    const batch = this.pending;
    this.pending = [];
    if (cells > this.maxCellsPerSync) {
      const e = new Error("The request payload size has exceeded the limit.") as Error & { code: string };
      e.code = "RequestPayloadSizeLimitExceeded";
      throw e;
    }
    this.cellsPerSync.push(cells);
    for (const p of batch) p.run();
  }
}

/**
 * EventHandlers.add: the handler is live from its context's next sync; `remove()` queues on
 * that same context (Office.js: "the same RequestContext ... must be used when removing") and
 * takes effect when it syncs, wherever remove() was called from.
 */
function registerHandler(ctx: FakeContext, list: ((e: unknown) => Promise<void>)[], handler: (e: unknown) => Promise<void>, name: string) {
  ctx.queue(0, () => {
    list.push(handler);
    ctx.liveHandlers++;
  });
  return {
    context: ctx,
    remove: () => {
      ctx.calls.push(`${name}.remove`);
      ctx.queue(0, () => {
        const i = list.indexOf(handler);
        if (i >= 0) list.splice(i, 1);
        ctx.liveHandlers = Math.max(0, ctx.liveHandlers - 1);
      });
    },
  };
}

/** `isNullObject`: like Office.js, only known once the context that made the object has synced. */
class NullObjectFlag {
  private known = false;
  constructor(
    ctx: FakeContext,
    private readonly value: boolean,
  ) {
    ctx.queue(0, () => (this.known = true));
  }
  get(): boolean {
    if (!this.known) throw new Error("PropertyNotLoaded: isNullObject was read before context.sync()");
    return this.value;
  }
}

/** The id Excel gives a sheet (stable across renames); here derived from its position. */
export const sheetId = (ctx: FakeContext, sheet: FakeSheet) => `{sheet-${ctx.sheets.indexOf(sheet)}}`;

class FakeWorksheets extends Loadable {
  private _items: { name: string; id: string; visibility: string }[] = [];
  constructor(private ctx: FakeContext) {
    super();
  }
  get onChanged() {
    if (this.ctx.apiVersion < 9) return undefined as never;
    return {
      add: (handler: (e: unknown) => Promise<void>) => {
        this.ctx.calls.push("worksheets.onChanged.add");
        return registerHandler(this.ctx, this.ctx.workbookHandlers, handler, "worksheets.onChanged");
      },
    };
  }
  get items(): { name: string; id: string; visibility: string }[] {
    return this.got("items", this._items);
  }
  load(props: string): this {
    this.ctx.calls.push(`worksheets.load(${props})`);
    this.ctx.queue(0, () => {
      this._items = this.ctx.sheets.map((x) => ({ name: x.name, id: sheetId(this.ctx, x), visibility: x.visibility }));
      this.loaded.add("items");
    });
    return this;
  }
  getActiveWorksheet(): FakeWorksheet {
    this.ctx.calls.push("getActiveWorksheet");
    return new FakeWorksheet(this.ctx, this.ctx.sheets[this.ctx.active]!);
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    this.ctx.calls.push(`getItemOrNullObject(${name})`);
    const s = this.ctx.sheets.find((x) => x.name === name || sheetId(this.ctx, x) === name);
    return new FakeWorksheet(this.ctx, s ?? new FakeSheet(name), !s);
  }
  getItem(name: string): FakeWorksheet {
    this.ctx.calls.push(`getItem(${name})`);
    // By name or by id, as Excel's getItem.
    const s = this.ctx.sheets.find((x) => x.name === name || sheetId(this.ctx, x) === name);
    if (!s) throw new Error(`ItemNotFound: ${name}`);
    return new FakeWorksheet(this.ctx, s);
  }
}

export class FakeWorksheet extends Loadable {
  private _name = "";
  private _id = "";
  readonly onChanged = {
    add: (handler: (e: unknown) => Promise<void>) => {
      this.ctx.calls.push("onChanged.add");
      return registerHandler(this.ctx, this.ctx.handlers, handler, "onChanged");
    },
  };
  private readonly nullFlag: NullObjectFlag;
  constructor(
    private ctx: FakeContext,
    readonly sheet: FakeSheet,
    isNull = false,
  ) {
    super();
    this.nullFlag = new NullObjectFlag(ctx, isNull);
  }
  get isNullObject(): boolean {
    return this.nullFlag.get();
  }
  get name(): string {
    return this.got("name", this._name);
  }
  get id(): string {
    return this.got("id", this._id);
  }
  load(props: string): this {
    this.ctx.calls.push(`worksheet.load(${props})`);
    this.ctx.queue(0, () => {
      this._name = this.sheet.name;
      this._id = sheetId(this.ctx, this.sheet);
      for (const p of props.split(",")) this.loaded.add(p.trim());
    });
    return this;
  }
  getCell(r: number, c: number): FakeRange {
    this.ctx.calls.push(`getCell(${r},${c})`);
    return new FakeRange(this.ctx, this.sheet, [{ r0: r, c0: c, r1: r, c1: c }]);
  }
  activate(): void {
    this.ctx.calls.push("activate");
    this.ctx.root.active = this.ctx.sheets.indexOf(this.sheet);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.ctx.calls.push(`getUsedRangeOrNullObject(${valuesOnly})`);
    const { rows, cols } = this.sheet.extent();
    return new FakeRange(this.ctx, this.sheet, rows ? [{ r0: 0, c0: 0, r1: rows - 1, c1: cols - 1 }] : [], rows === 0);
  }
  getRangeByIndexes(r: number, c: number, rows: number, cols: number): FakeRange {
    this.ctx.calls.push(`getRangeByIndexes(${r},${c},${rows},${cols})`);
    return new FakeRange(this.ctx, this.sheet, [{ r0: r, c0: c, r1: r + rows - 1, c1: c + cols - 1 }]);
  }
  getRange(address?: string): FakeRange {
    this.ctx.calls.push(`getRange(${address ?? ""})`);
    if (!address) return new FakeRange(this.ctx, this.sheet, [{ r0: 0, c0: 0, r1: 1048575, c1: 16383 }]);
    return new FakeRange(this.ctx, this.sheet, [parseRange(address)!]);
  }
  getRanges(address: string): FakeRange {
    this.ctx.calls.push(`getRanges(${address.split(",").length} areas)`);
    return new FakeRange(this.ctx, this.sheet, address.split(",").map((a) => parseRange(a)!));
  }
}

type Area = { r0: number; c0: number; r1: number; c1: number };

/** true when every line from..to is hidden, false when none is, null for a mix (as Range.rowHidden). */
function allOrNone(from: number, to: number, hidden: ReadonlySet<number>): boolean | null {
  let n = 0;
  for (const i of hidden) if (i >= from && i <= to) n++;
  return n === 0 ? false : n === to - from + 1 ? true : null;
}

/** The runs [first, last] of lines from..to that are not hidden. */
function visibleRuns(from: number, to: number, hidden: ReadonlySet<number>): [number, number][] {
  const out: [number, number][] = [];
  for (let i = from; i <= to; i++) {
    if (hidden.has(i)) continue;
    const last = out[out.length - 1];
    if (last && last[1] === i - 1) last[1] = i;
    else out.push([i, i]);
  }
  return out;
}

/** A sheet's name as an address gives it: quoted (with ' doubled) when it holds more than letters, digits, _ and . */
const sheetPrefix = (name: string) => (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`);

const areaAddress = (a: Area) => (a.r0 === a.r1 && a.c0 === a.c1 ? a1(a.r0, a.c0) : `${a1(a.r0, a.c0)}:${a1(a.r1, a.c1)}`);

export class FakeRange extends Loadable {
  private data: Record<string, unknown> = {};
  private readonly nullFlag: NullObjectFlag;
  constructor(
    private ctx: FakeContext,
    private sheet: FakeSheet,
    private areas: Area[],
    isNull = false,
  ) {
    super();
    this.nullFlag = new NullObjectFlag(ctx, isNull);
  }
  get isNullObject(): boolean {
    return this.nullFlag.get();
  }
  private get area(): Area {
    return this.areas[0]!;
  }
  get values(): Raw[][] {
    return this.got("values", this.data.values as Raw[][]);
  }
  set values(v: Raw[][]) {
    this.write("values", v, (r, c, x) => {
      this.sheet.setCell(r, c, x);
      this.sheet.formulas.delete(a1(r, c));
    });
  }
  get numberFormat(): string[][] {
    return this.got("numberFormat", this.data.numberFormat as string[][]);
  }
  set numberFormat(v: string[][]) {
    this.write("numberFormat", v, (r, c, x) => this.sheet.setFormat(r, c, String(x)));
  }
  get formulas(): Raw[][] {
    return this.got("formulas", this.data.formulas as Raw[][]);
  }
  /** A text starting with "=" is kept as the cell's formula (its value is not computed here); anything else is a constant. */
  set formulas(v: Raw[][]) {
    this.write("formulas", v, (r, c, x) => {
      if (typeof x === "string" && x.startsWith("=")) this.sheet.formulas.set(a1(r, c), x);
      else {
        this.sheet.formulas.delete(a1(r, c));
        this.sheet.setCell(r, c, x);
      }
    });
  }
  /** Queue a write of a 2-D array over the first area, in order with the other queued commands. */
  private write(prop: string, v: unknown[][], set: (r: number, c: number, x: Raw) => void): void {
    const a = this.area;
    this.ctx.calls.push(`range.${prop}=(${areaAddress(a)})`);
    this.ctx.queue((a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1), () => {
      for (let i = 0; i <= a.r1 - a.r0; i++) for (let j = 0; j <= a.c1 - a.c0; j++) set(a.r0 + i, a.c0 + j, v[i]![j] as Raw);
    });
  }
  get rowIndex(): number {
    return this.got("rowIndex", this.area.r0);
  }
  get columnIndex(): number {
    return this.got("columnIndex", this.area.c0);
  }
  get rowCount(): number {
    return this.got("rowCount", this.area.r1 - this.area.r0 + 1);
  }
  get columnCount(): number {
    return this.got("columnCount", this.area.c1 - this.area.c0 + 1);
  }
  get address(): string {
    return this.got("address", this.data.address as string);
  }
  /** Range.rowHidden (ExcelApi 1.2): true when every row of the range is hidden, false when none is, null for a mix. */
  get rowHidden(): boolean | null {
    return this.got("rowHidden", this.data.rowHidden as boolean | null);
  }
  get columnHidden(): boolean | null {
    return this.got("columnHidden", this.data.columnHidden as boolean | null);
  }
  load(props: string): this {
    this.ctx.calls.push(`range.load(${props})`);
    const names = props.split(",").map((p) => p.trim());
    const a = this.areas[0] ?? { r0: 0, c0: 0, r1: -1, c1: -1 };
    // The payload: values and formats count a cell each; the address of a multi-area range (visible cells) an area each.
    const cellProps = names.some((n) => n === "values" || n === "numberFormat" || n === "formulas");
    const cells = cellProps ? (a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1) : names.includes("address") && this.areas.length > 1 ? this.areas.length : 0;
    this.ctx.queue(cells, () => {
      const slice = <T>(m: T[][], empty: T) =>
        Array.from({ length: a.r1 - a.r0 + 1 }, (_, i) => Array.from({ length: a.c1 - a.c0 + 1 }, (_, j) => m[a.r0 + i]?.[a.c0 + j] ?? empty));
      // Only what was asked for: a load of rowHidden over 200,000 rows copies no cells.
      if (cellProps) {
        this.data.values = slice(this.sheet.values, "");
        this.data.numberFormat = slice(this.sheet.numberFormats, "General");
        this.data.formulas = (this.data.values as Raw[][]).map((row, i) => row.map((v, j) => this.sheet.formulas.get(a1(a.r0 + i, a.c0 + j)) ?? v));
      }
      this.data.address = this.areas.map((x) => `${sheetPrefix(this.sheet.name)}!${areaAddress(x)}`).join(",");
      this.data.rowHidden = allOrNone(a.r0, a.r1, this.sheet.hiddenRows);
      this.data.columnHidden = allOrNone(a.c0, a.c1, this.sheet.hiddenCols);
      for (const n of names) this.loaded.add(n);
    });
    return this;
  }
  get dataValidation(): FakeDataValidation {
    if (this.ctx.apiVersion < 8) return undefined as never;
    return new FakeDataValidation(this.ctx, this.sheet, this.area);
  }
  /** The part of this range that holds values (ExcelApi 1.4), or a null object. */
  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    this.ctx.calls.push(`range.getUsedRangeOrNullObject(${valuesOnly})`);
    const a = this.area;
    let box: Area | null = null;
    for (let r = a.r0; r <= Math.min(a.r1, this.sheet.values.length - 1); r++) {
      const row = this.sheet.values[r] ?? [];
      for (let c = a.c0; c <= Math.min(a.c1, row.length - 1); c++) {
        if (row[c] === "") continue;
        box = box ? { r0: Math.min(box.r0, r), c0: Math.min(box.c0, c), r1: Math.max(box.r1, r), c1: Math.max(box.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
      }
    }
    return new FakeRange(this.ctx, this.sheet, box ? [box] : [], box === null);
  }
  /**
   * The visible cells of the range (ExcelApi 1.9) as Excel gives them: one area per run of visible
   * rows and run of visible columns, or a null object when no cell is visible. Only "Visible" is
   * played here. Before 1.9 the sync carrying it fails with ApiNotFound.
   */
  getSpecialCellsOrNullObject(cellType: string): FakeRange {
    this.ctx.calls.push(`getSpecialCellsOrNullObject(${cellType})`);
    if (cellType !== "Visible") throw new Error(`the fake plays getSpecialCellsOrNullObject("Visible") only, not ${cellType}`);
    if (this.ctx.apiVersion < 9) {
      this.ctx.queue(0, () => {
        throw officeError("ApiNotFound", "getSpecialCellsOrNullObject needs ExcelApi 1.9");
      });
      return new FakeRange(this.ctx, this.sheet, [], true);
    }
    const a = this.area;
    const rows = visibleRuns(a.r0, a.r1, this.sheet.hiddenRows);
    const cols = visibleRuns(a.c0, a.c1, this.sheet.hiddenCols);
    const areas = rows.flatMap(([r0, r1]) => cols.map(([c0, c1]) => ({ r0, c0, r1, c1 })));
    return new FakeRange(this.ctx, this.sheet, areas, areas.length === 0);
  }
  getMergedAreasOrNullObject(): FakeRange {
    this.ctx.calls.push("getMergedAreasOrNullObject");
    const inside = this.sheet.merges.map((m) => parseRange(m)!).filter((m) => m.r0 >= this.area.r0 && m.r1 <= this.area.r1);
    return new FakeRange(this.ctx, this.sheet, inside, inside.length === 0);
  }
  select(): void {
    this.ctx.calls.push(`select(${areaAddress(this.area)})`);
    this.ctx.queue(0, () => (this.sheet.selected = areaAddress(this.area)));
  }
  /** A range of rows × cols from this range's top-left cell (ExcelApi 1.7). */
  getAbsoluteResizedRange(rows: number, cols: number): FakeRange {
    this.ctx.calls.push(`getAbsoluteResizedRange(${rows},${cols})`);
    const a = this.area;
    return new FakeRange(this.ctx, this.sheet, [{ r0: a.r0, c0: a.c0, r1: a.r0 + rows - 1, c1: a.c0 + cols - 1 }]);
  }
  /** Cell properties (ExcelApi 1.9): here the font colour only, from the clerk's direct formats; readable after a sync. */
  getCellProperties(spec: { format?: { font?: { color?: boolean } } }): { value: { format: { font: { color: string } } }[][] } {
    if (this.ctx.apiVersion < 9) throw new Error("ApiNotFound: getCellProperties needs ExcelApi 1.9");
    this.ctx.calls.push(`getCellProperties(${JSON.stringify(spec)})`);
    const a = this.area;
    let value: { format: { font: { color: string } } }[][] | null = null;
    this.ctx.queue((a.r1 - a.r0 + 1) * (a.c1 - a.c0 + 1), () => {
      value = Array.from({ length: a.r1 - a.r0 + 1 }, (_, i) =>
        Array.from({ length: a.c1 - a.c0 + 1 }, (_, j) => ({ format: { font: { color: this.sheet.formats.get(a1(a.r0 + i, a.c0 + j))?.font ?? "#000000" } } })),
      );
    });
    return {
      get value() {
        if (!value) throw new NotLoaded("cellProperties");
        return value;
      },
    };
  }
  get conditionalFormats(): FakeRuleCollection {
    return new FakeRuleCollection(this.ctx, this.sheet, this.areas.map(areaAddress).join(","));
  }
}

/** Range.dataValidation (ExcelApi 1.8), read-only: type and rule of the range's list validation. */
class FakeDataValidation extends Loadable {
  private _type = "None";
  private _rule: { list?: { inCellDropDown: boolean; source: string } } = {};
  constructor(
    private ctx: FakeContext,
    private sheet: FakeSheet,
    private area: Area,
  ) {
    super();
  }
  get type(): string {
    return this.got("type", this._type);
  }
  get rule(): { list?: { inCellDropDown: boolean; source: string } } {
    return this.got("rule", this._rule);
  }
  load(props: string): this {
    this.ctx.calls.push(`dataValidation.load(${props})`);
    this.ctx.queue(0, () => {
      if (this.ctx.failDataValidation) throw new Error("GeneralException: data validation refused");
      const a = this.area;
      const sources = new Set<string | null>();
      for (let r = a.r0; r <= a.r1; r++)
        for (let c = a.c0; c <= a.c1; c++) {
          const v = this.sheet.validations.find((x) => {
            const b = parseRange(x.address)!;
            return r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1;
          });
          sources.add(v?.source ?? null);
        }
      const [only] = [...sources];
      if (sources.size > 1) this._type = "Inconsistent";
      else if (only) {
        this._type = "List";
        this._rule = { list: { inCellDropDown: true, source: only } };
      }
      for (const p of props.split(",")) this.loaded.add(p.trim());
    });
    return this;
  }
}

class FakeRuleCollection extends Loadable {
  private _items: FakeRuleProxy[] = [];
  constructor(
    private ctx: FakeContext,
    private sheet: FakeSheet,
    private address: string,
  ) {
    super();
  }
  get items(): FakeRuleProxy[] {
    return this.got("items", this._items);
  }
  add(type: string): FakeRuleProxy {
    this.ctx.calls.push(`conditionalFormats.add(${type})`);
    const rule: FakeRule = { id: this.ctx.newId(), type, formula: null, fill: null, font: null, address: this.address };
    const proxy = new FakeRuleProxy(this.ctx, this.sheet, rule);
    this.ctx.queue(0, () => this.sheet.rules.push(rule));
    return proxy;
  }
  load(props: string): this {
    this.ctx.calls.push(`conditionalFormats.load(${props})`);
    this.ctx.queue(0, () => {
      this._items = this.sheet.rules.map((r) => new FakeRuleProxy(this.ctx, this.sheet, r, true));
      this.loaded.add("items");
    });
    return this;
  }
}

class FakeRuleProxy {
  readonly custom: {
    rule: { formula: string; load: (p: string) => void };
    format: { fill: { color: string }; font: { color: string } };
  };
  private formulaLoaded = false;
  constructor(
    private ctx: FakeContext,
    private sheet: FakeSheet,
    private rule: FakeRule,
    private listed = false,
  ) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- getters below need the proxy, not the literal
    const self = this;
    this.custom = {
      rule: {
        get formula() {
          if (self.listed && !self.formulaLoaded) throw new NotLoaded("formula");
          return self.rule.formula ?? "";
        },
        set formula(v: string) {
          self.rule.formula = v;
        },
        load: (p: string) => {
          ctx.calls.push(`rule.load(${p})`);
          ctx.queue(0, () => (self.formulaLoaded = true));
        },
      },
      format: {
        fill: {
          get color() {
            return self.rule.fill ?? "";
          },
          set color(v: string) {
            self.rule.fill = v;
          },
        },
        font: {
          get color() {
            return self.rule.font ?? "";
          },
          set color(v: string) {
            self.rule.font = v;
          },
        },
      },
    };
  }
  get id(): string {
    return this.rule.id;
  }
  get type(): string {
    return this.rule.type;
  }
  load(_p: string): void {
    this.ctx.calls.push(`cf.load(${_p})`);
  }
  delete(): void {
    this.ctx.calls.push(`cf.delete(${this.rule.id})`);
    this.ctx.queue(0, () => (this.sheet.rules = this.sheet.rules.filter((r) => r !== this.rule)));
  }
}

/**
 * Excel.run over the fake: a new request context per run, ended when the batch settles (as
 * Excel.run does); `Excel.run(context, batch)` runs the batch on an existing one instead.
 */
export function fakeRun(ctx: FakeContext) {
  return async <T>(batch: (c: Excel.RequestContext) => Promise<T>, reuse?: Excel.RequestContext): Promise<T> => {
    if (reuse) return batch(reuse);
    const run = ctx.fork();
    try {
      return await batch(run as unknown as Excel.RequestContext);
    } finally {
      run.ended = true;
    }
  };
}
