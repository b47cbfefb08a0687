import { describe, expect, it } from "vitest";
import { ExcelHost } from "../../../addin/excel/host.js";
import { FULL_SUPPORT, detectSupport } from "../../../addin/excel/requirements.js";
import { checkSheet, type SheetGrid } from "../../../shared/index.js";
import { readWorkbookFile } from "../../../shared/reader/index.js";
import { buildXlsx, rowXml } from "../../fixtures/xlsx-parts.js";
import { FakeContext, FakeSheet, fakeRun } from "./fake-excel.js";

/**
 * Rows and columns the clerk hid, as the pane reads them: they ride with the first chunk of values
 * (no sync of their own), and where the host cannot tell, the grid says so rather than "none hidden".
 */
const noYield = { yieldBetweenChunks: async () => {} };
const hostOn = (ctx: FakeContext, support = FULL_SUPPORT) => new ExcelHost(fakeRun(ctx), support, noYield);
/** The support an Excel of ExcelApi 1.x reports, from the fake's own version. */
const supportOf = (ctx: FakeContext) => detectSupport((v) => Number(v.split(".")[1]) <= ctx.apiVersion);

function roster(rows: number): FakeSheet {
  const header = ["序号", "姓名", "性别", "党小组", "备注"];
  const body = Array.from({ length: rows - 1 }, (_, i) => [i + 1, `党员${i + 1}`, i % 2 ? "女" : "男", "第一党小组", "x"]);
  return FakeSheet.withRows("花名册", [header, ...body]);
}

describe("Excel adapter: hidden rows and columns", () => {
  it("reads which rows and columns are hidden in the same 2 syncs as the values", async () => {
    const sheet = roster(12);
    // Rows 5, 8 and 9 of the sheet (0-based 4, 7, 8) and column C (2) are hidden.
    for (const r of [4, 7, 8]) sheet.hiddenRows.add(r);
    sheet.hiddenCols.add(2);
    const ctx = new FakeContext([sheet]);
    const grid = await hostOn(ctx).readActiveSheet();
    expect(ctx.syncs).toBe(2);
    expect(grid!.hiddenRows).toEqual([4, 7, 8]);
    expect(grid!.hiddenCols).toEqual([2]);
    expect(grid!.hiddenRowsUnknown).toBeUndefined();
    // A hidden row is still read cell by cell.
    expect(grid!.values[4]).toEqual([4, "党员4", "女", "第一党小组", "x"]);
  });

  it("reads the visible areas of a sheet whose name Excel quotes in addresses (a comma, a space, a quote)", async () => {
    const sheet = roster(10);
    sheet.name = "一支部 党员,名册's";
    for (const r of [2, 6]) sheet.hiddenRows.add(r);
    sheet.hiddenCols.add(3);
    const grid = await hostOn(new FakeContext([sheet])).readActiveSheet();
    expect(grid!.hiddenRows).toEqual([2, 6]);
    expect(grid!.hiddenCols).toEqual([3]);
  });

  it("says nothing of hidden lines when none is hidden", async () => {
    const ctx = new FakeContext([roster(6)]);
    const grid = await hostOn(ctx).readActiveSheet();
    expect(ctx.syncs).toBe(2);
    expect(grid).not.toHaveProperty("hiddenRows");
    expect(grid).not.toHaveProperty("hiddenCols");
    expect(grid).not.toHaveProperty("hiddenRowsUnknown");
  });

  it("tells hidden rows beside a hidden first column, and rows of a sheet whose every column is hidden", async () => {
    const sheet = roster(6);
    sheet.hiddenCols.add(0);
    sheet.hiddenRows.add(3);
    expect((await hostOn(new FakeContext([sheet])).readActiveSheet())!).toMatchObject({ hiddenRows: [3], hiddenCols: [0] });
    // No cell visible at all: every column hidden, no row hidden (Range.rowHidden says false).
    const bare = roster(4);
    for (const c of [0, 1, 2, 3, 4]) bare.hiddenCols.add(c);
    const grid = (await hostOn(new FakeContext([bare])).readActiveSheet())!;
    expect(grid.hiddenCols).toEqual([0, 1, 2, 3, 4]);
    expect(grid.hiddenRows).toBeUndefined();
    expect(grid.hiddenRowsUnknown).toBeUndefined();
  });

  it("reads 20,000 rows × 5 with 12 hidden in 1 + k syncs, as many as with none hidden", async () => {
    const plain = new FakeContext([roster(20_000)]);
    await hostOn(plain).readActiveSheet();
    const sheet = roster(20_000);
    const hidden = [3, 4, 5, 900, 901, 5_000, 12_345, 12_346, 18_000, 19_997, 19_998, 19_999];
    for (const r of hidden) sheet.hiddenRows.add(r);
    const ctx = new FakeContext([sheet]);
    const grid = await hostOn(ctx).readActiveSheet();
    // 20,000 × 5 = 100,000 cells: one chunk, so 1 sync for the extent and 1 for everything else.
    expect(plain.syncs).toBe(2);
    expect(ctx.syncs).toBe(2);
    expect(grid!.hiddenRows).toEqual(hidden);
    expect(grid!.values).toHaveLength(20_000);
    // One visible-cells object for the whole block, not one range per row.
    expect(ctx.calls.filter((c) => c.startsWith("getSpecialCellsOrNullObject"))).toEqual(["getSpecialCellsOrNullObject(Visible)"]);
    expect(ctx.calls.filter((c) => c.startsWith("getRangeByIndexes"))).toHaveLength(3);
    console.log(`[measure] 20000 rows, 12 hidden: ${ctx.syncs} context.sync calls (${plain.syncs} with none hidden)`);
  });

  it("before ExcelApi 1.9: a mix of hidden and shown rows is reported as unknown, in the same 2 syncs", async () => {
    const sheet = roster(8);
    sheet.hiddenRows.add(5);
    const ctx = new FakeContext([sheet]);
    ctx.apiVersion = 8;
    const grid = await hostOn(ctx, supportOf(ctx)).readActiveSheet();
    expect(ctx.syncs).toBe(2);
    expect(ctx.calls).not.toContain("getSpecialCellsOrNullObject(Visible)");
    expect(grid!.hiddenRowsUnknown).toBe(true);
    expect(grid!.hiddenRows).toBeUndefined();
    expect(grid!.values).toHaveLength(8);
  });

  it("before ExcelApi 1.9: none hidden, or every row hidden, is still known (Range.rowHidden, 1.2)", async () => {
    const none = new FakeContext([roster(8)]);
    none.apiVersion = 8;
    expect(await hostOn(none, supportOf(none)).readActiveSheet()).not.toHaveProperty("hiddenRowsUnknown");
    const sheet = roster(3);
    for (const r of [0, 1, 2]) sheet.hiddenRows.add(r);
    const all = new FakeContext([sheet]);
    all.apiVersion = 8;
    const grid = await hostOn(all, supportOf(all)).readActiveSheet();
    expect(grid!.hiddenRows).toEqual([0, 1, 2]);
    expect(grid!.hiddenRowsUnknown).toBeUndefined();
  });

  it("a host that refuses the visible cells (ApiNotFound) is read again without them and says the rows are unknown", async () => {
    const sheet = roster(8);
    sheet.hiddenRows.add(5);
    const ctx = new FakeContext([sheet]);
    ctx.apiVersion = 8;
    // The pane believed it had ExcelApi 1.9: extent, then the refused batch, without the lists, without the hidden rows.
    const grid = await hostOn(ctx, FULL_SUPPORT).readActiveSheet();
    expect(ctx.syncs).toBe(4);
    expect(grid!.hiddenRowsUnknown).toBe(true);
    expect(grid!.values).toHaveLength(8);
  });

  it("visible cells too many for one response are dropped (rows unknown), and the values are still read whole", async () => {
    const sheet = roster(2_000);
    // Every other row hidden: 1,000 visible areas, more than the host takes with even one row of values.
    for (let r = 1; r < 2_000; r += 2) sheet.hiddenRows.add(r);
    const ctx = new FakeContext([sheet]);
    ctx.maxCellsPerSync = 600;
    const grid = await hostOn(ctx).readActiveSheet();
    expect(grid!.hiddenRowsUnknown).toBe(true);
    expect(grid!.hiddenRows).toBeUndefined();
    expect(grid!.values.map((r) => r[1])).toEqual(["姓名", ...Array.from({ length: 1_999 }, (_, i) => `党员${i + 1}`)]);
    expect(Math.max(...ctx.cellsPerSync)).toBeLessThanOrEqual(600);
    // 1 for the extent; 11 refused while halving 2,000 rows down to 1 with the 1,000 areas on board;
    // then, without them, back to 2,000 rows: 5 refused (10,000 … 625 cells) and 33 chunks of 62 rows.
    expect(ctx.syncs).toBe(1 + 11 + 5 + 33);
  });

  it("the fake holds to Office.js: rowHidden and the visible cells are readable only after load and sync", async () => {
    const sheet = roster(4);
    sheet.hiddenRows.add(2);
    const ctx = new FakeContext([sheet]);
    const ws = ctx.workbook.worksheets.getActiveWorksheet();
    const range = ws.getRangeByIndexes(0, 0, 4, 5);
    expect(() => range.rowHidden).toThrow(/PropertyNotLoaded/);
    const visible = range.getSpecialCellsOrNullObject("Visible");
    visible.load("address");
    range.load("rowHidden,columnHidden");
    expect(() => visible.isNullObject).toThrow(/PropertyNotLoaded/);
    expect(() => visible.address).toThrow(/PropertyNotLoaded/);
    await ctx.sync();
    expect(range.rowHidden).toBeNull();
    expect(range.columnHidden).toBe(false);
    expect(visible.isNullObject).toBe(false);
    expect(visible.address).toBe("花名册!A1:E2,花名册!A4:E4");
  });
});

describe("the pane and the CLI agree on a sheet with a member hidden", () => {
  // A roster whose 合计 counts the members the clerk sees: 丙 (row 5) left and is hidden.
  const rows: (string | number)[][] = [
    ["某支部党员花名册"],
    ["序号", "姓名", "性别", "出生日期", "入党时间", "党小组"],
    [1, "甲", "男", "1980-01-01", "2010-07-01", "第一党小组"],
    [2, "乙", "女", "1982-03-01", "2011-07-01", "第一党小组"],
    [3, "丙", "男", "1975-05-01", "2005-07-01", "第一党小组"],
    [4, "丁", "男", "1985-09-01", "2015-07-01", "第二党小组"],
    ["合计：党员3人"],
  ];
  const HIDDEN_ROW = 4; // 0-based: sheet row 5, 丙
  const asOf = { asOf: "2025-12-31" };
  const derived = (findings: { code: string; cell: string | null }[]) => findings.filter((f) => f.code.startsWith("derived.")).map((f) => `${f.cell} ${f.code}`);

  function fromXlsx(): SheetGrid {
    const xml = rows.map((r, i) => (i === HIDDEN_ROW ? rowXml(i + 1, r).replace(`<row r="${i + 1}">`, `<row r="${i + 1}" hidden="1">`) : rowXml(i + 1, r)));
    return readWorkbookFile(buildXlsx([{ name: "花名册", body: `<sheetData>${xml.join("")}</sheetData>` }])).sheets[0]!;
  }

  async function fromPane(support = FULL_SUPPORT, apiVersion = 99): Promise<SheetGrid> {
    const sheet = FakeSheet.withRows("花名册", rows);
    sheet.hiddenRows.add(HIDDEN_ROW);
    const ctx = new FakeContext([sheet]);
    ctx.apiVersion = apiVersion;
    return (await hostOn(ctx, support).readActiveSheet())!;
  }

  it("both readers see row 5 hidden, and the engine finds the same on both grids: 合计：党员3人 agrees", async () => {
    const cli = fromXlsx();
    const pane = await fromPane();
    expect(cli.hiddenRows).toEqual([HIDDEN_ROW]);
    expect(pane.hiddenRows).toEqual([HIDDEN_ROW]);
    const cliFindings = checkSheet(cli, asOf).findings;
    const paneFindings = checkSheet(pane, asOf).findings;
    expect(checkSheet(pane, asOf).report.kind).toBe("roster");
    expect(derived(paneFindings)).toEqual([]);
    expect(paneFindings).toEqual(cliFindings);
  });

  it("a pane that cannot tell the hidden rows counts all four and says the 合计 may be wrong, not that it is (a warning, its grid saying why)", async () => {
    const ctx = new FakeContext([]);
    ctx.apiVersion = 8;
    const pane = await fromPane(supportOf(ctx), 8);
    expect(pane.hiddenRowsUnknown).toBe(true);
    const findings = checkSheet(pane, asOf).findings;
    expect(derived(findings)).toEqual(["A7 derived.countMismatchHiddenUnknown"]);
    expect(findings.find((f) => f.code === "derived.countMismatchHiddenUnknown")!.severity).toBe("warning");
  });
});
