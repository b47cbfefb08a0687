import { describe, expect, it } from "vitest";
import { ExcelHost } from "../../../addin/excel/host.js";
import { isRedColor } from "../../../addin/excel/header-fonts.js";
import { FULL_SUPPORT } from "../../../addin/excel/requirements.js";
import { FakeContext, FakeSheet, fakeRun } from "./fake-excel.js";

/** 「从此表生成模板」 in Excel: the red headers that mark required columns, read in two syncs. */
describe("Excel adapter: red header fonts", () => {
  const sheet = () => {
    const s = FakeSheet.withRows("表1", [
      ["", "", ""],
      ["学工号", "姓名", "备注"],
      ["001", "张三", ""],
    ]);
    s.formats.set("A2", { fill: "#FFFFFF", font: "#FF0000", bold: true, border: "thin" });
    s.formats.set("B2", { fill: "#FFFFFF", font: "#C00000", bold: false, border: "thin" });
    s.formats.set("C2", { fill: "#FFFFFF", font: "#1F4E79", bold: false, border: "thin" });
    return s;
  };

  it("finds the red cells of the top rows, 0-based like the grid, in two syncs", async () => {
    const ctx = new FakeContext([sheet()]);
    const host = new ExcelHost(fakeRun(ctx), FULL_SUPPORT);
    const before = ctx.syncs;
    expect(await host.redCells("表1")).toEqual([
      { row: 1, col: 0 },
      { row: 1, col: 1 },
    ]);
    expect(ctx.syncs - before).toBe(2);
  });

  it("sees nothing without ExcelApi 1.9, and asks nothing of Excel", async () => {
    const ctx = new FakeContext([sheet()]);
    ctx.apiVersion = 8;
    const host = new ExcelHost(fakeRun(ctx), { ...FULL_SUPPORT, cellProperties: false });
    expect(await host.redCells("表1")).toEqual([]);
    expect(ctx.calls.filter((c) => c.startsWith("getCellProperties"))).toEqual([]);
  });

  it("tells red from dark red-ish blues and blacks", () => {
    expect(["#FF0000", "#c00000", "FF0000"].map(isRedColor)).toEqual([true, true, true]);
    expect(["#000000", "#1F4E79", "#FF6600", null, "red"].map(isRedColor)).toEqual([false, false, false, false, false]);
  });
});
