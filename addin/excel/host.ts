import type { CellSnapshot, CellWrite, LedgerHost, Mark, SheetChange, SummaryTable } from "../host/types.js";
import type { SheetGrid } from "../../shared/grid/types.js";
import { addMarks, clearMarks } from "./marks.js";
import { readSheet, readSheetRows, type ReadOptions } from "./read.js";
import type { ExcelSupport } from "./requirements.js";
import { writeSummarySheet } from "./summary.js";
import { changedRows } from "./events.js";
import { restoreCellValues, writeCellValues } from "./write-cells.js";
import { redCellsIn } from "./header-fonts.js";

/**
 * Excel.run: a new request context per batch, or, given `reuse`, the batch on that existing
 * context (`Excel.run(context, batch)`), which is how an event handler is removed.
 */
export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>, reuse?: Excel.RequestContext) => Promise<T>;

/** The only object in the pane that calls Office.js; everything else sees a LedgerHost. */
export class ExcelHost implements LedgerHost {
  readonly kind = "excel" as const;
  /** Ids of the conditional formats this session added, per sheet. */
  private readonly added = new Map<string, Set<string>>();

  constructor(
    private readonly run: ExcelRun,
    private readonly support: ExcelSupport,
    private readonly readOptions: ReadOptions = {},
  ) {}

  readActiveSheet(): Promise<SheetGrid | null> {
    return this.run((ctx) => readSheet(ctx, ctx.workbook.worksheets.getActiveWorksheet(), this.support, this.readOptions));
  }

  readSheet(name: string): Promise<SheetGrid | null> {
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
      await ctx.sync();
      return ws.isNullObject ? null : readSheet(ctx, ws, this.support, this.readOptions);
    });
  }

  /** The other visible sheets in one context: 1 sync for the list, then each sheet as readSheet reads it. */
  readOtherSheets(except: string): Promise<SheetGrid[]> {
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/name,items/visibility");
      await ctx.sync();
      const out: SheetGrid[] = [];
      for (const item of sheets.items) {
        if (item.name === except || item.visibility !== "Visible") continue;
        out.push(await readSheet(ctx, sheets.getItem(item.name), this.support, this.readOptions));
      }
      return out;
    });
  }

  redCells(sheet: string): Promise<{ row: number; col: number }[]> {
    return this.run((ctx) => redCellsIn(ctx, ctx.workbook.worksheets.getItem(sheet), this.support));
  }

  readRows(sheet: string, first: number, last: number): Promise<SheetGrid> {
    return this.run((ctx) => readSheetRows(ctx, ctx.workbook.worksheets.getItem(sheet), first, last, this.support, this.readOptions));
  }

  async mark(sheet: string, marks: Mark[]): Promise<void> {
    await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      await clearMarks(ctx, ws, this.added.get(sheet));
      const ids = await addMarks(ctx, ws, marks, this.support);
      this.added.set(sheet, new Set(ids));
    });
  }

  async clearMarks(sheet: string): Promise<void> {
    await this.run((ctx) => clearMarks(ctx, ctx.workbook.worksheets.getItem(sheet), this.added.get(sheet)));
    this.added.delete(sheet);
  }

  select(sheet: string, cell: string): Promise<void> {
    return this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(cell).select();
      await ctx.sync();
    });
  }

  /**
   * Edits in any sheet (workbook.worksheets.onChanged, ExcelApi 1.9), named by sheet; without
   * 1.9 only one sheet (worksheet.onChanged, 1.7): `sheet`, the one the pane shows, else the
   * active one. One sync to register; the sheets' names ride along, and an event from a sheet
   * added since costs one sync to name it.
   */
  async onChanged(handler: (change: SheetChange) => void, sheet?: string): Promise<() => Promise<void>> {
    let listening = true;
    const filtered = (change: SheetChange) => {
      if (listening) handler(change);
    };
    const registration = this.support.worksheetsOnChanged ? await this.onAnySheetChanged(filtered) : await this.onOneSheetChanged(filtered, sheet);
    let removed: Promise<void> | null = null;
    // Office.js: a handler is removed on the request context that added it, and only its sync applies it.
    // Until then (and if it fails) the handler stays registered but says nothing.
    return () =>
      (removed ??= (async () => {
        listening = false;
        await this.run(async (ctx) => {
          registration.remove();
          await ctx.sync();
        }, registration.context as Excel.RequestContext).catch(() => undefined);
      })());
  }

  private onOneSheetChanged(handler: (change: SheetChange) => void, sheet?: string): Promise<OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>> {
    const support = this.support;
    return this.run(async (ctx) => {
      const ws = sheet ? ctx.workbook.worksheets.getItem(sheet) : ctx.workbook.worksheets.getActiveWorksheet();
      ws.load("name");
      const result = ws.onChanged.add(async (event) => {
        const change = changedRows(event, ws.name, support);
        if (change) handler(change);
      });
      await ctx.sync();
      return result;
    });
  }

  private onAnySheetChanged(handler: (change: SheetChange) => void): Promise<OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>> {
    const support = this.support;
    const names = new Map<string, string>();
    const nameOf = async (id: string): Promise<string | null> => {
      const known = names.get(id);
      if (known !== undefined) return known;
      try {
        const name = await this.run(async (ctx) => {
          const ws = ctx.workbook.worksheets.getItem(id);
          ws.load("name");
          await ctx.sync();
          return ws.name;
        });
        names.set(id, name);
        return name;
      } catch {
        return null; // deleted meanwhile
      }
    };
    return this.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets;
      sheets.load("items/id,items/name");
      const result = sheets.onChanged.add(async (event) => {
        if (support.triggerSource && event.triggerSource === "ThisLocalAddin") return;
        const name = await nameOf(event.worksheetId);
        if (name === null) return;
        const change = changedRows(event, name, support);
        if (change) handler(change);
      });
      await ctx.sync();
      for (const ws of sheets.items) names.set(ws.id, ws.name);
      return result;
    });
  }

  writeSummary(table: SummaryTable): Promise<boolean> {
    return this.run((ctx) => writeSummarySheet(ctx, table));
  }

  writeCells(sheet: string, cells: CellWrite[]): Promise<CellSnapshot[]> {
    return this.run((ctx) => writeCellValues(ctx, ctx.workbook.worksheets.getItem(sheet), cells));
  }

  restoreCells(sheet: string, snapshots: CellSnapshot[]): Promise<void> {
    return this.run((ctx) => restoreCellValues(ctx, ctx.workbook.worksheets.getItem(sheet), snapshots));
  }
}
