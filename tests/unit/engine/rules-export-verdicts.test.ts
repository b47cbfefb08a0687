import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, sheet } from "./grid-helpers.js";

describe("a 民主评议 verdict that says the member takes no part (不参加本次评议)", () => {
  // Ten rows: two 优秀, seven 合格, one excused by the 支委会. Nine assessed: 20% of 9 allows 1 优秀 (rounded down).
  const rows = (verdict: string): CellValue[][] => [
    ["2025年度民主评议党员结果"],
    ["姓名", "优秀", "合格", "基本合格", "不合格", "评定等次"],
    ["甲", 8, 2, 0, 0, "优秀"],
    ["乙", 7, 3, 0, 0, "优秀"],
    ["丙", 2, 8, 0, 0, "合格"],
    ["丁", 2, 8, 0, 0, "合格"],
    ["戊", 1, 9, 0, 0, "合格"],
    ["己", 1, 9, 0, 0, "合格"],
    ["庚", 1, 9, 0, 0, "合格"],
    ["辛", 0, 10, 0, 0, "合格"],
    ["壬", 0, 10, 0, 0, "合格"],
    ["癸", null, null, null, null, verdict],
  ];

  it("is no unknown grade, and is not counted among those assessed", () => {
    const r = checkWorkbook(book(sheet("评议结果", rows("不参加本次评议"))), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("appraisal");
    expect(r.findings.filter((f) => f.code === "appraisal.resultUnknown")).toEqual([]);
    const quota = r.findings.filter((f) => f.code === "quota.excellent");
    expect(quota.map((f) => [f.args?.assessed, f.args?.allowed, f.args?.excellent])).toEqual([[9, 1, 2]]);
  });

  it("不参评 and 免评 say the same", () => {
    for (const v of ["不参评", "免评"]) {
      const r = checkWorkbook(book(sheet("评议结果", rows(v))), { asOf: "2025-12-31" });
      expect(r.findings.filter((f) => f.code === "appraisal.resultUnknown")).toEqual([]);
    }
  });

  it("a grade of another body's scale (良好) is still not a verdict", () => {
    const r = checkWorkbook(book(sheet("评议结果", rows("良好"))), { asOf: "2025-12-31" });
    expect(r.findings.filter((f) => f.code === "appraisal.resultUnknown").map((f) => f.cell)).toEqual(["F12"]);
  });
});

describe("a committee list that keeps a member who left (离任日期)", () => {
  // Nine listed, one left on 2024-03-10: eight sit on the committee, more than 7.
  const posts = ["书记", "副书记", "组织委员", "宣传委员", "纪检委员", "统战委员", "青年委员", "委员", "宣传委员"];
  const names = ["甲一", "乙二", "丙三", "丁四", "戊五", "己六", "庚七", "辛八", "壬九"];
  const rows = (leftOn: string): CellValue[][] => [
    ["姓名", "党内职务", "任职日期", "届满日期", "离任日期"],
    ...posts.map((p, i): CellValue[] => [names[i]!, p, "2021-04-15", "2026-04-15", i === 3 ? leftOn : "null"]),
  ];

  it("counts the eight who sit, not the nine listed", () => {
    const r = checkWorkbook(book(sheet("班子成员", rows("2024-03-10"))), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("committee");
    const size = r.findings.filter((f) => f.code === "committee.size");
    expect(size.map((f) => f.args?.size)).toEqual([8]);
  });

  it("one who leaves after the day of the check still sits on it", () => {
    const r = checkWorkbook(book(sheet("班子成员", rows("2026-03-10"))), { asOf: "2025-12-31" });
    expect(r.findings.filter((f) => f.code === "committee.size").map((f) => f.args?.size)).toEqual([9]);
  });
});

describe("a 年度考核 测评 export with each cadre's 处分/组织处理情况 beside the grade", () => {
  // Votes of 50: 40 优秀 + 10 称职 give (4000 + 800) ÷ 50 = 96, 优秀; 50 称职 give 80, 称职.
  const rows: CellValue[][] = [
    ["被测评人", "有效票数", "优秀票", "称职票", "基本称职票", "不称职票", "综合得分", "考核等次", "处分/组织处理情况"],
    ["甲", 50, 40, 10, 0, 0, 96, "优秀", "2025年6月受党内警告处分"],
    ["乙", 50, 40, 10, 0, 0, 96, "优秀", "2023年受党内警告处分（已期满）"],
    ["丙", 50, 40, 10, 0, 0, 96, "优秀", "2025年3月诫勉"],
    ["丁", 50, 0, 50, 0, 0, 80, "称职", "null"],
    ["戊", 50, 0, 50, 0, 0, 80, "称职", "2025年受党内警告处分"],
    ["己", 50, 0, 50, 0, 0, 80, "称职", "null"],
  ];

  it("a 党内警告 or a 诫勉 of the year rules out 优秀; one of an earlier year, or beside 称职, does not", () => {
    const r = checkWorkbook(book(sheet("测评结果", rows)), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("assessment");
    const sanctions = r.findings.filter((f) => f.code === "cadre.sanctionNotGrade");
    expect(sanctions.map((f) => [f.cell, f.severity])).toEqual([
      ["H2", "error"],
      ["H4", "error"],
    ]);
  });
});

describe("a committee list whose 备注 states an approved postponement of the election", () => {
  const rows = (note: string): CellValue[][] => [
    ["姓名", "党内职务", "任职日期", "届满日期", "备注"],
    ["甲一", "书记", "2021-04-15", "2026-04-15", note],
    ["乙二", "组织委员", "2021-04-15", "2026-04-15", null],
    ["丙三", "宣传委员", "2021-04-15", "2026-04-15", null],
  ];

  it("until 2027-06, 14 months after the term ends on 2026-04-15: longer than a year, though the term runs still", () => {
    const r = checkWorkbook(book(sheet("班子成员", rows("经街道党工委批准，延期换届至2027年6月"))), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("committee");
    expect(r.findings.filter((f) => f.code === "committee.delayTooLong").map((f) => [f.cell, f.severity])).toEqual([["E2", "error"]]);
  });

  it("until 2027-03, eleven months: within the year, no finding", () => {
    const r = checkWorkbook(book(sheet("班子成员", rows("经街道党工委批准，延期换届至2027年3月"))), { asOf: "2025-12-31" });
    expect(r.findings.filter((f) => f.code.startsWith("committee.delay"))).toEqual([]);
  });
});
