import { describe, expect, it } from "vitest";
import { checkSheet, checkWorkbook, type CellValue, type SheetGrid } from "../../../shared/index.js";
import { partOfYear } from "../../../shared/book/register-parts.js";
import { parseIso } from "../../../shared/calendar/days.js";
import { readDateInYear, readDateSpanEnd, readDateText } from "../../../shared/normalise/dates.js";
import { book, sheet } from "./grid-helpers.js";

const day = (iso: string) => parseIso(iso)!;
const onDay = (iso: string) => ({ day: day(iso), precision: "day" });

describe("dates written with the weekday, the time of day, full-width digits or Chinese numerals", () => {
  it("reads the date when the weekday is the date's own (2026-04-05 was a Sunday, 2025-03-08 a Saturday)", () => {
    expect(readDateText("2026年4月5日（周日）上午")).toEqual(onDay("2026-04-05"));
    expect(readDateText("2026-04-05 星期日")).toEqual(onDay("2026-04-05"));
    expect(readDateText("2026-04-05 星期天")).toEqual(onDay("2026-04-05"));
    expect(readDateText("2026.4.5 礼拜天")).toEqual(onDay("2026-04-05"));
    expect(readDateText("2025.3.8 周六 14:30")).toEqual(onDay("2025-03-08"));
    expect(readDateText("2025年3月8日(周六)下午2:30")).toEqual(onDay("2025-03-08"));
    expect(readDateInYear("4月5日(周日)下午2:30", () => 2026)).toEqual(onDay("2026-04-05"));
  });

  it("does not read a date whose weekday is not its own: which of the two was meant is not known", () => {
    expect(readDateText("2026年4月5日（周六）上午")).toBeNull();
    expect(readDateInYear("4月5日(周一)", () => 2026)).toBeNull();
    // Nothing else may follow the weekday but a time of day.
    expect(readDateText("2026年4月5日（周日）补开")).toBeNull();
  });

  it("reads full-width digits, 号 for 日 and Chinese numerals (二〇二五年, 二零二五年十二月三十一日)", () => {
    expect(readDateText("２０２５年３月５日")).toEqual(onDay("2025-03-05"));
    expect(readDateText("2025年3月5号")).toEqual(onDay("2025-03-05"));
    expect(readDateText("二〇二五年三月五日")).toEqual(onDay("2025-03-05"));
    expect(readDateText("二零二五年十二月三十一日")).toEqual(onDay("2025-12-31"));
    expect(readDateText("二〇二五年二月三十日")).toBeNull();
    expect(readDateInYear("三月五号", () => 2025)).toEqual(onDay("2025-03-05"));
  });

  // A 支委会 register of 2026 whose dates are written in the ways clerks write them; May was not held.
  it("a register with such dates: none unreadable, and only May's 支委会 is missing", () => {
    const rows: CellValue[][] = [
      ["某机关第一党支部2026年支部委员会会议记录"],
      ["会议时间", "会议类型", "主持人", "应到", "实到"],
      ["2026年1月9日（周五）下午", "支委会", "王立新", 5, 5],
      ["2026-02-06 星期五", "支委会", "王立新", 5, 5],
      ["2026.3.6 周五 14:30", "支委会", "王立新", 5, 4],
      ["4月3日(周五)下午2:30", "支委会", "王立新", 5, 5],
      ["二〇二六年六月五日", "支委会", "王立新", 5, 5],
      ["２０２６年７月３日", "支委会", "王立新", 5, 5],
      ["2026年8月7号", "支委会", "王立新", 5, 5],
      ["2026年9月4日 礼拜五", "支委会", "王立新", 5, 5],
      ["2026年10月9日", "支委会", "王立新", 5, 5],
      ["2026年11月6日", "支委会", "王立新", 5, 5],
      ["2026年12月4日", "支委会", "王立新", 5, 5],
    ];
    const { report, findings } = checkSheet(sheet("支委会", rows), { asOf: "2026-12-31" });
    expect(report.kind).toBe("meetings");
    expect(findings.filter((f) => f.code === "value.notDate")).toEqual([]);
    const missing = findings.filter((f) => f.code.startsWith("meetings.missing") && f.message.includes("支部委员会")).map((f) => f.period);
    expect(missing).toEqual(["2026-05"]);
  });
});

describe("a training span that crosses a month's end", () => {
  it("the end takes the start's year and month where it omits them, the next year after December", () => {
    expect(readDateSpanEnd("2025.10.30-11.2")).toBe(day("2025-11-02"));
    expect(readDateSpanEnd("2025.9.30-2025.10.4")).toBe(day("2025-10-04"));
    expect(readDateSpanEnd("2025年10月30日至11月2日")).toBe(day("2025-11-02"));
    expect(readDateSpanEnd("2025.12.30-1.2")).toBe(day("2026-01-02"));
    expect(readDateSpanEnd("10月30日至11月2日")).toBeNull();
    expect(readDateSpanEnd("10月30日至11月2日", () => 2025)).toBe(day("2025-11-02"));
    expect(readDateText("2025.9.30-2025.10.4")).toEqual(onDay("2025-09-30"));
  });

  it("both ends are read: 2025.10.30-11.2 is 4 days, 2025.10.31-11.1 only 2", () => {
    const rows: CellValue[][] = [
      ["姓名", "递交入党申请书时间", "确定为入党积极分子时间", "确定为发展对象时间", "集中培训时间", "入党介绍人", "入党时间"],
      ["孙宏伟", "2023-03-01", "2023-09-10", "2024-09-15", "2025.9.30-2025.10.4", "王建国、李红梅", "2025-12-20"],
      ["高慧敏", "2023-03-01", "2023-09-10", "2024-09-15", "2025.10.30-11.2", "王建国、张志强", "2025-12-20"],
      ["刘晓东", "2023-03-01", "2023-09-10", "2024-09-15", "2025.10.31-11.1", "王建国、张志强", "2025-12-20"],
    ];
    const findings = checkSheet(sheet("发展党员", rows), { asOf: "2025-12-31" }).findings.map((f) => `${f.cell} ${f.code}`);
    expect(findings.filter((c) => c.includes("notDate"))).toEqual([]);
    expect(findings.filter((c) => c.includes("training"))).toEqual(["E4 development.trainingShort"]);
  });
});

describe("a register kept in parts: one sheet per quarter of one year", () => {
  it("names the months a sheet's name holds", () => {
    expect(partOfYear("一季度")).toEqual({ fromMonth: 1, toMonth: 3 });
    expect(partOfYear("第二季度")).toEqual({ fromMonth: 4, toMonth: 6 });
    expect(partOfYear("2026年第三季度")).toEqual({ fromMonth: 7, toMonth: 9 });
    expect(partOfYear("Q4")).toEqual({ fromMonth: 10, toMonth: 12 });
    expect(partOfYear("1月")).toEqual({ fromMonth: 1, toMonth: 1 });
    expect(partOfYear("十二月")).toEqual({ fromMonth: 12, toMonth: 12 });
    expect(partOfYear("下半年")).toEqual({ fromMonth: 7, toMonth: 12 });
    expect(partOfYear("三会一课")).toBeNull();
    expect(partOfYear("花名册")).toBeNull();
  });

  // 2026: a 党员大会 and a 党课 each quarter, a 支委会 and a 主题党日 each month, the 组织生活会 and
  // 民主评议党员 in December — except no 党员大会 in the second quarter and no 支委会 in August.
  const quarter = (q: number, name: string): SheetGrid => {
    const rows: CellValue[][] = [[`某机关第二党支部2026年三会一课记录（${name}）`], ["会议时间", "会议类型", "主持人", "应到", "实到"]];
    for (let m = q * 3 - 2; m <= q * 3; m++) {
      const firstOfQuarter = (m - 1) % 3 === 0;
      if (firstOfQuarter && q !== 2) rows.push([`2026年${m}月8日`, "支部党员大会", "王立新", 21, 19]);
      if (firstOfQuarter) rows.push([`2026年${m}月12日`, "党课", "支部书记王立新", 21, 20]);
      if (m !== 8) rows.push([`2026年${m}月5日`, "支委会", "王立新", 5, 5]);
      rows.push([`2026年${m}月20日`, "主题党日", "王立新", 21, 20]);
    }
    if (q === 4) rows.push(["2026年12月22日", "组织生活会", "王立新", 21, 21], ["2026年12月23日", "民主评议党员", "王立新", 21, 21]);
    return sheet(name, rows);
  };
  const meetingFindings = (findings: { sheet: string; code: string; period?: string | null }[]) =>
    findings.filter((f) => f.code.startsWith("meetings.")).map((f) => `${f.sheet} ${f.code} ${f.period}`);

  it("judges the year over the four parts: each part says only its own gaps", () => {
    const report = checkWorkbook(book(quarter(1, "一季度"), quarter(2, "二季度"), quarter(3, "三季度"), quarter(4, "四季度")), { asOf: "2026-12-31" });
    expect(report.sheets.map((s) => s.kind)).toEqual(["meetings", "meetings", "meetings", "meetings"]);
    expect(meetingFindings(report.findings)).toEqual(["二季度 meetings.missing 2026-Q2", "三季度 meetings.missing 2026-08"]);
  });

  it("a missing part's periods are still said, by the last part: no quarter goes unjudged", () => {
    const report = checkWorkbook(book(quarter(1, "一季度"), quarter(2, "二季度"), quarter(3, "三季度")), { asOf: "2026-12-31" });
    const said = meetingFindings(report.findings);
    expect(said).toContain("三季度 meetings.missing 2026-Q4");
    expect(said.filter((f) => f.startsWith("一季度"))).toEqual([]);
    expect(said.filter((f) => f.startsWith("二季度"))).toEqual(["二季度 meetings.missing 2026-Q2"]);
  });
});

describe("an approved postponement of a 换届 with its length or its end in 备注", () => {
  const header = ["支部委员会名称", "任命时间", "应换届时间", "实际换届时间", "备注"];
  const codes = (row: CellValue[]) =>
    checkWorkbook(book(sheet("换届", [header, row])), { asOf: "2025-12-31" }).findings.filter((f) => f.severity !== "info").map((f) => `${f.cell} ${f.code}`);
  it.each([
    // Due 2025-03-10; 6 months allow up to 2025-09-10.
    ["elected within the 6 months approved", ["机关第一党支部委员会", "2022-03-10", "2025-03-10", "2025-08-20", "经镇党委批准，延期6个月换届"], []],
    ["elected after the 6 months approved, within a year", ["机关第一党支部委员会", "2022-03-10", "2025-03-10", "2025-10-20", "经镇党委批准，延期6个月换届"], ["D2 committee.electionAfterDelay"]],
    ["no election yet, within 延期至2025年12月 (to the month's end)", ["机关第一党支部委员会", "2022-03-10", "2025-03-10", null, "经街道党工委同意，延期至2025年12月换届"], []],
    ["no election, the approved 半年 over", ["机关第一党支部委员会", "2022-03-10", "2025-03-10", null, "换届推迟半年（已报镇党委批准）"], ["C2 committee.delayOverdue"]],
    // 18 months approved is longer than the year 选举工作条例第三条 allows, even before the year is over.
    ["18 months approved", ["机关第一党支部委员会", "2022-06-10", "2025-06-10", null, "经县委组织部批准延期18个月"], ["C2 committee.delayTooLong"]],
    ["a postponement of dues is not one of the election", ["机关第一党支部委员会", "2022-03-10", "2025-03-10", null, "经支部同意延期3个月交纳"], ["C2 committee.termExpired"]],
  ])("%s", (_, row, want) => {
    expect(codes(row as CellValue[])).toEqual(want);
  });
});

describe("a 延长时间（月） column on a probation register is the probation's extension", () => {
  it("12 months: full membership 24 months after admission is right; 4 months is too short; 8 months, a date a month late", () => {
    const rows: CellValue[][] = [
      ["姓名", "支部大会接收时间", "是否延长预备期", "延长时间（月）", "转正时间"],
      ["朱文斌", "2022-03-15", "是", 12, "2024-03-15"],
      ["邓倩", "2023-01-10", "是", 4, "2024-05-10"],
      ["罗志刚", "2022-11-20", "是", 8, "2024-08-20"],
      ["钟慧", "2023-05-08", "否", null, "2024-05-08"],
    ];
    const { report, findings } = checkSheet(sheet("预备党员", rows), { asOf: "2024-12-31" });
    expect(report.columns.find((c) => c.column === "D")?.field).toBe("extensionMonths");
    // EDATE(2022-11-20, 20) = 2024-07-20, written 2024-08-20.
    expect(findings.filter((f) => f.severity === "error").map((f) => `${f.cell} ${f.code}`)).toEqual(["D3 probation.extensionRange", "E4 probation.fullDateMismatch"]);
  });
});
