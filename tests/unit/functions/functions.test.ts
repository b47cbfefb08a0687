import { afterEach, describe, expect, it } from "vitest";
import { dayToExcelSerial, fromYmd } from "../../../shared/calendar/days.js";
import { checkCharacter } from "../../../shared/idcard/gb11643.js";
import * as DJ from "../../../addin/functions/functions.js";
import { setDjContext } from "../../../addin/functions/runtime.js";
import { acmeRuleSet, excel, fakeWorker, makeContext, syncExcel } from "./fixtures.js";

const serial = (y: number, m: number, d: number) => dayToExcelSerial(fromYmd(y, m, d));
const withCheck = (first17: string) => first17 + checkCharacter(first17);
const VALUE = (text: string) => ({ error: "invalidValue", message: expect.stringContaining(text) });

afterEach(() => setDjContext(null));
const offline = () => setDjContext(makeContext());

describe("=DJ.DUES / =DJ.DUESRATE", () => {
  it("computes dues synchronously with the built-in default", () => {
    offline();
    expect(syncExcel(() => DJ.dues(5100))).toBe(76.5);
    expect(syncExcel(() => DJ.dues(4900, "在职"))).toBe(49);
    expect(syncExcel(() => DJ.dues(7777, "", "default"))).toBe(116.66);
    expect(syncExcel(() => DJ.dues(5000, "退休", "default@1"))).toBe(25);
    expect(syncExcel(() => DJ.dues(5001, "离退休"))).toBe(50.01);
    expect(syncExcel(() => DJ.dues("5100", "在职"))).toBe(76.5); // numeric text from an import
    expect(syncExcel(() => DJ.dues(null as unknown as number, "学生"))).toBe(0.2); // income irrelevant
    expect(syncExcel(() => DJ.dues(3000, "困难减免"))).toBe(0);
    expect(syncExcel(() => DJ.duesrate(5100))).toBe(0.015);
    expect(syncExcel(() => DJ.duesrate(12000, "在职"))).toBe(0.02);
  });

  it("gives messages, not numbers, for bad input", () => {
    offline();
    expect(syncExcel(() => DJ.dues("五千"))).toEqual(VALUE("月收入（计算基数）应为数字"));
    expect(syncExcel(() => DJ.dues(""))).toEqual(VALUE("缺少月收入"));
    expect(syncExcel(() => DJ.dues(null))).toEqual(VALUE("缺少月收入"));
    expect(syncExcel(() => DJ.dues(-1))).toEqual(VALUE("不能为负数"));
    expect(syncExcel(() => DJ.dues(1e20))).toEqual(VALUE("超出可计算范围"));
    expect(syncExcel(() => DJ.dues(true))).toEqual(VALUE("应为数字"));
    expect(syncExcel(() => DJ.dues(5000, "外星人"))).toEqual(VALUE("未知党费类别「外星人」"));
    expect(syncExcel(() => DJ.dues(5000, "农民"))).toEqual({ error: "notAvailable", message: expect.stringContaining("0.20–1.00") });
    expect(syncExcel(() => DJ.duesrate(5000, "学生"))).toEqual({ error: "notAvailable", message: expect.stringContaining("没有比例") });
  });

  it("refuses unknown rule sets with #VALUE! and a message, never a default number", () => {
    offline();
    expect(syncExcel(() => DJ.dues(5100, "在职", "default@2"))).toEqual(VALUE("未知规则集 default@2"));
    expect(syncExcel(() => DJ.dues(5100, "在职", "某单位"))).toEqual(VALUE("未知规则集「某单位」"));
    expect(syncExcel(() => DJ.ruleset("nobody"))).toEqual(VALUE("未知规则集 nobody"));
    expect(syncExcel(() => DJ.ruleset())).toBe("default@1");
  });

  it("uses an organisation's rule set fetched from the Worker", async () => {
    const rates = acmeRuleSet(3, {});
    rates.dues = { ...rates.dues, rounding: "ceil-yuan" };
    const worker = fakeWorker([rates]);
    setDjContext(makeContext({ baseUrl: "https://rules.test", fetch: worker.fetch }));
    const pending = DJ.dues(7777, "在职", "acme@3");
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toBe(117);
    expect(syncExcel(() => DJ.dues(7777, "在职", "acme@3"))).toBe(117); // cached now
    expect(syncExcel(() => DJ.ruleset("acme"))).toBe("acme@3");
    expect(await excel(() => DJ.dues(7777, "在职", "acme@4"))).toEqual(VALUE("未知规则集 acme@4"));
    expect(worker.requests()).toBe(2);
  });
});

describe("=DJ.IDCHECK / =DJ.IDINFO", () => {
  it("checks and reads IDs", () => {
    offline();
    expect(syncExcel(() => DJ.idcheck("11010519491231002X"))).toBe(true);
    expect(syncExcel(() => DJ.idcheck("11010519491231002x"))).toBe(true);
    expect(syncExcel(() => DJ.idcheck("110105194912310021"))).toBe(false);
    expect(syncExcel(() => DJ.idcheck("12345"))).toBe(false);
    expect(syncExcel(() => DJ.idcheck(12345))).toBe(false);
    expect(syncExcel(() => DJ.idinfo("11010519491231002X"))).toEqual([[serial(1949, 12, 31), "女", "北京"]]);
    expect(syncExcel(() => DJ.idinfo(withCheck("44052419800101001")))).toEqual([[serial(1980, 1, 1), "男", "广东"]]);
    expect(syncExcel(() => DJ.idinfo("１１０１０５ 19491231002x"))).toEqual([[serial(1949, 12, 31), "女", "北京"]]);
  });

  it("treats an unknown province code as a warning matter: valid, province blank", () => {
    offline();
    const id = withCheck("99010519800101001");
    expect(syncExcel(() => DJ.idcheck(id))).toBe(true);
    expect(syncExcel(() => DJ.idinfo(id))).toEqual([[serial(1980, 1, 1), "男", ""]]);
  });

  it("refuses an 18-digit ID that arrived as a number, and an empty cell", () => {
    offline();
    expect(syncExcel(() => DJ.idcheck(110105194912310000))).toEqual(VALUE("以数字存储"));
    expect(syncExcel(() => DJ.idinfo(440524198001010000))).toEqual(VALUE("以数字存储"));
    expect(syncExcel(() => DJ.age(440524198001010000, serial(2025, 1, 1)))).toEqual(VALUE("以数字存储"));
    expect(syncExcel(() => DJ.idcheck(""))).toEqual(VALUE("缺少身份证号"));
    expect(syncExcel(() => DJ.idinfo("110105194912310021"))).toEqual(VALUE("校验码错误"));
  });
});

describe("=DJ.AGE / =DJ.PROBATIONEND", () => {
  it("computes ages from dates, date text or IDs", () => {
    offline();
    expect(syncExcel(() => DJ.age(serial(2000, 2, 29), serial(2018, 2, 28)))).toBe(18);
    expect(syncExcel(() => DJ.age(serial(2000, 2, 29), serial(2018, 2, 27)))).toBe(17);
    expect(syncExcel(() => DJ.age("2007-06-01", "2025年6月1日"))).toBe(18);
    expect(syncExcel(() => DJ.age("11010519491231002X", "1999-12-31"))).toBe(50);
    expect(syncExcel(() => DJ.age(serial(2000, 1, 1)))).toBe(25); // today = 2025-12-31 in tests
    expect(syncExcel(() => DJ.age("昨天"))).toEqual(VALUE("出生日期不是有效日期"));
    expect(syncExcel(() => DJ.age(serial(2020, 1, 1), serial(2019, 1, 1)))).toEqual(VALUE("早于出生日期"));
  });

  it("returns EDATE(admission, 12 + extension) as a serial", () => {
    offline();
    expect(syncExcel(() => DJ.probationend(serial(2024, 2, 29)))).toBe(serial(2025, 2, 28));
    expect(syncExcel(() => DJ.probationend(serial(2024, 8, 31), 6))).toBe(serial(2026, 2, 28));
    expect(syncExcel(() => DJ.probationend("2024-01-15", ""))).toBe(serial(2025, 1, 15));
    expect(syncExcel(() => DJ.probationend(serial(2024, 1, 15), 3))).toEqual(VALUE("延长预备期应为0或6–12个月"));
    expect(syncExcel(() => DJ.probationend(""))).toEqual(VALUE("缺少接收预备党员日期"));
  });
});

describe("=DJ.APPRAISAL / =DJ.GRADE", () => {
  it("scores votes and grades scores with the one-third rule", () => {
    offline();
    expect(syncExcel(() => DJ.appraisal(1, 2, 0, 0))).toBe(86.67);
    expect(syncExcel(() => DJ.appraisal(3, 5, 1, 0))).toBe(84.44);
    expect(syncExcel(() => DJ.grade(90))).toBe("优秀");
    expect(syncExcel(() => DJ.grade(89.99))).toBe("称职");
    expect(syncExcel(() => DJ.grade(95, 0.34))).toBe("基本称职");
    expect(syncExcel(() => DJ.grade(95, 1 / 3))).toBe("优秀");
  });

  it("refuses impossible votes", () => {
    offline();
    expect(syncExcel(() => DJ.appraisal(0, 0, 0, 0))).toEqual(VALUE("有效票为0"));
    expect(syncExcel(() => DJ.appraisal(1.5, 0, 0, 0))).toEqual(VALUE("优秀票数应为整数"));
    expect(syncExcel(() => DJ.appraisal(1, "", 0, 0))).toEqual(VALUE("缺少称职票数"));
    expect(syncExcel(() => DJ.appraisal(1, 0, "x", 0))).toEqual(VALUE("基本称职票数应为数字"));
    expect(syncExcel(() => DJ.grade(80, 35))).toEqual(VALUE("不称职票比例应在0到1之间"));
  });
});

describe("=DJ.SCORE / =DJ.DEDUCT", () => {
  it("weights a row of five part scores, or a labelled table, or custom weights", () => {
    offline();
    expect(syncExcel(() => DJ.score([[90, 80, 86.67, 70, 100]]))).toBe(87.33);
    expect(syncExcel(() => DJ.score([[90], [80], [86.67], [70], [100]]))).toBe(87.33);
    const table = [["述职评议", 100], ["民意调查", 70], ["民主测评", 86.67], ["专项述职", 80], ["目标考核", 90]];
    expect(syncExcel(() => DJ.score(table))).toBe(87.33);
    expect(syncExcel(() => DJ.score([[90, 80, 70, 60, 100]], [[1, 1, 1, 1, 1]]))).toBe(80);
    expect(syncExcel(() => DJ.score([[90, 80]]))).toEqual(VALUE("需要5个环节得分"));
    expect(syncExcel(() => DJ.score([["篮球", 90], ["目标考核", 80]]))).toEqual(VALUE("未知考核环节「篮球」"));
    expect(syncExcel(() => DJ.score([[90, 80, "好", 70, 100]]))).toEqual(VALUE("环节得分第3项应为数字"));
    expect(syncExcel(() => DJ.score([[101, 80, 70, 60, 100]]))).toEqual(VALUE("得分应在0–100之间"));
  });

  it("deducts per item names or per (name, points, cap) rows, capped", () => {
    offline();
    expect(syncExcel(() => DJ.deduct([[3], [1]], [["committeeMonth"], ["党员大会每缺一个季度"]]))).toBe(95);
    expect(syncExcel(() => DJ.deduct([[20]], [["committeeMonth"]]))).toBe(88);
    expect(syncExcel(() => DJ.deduct([[4], [3]], [["台账不全", 1, 2], ["会议", 0.5, 10]]))).toBe(96.5);
    expect(syncExcel(() => DJ.deduct([[1, 2]], [["committeeMonth"]]))).toEqual(VALUE("应一一对应"));
    expect(syncExcel(() => DJ.deduct([[1]], [["打篮球"]]))).toEqual(VALUE("未知扣分项「打篮球」"));
    expect(syncExcel(() => DJ.deduct([[-1]], [["committeeMonth"]]))).toEqual(VALUE("不能为负数"));
  });
});

describe("=DJ.MISSING / =DJ.MEETINGS", () => {
  const types = [["支委会"], ["支部委员会"], ["党员大会"], ["主题党日活动"], [""], ["支部党员大会"]];
  const dates = [[serial(2025, 1, 10)], ["2025-02-12"], [serial(2025, 3, 30)], [serial(2025, 1, 5)], [""], ["2025/7/1"]];

  it("spills the missing periods; synonyms count as one type", () => {
    offline();
    expect(syncExcel(() => DJ.missing(types, dates, "党员大会", 2025))).toEqual([["2025-Q2"], ["2025-Q4"]]);
    expect(syncExcel(() => DJ.missing(types, dates, "支委会", "2025", serial(2025, 3, 31)))).toEqual([["2025-03"]]);
    expect(syncExcel(() => DJ.missing(types, dates, "支部党员大会", 2025, serial(2025, 3, 31)))).toEqual([[""]]);
  });

  it("counts meetings in a period", () => {
    offline();
    expect(syncExcel(() => DJ.meetings(types, dates, "支委会", "2025-Q1"))).toBe(2);
    expect(syncExcel(() => DJ.meetings(types, dates, "支部委员会", "2025年2月"))).toBe(1);
    expect(syncExcel(() => DJ.meetings(types, dates, "支部党员大会", 2025))).toBe(2);
    expect(syncExcel(() => DJ.meetings(types, dates, "主题党日", "2025年第1季度"))).toBe(1);
  });

  it("names the problem in bad ranges", () => {
    offline();
    expect(syncExcel(() => DJ.missing(types, dates.slice(1), "支委会", 2025))).toEqual(VALUE("应一样大"));
    expect(syncExcel(() => DJ.missing([["支委会"]], [["三月"]], "支委会", 2025))).toEqual(VALUE("第1条会议的日期无法识别"));
    expect(syncExcel(() => DJ.missing(types, dates, "篮球赛", 2025))).toEqual(VALUE("未知会议类型「篮球赛」"));
    expect(syncExcel(() => DJ.missing(types, dates, "支委会", "明年"))).toEqual(VALUE("年份应为数字"));
    expect(syncExcel(() => DJ.meetings(types, dates, "支委会", "2025-13"))).toEqual(VALUE("期间应为"));
  });
});
