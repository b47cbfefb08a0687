import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { sheet } from "./grid-helpers.js";

const brief = (fs: { cell: string | null; code: string; severity: string; period?: string | null; message: string }[]) =>
  fs.map((f) => `${f.cell ?? f.period ?? "-"} ${f.code}:${f.severity}`).sort();

describe("two registers one above the other, the same columns, each under its own small title", () => {
  const H = ["时间", "主持", "记录", "应到", "实到", "缺席", "内容"];
  const rows: CellValue[][] = [
    ["某村党支部2025年支委会、党小组会记录"],
    ["一、支部委员会会议"],
    H,
    ["2025-01-08", "甲", "乙", 5, 5, 0, "研究工作计划"],
    ["2025-02-12", "甲", "乙", 5, 4, 1, "研究发展党员"],
    // 2 of 5 委员: fewer than half (at least 3 needed). No 支委会 in March.
    ["2025-04-09", "甲", "乙", 5, 2, 3, "研究春耕"],
    [],
    ["二、第一党小组会"],
    H,
    ["2025-01-16", "丙", "乙", 11, 10, 1, "学习"],
    ["2025-02-19", "丙", "乙", 11, 11, 0, "学习"],
    ["2025-03-18", "丙", "乙", 11, 9, 2, "学习"],
    ["2025-04-16", "丙", "乙", 11, 10, 1, "学习"],
  ];

  // The first table is rows 1–6; the blank line and 二、第一党小组会 begin the second.
  it("each table is its own register of the type its title names", () => {
    const r = checkWorkbook({ sheets: [sheet("上半年", rows)] }, { asOf: "2025-04-30" });
    expect(r.sheets.map((s) => [s.kind, s.block])).toEqual([
      ["meetings", "1–6"],
      ["meetings", "7–13"],
    ]);
    // The March gap is the 支委会's, and the 党小组会 (held every month) is not reported missing.
    expect(brief(r.findings)).toEqual(["2025-03 meetings.missing:warning", "E6 meetings.quorumCommittee:error"]);
    expect(r.findings.find((f) => f.code === "meetings.missing")!.message).toContain("支部委员会");
  });

  it("the same header repeated under no title, or under a 续表 line, stays one table", () => {
    const plain = [...rows.slice(0, 7), rows[8]!, ...rows.slice(9)];
    expect(checkWorkbook({ sheets: [sheet("上半年", plain)] }, { asOf: "2025-04-30" }).sheets.map((s) => s.block)).toEqual([undefined]);
    const continued = rows.map((row, i) => (i === 7 ? ["支部委员会会议（续表）"] : row));
    expect(checkWorkbook({ sheets: [sheet("上半年", continued)] }, { asOf: "2025-04-30" }).sheets.map((s) => s.block)).toEqual([undefined]);
  });
});
