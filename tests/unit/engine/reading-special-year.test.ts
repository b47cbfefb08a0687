import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { readMonthSpanInYear } from "../../../shared/normalise/dates.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * The special situations of a branch's year as clerks write them (domain-rules.md, /work/shared):
 * a payment log one row a quarter (2008规定第十二条: quarterly payment with the branch's consent),
 * a 转正 register whose approval is the 转正's (细则第三十四条), and the like.
 */
const AS_OF = "2025-12-31";
const findingsOf = (rows: CellValue[][], name = "Sheet1") => checkWorkbook(book(sheet(name, rows)), { asOf: AS_OF }).findings;

describe("a span of months written without its year", () => {
  const in2025 = () => 2025;
  it("1—3月 in a 2025 sheet is January to March 2025", () => {
    expect(readMonthSpanInYear("1—3月", in2025)).toEqual({ from: 2025 * 12, to: 2025 * 12 + 2 });
    expect(readMonthSpanInYear("10月-12月", in2025)).toEqual({ from: 2025 * 12 + 9, to: 2025 * 12 + 11 });
  });
  it("11—2月 runs into the next year", () => {
    expect(readMonthSpanInYear("11—2月", in2025)).toEqual({ from: 2025 * 12 + 10, to: 2026 * 12 + 1 });
  });
  it("text that is no span of months is none", () => {
    expect(readMonthSpanInYear("第一季度", in2025)).toBeNull();
    expect(readMonthSpanInYear("13—14月", in2025)).toBeNull();
    expect(readMonthSpanInYear("1—3", in2025)).toBeNull();
  });
});

describe("a payment log one row a quarter, 所属月份 written 1—3月", () => {
  // 农民 0.50 a month (第六条: 0.20–1.00): a quarter is 1.50. The branch's consent to pay by quarter
  // is the line under the title (第十二条), said by its 党员大会.
  const rows: CellValue[][] = [
    ["某乡某村党支部2025年党费收缴登记簿"],
    ["（经党员大会同意，农民党员按季度交纳）"],
    ["序号", "姓名", "人员类别", "交纳标准（元/月）", "所属月份", "交纳金额", "交纳日期", "经手人"],
    [1, "王大明", "农民", 0.5, "1—3月", 1.5, "2025-03-26", "李会计"],
    [2, "王大明", "农民", 0.5, "4—6月", 1.5, "2025-06-25", "李会计"],
    [3, "王大明", "农民", 0.5, "7—9月", 1.5, "2025-09-24", "李会计"],
    [4, "王大明", "农民", 0.5, "10—12月", 1.5, "2025-12-22", "李会计"],
    [5, "赵小红", "农民", 1, "1—3月", 3, "2025-03-26", "李会计"],
    [6, "赵小红", "农民", 1, "4—6月", 3, "2025-06-25", "李会计"],
    // 1.00 a month for July to September is 3.00, not 2.00.
    [7, "赵小红", "农民", 1, "7—9月", 2, "2025-09-24", "李会计"],
    [8, "赵小红", "农民", 1, "10—12月", 3, "2025-12-22", "李会计"],
  ];
  const findings = findingsOf(rows);
  it("reads every quarter as its months of the title's year: no month is unreadable", () => {
    expect(findings.filter((f) => f.code === "value.notMonth")).toEqual([]);
  });
  it("the quarterly payments are agreed by the branch: no lump-payment warning", () => {
    expect(findings.filter((f) => f.code === "dues.lumpPayment")).toEqual([]);
  });
  it("a quarter paid short is found on its amount, and nothing else is", () => {
    const errors = findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => f.cell)).toEqual(["F10"]);
  });
});

describe("a 转正 register: its 党工委审批时间 is the approval of the 转正", () => {
  // Title names the 转正 step alone. 党工委 is the 上级党委 of a 开发区 or 街道.
  // 预备期 = EDATE(入党, 12) (细则第三十二条); the 转正 approval within 3 months of the 大会 (第三十四条).
  const H = ["序号", "姓名", "入党时间", "预备期满时间", "转正申请时间", "支部大会讨论时间", "党工委审批时间", "转正时间"];
  const rows: CellValue[][] = [
    ["某开发区机关党总支预备党员转正情况台账"],
    H,
    // 审批 18 days after the 大会, 转正 on the day the year ends: all right.
    [1, "孙一", "2024.09.05", "2025.09.05", "2025.08.20", "2025.09.10", "2025.09.28", "2025.09.05"],
    [2, "钱二", "2024.07.15", "2025.07.15", "2025.06.20", "2025.07.16", "2025.07.30", "2025.07.15"],
    // 审批 2025-09-19, four months after the 大会 of 2025-05-13: over 3 months.
    [3, "周三", "2024.05.06", "2025.05.06", "2025.04.18", "2025.05.13", "2025.09.19", "2025.05.06"],
  ];
  const findings = findingsOf(rows, "预备党员");
  it("the approval is not read as the admission's: no error on the 转正 application or the approval", () => {
    expect(findings.filter((f) => f.severity === "error")).toEqual([]);
  });
  it("an approval over 3 months after the 转正 大会 is found", () => {
    const late = findings.filter((f) => f.cell === "G5");
    expect(late.map((f) => [f.code, f.severity])).toEqual([["development.fullApprovalLate", "warning"]]);
  });
});

describe("a roster with the year's losses as a block under the table", () => {
  // The losses (死亡, 出党, 转出) are another table with its own header: not members of the roster, and
  // not checked as its rows. The roster above stays checked; the block is a part of its own, 未检查.
  const rows: CellValue[][] = [
    ["某局机关第二党支部党员花名册"],
    ["序号", "姓名", "性别", "民族", "入党时间", "转为正式党员时间", "党员类别", "备注"],
    [1, "江一", "女", "汉族", "2018-05-28", "2019-05-28", "正式党员", null],
    [2, "金二", "女", "汉族", "2013-05-17", "2014-05-17", "正式党员", null],
    [3, "蔡三", "男", "汉族", "2012-03-28", "2013-03-28", "正式党员", null],
    [null],
    ["2025年减少党员"],
    ["序号", "姓名", "性别", "减少方式", "时间", "备注"],
    [1, "贾四", "女", "死亡", "2025.08.09", "因病去世，8月起不再计入党员数"],
    [2, "陶五", "男", "组织关系转出", "2025.10.15", "转至某区水务局党支部"],
  ];
  const report = checkWorkbook(book(sheet("花名册", rows)), { asOf: AS_OF });
  it("no finding on the rows of the block below", () => {
    expect(report.findings.filter((f) => f.severity !== "info" && (f.row ?? 0) >= 7)).toEqual([]);
  });
  it("the roster is checked, and the block is reported apart as not checked", () => {
    const parts = report.sheets.filter((s) => s.sheet === "花名册");
    expect(parts.map((s) => [s.status, s.kind])).toEqual([
      ["checked", "roster"],
      ["unrecognised", null],
    ]);
    expect(parts[0]!.rows).toBe(3);
  });
});
