import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * The faults a company's development ledger plants (two-day training, 赞成 not more than half of 应到,
 * approval more than six months after the 支部大会, an extension of four months, 转正 ten months after
 * admission), each on a plain one-row header with the same fields, so each rule is seen to fire once
 * the sheet is read. Expected cells and values worked out by hand (domain-rules.md G7, G10, G11, G15, G16).
 */
const check = (rows: CellValue[][]) => checkWorkbook(book(sheet("发展党员台账", rows)), { asOf: "2025-12-31" });
const at = (r: ReturnType<typeof check>) =>
  r.findings
    .filter((f) => f.severity !== "info")
    .map((f) => `${f.cell} ${f.code} ${f.severity}`)
    .sort();

const H = ["姓名", "性别", "出生日期", "申请入党时间", "确定为入党积极分子时间", "确定为发展对象时间", "政审时间", "培训开始时间", "培训结束时间", "培训天数", "接收预备党员时间", "应到人数", "实到人数", "赞成票数", "党委审批时间", "延长预备期（月）", "转正时间"];
//           A       B       C            D               E                       F                      G          H               I               J          K                   L          M          N          O               P                    Q

describe("a company development ledger's planted faults, on a plain header", () => {
  const rows: CellValue[][] = [
    ["某港务分公司发展党员工作台账"],
    H,
    // row 3: training 2022-11-01 to 2022-11-02, two days counting both ends (minimum 3, or 24 学时)
    ["黄海", "男", "1990-02-01", "2021-03-01", "2021-09-01", "2022-10-10", "2022-11-20", "2022-11-01", "2022-11-02", 2, "2023-01-10", 20, 18, 18, "2023-02-10", null, "2024-01-10"],
    // row 4: 赞成 11 of 23 expected: not more than 11.5
    ["蓝天", "女", "1991-03-02", "2021-04-01", "2021-10-01", "2022-11-01", "2022-12-01", "2022-11-10", "2022-11-12", 3, "2023-02-01", 23, 21, 11, "2023-03-01", null, "2024-02-01"],
    // row 5: approved 2024-09-20, seven months after the meeting of 2024-02-20 (more than 6: error)
    ["白云", "男", "1992-04-03", "2022-05-01", "2022-11-01", "2023-12-01", "2024-01-10", "2023-12-11", "2023-12-13", 3, "2024-02-20", 20, 18, 18, "2024-09-20", null, "2025-02-20"],
    // row 6: an extension of 4 months (6 to 12 allowed); 转正 2024-07-12 = EDATE(2023-03-12, 16), so only the extension is wrong
    ["青山", "男", "1993-05-04", "2021-06-01", "2021-12-01", "2023-01-05", "2023-02-01", "2023-01-09", "2023-01-11", 3, "2023-03-12", 20, 18, 18, "2023-04-12", 4, "2024-07-12"],
    // row 7: 转正 2024-03-22, ten months after admission on 2023-05-22: EDATE(…, 12) is 2024-05-22
    ["绿水", "女", "1994-06-05", "2021-07-01", "2022-01-04", "2023-02-06", "2023-03-01", "2023-02-13", "2023-02-15", 3, "2023-05-22", 20, 18, 18, "2023-06-22", null, "2024-03-22"],
    // row 8: right throughout: a six-month extension, 转正 2024-11-08 = EDATE(2023-05-08, 18)
    ["红日", "男", "1995-07-06", "2021-08-01", "2022-02-01", "2023-03-01", "2023-04-01", "2023-03-06", "2023-03-08", 3, "2023-05-08", 20, 18, 18, "2023-06-08", 6, "2024-11-08"],
  ];

  it("fires one rule per planted fault, at its cell, and none on the right row", () => {
    const r = check(rows);
    expect(r.sheets[0]!.kind).toBe("development");
    expect(at(r)).toEqual([
      "I3 development.trainingShort error",
      "N4 development.voteNotPassed error",
      "O5 development.approvalLate error",
      "P6 probation.extensionRange error",
      "Q7 probation.fullDateMismatch error",
    ]);
    expect(r.findings.find((f) => f.code === "probation.fullDateMismatch")!.expected).toBe("2024-05-22");
  });
});

describe("the training's length where the sheet gives no dates for it", () => {
  const head = ["姓名", "性别", "确定为入党积极分子时间", "确定为发展对象时间", "培训天数", "培训学时"];
  it("judges the days and the hours: either reaching its minimum is enough", () => {
    const r = check([
      head,
      // 2 days and 16 学时: neither reaches 3 days or 24 学时 → said at the hours
      ["甲一", "男", "2022-01-10", "2023-02-10", 2, 16],
      // 2 days but 24 学时: enough
      ["乙二", "女", "2022-01-11", "2023-02-11", 2, 24],
      // 3 days, no hours: enough
      ["丙三", "男", "2022-01-12", "2023-02-12", 3, null],
      // 1 day, no hours → said at the days
      ["丁四", "女", "2022-01-13", "2023-02-13", 1, null],
    ]);
    expect(r.sheets[0]!.kind).toBe("development");
    expect(at(r)).toEqual(["E5 development.trainingShort error", "F2 development.trainingHoursShort error"]);
  });
});
