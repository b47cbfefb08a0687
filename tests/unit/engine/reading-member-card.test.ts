import { describe, expect, it } from "vitest";
import { checkSheetInBook, checkWorkbook, type CellRange, type CellValue } from "../../../shared/index.js";
import { readMemberCard } from "../../../shared/grid/member-card.js";
import { classifyRow } from "../../../shared/rows/classify-row.js";
import { book, makeId, sheet } from "./grid-helpers.js";

/**
 * One member's card (党员信息采集表): labels beside their values, three pairs to a row, a long value
 * merged across its row. Written here by hand; expected values worked out by hand.
 */
const across = (r: number, c0: number, c1: number): CellRange => ({ r0: r, c0, r1: r, c1 });
const good = makeId("1990-04-10", "男");
// The same number with its check character changed: the last character of a valid ID moved on by one.
const badCheck = good.slice(0, 17) + (good[17] === "0" ? "1" : "0");

function card(id: string, applied: string): { rows: CellValue[][]; merges: CellRange[] } {
  const rows: CellValue[][] = [
    ["党员信息采集表"],
    ["所在党支部：某街道机关党支部", null, null, null, "填表日期：2025年11月"],
    ["姓名", "甲", "性别", "男", "出生日期", "1990-04-10"],
    ["民族", "汉族", "籍贯", "湖北武汉", "学历", "本科"],
    ["公民身份号码", id],
    ["申请入党日期", applied, "入党日期", "2012-07-01", "转正日期", "2013-07-01"],
    ["人员类别", "正式党员", "党内职务", "无", "手机号码", "13912345678"],
    ["备注"],
  ];
  return { rows, merges: [across(0, 0, 5), across(4, 1, 5), across(7, 1, 5)] };
}

const shown = (findings: { cell: string | null; code: string; severity: string }[]) => findings.filter((f) => f.severity !== "info").map((f) => `${f.cell ?? "-"} ${f.code}:${f.severity}`);

describe("a member's card of label–value pairs", () => {
  it("reads the card as a header of labels over one record of values, each value at its card cell", () => {
    const { rows, merges } = card(good, "2010-03-01");
    const folded = readMemberCard(sheet("甲", rows, { merges }))!;
    expect(folded.records).toBe(1);
    // Two title lines, then the 14 labels (3+3+1+3+3+1) over their 14 values.
    expect(folded.grid.values[2]!.slice(0, 7)).toEqual(["姓名", "性别", "出生日期", "民族", "籍贯", "学历", "公民身份号码"]);
    expect(folded.grid.values[3]!.slice(6, 8)).toEqual([good, "2010-03-01"]);
    expect(folded.grid.values[2]).toHaveLength(14);
    expect(folded.placeOf.get("G4")).toBe("B5");
    expect(folded.placeOf.get("I4")).toBe("D6");
  });

  it("checks the card as one roster member: a clean card has no error, and says how it was read", () => {
    const { rows, merges } = card(good, "2010-03-01");
    const r = checkWorkbook(book(sheet("甲", rows, { merges })), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.status).toBe("checked");
    expect(r.sheets[0]!.kind).toBe("roster");
    expect(r.sheets[0]!.rows).toBe(1);
    expect(r.sheets[0]!.reason).toContain("信息卡");
    expect(shown(r.findings)).toEqual([]);
  });

  it("finds the wrong check character at B5 and the application at 17 at B6", () => {
    // Born 1990-04-10, applied 2007-11-05: 17 years old.
    const { rows, merges } = card(badCheck, "2007-11-05");
    const r = checkWorkbook(book(sheet("甲", rows, { merges })), { asOf: "2025-12-31" });
    expect(shown(r.findings)).toEqual(["B5 id.checkDigit:error", "B6 development.underAge:error"]);
    const pane = checkSheetInBook(sheet("甲", rows, { merges }), [], { asOf: "2025-12-31" });
    expect(shown(pane.findings)).toEqual(["B5 id.checkDigit:error", "B6 development.underAge:error"]);
  });

  it("does not take a notice of one label a line, nor a table, for a card", () => {
    expect(readMemberCard(sheet("通知", [["关于召开组织生活会的通知"], ["时间", "2026年1月15日下午"], ["地点", "党群服务中心"], ["参加人员", "全体党员"], ["主持人", "张三"], ["议程", "对照检查"], ["要求", "准时参加"]]))).toBeNull();
    expect(readMemberCard(sheet("名册", [["姓名", "性别", "民族", "学历"], ["甲", "男", "汉族", "本科"], ["乙", "女", "汉族", "大专"], ["丙", "男", "回族", "本科"]]))).toBeNull();
  });

  it("reads a card that starts in column B, and finds its wrong check character at C5", () => {
    const { rows, merges } = card(badCheck, "2010-03-01");
    const shifted = rows.map((r) => [null, ...r]);
    const moved = merges.map((m) => ({ ...m, c0: m.c0 + 1, c1: m.c1 + 1 }));
    const r = checkWorkbook(book(sheet("甲", shifted, { merges: moved })), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("roster");
    expect(shown(r.findings)).toEqual(["C5 id.checkDigit:error"]);
  });

  it("reads a card with its sign-off lines under it, and not one with a table under it", () => {
    const { rows, merges } = card(badCheck, "2010-03-01");
    const signed = [...rows, [], ["填表人：王丽", null, null, "审核人：陈建国"], ["支部书记（签字）：", null, null, "日期：2025年12月5日"]];
    const r = checkWorkbook(book(sheet("甲", signed, { merges })), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("roster");
    expect(shown(r.findings)).toEqual(["B5 id.checkDigit:error"]);
    // A table of family members under the card is more than a sign-off: no card.
    const withTable = [...rows, ["填表人：王丽"], ["称谓", "姓名", "工作单位"], ["妻子", "乙", "某小学"], ["儿子", "丙", "学生"]];
    expect(readMemberCard(sheet("甲", withTable, { merges }), (view, row) => classifyRow(view, row, 1) === "notice")).toBeNull();
  });
});
