import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { decodeCell, headerWithoutCodes, readHeaderCodes } from "../../../shared/detect/header-codes.js";
import { book, makeId, sheet } from "./grid-helpers.js";

const asOf = "2025-12-31";
const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

function check(name: string, rows: CellValue[][]) {
  const r = checkWorkbook(book(sheet(name, rows)), { asOf });
  return { report: r.sheets[0]!, findings: r.findings };
}

describe("a header that carries its code list (system exports)", () => {
  it("reads the list whatever the separator, bracket or line break", () => {
    const words = (h: string) => Object.fromEntries(readHeaderCodes(h)?.codes ?? []);
    expect(words("人员类别（1-正式党员 2-预备党员）")).toEqual({ 1: "正式党员", 2: "预备党员" });
    expect(words("党员类型（1在职 2离退休 3学生）")).toEqual({ 1: "在职", 2: "离退休", 3: "学生" });
    expect(words("会议类型\n（1-支部党员大会 2-支委会\n3-党小组会）")).toEqual({ 1: "支部党员大会", 2: "支委会", 3: "党小组会" });
    expect(words("2025年度考核等次(1：优秀、2：称职、3：基本称职)")).toEqual({ 1: "优秀", 2: "称职", 3: "基本称职" });
    expect(words("性别(1男 2女)")).toEqual({ 1: "男", 2: "女" });
    expect(words("是否试用期（０－否　１－是）")).toEqual({ 0: "否", 1: "是" });
    expect(words("党员类型 1在职 2离退休")).toEqual({ 1: "在职", 2: "离退休" });
    expect(headerWithoutCodes("2025年度考核等次\n（1-优秀 2-称职）")).toBe("2025年度考核等次");
    expect(headerWithoutCodes("党员类型 1在职 2离退休")).toBe("党员类型");
  });

  it("finds no list in remarks that are not one", () => {
    for (const h of ["缴费基数（元）", "入党日期\n（格式yyyy-mm-dd）", "学历代码（详见字典表）", "性别(男/女)", "一季度(1-3月)", "统计时段(2025-01-01至2025-12-31)", "人员类别（1-正式党员）", "2025-01", "第1党小组 第2党小组"]) {
      expect(readHeaderCodes(h), h).toBeNull();
    }
  });

  it("turns a cell's code into its word, as text or number, half- or full-width", () => {
    const codes = readHeaderCodes("人员类别（1-正式党员 2-预备党员）")!.codes;
    expect(decodeCell(codes, "2")).toBe("预备党员");
    expect(decodeCell(codes, " ２ ")).toBe("预备党员");
    expect(decodeCell(codes, 1)).toBe("正式党员");
    expect(decodeCell(codes, "3")).toBeNull();
    expect(decodeCell(codes, "正式党员")).toBeNull();
    expect(decodeCell(codes, 1.5)).toBeNull();
  });

  it("a roster's 人员类别 codes are read as 正式/预备, and a 党籍状态 list of 正常/停止党籍 is not taken for them", () => {
    const { report, findings } = check("党员信息", [
      ["姓名", "性别", "公民身份号码", "人员类别（1-正式党员 2-预备党员）", "入党日期", "转正日期", "党籍状态（1-正常 2-停止党籍）"],
      // Admitted 2025-05-20: probation runs to 2026-05-20, so code 1 (正式) is too early.
      ["韩立军", "男", makeId("1990-03-04", "男"), "1", "2025-05-20 00:00:00", "", "1"],
      // Admitted 2020-03-01, full on 2021-03-01: code 1 is right.
      ["周敏", "女", makeId("1988-07-12", "女"), "1", "2020-03-01 00:00:00", "2021-03-01 00:00:00", "1"],
      // Admitted 2025-06-10 and still on probation: code 2 is right.
      ["石磊", "男", makeId("1995-11-02", "男", "110105", 31), "2", "2025-06-10 00:00:00", "", "2"],
    ]);
    expect(report).toMatchObject({ status: "checked", kind: "roster" });
    const status = report.columns.find((c) => c.field === "status");
    expect(status?.column).toBe("D");
    expect(findings.map((f) => [f.code, f.cell])).toEqual([["member.statusTooEarly", "D2"]]);
    expect(findings[0]!.message).toContain("1（正式党员）");
  });

  it("a dues export's 党员类型 codes put a retiree on the retirees' rates", () => {
    const { report, findings } = check("缴费明细", [
      ["姓名", "党员类型 1在职 2离退休 3学生", "缴费基数", "交纳比例", "月应缴金额", ...months],
      // Retired, pension 4800.00: not above 5000, so 0.5% = 24.00 (right).
      ["何建华", "2", "4800.00", "0.5%", "24.00", ...Array(12).fill("24.00")],
      // Retired, pension 4000.00 written at the in-work 1%: 0.5% = 20.00 is owed, not 40.00.
      ["沈桂兰", "2", "4000.00", "1%", "40.00", ...Array(12).fill("40.00")],
      // In work, 4000.00: above 3000 and not above 5000, so 1% = 40.00 (right).
      ["陆志刚", "1", "4000.00", "1%", "40.00", ...Array(12).fill("40.00")],
    ]);
    expect(report).toMatchObject({ status: "checked", kind: "dues" });
    // 40.00 is the 1% written: one mistake, an error at the amount and a warning at the rate.
    expect(findings.filter((f) => f.severity === "error").map((f) => [f.code, f.cell])).toEqual([["dues.amountMismatch", "E3"]]);
    expect(findings.filter((f) => f.code === "dues.rateMismatch").map((f) => [f.cell, f.severity])).toEqual([["D3", "warning"]]);
  });

  it("a civil servants' grades export with the grade list in its header is recognised and read", () => {
    const { report } = check("年度考核结果", [
      ["单位名称", "姓名", "性别", "职务职级", "处分情况", "2025年度考核等次\n（1-优秀 2-称职 3-基本称职\n4-不称职 5-不定等次）"],
      ["市司法局", "韩立军", "男", "一级科员", "无", "2"],
      ["市司法局", "周敏", "女", "四级主任科员", "无", "1"],
      ["市司法局", "石磊", "男", "二级科员", "无", "2"],
      ["市司法局", "吕芳", "女", "一级科员", "无", "2"],
    ]);
    expect(report).toMatchObject({ status: "checked", kind: "cadre-grades" });
    expect(report.columns.find((c) => c.column === "F")?.field).toBe("grade");
  });
});
