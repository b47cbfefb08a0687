import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { readWorkbook } from "../../../shared/xlsx/index.js";
import { summaryWorkbook } from "../../../shared/export/summary-workbook.js";
import { findSoffice, recalcWithLibreOffice } from "../crosscheck/libreoffice.js";

const TABLE = {
  title: "2025 年度花名册",
  chartColumns: 3,
  rows: [
    ["支部", "错误", "提醒", "状态"],
    ["第一党支部", 5, 1, "已提交（有错误）"],
    ["第二党支部", 0, 2, "已提交（无错误）"],
    ["第三党支部", 0, 0, "未提交"],
  ],
};

const text = (parts: Record<string, Uint8Array>, path: string) => strFromU8(parts[path]!);

describe("汇总 as an .xlsx file (web mode)", () => {
  it("holds the table and a native column chart part wired to the sheet", async () => {
    const bytes = await summaryWorkbook(TABLE);
    const parts = unzipSync(bytes);
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(["xl/charts/chart1.xml", "xl/drawings/drawing1.xml", "xl/drawings/_rels/drawing1.xml.rels"]));
    const chart = text(parts, "xl/charts/chart1.xml");
    expect(chart).toContain("<c:barChart><c:barDir val=\"col\"/><c:grouping val=\"clustered\"/>");
    // Two series (错误, 提醒) over the three branches, pointing at the sheet's cells.
    expect(chart.match(/<c:ser>/g)).toHaveLength(2);
    expect(chart).toContain("<c:f>'2025 年度花名册'!$A$2:$A$4</c:f>");
    expect(chart).toContain("<c:f>'2025 年度花名册'!$B$2:$B$4</c:f>");
    expect(chart).toContain("<c:f>'2025 年度花名册'!$C$2:$C$4</c:f>");
    expect(chart).toContain('<c:pt idx="0"><c:v>5</c:v></c:pt>');
    expect(text(parts, "[Content_Types].xml")).toContain('PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"');
    const sheet = text(parts, "xl/worksheets/sheet1.xml");
    const rid = /<drawing[^>]*r:id="([^"]+)"/.exec(sheet)?.[1];
    expect(rid).toBeTruthy();
    expect(text(parts, "xl/worksheets/_rels/sheet1.xml.rels")).toContain(`Id="${rid}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"`);
    // The table reads back as written.
    const grid = readWorkbook(bytes);
    expect(grid.sheets[0]!.name).toBe("2025 年度花名册");
    expect(grid.sheets[0]!.values).toEqual(TABLE.rows);
  });

  it("writes no chart for a table without data rows", async () => {
    const parts = unzipSync(await summaryWorkbook({ title: "空", rows: [["支部", "错误"]] }));
    expect(Object.keys(parts).some((p) => p.startsWith("xl/charts/"))).toBe(false);
  });

  const soffice = findSoffice();
  it.skipIf(!soffice)("is a chart LibreOffice reads: it survives LibreOffice's own round trip", async () => {
    const again = unzipSync(await recalcWithLibreOffice(soffice!, await summaryWorkbook(TABLE)));
    const chartPart = Object.keys(again).find((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    expect(chartPart).toBeTruthy();
    const chart = strFromU8(again[chartPart!]!);
    expect(chart).toMatch(/barDir val="col"/);
    expect(chart.match(/<c:ser>/g)).toHaveLength(2);
  }, 120_000);
});
