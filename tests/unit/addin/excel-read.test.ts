import { describe, expect, it } from "vitest";
import { ExcelHost } from "../../../addin/excel/host.js";
import { FULL_SUPPORT } from "../../../addin/excel/requirements.js";
import { planChunks } from "../../../addin/excel/chunks.js";
import { FakeContext, FakeSheet, fakeRun } from "./fake-excel.js";

const noYield = { yieldBetweenChunks: async () => {} };

function ledger(rows: number, cols: number): FakeSheet {
  const header = Array.from({ length: cols }, (_, j) => `列${j + 1}`);
  const body = Array.from({ length: rows - 1 }, (_, i) => Array.from({ length: cols }, (_, j) => (j === 0 ? `党员${i}` : i * cols + j)));
  return FakeSheet.withRows("花名册", [header, ...body]);
}

describe("Excel adapter: reading the active sheet", () => {
  it("reads 1,000 rows in 2 syncs: extent, then values + number formats + merges + hidden rows", async () => {
    const sheet = ledger(1000, 10);
    sheet.values[5]![3] = "#REF!";
    sheet.values[6]![2] = "";
    sheet.numberFormats[7]![4] = "yyyy-mm-dd";
    sheet.merges = ["A1:B1"];
    const ctx = new FakeContext([sheet]);
    const grid = await new ExcelHost(fakeRun(ctx), FULL_SUPPORT, noYield).readActiveSheet();
    expect(ctx.syncs).toBe(2);
    // The chunk of values, the block for its merged areas, the block for its hidden rows: proxies, no sync each.
    expect(ctx.calls.filter((c) => c.startsWith("getRangeByIndexes"))).toEqual(["getRangeByIndexes(0,0,1000,10)", "getRangeByIndexes(0,0,1000,10)", "getRangeByIndexes(0,0,1000,10)"]);
    expect(grid!.name).toBe("花名册");
    expect(grid!.origin).toEqual({ row: 0, col: 0 });
    expect(grid!.values).toHaveLength(1000);
    expect(grid!.values[0]![0]).toBe("列1");
    expect(grid!.values[5]![3]).toEqual({ error: "#REF!" });
    expect(grid!.values[6]![2]).toBeNull();
    expect(grid!.numberFormats![7]![4]).toBe("yyyy-mm-dd");
    expect(grid!.numberFormats![7]![3]).toBeNull();
    expect(grid!.merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: 1 }]);
  });

  it("returns an empty grid for an empty sheet in 1 sync", async () => {
    const ctx = new FakeContext([new FakeSheet("空表")]);
    const grid = await new ExcelHost(fakeRun(ctx), FULL_SUPPORT, noYield).readActiveSheet();
    expect(ctx.syncs).toBe(1);
    expect(grid!.values).toEqual([]);
  });

  it("skips merged areas without ExcelApi 1.13", async () => {
    const sheet = ledger(10, 3);
    sheet.merges = ["A1:B1"];
    const ctx = new FakeContext([sheet]);
    const grid = await new ExcelHost(fakeRun(ctx), { ...FULL_SUPPORT, mergedAreas: false }, noYield).readActiveSheet();
    expect(grid!.merges).toBeUndefined();
    expect(ctx.calls).not.toContain("getMergedAreasOrNullObject");
  });

  for (const rows of [20_000, 200_000]) {
    it(`reads ${rows.toLocaleString("en")} rows × 15 columns in 1 + k syncs, k chunks of ≤ 100,000 cells`, async () => {
      const ctx = new FakeContext([ledger(rows, 15)]);
      const grid = await new ExcelHost(fakeRun(ctx), FULL_SUPPORT, noYield).readActiveSheet();
      const k = planChunks(rows, 15).length;
      expect(k).toBe(rows === 20_000 ? 4 : 31);
      expect(ctx.syncs).toBe(1 + k);
      expect(Math.max(...ctx.cellsPerSync)).toBeLessThanOrEqual(100_000);
      expect(grid!.values).toHaveLength(rows);
      expect(grid!.values[rows - 1]![0]).toBe(`党员${rows - 2}`);
      console.log(`[measure] ${rows} rows x 15 cols: ${ctx.syncs} context.sync calls (${k} chunks)`);
    });
  }

  it("halves a chunk the host refuses as too large and keeps the rows in order", async () => {
    const ctx = new FakeContext([ledger(5000, 10)]);
    ctx.maxCellsPerSync = 12_000;
    const grid = await new ExcelHost(fakeRun(ctx), FULL_SUPPORT, noYield).readActiveSheet();
    expect(grid!.values).toHaveLength(5000);
    expect(grid!.values.map((r) => r[0])).toEqual(["列1", ...Array.from({ length: 4999 }, (_, i) => `党员${i}`)]);
    expect(Math.max(...ctx.cellsPerSync)).toBeLessThanOrEqual(12_000);
  });

  it("re-reads only the changed rows across the used columns in 2 syncs", async () => {
    const ctx = new FakeContext([ledger(1000, 8)]);
    const rows = await new ExcelHost(fakeRun(ctx), FULL_SUPPORT, noYield).readRows("花名册", 10, 12);
    expect(ctx.syncs).toBe(2);
    expect(rows.origin).toEqual({ row: 9, col: 0 });
    expect(rows.values.map((r) => r[0])).toEqual(["党员8", "党员9", "党员10"]);
  });
});

describe("Excel adapter: the workbook's other sheets, for checking the shown one against them", () => {
  it("reads every other visible sheet in one context: 1 sync for the list, then 2 per small sheet; hidden ones left out", async () => {
    const roster = FakeSheet.withRows("花名册", [["姓名", "身份证号码"], ["王建华", "330106196803010011"]]);
    const dues = FakeSheet.withRows("党费", [["姓名", "1月"], ["王建华", 40]]);
    const meetings = FakeSheet.withRows("三会一课", [["会议类型", "会议时间"], ["支部党员大会", "2025-03-15"]]);
    const hidden = FakeSheet.withRows("旧表", [["姓名"], ["某某"]]);
    hidden.visibility = "Hidden";
    const veryHidden = FakeSheet.withRows("代码表", [["代码"], ["01"]]);
    veryHidden.visibility = "VeryHidden";
    const ctx = new FakeContext([roster, dues, hidden, meetings, veryHidden]);
    const grids = await new ExcelHost(fakeRun(ctx), FULL_SUPPORT, noYield).readOtherSheets("花名册");
    expect(grids.map((g) => g.name)).toEqual(["党费", "三会一课"]);
    expect(grids[0]!.values).toEqual([
      ["姓名", "1月"],
      ["王建华", 40],
    ]);
    expect(ctx.contexts).toBe(1);
    expect(ctx.syncs).toBe(1 + 2 * 2);
  });
});
