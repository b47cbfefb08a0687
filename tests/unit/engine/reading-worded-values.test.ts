import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { readDateText } from "../../../shared/normalise/dates.js";
import { normaliseCell } from "../../../shared/normalise/value.js";
import { verdictOf } from "../../../shared/normalise/verdict-sentence.js";
import { votesInText } from "../../../shared/records/vote-cells.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * Values written as words: a verdict as the sentence that gives it, a person's votes in one cell, a score
 * in Chinese numerals, a date to the part of a month, 满分 for an item's full marks. Expected values
 * worked out by hand from the domain rules (score = (100·优 + 80·合 + 60·基) ÷ valid votes; bands ≥90
 * 优秀, ≥70 合格, ≥60 基本合格).
 */
const GRADES = ["优秀", "合格", "基本合格", "不合格"];
const errors = (rows: CellValue[][], asOf = "2025-12-31") =>
  checkWorkbook(book(sheet("表", rows)), { asOf })
    .findings.filter((f) => f.severity === "error")
    .map((f) => `${f.cell} ${f.code}`);

describe("a verdict written as a sentence", () => {
  it("reads the grade after the verb, the longer grade first", () => {
    expect(verdictOf("经支委会研究，评定为合格", GRADES)).toBe("合格");
    expect(verdictOf("经党员大会评议，确定为“基本合格”等次。", GRADES)).toBe("基本合格");
    expect(verdictOf("评定为不合格", GRADES)).toBe("不合格");
  });

  it("leaves a sentence it does not understand as written", () => {
    expect(verdictOf("经支委会研究，暂缓评定", GRADES)).toBeNull();
    expect(verdictOf("评定为良好", GRADES)).toBeNull();
    expect(verdictOf("合格", GRADES)).toBeNull();
  });
});

describe("votes in one cell and scores in words", () => {
  it("reads each grade's count, short or long", () => {
    expect(votesInText("优秀10票、合格7票、基本合格1票、不合格0票")).toEqual([10, 7, 1, 0]);
    expect(votesInText("优15 合3 基0 不0")).toEqual([15, 3, 0, 0]);
    expect(votesInText("称职20票，基本称职2票")).toEqual([0, 20, 2, 0]);
  });

  it("reads nothing from a cell that is not only votes", () => {
    expect(votesInText("赞成12票")).toBeNull();
    expect(votesInText("优15 外出")).toBeNull();
    expect(votesInText("优5 优6")).toBeNull();
  });

  it("reads a score in Chinese numerals with its unit", () => {
    expect(normaliseCell("八十七分", "number").value).toBe(87);
    expect(normaliseCell("一百分", "number").value).toBe(100);
    expect(normaliseCell("八十七分", "percent").problem?.code).toBe("value.notNumber");
  });

  // A: 姓名, B: 互评情况, C: 测评得分, D: 评定等次; the header on row 3, members from row 4; 10 members vote.
  const sheetOf = (rows: CellValue[][]) => [["某支部2025年度民主评议党员结果"], ["参加评议党员10名"], ["姓名", "互评情况", "测评得分", "评定等次"], ...rows];

  it("a sheet of sentences and worded scores that agree: no error", () => {
    // (800 + 160) ÷ 10 = 96 → 优秀; (100 + 640 + 60) ÷ 10 = 80 → 合格.
    expect(errors(sheetOf([["甲", "优8 合2 基0 不0", "九十六分", "经支委会研究，评定为优秀"], ["乙", "优1 合8 基1 不0", "80分", "经支委会研究，评定为合格"]]))).toEqual([]);
  });

  it("a verdict above its score's band, a wrong score and too many votes are each found at their cell", () => {
    const rows: CellValue[][] = [
      // (100 + 480 + 180) ÷ 10 = 76: a 合格's score, graded 优秀.
      ["甲", "优1 合6 基3 不0", "七十六分", "经支委会研究，评定为优秀"],
      // (640 + 120) ÷ 10 = 76, the sheet says 86.
      ["乙", "优0 合8 基2 不0", "八十六分", "经支委会研究，评定为合格"],
      // 4 + 5 + 2 = 11 votes from 10 members.
      ["丙", "优4 合5 基2 不0", "85分", "经支委会研究，评定为合格"],
    ];
    expect(errors(sheetOf(rows))).toEqual(["D4 appraisal.resultBandMismatch", "C5 appraisal.scoreMismatch", "B6 appraisal.votesOverTotal"]);
  });
});

describe("a date to the part of a month", () => {
  it("is read to the month, never as not a date", () => {
    const may = readDateText("2025年5月1日")!.day;
    expect(readDateText("2024年5月上旬")).toEqual({ day: readDateText("2024年5月1日")!.day, precision: "month" });
    expect(readDateText("2025年5月下旬")).toEqual({ day: may, precision: "month" });
    expect(readDateText("2025.5中旬")).toEqual({ day: may, precision: "month" });
    expect(readDateText("2025年5月中秋")).toBeNull();
  });
});

describe("满分 in an item of a 百分制 form", () => {
  // A 党组织, B 书记, C 述职报告（20分）, D 现场评议（30分）, E 日常考核（50分）, F 总得分, G 评定等次; rows from 3.
  const form = (rows: CellValue[][]) => [["某镇2025年度党组织书记述职评议计分表"], ["党组织", "书记", "述职报告（20分）", "现场评议（30分）", "日常考核（50分）", "总得分", "评定等次"], ...rows];

  it("is the item's full marks: 20 + 28 + 47 = 95 agrees, 94 does not (F3)", () => {
    const other: CellValue[] = ["乙村党支部", "李四", "18分", "28分", "47分", 93, "好"];
    expect(errors(form([["甲村党支部", "张三", "满分", "28分", "47分", 95, "好"], other]))).toEqual([]);
    expect(errors(form([["甲村党支部", "张三", "满分", "28分", "47分", 94, "好"], other]))).toEqual(["F3 points.totalMismatch"]);
  });
});
