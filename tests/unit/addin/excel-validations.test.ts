import { describe, expect, it } from "vitest";
import { ExcelHost } from "../../../addin/excel/host.js";
import { FULL_SUPPORT, detectSupport } from "../../../addin/excel/requirements.js";
import { planChunks } from "../../../addin/excel/chunks.js";
import { MAX_LIST_CELLS, parseListSource } from "../../../addin/excel/validations.js";
import { checkOneSheet } from "../../../addin/engine/index.js";
import { FakeContext, FakeSheet, fakeRun } from "./fake-excel.js";

const noYield = { yieldBetweenChunks: async () => {} };

/** A roster with 性别 in B and 所在党支部 in D; lists in H (same sheet) and on 选项 (another sheet). */
function roster(rows: number): FakeSheet {
  const header = ["姓名", "性别", "出生日期", "所在党支部", "", "", "", "支部选项"];
  const body = Array.from({ length: rows - 1 }, (_, i) => [`党员${i}`, i % 2 ? "男" : "女", "1980-01-01", "第一党支部", "", "", "", i < 3 ? `第${"一二三"[i]}党支部` : ""]);
  return FakeSheet.withRows("花名册", [header, ...body]);
}

const options = () => FakeSheet.withRows("选项", [["类别"], ["正式党员"], ["预备党员"], ["正式党员"], [""]]);

describe("Excel adapter: drop-down lists (ExcelApi 1.8)", () => {
  it("reads a typed-in list with the first chunk: no extra sync", async () => {
    const sheet = roster(1000);
    sheet.validations = [{ address: "B2:B1000", source: "男,女" }];
    const ctx = new FakeContext([sheet]);
    const grid = await new ExcelHost(fakeRun(ctx), FULL_SUPPORT, noYield).readActiveSheet();
    expect(ctx.syncs).toBe(2);
    expect(grid!.validations).toEqual([{ ranges: [{ r0: 1, c0: 1, r1: 999, c1: 1 }], values: ["男", "女"] }]);
    // One cell per column in each probed row, not per row of the sheet.
    expect(ctx.calls.filter((c) => c.startsWith("dataValidation.load"))).toHaveLength(5 * 8);
  });

  it("reads range sources (same sheet, another sheet) in 1 more sync, and columns sharing a source share an entry", async () => {
    const sheet = roster(1000);
    sheet.validations = [
      { address: "D2:D1000", source: "=$H$2:$H$9" },
      { address: "A3:A1000", source: "=选项!$A$2:$A$5" },
      { address: "C3:C1000", source: "=选项!$A$2:$A$5" },
      { address: "F2:F1000", source: "='选项'!$A$1:$A$2" },
    ];
    const ctx = new FakeContext([sheet, options()]);
    const grid = await new ExcelHost(fakeRun(ctx), FULL_SUPPORT, noYield).readActiveSheet();
    expect(ctx.syncs).toBe(3);
    expect(grid!.validations).toEqual([
      { ranges: [{ r0: 1, c0: 3, r1: 999, c1: 3 }], values: ["第一党支部", "第二党支部", "第三党支部"] },
      { ranges: [{ r0: 1, c0: 5, r1: 999, c1: 5 }], values: ["类别", "正式党员"] },
      {
        ranges: [
          { r0: 2, c0: 0, r1: 999, c1: 0 },
          { r0: 2, c0: 2, r1: 999, c1: 2 },
        ],
        values: ["正式党员", "预备党员"],
      },
    ]);
  });

  for (const rows of [100, 20_000, 200_000]) {
    it(`keeps the syncs constant: ${rows.toLocaleString("en")} rows = 1 + chunks + 1`, async () => {
      const sheet = roster(rows);
      sheet.validations = [
        { address: `B2:B${rows}`, source: "男,女" },
        { address: `D2:D${rows}`, source: "=$H$2:$H$4" },
      ];
      const ctx = new FakeContext([sheet]);
      const grid = await new ExcelHost(fakeRun(ctx), FULL_SUPPORT, noYield).readActiveSheet();
      const k = planChunks(rows, 8).length;
      expect(ctx.syncs).toBe(1 + k + 1);
      expect(grid!.validations).toHaveLength(2);
      console.log(`[measure] ${rows} rows x 8 cols with a typed-in and a range-sourced list: ${ctx.syncs} syncs (${k} chunks + extent + 1 for range sources)`);
    });
  }

  it("finds the list below a title row and the header, and the engine uses it", async () => {
    const sheet = FakeSheet.withRows("花名册", [
      ["第一党支部党员花名册", "", "", "", "", "", "", ""],
      ["姓名", "性别", "出生日期", "身份证号码", "入党时间", "转正时间", "联系电话", "所在党支部"],
      ["张三", "男", "1980-01-01", "", "2005-07-01", "2006-07-01", "13910000001", "第一党支部"],
      ["李四", "女", "1981-02-02", "", "2005-07-01", "2006-07-01", "13910000002", "第九党支部"],
    ]);
    sheet.validations = [{ address: "H3:H100", source: "第一党支部,第二党支部" }];
    const ctx = new FakeContext([sheet]);
    const grid = await new ExcelHost(fakeRun(ctx), FULL_SUPPORT, noYield).readActiveSheet();
    expect(grid!.validations).toEqual([{ ranges: [{ r0: 2, c0: 7, r1: 3, c1: 7 }], values: ["第一党支部", "第二党支部"] }]);
    const flagged = async (g: typeof grid) => (await checkOneSheet(g!, { lang: "zh" })).findings.filter((f) => f.cell === "H4" && f.code === "value.notInList");
    expect(await flagged(grid)).toHaveLength(1);
    expect(await flagged({ ...grid!, validations: [] })).toHaveLength(0);
  });

  it("reads a whole-column source only over its used part, at most MAX_LIST_CELLS cells", async () => {
    const sheet = roster(50);
    sheet.validations = [{ address: "D2:D50", source: "=$H:$H" }];
    const ctx = new FakeContext([sheet]);
    const grid = await new ExcelHost(fakeRun(ctx), FULL_SUPPORT, noYield).readActiveSheet();
    expect(ctx.calls).toContain(`getRangeByIndexes(0,7,${MAX_LIST_CELLS},1)`);
    expect(grid!.validations).toEqual([{ ranges: [{ r0: 1, c0: 3, r1: 49, c1: 3 }], values: ["支部选项", "第一党支部", "第二党支部", "第三党支部"] }]);
  });

  it("leaves out lists it cannot evaluate (named range, INDIRECT, a missing sheet) without an error or a wasted sync", async () => {
    const sheet = roster(20);
    sheet.validations = [
      { address: "A2:A20", source: "=党支部列表" },
      { address: "B2:B20", source: '=INDIRECT("选项!A2:A5")' },
      { address: "C2:C20", source: "=不存在!$A$1:$A$3" },
    ];
    const ctx = new FakeContext([sheet]);
    const grid = await new ExcelHost(fakeRun(ctx), FULL_SUPPORT, noYield).readActiveSheet();
    expect(grid!.validations).toBeUndefined();
    expect(ctx.syncs).toBe(2);
  });

  it("on a host without ExcelApi 1.8: no lists, no error, no extra sync", async () => {
    const sheet = roster(1000);
    sheet.validations = [{ address: "B2:B1000", source: "男,女" }];
    const ctx = new FakeContext([sheet]);
    ctx.apiVersion = 7;
    const support = detectSupport((v) => Number(v.split(".")[1]) <= 7);
    expect(support.dataValidation).toBe(false);
    const grid = await new ExcelHost(fakeRun(ctx), support, noYield).readActiveSheet();
    expect(grid!.validations).toBeUndefined();
    expect(grid!.values).toHaveLength(1000);
    expect(ctx.syncs).toBe(2);
    expect(ctx.calls.some((c) => c.startsWith("dataValidation") || c.startsWith("getCell"))).toBe(false);
  });

  it("still reads the sheet when the probes are refused, without lists", async () => {
    const sheet = roster(100);
    sheet.validations = [{ address: "B2:B100", source: "男,女" }];
    const ctx = new FakeContext([sheet]);
    ctx.failDataValidation = true;
    const grid = await new ExcelHost(fakeRun(ctx), FULL_SUPPORT, noYield).readActiveSheet();
    expect(grid!.values).toHaveLength(100);
    expect(grid!.validations).toBeUndefined();
    expect(ctx.syncs).toBe(3);
  });

  it("keeps the lists when a chunk is halved for size", async () => {
    const sheet = roster(5000);
    sheet.validations = [{ address: "B2:B5000", source: "男,女" }];
    const ctx = new FakeContext([sheet]);
    ctx.maxCellsPerSync = 12_000;
    const grid = await new ExcelHost(fakeRun(ctx), FULL_SUPPORT, noYield).readActiveSheet();
    expect(grid!.values).toHaveLength(5000);
    expect(grid!.validations).toEqual([{ ranges: [{ r0: 1, c0: 1, r1: 4999, c1: 1 }], values: ["男", "女"] }]);
  });
});

describe("list.source as Office.js reports it", () => {
  it("parses typed-in lists and range references", () => {
    expect(parseListSource("男, 女 ,", "S")).toEqual({ kind: "inline", values: ["男", "女"] });
    expect(parseListSource("=$H$2:$H$9", "S")).toEqual({ kind: "range", sheet: "S", range: { r0: 1, c0: 7, r1: 8, c1: 7 } });
    expect(parseListSource("='My sheet'!$A$1:$B$2", "S")).toEqual({ kind: "range", sheet: "My sheet", range: { r0: 0, c0: 0, r1: 1, c1: 1 } });
    expect(parseListSource("=Names", "S")).toBeNull();
    expect(parseListSource("", "S")).toBeNull();
    expect(parseListSource(undefined, "S")).toBeNull();
  });
});
