import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, makeId, sheet } from "./grid-helpers.js";

const HEADER = ["姓名", "身份证号码", "提交书面申请书时间", "谈话时间", "确定为入党积极分子时间", "确定为发展对象时间", "发展对象培训起始时间", "发展对象培训结束时间", "入党时间", "上级党委审批时间", "转正时间"];
const ID = makeId("1998-05-20", "女");
const GOOD: CellValue[] = ["赵六", ID, "2021-03-01", "2021-03-20", "2021-09-01", "2022-09-01", "2022-09-10", "2022-09-12", "2022-11-01", "2022-12-15", "2023-11-01"];

function record(rows: CellValue[][]) {
  return checkWorkbook(book(sheet("发展党员", [HEADER, ...rows])), { asOf: "2025-12-31" });
}
const withCol = (col: number, value: CellValue) => GOOD.map((v, i) => (i === col ? value : v));

describe("发展党员 rules", () => {
  it("a clean record raises nothing", () => {
    const r = record([GOOD]);
    expect(r.sheets[0]!.kind).toBe("development");
    expect(r.findings).toEqual([]);
  });
  it("one day short of a year between activist and candidate is an error", () => {
    const r = record([withCol(5, "2022-08-31")]);
    expect(r.findings.map((f) => [f.code, f.cell, f.expected])).toEqual([["development.activistTooShort", "F2", "≥ 2022-09-01"]]);
  });
  it("training counts both ends: 3 days pass, 2 days fail", () => {
    expect(record([withCol(7, "2022-09-12")]).findings).toEqual([]);
    expect(record([withCol(7, "2022-09-11")]).findings.map((f) => [f.code, f.cell])).toEqual([["development.trainingShort", "H2"]]);
  });
  it("a talk more than a month after the application warns", () => {
    expect(record([withCol(3, "2021-04-02")]).findings.map((f) => [f.code, f.severity])).toEqual([["development.talkLate", "warning"]]);
  });
  it("an applicant under 18 at application is an error", () => {
    const young = makeId("2004-03-02", "男");
    const r = record([["钱七", young, "2022-03-01", "2022-03-10", "2022-06-01", "2023-06-01", "2023-06-10", "2023-06-12", "2023-08-01", "2023-09-01", "2024-08-01"]]);
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([["development.underAge", "C2"]]);
  });
  it("steps out of order are an error at the later step", () => {
    const r = record([withCol(4, "2021-02-01")]);
    expect(r.findings.map((f) => f.code)).toContain("dates.order");
  });
  it("approval beyond 3 months warns, beyond 6 is an error", () => {
    expect(record([withCol(9, "2023-03-01")]).findings.map((f) => [f.code, f.severity])).toEqual([["development.approvalLate", "warning"]]);
    expect(record([withCol(9, "2023-06-01")]).findings.map((f) => [f.code, f.severity])).toEqual([["development.approvalLate", "error"]]);
  });
});
