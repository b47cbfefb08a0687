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
