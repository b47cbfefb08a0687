import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { voteOrderOfHeader, votesInOrder } from "../../../shared/records/vote-cells.js";
import { book, sheet } from "./grid-helpers.js";

describe("the four vote counts joined in one cell, in the order the header names the grades", () => {
  it("reads the order from the header's brackets or after its colon", () => {
    expect(voteOrderOfHeader("测评票（优秀、合格、基本合格、不合格）")).toEqual([0, 1, 2, 3]);
    expect(voteOrderOfHeader("票数:不合格/基本合格/合格/优秀")).toEqual([3, 2, 1, 0]);
    expect(voteOrderOfHeader("测评票（单位：张）")).toBeNull();
    expect(voteOrderOfHeader("测评票（优秀、优秀）")).toBeNull();
  });

  it("spreads bare counts to their grades, as many as the header names", () => {
    expect(votesInOrder("9、14、2、0", [0, 1, 2, 3])).toEqual([9, 14, 2, 0]);
    expect(votesInOrder("1/2/3/4", [3, 2, 1, 0])).toEqual([4, 3, 2, 1]);
    expect(votesInOrder("9、14、2", [0, 1, 2, 3])).toBeNull();
    expect(votesInOrder("—", [0, 1, 2, 3])).toBeNull();
  });

  // Score = (100·优秀 + 80·合格 + 60·基本合格) ÷ 有效票. 甲: 16, 8 of 24 → (1600 + 640) ÷ 24 = 93.33.
  // 乙: 9 + 14 + 2 + 0 = 25 votes of 24. 丙: 8, 15, 1 → (800 + 1200 + 60) ÷ 24 = 85.83, written 84.17.
  const rows: CellValue[][] = [
    ["2025年度民主评议党员测评结果"],
    ["序号", "姓名", "测评票（优秀、合格、基本合格、不合格）", "有效票", "测评得分", "评定等次"],
    [1, "甲", "16、8、0、0", 24, "93.33分", "优秀"],
    [2, "乙", "9、14、2、0", 24, "86.67分", "合格"],
    [3, "丙", "8、15、1、0", 24, "84.17分", "合格"],
    [4, "丁", "6、17、1、0", 24, "84.17分", "合格"],
    [5, "戊", "5、18、1、0", 24, "83.33分", "合格"],
  ];

  it("checks the counts against 有效票 and the score against the counts", () => {
    const r = checkWorkbook(book(sheet("Sheet1", rows)), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("appraisal");
    const errors = r.findings.filter((f) => f.severity === "error").map((f) => [f.cell, f.code]);
    expect(errors).toEqual([
      ["D4", "appraisal.votesBelowValid"],
      ["E5", "appraisal.scoreMismatch"],
    ]);
  });
});
