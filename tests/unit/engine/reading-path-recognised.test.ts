import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * A development ledger recognised by its other headers (姓名、出生年月、所在党支部、入党介绍人、目前状态) that keeps
 * the whole path of each person in one 发展历程 cell: the path is still read step by step, and a sign-off line
 * across the table is no one's path. Expected values by hand from domain-rules.md (G1, G3, G4, G16, 逾期未转正).
 */
describe("a recognised development ledger with the path in one cell", () => {
  const foot = "填表人：镇党建办　　填表时间：2025年12月31日";
  const rows: CellValue[][] = [
    ["某镇党委发展党员工作台账"],
    ["序号", "姓名", "性别", "出生年月", "学历", "所在党支部", "发展历程", "入党介绍人", "目前状态", "备注"],
    // 1 (row 3): in order, a year as activist, full a year after admission.
    [1, "周涛", "男", "1980.3", "本科", "甲村党支部", "2019.3.5递交入党申请书；2019.9.8确定为入党积极分子；2020.10.9列为发展对象；2021.6.20接收为预备党员；2022.6.20转为正式党员", "吴敏、郑华", "正式党员", null],
    // 2 (row 4): made an activist before applying (G3).
    [2, "吴丽", "女", "1985.5", "大专", "乙村党支部", "2020.5.6递交入党申请书；2020.3.1确定为入党积极分子；2021.4.1列为发展对象；2021.12.1接收为预备党员；2022.12.1转为正式党员", "吴敏、郑华", "正式党员", null],
    // 3 (row 5): 发展对象 six months after becoming an activist (G4).
    [3, "陈刚", "男", "1986.7", "高中", "甲村党支部", "2019.4.1递交入党申请书；2019.10.1确定为入党积极分子；2020.4.1列为发展对象；2020.12.1接收为预备党员；2021.12.1转为正式党员", "吴敏、郑华", "正式党员", null],
    // 4 (row 6): born 2003.8, applied 2020.9.1 at 17 (G1).
    [4, "赵芳", "女", "2003.8", "本科", "乙村党支部", "2020.9.1递交入党申请书；2021.9.1确定为入党积极分子；2022.10.1列为发展对象；2023.6.1接收为预备党员；2024.6.1转为正式党员", "吴敏、郑华", "正式党员", null],
    // 5 (row 7): admitted 2024.5.10, probation over 2025.5.10, still 预备 at 2025-12-31 with no 转正.
    [5, "孙强", "男", "1990.1", "中专", "甲村党支部", "2022.1.5递交入党申请书；2022.7.5确定为入党积极分子；2023.7.10列为发展对象；2024.5.10接收为预备党员", "吴敏、郑华", "预备党员", null],
    [],
    [foot, foot, foot, foot, foot, foot, foot, foot, foot, foot],
  ];
  const merges = [{ r0: 8, c0: 0, r1: 8, c1: 9 }];
  const r = checkWorkbook(book(sheet("台账", rows, { merges })), { asOf: "2025-12-31" });
  const at = (cell: string, severity: "error" | "warning" = "error") => r.findings.filter((f) => f.cell === cell && f.severity === severity).map((f) => f.code);

  it("is read step by step, the sign-off line not counted as a path not understood", () => {
    expect(r.sheets[0]!.kind).toBe("development");
    expect(r.sheets[0]!.reason).toContain("发展历程");
    expect(r.sheets[0]!.reason).not.toContain("没有读懂");
  });
  it("says each step out of its time at the path cell", () => {
    expect(at("G3")).toEqual([]);
    expect(at("G4")).toEqual(["dates.order"]);
    expect(at("G5")).toEqual(["development.activistTooShort"]);
  });
  it("finds an applicant under 18", () => {
    expect(r.findings.some((f) => f.row === 6 && f.severity === "error" && (f.cell === "G6" || f.cell === "D6"))).toBe(true);
  });
  it("finds a probation over for more than three months with no 转正", () => {
    expect(r.findings.some((f) => f.row === 7 && f.severity === "warning" && (f.cell === "G7" || f.cell === "I7"))).toBe(true);
    expect(r.findings.filter((f) => f.row === 3)).toEqual([]);
  });
});
