import { describe, expect, it } from "vitest";
import { ExcelHost } from "../../../addin/excel/host.js";
import { isMarkFormula } from "../../../addin/excel/marks.js";
import { FULL_SUPPORT } from "../../../addin/excel/requirements.js";
import type { Mark } from "../../../addin/host/types.js";
import { FakeContext, FakeSheet, fakeRun, sheetId, type FakeRule } from "./fake-excel.js";

function clerkSheet(): FakeSheet {
  const s = FakeSheet.withRows("党费", Array.from({ length: 50 }, (_, i) => [`党员${i}`, i, i * 2, "备注"]));
  // The clerk's own fills, fonts, borders, notes and conditional formats.
  s.formats.set("A1", { fill: "#FFFF00", font: "#000000", bold: true, border: "thin" });
  s.formats.set("B7", { fill: "#00B050", font: "#FF0000", bold: false, border: "double" });
  s.notes.set("C3", "张三 3 月已补交");
  const theirs: FakeRule[] = [
    { id: "{user-1}", type: "CellValue", formula: null, fill: "#F8CBAD", font: null, address: "B2:B50" },
    { id: "{user-2}", type: "Custom", formula: "=$C2>50", fill: "#C6EFCE", font: "#006100", address: "A2:D50" },
  ];
  s.rules = theirs.map((r) => ({ ...r }));
  return s;
}

const snapshot = (s: FakeSheet) => JSON.stringify({ values: s.values, nf: s.numberFormats, formats: [...s.formats], notes: [...s.notes] });

const MARKS: Mark[] = [
  { cell: "B3", severity: "error" },
  { cell: "B4", severity: "error" },
  { cell: "B5", severity: "error" },
  { cell: "C4", severity: "error" },
  { cell: "D9", severity: "warning" },
  { cell: "A12", severity: "info" },
];

describe("Excel adapter: marks are the add-in's own conditional formats", () => {
  it("adds one signed rule per severity in 3 syncs and never touches cell formats", async () => {
    const sheet = clerkSheet();
    const before = snapshot(sheet);
    const ctx = new FakeContext([sheet]);
    await new ExcelHost(fakeRun(ctx), FULL_SUPPORT).mark("党费", MARKS);
    // list the sheet's rules, read the custom ones' formulas (the clerk has one; none is ours), add
    expect(ctx.syncs).toBe(3);
    const ours = sheet.rules.filter((r) => isMarkFormula(r.formula));
    expect(ours.map((r) => [r.formula, r.address, r.fill])).toEqual([
      ['=ISTEXT("party-ledger-mark:info")', "A12", "#DDEBF7"],
      ['=ISTEXT("party-ledger-mark:warning")', "D9", "#FFEB9C"],
      ['=ISTEXT("party-ledger-mark:error")', "B3:B5,C4", "#FFC7CE"],
    ]);
    expect(ctx.calls).toContain("suspendScreenUpdatingUntilNextSync");
    expect(snapshot(sheet)).toBe(before);
  });

  it("清除标记 removes exactly its rules in 3 syncs; the clerk's formats and rules are as before", async () => {
    const sheet = clerkSheet();
    const before = snapshot(sheet);
    const rulesBefore = JSON.stringify(sheet.rules);
    const ctx = new FakeContext([sheet]);
    const host = new ExcelHost(fakeRun(ctx), FULL_SUPPORT);
    await host.mark("党费", MARKS);
    expect(sheet.rules).toHaveLength(5);
    ctx.syncs = 0;
    await host.clearMarks("党费");
    expect(ctx.syncs).toBe(3);
    expect(JSON.stringify(sheet.rules)).toBe(rulesBefore);
    expect(snapshot(sheet)).toBe(before);
  });

  it("finds its rules by signature after a reload (a new host with no memory)", async () => {
    const sheet = clerkSheet();
    const rulesBefore = JSON.stringify(sheet.rules);
    await new ExcelHost(fakeRun(new FakeContext([sheet])), FULL_SUPPORT).mark("党费", MARKS);
    await new ExcelHost(fakeRun(new FakeContext([sheet])), FULL_SUPPORT).clearMarks("党费");
    expect(JSON.stringify(sheet.rules)).toBe(rulesBefore);
  });

  it("re-marking replaces the previous marks (live re-check) rather than stacking them", async () => {
    const sheet = clerkSheet();
    const host = new ExcelHost(fakeRun(new FakeContext([sheet])), FULL_SUPPORT);
    await host.mark("党费", MARKS);
    await host.mark("党费", [{ cell: "B4", severity: "warning" }]);
    expect(sheet.rules.filter((r) => isMarkFormula(r.formula)).map((r) => r.address)).toEqual(["B4"]);
    expect(sheet.rules).toHaveLength(3);
  });

  it("keeps getRanges address strings short: thousands of scattered cells become several rules", async () => {
    const sheet = clerkSheet();
    const ctx = new FakeContext([sheet]);
    const many: Mark[] = Array.from({ length: 3000 }, (_, i) => ({ cell: `${i % 2 ? "B" : "D"}${i * 2 + 1}`, severity: "error" }));
    await new ExcelHost(fakeRun(ctx), FULL_SUPPORT).mark("党费", many);
    const ours = sheet.rules.filter((r) => isMarkFormula(r.formula));
    expect(ours.length).toBeGreaterThan(2);
    for (const r of ours) expect(r.address.length).toBeLessThanOrEqual(6000);
    expect(ours.flatMap((r) => r.address.split(","))).toHaveLength(3000);
    expect(ctx.syncs).toBe(3);
  });

  it("without ExcelApi 1.9 adds one rule per rectangle and no RangeAreas", async () => {
    const sheet = clerkSheet();
    const ctx = new FakeContext([sheet]);
    await new ExcelHost(fakeRun(ctx), { ...FULL_SUPPORT, rangeAreas: false, suspendScreen: false }).mark("党费", MARKS);
    expect(ctx.calls.some((c) => c.startsWith("getRanges"))).toBe(false);
    expect(ctx.calls).not.toContain("suspendScreenUpdatingUntilNextSync");
    expect(sheet.rules.filter((r) => isMarkFormula(r.formula)).map((r) => r.address)).toEqual(["A12", "D9", "B3:B5", "C4"]);
  });
});

describe("Excel adapter: select and events", () => {
  it("selects a finding's cell in one sync", async () => {
    const sheet = clerkSheet();
    const ctx = new FakeContext([new FakeSheet("其他"), sheet]);
    await new ExcelHost(fakeRun(ctx), FULL_SUPPORT).select("党费", "C7");
    expect(ctx.syncs).toBe(1);
    expect(ctx.active).toBe(1);
    expect(sheet.selected).toBe("C7");
  });

  it("without ExcelApi 1.9: listens to the active sheet, reports the changed rows, ignores the add-in's own edits (1.14)", async () => {
    const sheet = clerkSheet();
    const ctx = new FakeContext([sheet]);
    ctx.apiVersion = 8;
    const seen: unknown[] = [];
    const host = new ExcelHost(fakeRun(ctx), { ...FULL_SUPPORT, worksheetsOnChanged: false });
    const off = await host.onChanged((c) => seen.push(c));
    expect(ctx.calls).toContain("onChanged.add");
    expect(ctx.calls).not.toContain("worksheets.onChanged.add");
    expect(ctx.syncs).toBe(1);
    const fire = ctx.handlers[0]!;
    await fire({ address: "B4:C6", changeType: "RangeEdited", triggerSource: "Unknown" });
    await fire({ address: "B4", changeType: "RangeEdited", triggerSource: "ThisLocalAddin" });
    await fire({ address: "5:5", changeType: "RowInserted", triggerSource: "Unknown" });
    expect(seen).toEqual([
      { sheet: "党费", rows: { first: 4, last: 6 } },
      { sheet: "党费", rows: null },
    ]);
    off();
  });

  it("with ExcelApi 1.9: hears edits in every sheet, named by sheet, in 1 sync to register", async () => {
    const other = FakeSheet.withRows("花名册", [["姓名"], ["张三"]]);
    const ctx = new FakeContext([other, clerkSheet()], 0);
    const seen: unknown[] = [];
    const host = new ExcelHost(fakeRun(ctx), FULL_SUPPORT);
    const off = await host.onChanged((c) => seen.push(c));
    expect(ctx.calls).toContain("worksheets.onChanged.add");
    expect(ctx.calls).not.toContain("onChanged.add");
    expect(ctx.syncs).toBe(1);
    const fire = ctx.workbookHandlers[0]!;
    // The sheet active at open, and one that was not.
    await fire({ worksheetId: sheetId(ctx, ctx.sheets[0]!), address: "A2", changeType: "RangeEdited", triggerSource: "Unknown" });
    await fire({ worksheetId: sheetId(ctx, ctx.sheets[1]!), address: "C4:C5", changeType: "RangeEdited", triggerSource: "Unknown" });
    await fire({ worksheetId: sheetId(ctx, ctx.sheets[1]!), address: "C4", changeType: "RangeEdited", triggerSource: "ThisLocalAddin" });
    await fire({ worksheetId: sheetId(ctx, ctx.sheets[1]!), address: "7:7", changeType: "RowDeleted", triggerSource: "Unknown" });
    expect(ctx.syncs).toBe(1);
    // A sheet added after registering costs one sync to name; a sheet gone is ignored.
    ctx.sheets.push(FakeSheet.withRows("新表", [["x"]]));
    await fire({ worksheetId: sheetId(ctx, ctx.sheets[2]!), address: "B2", changeType: "RangeEdited", triggerSource: "Unknown" });
    await fire({ worksheetId: "{gone}", address: "B2", changeType: "RangeEdited", triggerSource: "Unknown" });
    expect(seen).toEqual([
      { sheet: "花名册", rows: { first: 2, last: 2 } },
      { sheet: "党费", rows: { first: 4, last: 5 } },
      { sheet: "党费", rows: null },
      { sheet: "新表", rows: { first: 2, last: 2 } },
    ]);
    off();
    expect(ctx.calls).toContain("worksheets.onChanged.remove");
  });

  it("without ExcelApi 1.9: follows the sheet the pane shows, not the one active at open", async () => {
    const ctx = new FakeContext([new FakeSheet("其他"), clerkSheet()], 0);
    ctx.apiVersion = 8;
    const seen: unknown[] = [];
    const host = new ExcelHost(fakeRun(ctx), { ...FULL_SUPPORT, worksheetsOnChanged: false });
    await host.onChanged((c) => seen.push(c), "党费");
    expect(ctx.calls).toContain("getItem(党费)");
    expect(ctx.calls).not.toContain("getActiveWorksheet");
    await ctx.handlers[0]!({ address: "D9", changeType: "RangeEdited", triggerSource: "Unknown" });
    expect(seen).toEqual([{ sheet: "党费", rows: { first: 9, last: 9 } }]);
  });

  it("reads a sheet by name, which need not be the active one, or null when it is gone", async () => {
    const ctx = new FakeContext([new FakeSheet("其他"), clerkSheet()], 0);
    const host = new ExcelHost(fakeRun(ctx), FULL_SUPPORT);
    const grid = await host.readSheet("党费");
    expect(grid!.name).toBe("党费");
    expect(grid!.values.length).toBeGreaterThan(1);
    expect(await host.readSheet("不存在")).toBeNull();
  });
});
