import { describe, expect, it } from "vitest";
import { parseIso } from "../../../shared/calendar/days.js";
import { agreesWith, surelyBefore } from "../../../shared/calendar/precision.js";
import { headerKeys } from "../../../shared/detect/header-text.js";
import { parseMonthHeader } from "../../../shared/detect/month-header.js";
import { readNotes, chineseCount } from "../../../shared/notes/read-notes.js";
import { sectionFacts } from "../../../shared/rows/section-facts.js";
import { normaliseCell } from "../../../shared/normalise/value.js";

const day = (iso: string) => parseIso(iso)!;

describe("month headers in every form clerks write", () => {
  it.each([
    ["1月", "", { month: 1 }],
    ["01月", "", { month: 1 }],
    ["1月份", "", { month: 1 }],
    ["1月缴费", "", { month: 1 }],
    ["12月（元）", "", { month: 12 }],
    ["一月", "", { month: 1 }],
    ["元月", "", { month: 1 }],
    ["十月", "", { month: 10 }],
    ["十一月", "", { month: 11 }],
    ["十二月", "", { month: 12 }],
    ["2025年1月", "", { month: 1, year: 2025 }],
    ["2025年12月份", "", { month: 12, year: 2025 }],
    ["2025.1", "", { month: 1, year: 2025 }],
    ["2025-01", "", { month: 1, year: 2025 }],
    ["2025/11", "", { month: 11, year: 2025 }],
    ["202503", "", { month: 3, year: 2025 }],
    ["1", "月份", { month: 1 }],
    ["12", "缴费情况", { month: 12 }],
    ["3", "2025年", { month: 3, year: 2025 }],
    ["3月", "2024年度", { month: 3, year: 2024 }],
    ["2月", "第一季度", { month: 2 }],
  ])("%s under %s", (leaf, group, want) => {
    expect(parseMonthHeader(leaf, group)).toEqual(want);
  });

  it.each([
    ["月份", ""],
    ["13月", ""],
    ["0月", ""],
    ["1", ""],
    ["1", "姓名"],
    ["缴费基数", ""],
  ])("%s under %s is no month", (leaf, group) => {
    expect(parseMonthHeader(leaf, group)).toBeNull();
  });

  it("takes no year from a date in the rows above (填报日期：2026年1月5日)", () => {
    expect(parseMonthHeader("3月", "填报日期：2026年1月5日")).toEqual({ month: 3 });
  });
});

describe("header wording folded in one place", () => {
  it.each([
    ["缴费基数", "交费基数"],
    ["入党日期", "入党时间"],
    ["身份证号", "身份证号码"],
    ["手机号码", "联系电话"],
    ["所在党支部", "所在支部"],
    ["缴费基数（元）", "交费基数"],
    ["*姓 名", "姓名"],
    ["转正时间(年月日)", "转正日期"],
    ["金额/元", "金额"],
  ])("%s reads like %s", (a, b) => {
    expect(headerKeys(a).stem).toBe(headerKeys(b).stem);
  });
  it("keeps different headers apart", () => {
    expect(headerKeys("入党时间").stem).not.toBe(headerKeys("转正时间").stem);
    expect(headerKeys("应到人数").stem).not.toBe(headerKeys("实到人数").stem);
  });
});

describe("values as clerks write them", () => {
  it("reads a dash, a slash or 无 as a cell left empty on purpose, in any typed column", () => {
    for (const mark of ["—", "－", "-", "/", "无", "——"]) {
      for (const type of ["money", "date", "integer", "month", "idNumber", "phone"] as const) {
        const n = normaliseCell(mark, type);
        expect(n.value, `${mark} ${type}`).toBeNull();
        expect(n.problem, `${mark} ${type}`).toBeUndefined();
      }
    }
  });
  it("reads 免交 and 减交 in a money cell as what they say", () => {
    expect(normaliseCell("免交", "money")).toMatchObject({ value: "免交" });
    expect(normaliseCell("免缴", "money")).toMatchObject({ value: "免交" });
    expect(normaliseCell("减交", "money").problem).toBeUndefined();
  });
  it("reads money with ￥, ¥, RMB, 元 and thousands separators", () => {
    expect(normaliseCell("￥1,234.50元", "money").value).toBe(123450);
    expect(normaliseCell("¥76.5", "money").value).toBe(7650);
    expect(normaliseCell("RMB 200", "money").value).toBe(20000);
    expect(normaliseCell("5,100.00元", "money").value).toBe(510000);
  });
  it.each([
    ["2025年6月5日上午", "2025-06-05"],
    ["2025年6月5日下午3点", "2025-06-05"],
    ["2025年6月5日晚上", "2025-06-05"],
    ["2025-06-05 上午9:00", "2025-06-05"],
    ["2025.6.5 14:30-16:00", "2025-06-05"],
    ["2025/6/5 9点半", "2025-06-05"],
    ["2025年6月5号", "2025-06-05"],
  ])("reads the date %s with its time of day", (text, iso) => {
    const n = normaliseCell(text, "datetime");
    expect(n.value).toBe(day(iso));
    expect(n.precision).toBeUndefined();
  });
  it("still refuses text that only starts like a date", () => {
    expect(normaliseCell("2025年6月5日至今未召开", "date").problem?.code).toBe("value.notDate");
  });
  it.each([
    ["1968.02", "1968-02-01", "month"],
    ["1968-2", "1968-02-01", "month"],
    ["1968年2月", "1968-02-01", "month"],
    ["196802", "1968-02-01", "month"],
    ["1968年", "1968-01-01", "year"],
  ])("reads %s as a date to the %s", (text, iso, precision) => {
    expect(normaliseCell(text, "date")).toMatchObject({ value: day(iso), precision });
  });
  it("reads years and months typed as numbers (1968.02 → February; 1968.1 is only the year)", () => {
    expect(normaliseCell(1968.02, "date")).toMatchObject({ value: day("1968-02-01"), precision: "month" });
    expect(normaliseCell(1968.12, "date")).toMatchObject({ value: day("1968-12-01"), precision: "month" });
    expect(normaliseCell(1968.5, "date")).toMatchObject({ value: day("1968-05-01"), precision: "month" });
    expect(normaliseCell(1968.1, "date")).toMatchObject({ value: day("1968-01-01"), precision: "year" });
    expect(normaliseCell(1968, "date")).toMatchObject({ value: day("1968-01-01"), precision: "year" });
  });
  it("compares dates to the month only as far as they were written", () => {
    const feb = { day: day("1968-02-01"), precision: "month" as const };
    expect(agreesWith(feb, day("1968-02-15"))).toBe(true);
    expect(agreesWith(feb, day("1968-03-01"))).toBe(false);
    expect(surelyBefore(feb, { day: day("1968-02-10"), precision: "day" })).toBe(false);
    expect(surelyBefore(feb, { day: day("1968-03-01"), precision: "day" })).toBe(true);
  });
  it("converts a 15-digit first-generation ID as GB 11643 §6.1 says, with a warning to update it", () => {
    // 11010519491231002X is the standard's own 18-digit example; its 15-digit form drops the century and the check.
    const n = normaliseCell("110105491231002", "idNumber");
    expect(n.value).toBe("11010519491231002X");
    expect(n.problem).toMatchObject({ code: "id.fifteenDigit", severity: "warning" });
    expect(normaliseCell(110105491231002, "idNumber").value).toBe("11010519491231002X");
  });
});

describe("facts written in 备注", () => {
  it.each([
    ["延长预备期6个月", { kind: "extension", months: 6 }],
    ["经支部大会讨论，延长预备期六个月", { kind: "extension", months: 6 }],
    ["延长预备期半年", { kind: "extension", months: 6 }],
    ["延长预备期一年", { kind: "extension", months: 12 }],
    ["延长预备期十二个月", { kind: "extension", months: 12 }],
    ["补交3个月党费", { kind: "backPay", months: 3 }],
    ["补缴两个月", { kind: "backPay", months: 2 }],
    // A month of the year, not a count: 3月补交2月 pays February in March.
    ["3月补交2月", { kind: "backPay", monthsOfYear: [2] }],
    ["6月补交4、5月", { kind: "backPay", monthsOfYear: [4, 5] }],
    ["补缴4-6月份党费", { kind: "backPay", monthsOfYear: [4, 5, 6] }],
  ])("%s", (text, want) => {
    expect(readNotes(text)).toContainEqual(expect.objectContaining(want));
  });
  it("reads consent to pay by the quarter or half year", () => {
    expect(readNotes("经支部委员会同意按季度交纳")).toContainEqual(expect.objectContaining({ kind: "duesConsent", cadence: "季度" }));
    expect(readNotes("经党支部同意，每半年交纳一次")).toContainEqual(expect.objectContaining({ kind: "duesConsent", cadence: "半年" }));
    expect(readNotes("按季度交纳（已经支部同意）")).toContainEqual(expect.objectContaining({ kind: "duesConsent" }));
    expect(readNotes("按季度交纳")).not.toContainEqual(expect.objectContaining({ kind: "duesConsent" }));
  });
  it("reads transfers with their dates", () => {
    expect(readNotes("2025年4月转出至市直机关党委")).toContainEqual(expect.objectContaining({ kind: "transferOut", day: day("2025-04-01") }));
    expect(readNotes("2025.03.10由外地转入")).toContainEqual(expect.objectContaining({ kind: "transferIn", day: day("2025-03-10") }));
    expect(readNotes("组织关系转入时间：2024-09-01")).toContainEqual(expect.objectContaining({ kind: "transferIn", day: day("2024-09-01") }));
  });
  it("tells an approved exemption from one that does not say it was approved", () => {
    expect(readNotes("经支部研究、报上级党委批准免交6月党费")).toContainEqual(expect.objectContaining({ kind: "exempt", approved: true }));
    expect(readNotes("生活困难，免交")).toContainEqual(expect.objectContaining({ kind: "exempt", approved: false }));
    expect(readNotes("经批准减交")).toContainEqual(expect.objectContaining({ kind: "reduced", approved: true }));
  });
  it("reads the states of membership notes name", () => {
    expect(readNotes("2023年起出国（境）定居").map((f) => f.kind)).toContain("abroad");
    expect(readNotes("流动党员，在外务工").map((f) => f.kind)).toContain("mobile");
    expect(readNotes("已停止党籍").map((f) => f.kind)).toContain("suspended");
    expect(readNotes("表现良好")).toEqual([]);
  });
  it("counts in Chinese numerals", () => {
    expect([chineseCount("六"), chineseCount("十"), chineseCount("十二"), chineseCount("两"), chineseCount("二十四"), chineseCount("24")]).toEqual([6, 10, 12, 2, 24, 24]);
  });
});

describe("what a section heading says about its rows", () => {
  it.each([
    ["一、在职党员", [{ field: "category", value: "在职" }]],
    ["二、离退休党员", [{ field: "category", value: "离退休" }]],
    ["（三）学生党员", [{ field: "category", value: "学生" }]],
    ["预备党员", [{ field: "status", value: "预备党员" }]],
    ["第二党小组", [{ field: "group", value: "第二党小组" }]],
    ["机关党小组", [{ field: "group", value: "机关党小组" }]],
  ])("%s", (label, facts) => {
    expect(sectionFacts(label)).toEqual(facts);
  });
});
