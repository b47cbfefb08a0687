import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { ballotsAndVotesInText } from "../../../shared/records/vote-cells.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * A 干部考核民主测评 sheet whose ballots and votes are one sentence a person (测评情况: 发出测评票30张，收回29张，
 * 有效28张；优秀10票，称职15票…). Expected values by hand from domain-rules.md: 有效 ≤ 收回 ≤ 发出, the votes add up
 * to the valid ballots, score = (100·优秀 + 80·称职 + 60·基本称职 + 0·不称职) ÷ valid, bands 优秀 ≥ 90, 称职 ≥ 70,
 * 基本称职 ≥ 60, and more than a third 不称职 is 不称职.
 */
describe("ballots and votes in one sentence", () => {
  it("gives the ballots handed out, returned and valid, then the votes", () => {
    expect(ballotsAndVotesInText("发出测评票30张，收回29张，有效28张；优秀10票，称职15票，基本称职3票")).toEqual({ ballots: [30, 29, 28], votes: [10, 15, 3, 0] });
    expect(ballotsAndVotesInText("优秀10票，称职15票，基本称职3票，不称职0票")).toEqual({ ballots: [null, null, null], votes: [10, 15, 3, 0] });
  });
  it("is not read when the votes are not, or a clause is said twice", () => {
    expect(ballotsAndVotesInText("发出测评票30张，收回29张")).toBeNull();
    expect(ballotsAndVotesInText("发出30张，发出29张，优秀10票，称职15票")).toBeNull();
  });
});

describe("a 测评 sheet with a 测评情况 cell", () => {
  const rows: CellValue[][] = [
    ["某局2025年度中层干部民主测评情况"],
    ["序号", "姓名", "职务", "测评情况", "综合得分", "等次"],
    // Row 3: (1000 + 1200 + 180) ÷ 28 = 85.00, 称职: right.
    [1, "周涛", "办公室主任", "发出测评票30张，收回28张，有效28张；优秀10票，称职15票，基本称职3票", 85, "称职"],
    // Row 4: 31 returned of 30 handed out.
    [2, "吴丽", "股长", "发出测评票30张，收回31张，有效28张；优秀10票，称职15票，基本称职3票", 85, "称职"],
    // Row 5: 29 valid of 28 returned.
    [3, "陈刚", "股长", "发出测评票30张，收回28张，有效29张；优秀10票，称职15票，基本称职3票", 85, "称职"],
    // Row 6: 10 + 15 + 2 = 27 votes for 28 valid ballots.
    [4, "赵芳", "股长", "发出测评票30张，收回28张，有效28张；优秀10票，称职15票，基本称职2票", 85, "称职"],
    // Row 7: (1400 + 1120) ÷ 28 = 90.00, stated 88.00; the band is 优秀.
    [5, "孙强", "股长", "发出测评票30张，收回28张，有效28张；优秀14票，称职14票", 88, "称职"],
    // Row 8: 10 不称职 of 28 (more than a third): (500 + 800 + 180) ÷ 28 = 52.86, 不称职.
    [6, "钱伟", "股长", "发出测评票30张，收回28张，有效28张；优秀5票，称职10票，基本称职3票，不称职10票", 52.86, "称职"],
  ];
  const r = checkWorkbook(book(sheet("测评", rows)), { asOf: "2025-12-31" });
  const at = (cell: string) => r.findings.filter((f) => f.cell === cell && f.severity === "error").map((f) => f.code);

  it("reads the cell as the ballots and votes", () => {
    expect(r.sheets[0]!.kind).toBe("assessment");
    expect(r.findings.filter((f) => f.row === 3)).toEqual([]);
  });
  it("finds ballots out of order at the cell", () => {
    expect(at("D4")).toEqual(["appraisal.returnedOverIssued"]);
    expect(at("D5")).toEqual(["appraisal.validOverReturned"]);
    expect(at("D6")).toEqual(["appraisal.votesBelowValid"]);
  });
  it("recomputes the score and the grade from the votes", () => {
    expect(at("E7")).toEqual(["appraisal.scoreMismatch"]);
    expect(r.findings.find((f) => f.cell === "E7")!.expected).toBe("90.00");
    expect(at("F7")).toEqual(["appraisal.gradeMismatch"]);
    expect(at("F8")).toEqual(["appraisal.gradeMismatch"]);
    expect(r.findings.find((f) => f.cell === "F8")!.expected).toBe("不称职");
  });
});

describe("a 测评 sheet whose ballots are said once above the table", () => {
  const line = "测评时间：2025年12月20日　　发放测评票30张，收回28张，其中有效票28张";
  const rows: CellValue[][] = [
    ["某局2025年度中层干部民主测评结果汇总"],
    [line, line, line, line, line],
    ["姓名", "职务", "测评票数情况", "测评得分", "考核等次"],
    // Row 4: 10 + 15 + 3 = 28 votes, (1000 + 1200 + 180) ÷ 28 = 85.00: right.
    ["周涛", "办公室主任", "优秀10票，称职15票，基本称职3票，不称职0票", 85, "称职"],
    // Row 5: 10 + 16 + 3 = 29 votes where 28 ballots were valid.
    ["吴丽", "股长", "优秀10票，称职16票，基本称职3票，不称职0票", 86.55, "称职"],
    ["陈刚", "股长", "优秀14票，称职14票", 90, "优秀"],
  ];
  const merges = [{ r0: 1, c0: 0, r1: 1, c1: 4 }];
  const r = checkWorkbook(book(sheet("测评结果", rows, { merges })), { asOf: "2025-12-31" });

  it("says a row whose votes do not add up to the valid ballots, at its cell of votes", () => {
    expect(r.findings.filter((f) => f.severity === "error").map((f) => `${f.cell}:${f.code}`)).toEqual(["C5:appraisal.votesBelowValid"]);
  });
});
