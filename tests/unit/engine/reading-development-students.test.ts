import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, serial, sheet } from "./grid-helpers.js";

/**
 * A university student branch's 发展党员 ledger: the steps headed by the step alone (递交入党申请书,
 * 确定为发展对象, 政审结论, 支部大会接收 — no 时间), the training as 学时, every date a serial shown
 * yyyy.mm.dd. Expected findings worked out by hand from domain-rules.md (G1, G3, G7, G8).
 */
const asOf = "2025-12-31";
const D = "yyyy.mm.dd";

function grid(header: string[], rows: (string | number | null)[][], dateCols: number[]) {
  const values: CellValue[][] = [["信息学院本科生第一党支部发展党员台账"], header];
  const formats: (string | null)[][] = [[null], header.map(() => null)];
  for (const r of rows) {
    values.push(r.map((v, c) => (dateCols.includes(c) && typeof v === "string" ? serial(v) : v)));
    formats.push(r.map((_, c) => (dateCols.includes(c) ? D : null)));
  }
  return checkWorkbook(book(sheet("发展台账", values, { numberFormats: formats })), { asOf });
}
const at = (r: ReturnType<typeof grid>) =>
  r.findings
    .filter((f) => f.severity !== "info")
    .map((f) => `${f.cell} ${f.code}`)
    .sort();

describe("a student development ledger whose step headers leave out 时间", () => {
  const H = ["序号", "姓名", "学号", "班级", "性别", "出生日期", "递交入党申请书", "确定为入党积极分子", "确定为发展对象", "集中培训（学时）", "政审结论", "支部大会接收", "当前阶段"];
  // columns F..L hold dates (0-based 5, 6, 7, 8, 10, 11)
  const dates = [5, 6, 7, 8, 10, 11];
  const rows: (string | number | null)[][] = [
    // row 3: applied 2024-02-20, born 2006-03-15: 17 until 2024-03-15 (G1)
    [1, "陈晓", 2023010101, "信安2301", "女", "2006-03-15", "2024-02-20", "2024-09-10", null, null, null, null, "入党积极分子"],
    // row 4: 政审 2023-06-20 after the 支部大会 2023-06-10 (G8: the 政审 concludes before admission)
    [2, "周宁", 2021010102, "计科2101", "男", "2003-05-01", "2021-09-10", "2022-03-10", "2023-04-01", 32, "2023-06-20", "2023-06-10", "预备党员"],
    // row 5: 20 学时, fewer than 24 (G7), the only fault
    [3, "吴涛", 2022010103, "软工2201", "男", "2004-01-20", "2022-09-15", "2023-03-01", "2024-03-20", 20, "2024-05-08", null, "发展对象"],
    // row 6: applied 2023-04-10, after being named an activist on 2023-03-25 (G3)
    [4, "郑洁", 2022010104, "计科2202", "女", "2004-07-02", "2023-04-10", "2023-03-25", "2024-04-01", 24, "2024-05-20", null, "发展对象"],
    // row 7: applied on the 18th birthday; exactly 24 学时; a year as an activist to the day: nothing to say
    [5, "钱明", 2022010105, "网安2201", "男", "2004-10-08", "2022-10-08", "2023-04-12", "2024-04-12", 24, "2024-05-30", null, "发展对象"],
  ];

  it("reads each bare step as its date column and the 学时 as the hours", () => {
    const r = grid(H, rows, dates);
    const s = r.sheets[0]!;
    expect(s.kind).toBe("development");
    const bound = Object.fromEntries((s.columns ?? []).map((c) => [c.header, c.field]));
    expect(bound).toMatchObject({
      递交入党申请书: "applyDate",
      确定为入党积极分子: "activistDate",
      确定为发展对象: "candidateDate",
      "集中培训（学时）": "trainingHours",
      政审结论: "politicalReviewDate",
      支部大会接收: "joinDate",
    });
  });

  it("finds the four faults, each at its cell, and nothing on the right rows", () => {
    const r = grid(H, rows, dates);
    expect(at(r)).toEqual(["G3 development.underAge", "H6 dates.order", "J5 development.trainingHoursShort", "L4 dates.order"]);
    const age = r.findings.find((f) => f.code === "development.underAge")!;
    expect(age.expected).toBe("2024-03-15");
  });

  it("another clerk's wording of the same steps reads the same", () => {
    const H2 = ["姓名", "性别", "出生年月", "入党申请", "列为入党积极分子", "列为发展对象", "培训学时", "政审", "支部大会通过"];
    const r = grid(
      H2,
      [
        // 政审 2023-07-02 after the meeting 2023-06-28
        ["孙雨", "女", "2002-11-11", "2021-03-01", "2021-10-08", "2022-11-01", 28, "2023-07-02", "2023-06-28"],
        ["李想", "男", "2003-02-02", "2021-12-01", "2022-06-01", "2023-06-05", 16, "2023-08-01", "2023-09-10"],
      ],
      [2, 3, 4, 5, 7, 8],
    );
    expect(r.sheets[0]!.kind).toBe("development");
    expect(at(r)).toEqual(["G4 development.trainingHoursShort", "I3 dates.order"]);
  });

  it("a 政审结论 column of words (合格, 通过) is not a date column: no date errors on it", () => {
    const words: (string | number | null)[][] = [
      ["何平", "男", "2003-05-01", "2021-09-10", "2022-03-10", "2023-04-01", "合格"],
      ["罗兰", "女", "2003-06-01", "2021-09-12", "2022-03-12", "2023-04-02", "通过"],
      ["高原", "男", "2003-07-01", "2021-09-14", "2022-03-14", "2023-04-03", "合格"],
      ["林森", "男", "2003-08-01", "2021-09-16", "2022-03-16", "2023-04-04", "合格"],
      ["白雪", "女", "2003-09-01", "2021-09-18", "2022-03-18", "2023-04-05", "通过"],
    ];
    const r = grid(["姓名", "性别", "出生日期", "递交入党申请书", "确定为入党积极分子", "确定为发展对象", "政审结论"], words, [2, 3, 4, 5]);
    expect(r.sheets[0]!.kind).toBe("development");
    expect(r.findings.filter((f) => f.cell?.startsWith("G"))).toEqual([]);
    expect((r.sheets[0]!.columns ?? []).find((c) => c.header === "政审结论")?.field ?? null).toBeNull();
  });
});
