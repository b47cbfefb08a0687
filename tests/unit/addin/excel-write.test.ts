import { describe, expect, it } from "vitest";
import { ExcelHost } from "../../../addin/excel/host.js";
import { FULL_SUPPORT } from "../../../addin/excel/requirements.js";
import { determinedFix } from "../../../shared/findings/fix.js";
import { checkSheet } from "../../../shared/index.js";
import { FakeContext, FakeSheet, fakeRun } from "./fake-excel.js";

/** 改为应为值 and 撤销 in Excel: Office.js writes through the adapter, checked against the recording fake. */
function roster(): FakeSheet {
  // 转正时间 in C2 is a date serial (2025-03-01 = 45717) formatted as a date; D2 holds a formula.
  const s = FakeSheet.withRows(
    "花名册",
    [
      ["姓名", "入党时间", "转正时间", "备注"],
      ["张三", 45351, 45717, 1],
    ],
    [
      ["General", "General", "General", "General"],
      ["General", "yyyy-mm-dd", "yyyy-mm-dd", "0"],
    ],
  );
  s.formulas.set("D2", "=ROW()-1");
  s.formats.set("C2", { fill: "#FFFF00", font: "#000000", bold: true, border: "thin" });
  return s;
}

describe("Excel adapter: writing the expected value, and undoing it", () => {
  it("writes the value the engine determines in two syncs, keeping the cell's format", async () => {
    const sheet = roster();
    const ctx = new FakeContext([sheet]);
    const host = new ExcelHost(fakeRun(ctx), FULL_SUPPORT);
    const grid = (await host.readActiveSheet())!;
    const { findings } = checkSheet(grid, { asOf: "2025-12-31", template: { id: "roster" } });
    const wrong = findings.find((f) => f.code === "probation.fullDateMismatch")!;
    // 2024-02-29 + 12 months = 2025-02-28 (EDATE), Excel serial 45716.
    expect(wrong).toMatchObject({ cell: "C2", expected: "2025-02-28" });
    const value = determinedFix(wrong, grid.values[1]![2]!);
    expect(value).toBe(45716);

    const before = ctx.syncs;
    const snapshots = await host.writeCells("花名册", [{ cell: "C2", value: value! }]);
    expect(ctx.syncs - before).toBe(2);
    expect(sheet.values[1]![2]).toBe(45716);
    expect(sheet.numberFormats[1]![2]).toBe("yyyy-mm-dd");
    expect(sheet.formats.get("C2")).toEqual({ fill: "#FFFF00", font: "#000000", bold: true, border: "thin" });
    expect(snapshots).toEqual([{ cell: "C2", state: { formula: 45717, numberFormat: "yyyy-mm-dd" } }]);

    // Checked again, the finding is gone.
    const again = checkSheet((await host.readActiveSheet())!, { asOf: "2025-12-31", template: { id: "roster" } });
    expect(again.findings.some((f) => f.code === "probation.fullDateMismatch")).toBe(false);
  });

  it("puts back exactly what was there, a formula included, in one sync", async () => {
    const sheet = roster();
    const ctx = new FakeContext([sheet]);
    const host = new ExcelHost(fakeRun(ctx), FULL_SUPPORT);
    const snapshots = await host.writeCells("花名册", [
      { cell: "C2", value: 45716 },
      { cell: "D2", value: "已核对" },
    ]);
    expect(sheet.formulas.has("D2")).toBe(false);
    expect(sheet.values[1]![3]).toBe("已核对");
    const before = ctx.syncs;
    await host.restoreCells("花名册", snapshots);
    expect(ctx.syncs - before).toBe(1);
    expect(sheet.values[1]![2]).toBe(45717);
    expect(sheet.formulas.get("D2")).toBe("=ROW()-1");
    expect(sheet.numberFormats[1]).toEqual(["General", "yyyy-mm-dd", "yyyy-mm-dd", "0"]);
  });

  it("clears a cell for an empty value", async () => {
    const sheet = roster();
    const host = new ExcelHost(fakeRun(new FakeContext([sheet])), FULL_SUPPORT);
    await host.writeCells("花名册", [{ cell: "A2", value: null }]);
    expect(sheet.values[1]![0]).toBe("");
  });
});
