import type { LedgerHost, Mark, SheetChange, SummaryTable } from "../host/types.js";
import type { SheetGrid } from "../../shared/grid/types.js";
import { addMarks, clearMarks } from "./marks.js";
import { readSheet, readSheetRows, type ReadOptions } from "./read.js";
import type { ExcelSupport } from "./requirements.js";
import { writeSummarySheet } from "./summary.js";
import { changedRows } from "./events.js";

export type ExcelRun = <T>(batch: (ctx: Excel.RequestContext) => Promise<T>) => Promise<T>;

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

  async onChanged(handler: (change: SheetChange) => void): Promise<() => void> {
    const support = this.support;
    const registration = await this.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getActiveWorksheet();
      ws.load("name");
      const result = ws.onChanged.add(async (event) => {
        const change = changedRows(event, ws.name, support);
        if (change) handler(change);
      });
      await ctx.sync();
      return result;
    });
    return () => {
      void this.run(async (ctx) => {
        registration.remove();
        await ctx.sync();
      });
    };
  }

  writeSummary(table: SummaryTable): Promise<boolean> {
    return this.run((ctx) => writeSummarySheet(ctx, table));
  }
}
