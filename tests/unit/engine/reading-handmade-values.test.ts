import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { DEFAULT_RULE_SET } from "../../../shared/ruleset/default.js";
import { yesVotes } from "../../../shared/normalise/chinese-count.js";
import { book, sheet } from "./grid-helpers.js";

const appraisal = (results: string[]): CellValue[][] => [["2025年度民主评议党员结果"], ["姓名", "党小组", "评议结果"], ...results.map((g, i): CellValue[] => [`党员${"甲乙丙丁戊己庚辛"[i]}`, "第一党小组", g])];

describe("a 民主评议 graded on another scale the rule set accepts", () => {
  it("好/较好/一般 is a scale of its own: no unknown grade", () => {
    const r = checkWorkbook(book(sheet("评议", appraisal(["好", "较好", "较好", "一般", "较好", "较好"]))), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("appraisal");
    expect(r.findings.filter((f) => f.code === "appraisal.resultUnknown")).toEqual([]);
  });

  it("a sheet on that scale is held to it whole: 合格 among 好/较好 is flagged, naming the sheet's scale", () => {
    const r = checkWorkbook(book(sheet("评议", appraisal(["好", "较好", "较好", "合格", "较好", "一般"]))), { asOf: "2025-12-31" });
    const unknown = r.findings.filter((f) => f.code === "appraisal.resultUnknown");
    expect(unknown.map((f) => f.cell)).toEqual(["C6"]);
    expect(unknown[0]!.message).toContain("好、较好、一般、差");
  });

  it("a rule set that accepts no other scale flags 好 and 较好", () => {
    const ruleSet = { ...DEFAULT_RULE_SET, appraisal: { ...DEFAULT_RULE_SET.appraisal, resultScales: [] } };
    const r = checkWorkbook(book(sheet("评议", appraisal(["好", "较好", "合格", "合格"]))), { asOf: "2025-12-31", ruleSet });
    expect(r.findings.filter((f) => f.code === "appraisal.resultUnknown").map((f) => f.cell)).toEqual(["C3", "C4"]);
  });
});

describe("同上 and 〃: the value of the row above", () => {
  const dues = (second: CellValue): CellValue[][] => [
    ["机关党支部2025年党费台账"],
    ["姓名", "缴费基数", "1月", "2月", "3月"],
    ["张三", 5100, 76.5, 76.5, 76.5],
    // 5100 × 1.5% = 76.50: 50.00 in March is short
    ["李四", second, 76.5, 76.5, 50],
  ];

  it("a base written 同上 or 〃 is the base above: the row is checked with it, and it is no bad amount", () => {
    for (const same of ["同上", "〃"]) {
      const r = checkWorkbook(book(sheet("党费", dues(same))), { asOf: "2025-03-31" });
      expect(r.sheets[0]!.kind).toBe("dues");
      const errors = r.findings.filter((f) => f.severity === "error").map((f) => `${f.cell} ${f.code}`);
      expect(errors).toEqual(["E4 dues.paidMismatch"]);
    }
  });

  it("an ID written 同上 is not copied: it is an ID left unfilled", () => {
    const r = checkWorkbook(book(sheet("名册", [["党员花名册"], ["姓名", "身份证号码", "入党时间"], ["张三", "110105198003050012", "2010-07-01"], ["李四", "同上", "2011-07-01"]])), { asOf: "2025-12-31" });
    expect(r.findings.some((f) => f.cell === "B4" && f.severity === "error")).toBe(true);
  });
});

describe("备注 that says only 预备党员, where the roster has no status column", () => {
  const roster = (note: string, full: string | null): CellValue[][] => [
    ["党员花名册"],
    ["姓名", "性别", "入党时间", "转正时间", "备注"],
    ["王立新", "男", "2001-06-25", "2002-06-25", note],
    ["陈晓琳", "女", "2025-05-16", full, "预备党员"],
  ];
  it("contradicts a 转正时间 that is filled and past: said at the note", () => {
    const r = checkWorkbook(book(sheet("党员", roster("预备党员", null))), { asOf: "2025-12-31" });
    expect(r.findings.filter((f) => f.code === "member.noteStatusStale").map((f) => f.cell)).toEqual(["E3"]);
  });
  it("a member still on probation, or a note that says more, is no contradiction", () => {
    const r = checkWorkbook(book(sheet("党员", roster("原预备党员，已按期转正", null))), { asOf: "2025-12-31" });
    expect(r.findings.filter((f) => f.code === "member.noteStatusStale")).toEqual([]);
  });
});

describe("a vote written in one cell (赞成10 反对4 弃权2)", () => {
  it("reads the yes votes, and only from a cell of votes", () => {
    expect(yesVotes("赞成10 反对4 弃权2")).toBe(10);
    expect(yesVotes("赞成12票、反对1票、弃权0票")).toBe(12);
    expect(yesVotes("同意15人")).toBe(15);
    expect(yesVotes("反对2 弃权1")).toBeNull();
    expect(yesVotes("赞成10人，通过")).toBeNull();
  });

  const register = (vote: string, present: number): CellValue[][] => [
    ["某党支部2025年支部党员大会记录"],
    ["时间", "主持", "应到（有表决权）", "实到（有表决权）", "议题", "表决"],
    ["2025-06-27", "周立新", 21, present, "讨论接收陈思琪为预备党员", vote],
  ];
  it("a general meeting's vote passes only with more yes votes than half of those expected", () => {
    const notPassed = checkWorkbook(book(sheet("党员大会", register("赞成10 反对4 弃权2", 16))), { asOf: "2025-12-31" });
    expect(notPassed.sheets[0]!.kind).toBe("meetings");
    expect(notPassed.findings.filter((f) => f.code === "development.voteNotPassed").map((f) => f.cell)).toEqual(["F3"]);
    const passed = checkWorkbook(book(sheet("党员大会", register("赞成11 反对4 弃权1", 16))), { asOf: "2025-12-31" });
    expect(passed.findings.filter((f) => f.code === "development.voteNotPassed")).toEqual([]);
  });
  it("a meeting without its quorum is said once, by its attendance", () => {
    const r = checkWorkbook(book(sheet("党员大会", register("赞成10 反对0 弃权0", 10))), { asOf: "2025-12-31" });
    expect(r.findings.filter((f) => f.severity === "error").map((f) => f.code)).toEqual(["meetings.quorumGeneral"]);
  });
});
