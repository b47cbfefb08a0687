import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { DEFAULT_RULE_SET } from "../../../shared/ruleset/default.js";
import { meetingsOfDayCell, unfoldMonthRows } from "../../../shared/detect/month-rows.js";
import { unfoldAttendanceMatrix } from "../../../shared/detect/attendance-matrix.js";
import { capitalMoneyToFen } from "../../../shared/normalise/chinese-money.js";
import { makeId, sheet } from "./grid-helpers.js";

const brief = (fs: { cell: string | null; code: string; severity: string; period?: string | null; message: string }[]) =>
  fs.map((f) => `${f.cell ?? f.period ?? "-"} ${f.code}:${f.severity}`).sort();

describe("two registers one above the other, the same columns, each under its own small title", () => {
  const H = ["时间", "主持", "记录", "应到", "实到", "缺席", "内容"];
  const rows: CellValue[][] = [
    ["某村党支部2025年支委会、党小组会记录"],
    ["一、支部委员会会议"],
    H,
    ["2025-01-08", "甲", "乙", 5, 5, 0, "研究工作计划"],
    ["2025-02-12", "甲", "乙", 5, 4, 1, "研究发展党员"],
    // 2 of 5 委员: fewer than half (at least 3 needed). No 支委会 in March.
    ["2025-04-09", "甲", "乙", 5, 2, 3, "研究春耕"],
    [],
    ["二、第一党小组会"],
    H,
    ["2025-01-16", "丙", "乙", 11, 10, 1, "学习"],
    ["2025-02-19", "丙", "乙", 11, 11, 0, "学习"],
    ["2025-03-18", "丙", "乙", 11, 9, 2, "学习"],
    ["2025-04-16", "丙", "乙", 11, 10, 1, "学习"],
  ];

  // The first table is rows 1–6; the blank line and 二、第一党小组会 begin the second.
  it("each table is its own register of the type its title names", () => {
    const r = checkWorkbook({ sheets: [sheet("上半年", rows)] }, { asOf: "2025-04-30" });
    expect(r.sheets.map((s) => [s.kind, s.block])).toEqual([
      ["meetings", "1–6"],
      ["meetings", "7–13"],
    ]);
    // The March gap is the 支委会's, and the 党小组会 (held every month) is not reported missing.
    expect(brief(r.findings)).toEqual(["2025-03 meetings.missing:warning", "E6 meetings.quorumCommittee:error"]);
    expect(r.findings.find((f) => f.code === "meetings.missing")!.message).toContain("支部委员会");
  });

  it("the same header repeated under no title, or under a 续表 line, stays one table", () => {
    const plain = [...rows.slice(0, 7), rows[8]!, ...rows.slice(9)];
    expect(checkWorkbook({ sheets: [sheet("上半年", plain)] }, { asOf: "2025-04-30" }).sheets.map((s) => s.block)).toEqual([undefined]);
    const continued = rows.map((row, i) => (i === 7 ? ["支部委员会会议（续表）"] : row));
    expect(checkWorkbook({ sheets: [sheet("上半年", continued)] }, { asOf: "2025-04-30" }).sheets.map((s) => s.block)).toEqual([undefined]);
  });
});

describe("a register kept one row a month, each cell a day and what was held", () => {
  const rules = DEFAULT_RULE_SET.meetings;

  it("reads a cell as its day and meetings, and nothing else as one", () => {
    expect(meetingsOfDayCell("7日 支委会", 3, rules)).toEqual([{ day: 7, type: "支委会" }]);
    expect(meetingsOfDayCell("28日 党员大会、党课", 10, rules)).toEqual([
      { day: 28, type: "党员大会" },
      { day: 28, type: "党课" },
    ]);
    expect(meetingsOfDayCell("15日 党小组会；28日 主题党日", 4, rules)).toEqual([
      { day: 15, type: "党小组会" },
      { day: 28, type: "主题党日" },
    ]);
    expect(meetingsOfDayCell("6月7日 支委会", 6, rules)).toEqual([{ day: 7, type: "支委会" }]);
    // Another month's day, a remark, a sum: no meeting of this row.
    expect(meetingsOfDayCell("6月7日 支委会", 5, rules)).toBeNull();
    expect(meetingsOfDayCell("书记外出学习", 5, rules)).toBeNull();
    expect(meetingsOfDayCell("45.00", 5, rules)).toBeNull();
    expect(meetingsOfDayCell("—", 5, rules)).toEqual([]);
  });

  const rows: CellValue[][] = [
    ["某社区党支部2025年三会一课落实情况"],
    ["月份", "开展情况", null, null, null, "备注"],
    ["1月", "6日 支委会", "10日 主题党日", "16日 党小组会", "22日 党员大会"],
    ["2月", "7日 支委会", "14日 主题党日；20日 党小组会"],
    ["3月", "5日 支委会", "10日 主题党日", "18日 党小组会", "25日 党课"],
    // April has 30 days: the 支委会 of 31日 is no day, so April has none on record.
    ["4月", "10日 主题党日", "15日 党小组会", "31日 支委会", null, "书记外出学习"],
  ];

  it("is checked as a list of meetings in the title's year, findings at the cells as written", () => {
    const r = checkWorkbook({ sheets: [sheet("三会一课", rows)] }, { asOf: "2025-04-30" });
    expect(r.sheets.map((s) => [s.status, s.kind])).toEqual([["checked", "meetings"]]);
    expect(r.sheets[0]!.reason).toContain("每月一行");
    // Q1 has its 党员大会 and 党课; Q2 and the year are not over on 2025-04-30, so not judged.
    expect(brief(r.findings)).toEqual(["2025-04 meetings.missing:warning", "D6 value.notDate:error"]);
    expect(r.findings.find((f) => f.code === "meetings.missing")!.message).toContain("支部委员会");
  });

  it("a sheet of month rows holding amounts is no such register", () => {
    const dues = [["2025年党费"], ["月份", "甲", "乙"], ["1月", "45.00", "30.00"], ["2月", "45.00", "30.00"], ["3月", "45.00", "30.00"]];
    expect(unfoldMonthRows(sheet("党费", dues), rules)).toBeNull();
  });
});

describe("an attendance matrix: members down, each meeting's day over its type, √ × ○ in the cells", () => {
  const rows: CellValue[][] = [
    ["某社区党支部2025年组织生活出勤登记"],
    ["姓名", "1月10日", "2月14日", "3月10日", "备注"],
    [null, "主题党日", "主题党日", "主题党日暨党员大会"],
    ["甲", "√", "√", "√"],
    ["乙", "√", "○", "×"],
    ["丙", "√", "√", "×"],
    ["丁", "×", "√", "×", "外出"],
    ["应到", 4, 4, 4],
    // January: 3 √, as stated. February: 3 √ (甲 丙 丁), not the 4 stated, and 4 + 1 on leave exceed 4.
    // March: 1 √ of 4 at the 党员大会, not more than half.
    ["实到", 3, 4, 1],
    ["请假", 0, 1, 0],
  ];

  it("reads each meeting with its attendance and checks the stated 实到 against the marks", () => {
    const r = checkWorkbook({ sheets: [sheet("签到", rows)] }, { asOf: "2025-03-31" });
    expect(r.sheets.map((s) => [s.status, s.kind])).toEqual([["checked", "meetings"]]);
    // 主题党日 in each month and the quarter's 党员大会 are on record: nothing missing.
    expect(brief(r.findings)).toEqual(["C9 meetings.attendanceOver:error", "C9 meetings.presentVsMarks:error", "D9 meetings.quorumGeneral:error"]);
  });

  it("reads it the same from column B, with its sign-off lines under it", () => {
    const moved = [...rows, ["填表人：王丽", null, null, "审核人：陈建国"]].map((row) => [null, ...row]);
    const r = checkWorkbook({ sheets: [sheet("签到", moved)] }, { asOf: "2025-03-31" });
    expect(r.sheets.map((s) => [s.status, s.kind])).toEqual([["checked", "meetings"]]);
    expect(brief(r.findings)).toEqual(["D9 meetings.attendanceOver:error", "D9 meetings.presentVsMarks:error", "E9 meetings.quorumGeneral:error"]);
  });

  it("without stated rows, 实到 and 请假 are the marks counted", () => {
    const m = unfoldAttendanceMatrix(sheet("签到", rows.slice(0, 7)), DEFAULT_RULE_SET.meetings)!;
    // 会议时间 | 会议类型 | 应到 | 实到 | 请假 | 打√ (only where a 实到 is stated).
    expect(m.grid.values.slice(2)).toEqual([
      ["2025年1月10日", "主题党日", 4, 3, 0, null],
      ["2025年2月14日", "主题党日", 4, 3, 1, null],
      ["2025年3月10日", "主题党日", 4, 1, 0, null],
      ["2025年3月10日", "党员大会", 4, 1, 0, null],
    ]);
    expect([...m.types!].sort()).toEqual(["主题党日", "支部党员大会"].sort());
  });

  it("a duty roster (days across, no meeting types under them) is no such register", () => {
    const duty = [["春节值班表"], ["姓名", "1月28日", "1月29日", "1月30日"], ["甲", "√", null, null], ["乙", null, "√", null], ["丙", null, null, "√"]];
    expect(unfoldAttendanceMatrix(sheet("值班", duty), DEFAULT_RULE_SET.meetings)).toBeNull();
  });
});

describe("two months' dues tables side by side: a member's 基数 changed between them", () => {
  const rows: CellValue[][] = [
    ["某支部党费收缴登记"],
    ["2025年10月党费", null, null, null, null, null, "2025年11月党费"],
    ["姓名", "身份", "基数", "金额", "备注", null, "姓名", "身份", "基数", "金额", "备注"],
    // 5200 × 1.5% = 78.00 in October; 4700 × 1% = 47.00 in November, the base changed with no note.
    ["甲", "在职", 5200, 78, null, null, "甲", "在职", 4700, 47, null],
    // 4000 × 1% = 40.00; 3500 × 1% = 35.00, the change noted.
    ["乙", "在职", 4000, 40, null, null, "乙", "在职", 3500, 35, "11月起工资调整"],
    ["丙", "在职", 4000, 40, null, null, "丙", "在职", 4000, 40, null],
  ];

  it("is a warning at the later table's 基数, naming the earlier one; a noted change is not", () => {
    const r = checkWorkbook({ sheets: [sheet("10-11月", rows)] }, { asOf: "2025-11-30" });
    expect(r.sheets.map((s) => [s.kind, s.block])).toEqual([
      ["dues", "A–E"],
      ["dues", "G–K"],
    ]);
    expect(brief(r.findings.filter((f) => f.severity !== "info"))).toEqual(["I4 book.duesBaseChanged:warning"]);
    const f = r.findings.find((x) => x.code === "book.duesBaseChanged")!;
    expect(f.related?.cell).toBe("C4");
    expect(f.message).toContain("4700.00");
    expect(f.message).toContain("5200.00");
  });

  it("stays two tables when the sign-off line under them runs across the empty column", () => {
    const signed = [...rows, [], ["收缴人：王丽", null, null, null, null, "审核人：陈建国", null, null, "填表日期：2025年11月30日"]];
    const r = checkWorkbook({ sheets: [sheet("10-11月", signed)] }, { asOf: "2025-11-30" });
    expect(r.sheets.map((s) => [s.kind, s.block])).toEqual([
      ["dues", "A–E"],
      ["dues", "G–K"],
    ]);
    expect(brief(r.findings.filter((f) => f.severity !== "info"))).toEqual(["I4 book.duesBaseChanged:warning"]);
  });
});

describe("a roster with its 统计 block to the right, past an empty column", () => {
  const id = (birth: string, sex: "男" | "女", seq: number) => makeId(birth, sex, "430603", seq);
  const rows: CellValue[][] = [
    ["某小学党支部党员名单", null, null, null, null, null, null, "统计"],
    ["姓名", "性别", "身份证", "入党时间", "转正时间", "类别", null, "党员总数", 4],
    ["甲", "男", id("1972-04-09", "男", 1), "1997-04-09", "1998-04-09", "正式党员", null, "正式党员", 3],
    ["乙", "男", id("1966-11-25", "男", 3), "1996-11-25", "1997-11-25", "正式党员", null, "预备党员", 1],
    ["丙", "女", id("1978-03-28", "女", 2), "2004-03-28", "2005-03-28", "正式党员", null, "男", 3],
    ["丁", "女", id("1983-05-08", "女", 4), "2025-09-10", null, "预备党员", null, "女", 2],
  ];

  it("checks each count against the rows: 男 3 where the 性别 column holds 2", () => {
    const r = checkWorkbook({ sheets: [sheet("名单", rows)] }, { asOf: "2025-12-31" });
    expect(r.sheets.map((s) => s.kind)).toEqual(["roster"]);
    // 4 rows, 3 正式 and 1 预备, 2 男 and 2 女: only the 男 count is wrong.
    expect(brief(r.findings.filter((f) => f.severity === "error"))).toEqual(["I5 derived.blockCountMismatch:error"]);
    expect(r.findings.find((f) => f.code === "derived.blockCountMismatch")!.expected).toBe("2");
  });

  it("reads counts typed as text (3, 3人, 三) the same", () => {
    const asText = rows.map((row) => row.map((v, c) => (c === 8 && typeof v === "number" ? ["4", "3人", "一", "三"][rows.indexOf(row) - 1]! : v)));
    const r = checkWorkbook({ sheets: [sheet("名单", asText)] }, { asOf: "2025-12-31" });
    expect(brief(r.findings.filter((f) => f.severity === "error"))).toEqual(["I5 derived.blockCountMismatch:error"]);
  });
});

describe("a dues sheet's 月缴, its base kept on the book's roster", () => {
  it("reads 月缴 as the monthly dues and judges it by the roster's 缴费基数", () => {
    const roster = sheet("党员", [
      ["姓名", "性别", "入党时间", "转正时间", "缴费基数"],
      ["甲", "男", "2008-10-12", "2009-10-12", 4200],
      ["乙", "男", "1998-02-12", "1999-02-12", 5500],
    ]);
    // 4200 × 1% = 42.00; 5500 × 1.5% = 82.50, not the 55.00 written.
    const dues = sheet("党费", [
      ["2025年第四季度党费"],
      ["姓名", "月缴", "10月", "11月", "12月", "合计"],
      ["甲", 42, 42, 42, 42, 126],
      ["乙", 55, 55, 55, 55, 165],
    ]);
    const r = checkWorkbook({ sheets: [roster, dues] }, { asOf: "2025-12-31" });
    const errors = r.findings.filter((f) => f.severity === "error").map((f) => `${f.sheet}!${f.cell} ${f.code} ${f.expected ?? ""}`);
    expect(errors).toEqual(["党费!B4 dues.amountMismatch 82.50"]);
  });

  it("reads an amount written out in capital numerals", () => {
    expect(capitalMoneyToFen("肆拾伍元")).toBe(4500);
    expect(capitalMoneyToFen("壹佰零贰元伍角")).toBe(10250);
    expect(capitalMoneyToFen("柒拾陆元伍角整")).toBe(7650);
    expect(capitalMoneyToFen("叁角")).toBe(30);
    expect(capitalMoneyToFen("壹万贰仟元整")).toBe(1_200_000);
    expect(capitalMoneyToFen("肆拾伍")).toBeNull();
    expect(capitalMoneyToFen("四十五元左右")).toBeNull();
  });
});
