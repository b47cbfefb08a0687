import { describe, expect, it } from "vitest";
import { checkSheet, type CellValue } from "../../../shared/index.js";
import { parseIso } from "../../../shared/calendar/days.js";
import { formatPrecision, readDateInYear } from "../../../shared/normalise/dates.js";
import { placeWithWords } from "../../../shared/normalise/chinese-count.js";
import { makeId, serial, sheet } from "./grid-helpers.js";

const day = (iso: string) => parseIso(iso)!;
const codesAt = (findings: { cell: string | null; code: string; severity: string }[]) => findings.map((f) => `${f.cell ?? "-"} ${f.code} ${f.severity}`);

describe("dates without their year, read in the year the title names", () => {
  it("reads 1月12日, 3.15, 3/5 上午 and 6月 in the given year, and nothing else", () => {
    const in2024 = () => 2024;
    expect(readDateInYear("1月12日", in2024)).toEqual({ day: day("2024-01-12"), precision: "day" });
    expect(readDateInYear("3.15", in2024)).toEqual({ day: day("2024-03-15"), precision: "day" });
    expect(readDateInYear("3/5 上午", in2024)).toEqual({ day: day("2024-03-05"), precision: "day" });
    expect(readDateInYear("6月", in2024)).toEqual({ day: day("2024-06-01"), precision: "month" });
    expect(readDateInYear("2月30日", in2024)).toBeNull();
    expect(readDateInYear("13月1日", in2024)).toBeNull();
    expect(readDateInYear("暑假", in2024)).toBeNull();
    expect(readDateInYear("3.15.2", in2024)).toBeNull();
  });

  // A 主题党日 register of one school: title 2023年度, dates 1月12日 …, August not held, November missing.
  const register = (title: string): CellValue[][] => [
    [title],
    ["月份", "活动日期", "活动主题", "参加人数", "备注"],
    ...[1, 2, 3, 4, 5, 6, 7].map((m): CellValue[] => [`${m}月`, `${m}月${m + 2}日`, `主题党日活动${m}`, 15, null]),
    ["8月", null, "暑假，未开展", null, "暑假"],
    ...[9, 10, 12].map((m): CellValue[] => [`${m}月`, `${m}月${m}日`, `主题党日活动${m}`, 15, null]),
  ];

  it("a 2023年度 register: no unreadable dates, the not-held month has no empty-date error, August and November are missing", () => {
    const { report, findings } = checkSheet(sheet("Sheet1", register("某小学党支部2023年度主题党日活动开展情况")), { asOf: "2023-12-31" });
    expect(report.kind).toBe("meetings");
    const codes = codesAt(findings);
    expect(codes.filter((c) => c.includes("value.notDate") || c.includes("value.required"))).toEqual([]);
    // Ten dates lacked the year: one note says how they were read.
    const info = findings.filter((f) => f.code === "value.yearFromTitle");
    expect(info).toHaveLength(1);
    expect(info[0]!.message).toContain("10 个日期");
    expect(info[0]!.message).toContain("1月3日");
    expect(info[0]!.message).toContain("2023年");
    const missing = findings.filter((f) => f.code === "meetings.missing").map((f) => f.period);
    expect(missing).toEqual(["2023-08", "2023-11"]);
  });

  it("reads no year where the title names two (2023年 and 2024年, no 年度): the dates stay unreadable", () => {
    const { findings } = checkSheet(sheet("Sheet1", register("某小学党支部主题党日活动（2023年1月至2024年1月）")), { asOf: "2024-12-31" });
    expect(findings.filter((f) => f.code === "value.notDate")).toHaveLength(10);
    expect(findings.some((f) => f.code === "value.yearFromTitle")).toBe(false);
  });

  it("a school year (2023-2024学年): September to December in 2023, January to August in 2024", () => {
    const rows: CellValue[][] = [
      ["某学院学生党支部2023-2024学年主题党日活动登记"],
      ["活动日期", "活动主题", "参加人数"],
      ["9月15日", "开学第一课", 20],
      ["1月10日", "寒假前集中学习", 20],
    ];
    const { findings } = checkSheet(sheet("Sheet1", rows), { asOf: "2024-08-31" });
    expect(findings.filter((f) => f.code === "value.notDate")).toEqual([]);
    // Months between the two dates with no activity: October 2023 … December 2023 are missing, so 2023-09 is not.
    const periods = findings.filter((f) => f.code === "meetings.missing" || f.code === "meetings.missingRun").map((f) => f.period);
    expect(periods[0]).toBe("2023-10");
  });
});

describe("a month and day typed as a number (3.15 in a General cell)", () => {
  it("is read in the title's year, never as a 1900 serial; 3.1 (3.1 or 3.10?) is not guessed", () => {
    const rows: CellValue[][] = [
      ["某党支部2025年党课开展情况登记表"],
      ["序号", "授课时间", "授课人", "党课题目", "参加人数"],
      [1, 3.15, "甲", "党课一", 20],
      [2, 6.5, "甲", "党课二", 20],
      [3, 9.1, "甲", "党课三", 20],
    ];
    const { findings } = checkSheet(sheet("党课", rows), { asOf: "2025-12-31" });
    expect(findings.filter((f) => f.code === "value.notDate").map((f) => f.cell)).toEqual(["B5"]);
    expect(findings.find((f) => f.code === "value.yearFromTitle")!.message).toContain("2 个日期");
    // 3.15 and 6.5 are 2025 Q1 and Q2; the third is unread, so Q3 and Q4 show no 党课.
    const periods = findings.filter((f) => f.code === "meetings.missing" || f.code === "meetings.missingRun").map((f) => f.period);
    expect(periods).toEqual(["2025-Q3"]);
  });
});

describe("dates shown to the month (yyyy.mm) are compared to the month", () => {
  it("knows a format's precision from its date parts, not from literal text", () => {
    expect(formatPrecision("yyyy.mm")).toBe("month");
    expect(formatPrecision("yyyy-mm")).toBe("month");
    expect(formatPrecision('yyyy"年"m"月"')).toBe("month");
    expect(formatPrecision("mmm-yy")).toBe("month");
    expect(formatPrecision('yyyy"年"')).toBe("year");
    expect(formatPrecision("yyyy-mm-dd")).toBe("day");
    expect(formatPrecision('yyyy"年"m"月"d"日"')).toBe("day");
    expect(formatPrecision("m/d/yy h:mm")).toBe("day");
    expect(formatPrecision("[$-804]yyyy.mm")).toBe("month");
    expect(formatPrecision("0.00")).toBe("day");
  });

  it("a 出生年月 serial shown as yyyy.mm agrees with an ID of another day in that month, and not with one of another month", () => {
    const rows: CellValue[][] = [
      ["姓名", "性别", "出生年月", "身份证号码", "入党时间", "转正时间"],
      // Excel keeps 1990-05-01 for "1990.05"; the ID says 1990-05-17: the same month.
      ["甲", "男", serial("1990-05-01"), makeId("1990-05-17", "男"), serial("2015-07-01"), serial("2016-07-01")],
      // "1991.03" against an ID of 1991-04-02: another month, an error that quotes 1991-03.
      ["乙", "女", serial("1991-03-01"), makeId("1991-04-02", "女"), serial("2016-07-01"), serial("2017-07-01")],
    ];
    const formats = rows.map((_, i) => (i === 0 ? [] : [null, null, "yyyy.mm", null, "yyyy-mm-dd", "yyyy-mm-dd"]));
    const { findings } = checkSheet(sheet("花名册", rows, { numberFormats: formats }), { asOf: "2025-12-31" });
    const birth = findings.filter((f) => f.code === "id.birthMismatch");
    expect(birth.map((f) => f.cell)).toEqual(["C3"]);
    expect(birth[0]!.message).toContain("1991-03");
    expect(birth[0]!.message).toContain("1991-04-02");
  });

  it("the same serials with a day format are compared by day", () => {
    const rows: CellValue[][] = [
      ["姓名", "性别", "出生日期", "身份证号码", "入党时间", "转正时间"],
      ["甲", "男", serial("1990-05-01"), makeId("1990-05-17", "男"), serial("2015-07-01"), serial("2016-07-01")],
    ];
    const formats = [[], [null, null, "yyyy-mm-dd", null, "yyyy-mm-dd", "yyyy-mm-dd"]];
    const { findings } = checkSheet(sheet("花名册", rows, { numberFormats: formats }), { asOf: "2025-12-31" });
    expect(findings.filter((f) => f.code === "id.birthMismatch").map((f) => f.cell)).toEqual(["C2"]);
  });
});

describe("sign-off blocks below the data are not records", () => {
  const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
  // Base 4000 → 1% = 40.00 a month, paid every month: nothing to find in the data rows.
  const dues = (foot: CellValue[][]): CellValue[][] => [
    ["某局机关党支部2026年度党费收缴台账"],
    ["序号", "姓名", "缴费基数", "月交纳额", ...months, "备注"],
    [1, "赵一", 4000, 40, ...months.map(() => 40), null],
    [2, "钱二", 4000, 40, ...months.map(() => 40), null],
    [],
    ...foot,
  ];

  it.each<[string, CellValue[]]>([
    ["支部书记：| 王立新 | 组织委员：| 陈晓琳 | 填报日期：…", ["支部书记：", null, "王立新", null, null, "组织委员：", null, "陈晓琳", null, null, null, "填报日期：2026年12月28日"]],
    ["支部书记（签字）：… 党委审核意见：", ["支部书记（签字）：", null, null, null, null, null, null, "党委审核意见："]],
    ["填表人：| 李四 | 审核人：| 张三 | 日期：| a date serial", ["填表人：", "李四", "审核人：", "张三", "日期：", serial("2026-12-30")]],
    ["负责人：…（盖章）", ["负责人（盖章）：", null, null, null, null, "单位（公章）："]],
  ])("%s", (_, foot) => {
    const { report, findings } = checkSheet(sheet("2026年", dues([foot])), { asOf: "2026-12-31" });
    expect(report.rows).toBe(2);
    expect(codesAt(findings)).toEqual([]);
  });

  it("a group heading with its leader (第一党小组（组长：韦文静）) stays a section heading", () => {
    const rows: CellValue[][] = [
      ["某中心党支部2025年党小组会议记录"],
      ["时间", "地点", "学习讨论内容", "应到", "实到"],
      ["第一党小组（组长：韦文静）"],
      [serial("2025-01-15"), "一楼会议室", "学习上级文件精神", 9, 8],
      ["第二党小组（组长：廖振华）"],
      [serial("2025-01-16"), "检验科", "学习上级文件精神", 8, 8],
    ];
    const { report } = checkSheet(sheet("党小组会", rows), { asOf: "2025-12-31" });
    expect(report.sections.map((s) => s.label)).toEqual(["第一党小组（组长：韦文静）", "第二党小组（组长：廖振华）"]);
    expect(report.rows).toBe(2);
  });

  it("a record whose 备注 holds a colon stays a record", () => {
    const rows = dues([]);
    rows.push([3, "孙三", 4000, 40, ...months.map(() => null), "说明：外出"]);
    const { report, findings } = checkSheet(sheet("2026年", rows), { asOf: "2026-12-31" });
    expect(report.rows).toBe(3);
    expect(findings.some((f) => f.code === "dues.unpaidLapse" && f.row === 6)).toBe(true);
  });
});

describe("ranks with words, and the count they are checked against", () => {
  it("reads a place written with its words", () => {
    expect(placeWithWords("并列3")).toBe(3);
    expect(placeWithWords("并列第3名")).toBe(3);
    expect(placeWithWords("第三名")).toBe(3);
    expect(placeWithWords("3（并列）")).toBe(3);
    expect(placeWithWords("第12名")).toBe(12);
    expect(placeWithWords("3")).toBeNull();
    expect(placeWithWords("前三名")).toBeNull();
  });

  // Nine people ranked 1, 2, 并列3, 并列3, 5 … 9 (a rank-only sheet, as 干部年终考核测评 lists them).
  const ranks: CellValue[] = [1, 2, "并列3", "并列第3名", 5, 6, 7, 8, 9];
  const rows = (total: number | null): CellValue[][] => [
    ["某局2025年度干部年终考核测评排名"],
    ["姓名", "测评类别", "排名", ...(total === null ? [] : ["总人数"]), "备注"],
    ...ranks.map((r, i): CellValue[] => [`干部${i + 1}`, "年度考核", r, ...(total === null ? [] : [total]), null]),
  ];

  it("two tied thirds are both 3: no unreadable rank, none out of range among the nine ranked", () => {
    const { report, findings } = checkSheet(sheet("测评", rows(null)), { asOf: "2025-12-31" });
    expect(report.kind).toBe("assessment");
    expect(codesAt(findings)).toEqual([]);
  });

  it("a 总人数 of 7 for nine ranked is said once; the ranks are checked against the nine", () => {
    const { findings } = checkSheet(sheet("测评", rows(7)), { asOf: "2025-12-31" });
    expect(codesAt(findings)).toEqual(["D3 assessment.totalBelowRanked warning"]);
    expect(findings[0]!.message).toContain("9 人");
  });

  it("a 总人数 of 30 stands (the sheet lists some of those ranked); a rank of 31 is out of it", () => {
    const r = rows(30);
    r[10]![2] = 31;
    const { findings } = checkSheet(sheet("测评", r), { asOf: "2025-12-31" });
    expect(codesAt(findings)).toEqual(["C11 assessment.rankRange error"]);
  });
});

describe("a count stated in the cover line is every row's count", () => {
  it("参加测评党员：28人 above the header: 29 votes for one member are more than those who voted", () => {
    const rows: CellValue[][] = [
      ["某党支部2025年度民主评议党员情况登记表"],
      ["参加测评党员：28人", null, null, null, null, "评议时间：2025年12月16日"],
      ["序号", "姓名", "优秀", "合格", "基本合格", "不合格", "评定等次"],
      [1, "甲", 5, 22, 1, 0, "合格"],
      [2, "乙", 5, 23, 1, 0, "合格"],
      [3, "丙", 4, 22, 2, 0, "合格"],
      [4, "丁", 4, 22, 2, 0, "合格"],
      [5, "戊", 4, 22, 2, 0, "合格"],
    ];
    const { findings } = checkSheet(sheet("评议", rows), { asOf: "2025-12-31" });
    const over = findings.filter((f) => f.code === "appraisal.votesOverTotal");
    expect(over.map((f) => f.cell)).toEqual(["C5"]);
    expect(over[0]!.message).toContain("28");
  });
});

describe("what 备注 says is honoured", () => {
  const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

  it("a 流动党员 who pays where he works is not unpaid here; the months not recorded are said, not hidden", () => {
    const rows: CellValue[][] = [
      ["某村党支部2026年党费收缴登记表"],
      ["姓名", "人员类别", "月交纳额", ...months, "备注"],
      ["甲", "农民", 0.5, ...months.map(() => 0.5), null],
      ["乙", "农民", 0.5, ...months.map(() => null), "持《流动党员活动证》在流入地党组织交纳党费"],
      ["丙", "农民", 0.5, ...months.map(() => null), "外出务工"],
    ];
    const { findings } = checkSheet(sheet("党费", rows), { asOf: "2026-12-31" });
    // 乙 (row 4): one note that 12 months are paid elsewhere, at his 备注; 丙 (row 5) owes all twelve.
    expect(codesAt(findings)).toEqual(["P4 dues.paidElsewhere info", "D5 dues.unpaidLapse error"]);
    expect(findings[0]!.message).toContain("12 个月");
  });

  it("a blank appraisal result explained in 备注 (不参评, 出国) is said as read, not 不能为空; an unexplained blank still is", () => {
    const rows: CellValue[][] = [
      ["学号", "姓名", "党员类别", "评议结果", "备注"],
      ["1", "甲", "正式党员", "合格", null],
      ["2", "乙", "正式党员", "合格", null],
      ["3", "丙", "正式党员", "合格", null],
      ["4", "丁", "正式党员", null, "长期病假，不参评"],
      ["5", "戊", "正式党员", null, "2024年8月出国留学"],
      ["6", "己", "正式党员", null, "外出"],
    ];
    const { findings } = checkSheet(sheet("评议结果", rows), { asOf: "2024-12-31" });
    expect(codesAt(findings)).toEqual(["D5 value.excusedByNote info", "D6 value.excusedByNote info", "D7 value.required error"]);
    expect(findings[0]!.message).toContain("长期病假，不参评");
  });

  const grades = (rows: [string, string, string | null][]): CellValue[][] => [
    ["某局2024年度公务员年度考核结果汇总表"],
    ["序号", "姓名", "职务职级", "考核等次", "备注"],
    ...rows.map(([name, grade, note], i): CellValue[] => [i + 1, name, "科员", grade, note]),
    ...Array.from({ length: 10 }, (_, i): CellValue[] => [20 + i, `称职${i}`, "科员", "称职", null]),
  ];

  it("党内警告 in 备注 rules out 优秀 that year; 严重警告 leaves only 不称职 or 不定等次; one of another year does not count", () => {
    const { findings } = checkSheet(
      sheet("考核结果", grades([
        ["甲", "优秀", "2024年5月受党内警告处分"],
        ["乙", "称职", "2024年3月受党内严重警告处分"],
        ["丙", "不定等次", "2024年11月被立案审查"],
        ["丁", "优秀", "2021年受党内警告处分"],
        ["戊", "称职", "受党内警告处分"],
      ])),
      { asOf: "2024-12-31" },
    );
    expect(codesAt(findings)).toEqual(["D3 cadre.sanctionNotGrade error", "D4 cadre.sanctionGrade error"]);
    expect(findings[0]!.message).toContain("党内警告");
    expect(findings[1]!.message).toContain("不称职、不定等次");
  });

  it("the sanctions are the rule set's: without them no grade is limited", async () => {
    const { DEFAULT_RULE_SET } = await import("../../../shared/ruleset/default.js");
    const ruleSet = { ...DEFAULT_RULE_SET, cadreGrades: { ...DEFAULT_RULE_SET.cadreGrades, sanctions: [] } };
    const { findings } = checkSheet(sheet("考核结果", grades([["甲", "优秀", "2024年5月受党内警告处分"]])), { asOf: "2024-12-31", ruleSet });
    expect(codesAt(findings)).toEqual([]);
  });
});

describe("rules that need what the sheet says another way", () => {
  it("a payment export (one row per member and month): a member's six missing months are one lapse, at his last payment before them", () => {
    const rows: CellValue[][] = [["序号", "党员姓名", "缴费月份", "缴费基数（元）", "实缴金额（元）", "缴费方式"]];
    let n = 1;
    for (let m = 1; m <= 12; m++) {
      const month = `2024-${String(m).padStart(2, "0")}`;
      rows.push([n++, "甲", month, 4000, 40, "微信支付"]);
      // 乙 pays January to April, then nothing until November.
      if (m <= 4 || m >= 11) rows.push([n++, "乙", month, 4000, 40, "微信支付"]);
      // 丙 stops after September: three months to the end of the export, a warning.
      if (m <= 9) rows.push([n++, "丙", month, 4000, 40, "微信支付"]);
    }
    const { report, findings } = checkSheet(sheet("缴费记录", rows), { asOf: "2024-12-31" });
    expect(report.kind).toBe("dues");
    // 乙's April payment is row 12 (甲, 乙, 丙 each month: rows 2–4, 5–7, 8–10, 11–13); from May two a
    // month (14–15 … 22–23), so 丙's September payment is row 23.
    expect(codesAt(findings)).toEqual(["B12 dues.unpaidLapse error", "B23 dues.unpaid warning"]);
    expect(findings[0]!.message).toContain("2024-05 至 2024-10");
    expect(findings[1]!.message).toContain("2024-10 至 2024-12");
  });

  it("occasional payments (补缴 rows of several months) say nothing of the months they do not list", () => {
    const rows: CellValue[][] = [
      ["姓名", "缴费类型", "缴费起始月份", "缴费截止月份", "缴费金额", "缴费说明"],
      ["甲", "补缴", "2025-01", "2025-03", 120, "经支部同意补缴"],
      ["甲", "补缴", "2025-07", "2025-09", 120, "经支部同意补缴"],
      ["甲", "补缴", "2025-10", "2025-12", 120, "经支部同意补缴"],
    ];
    const { findings } = checkSheet(sheet("补缴", rows), { asOf: "2025-12-31" });
    expect(findings.filter((f) => f.code.startsWith("dues.unpaid"))).toEqual([]);
  });

  const lectures = (speakerHeader: string | null, rowsOf: [string, string, string][]): CellValue[][] => [
    ["某村第二党支部三会一课登记簿（2025年）"],
    ["支部书记：杨国栋"],
    ["日期", "会议类型", "主持人", ...(speakerHeader ? [speakerHeader] : []), "会议内容"],
    ...rowsOf.map(([date, host, speaker]): CellValue[] => [serial(date), "党课", host, ...(speakerHeader ? [speaker] : []), "专题党课"]),
  ];
  const year: [string, string, string][] = [
    ["2025-03-20", "杨国栋", "乡党委副书记 龙春生"],
    ["2025-06-20", "杨国栋", "驻村第一书记 吴明辉"],
    ["2025-09-20", "杨国栋", "村党总支书记 罗永刚"],
    ["2025-12-20", "杨国栋", "乡党校 陶巧云"],
  ];

  it("the secretary chaired every 党课 while others lectured (主讲人): he gave none", () => {
    const { findings } = checkSheet(sheet("三会一课", lectures("主讲人", year)), { asOf: "2025-12-31" });
    expect(findings.filter((f) => f.code === "meetings.secretaryLecture").map((f) => f.period)).toEqual(["2025"]);
  });

  it("with no 主讲人 column the 主持人 is taken as the speaker: the secretary gave four", () => {
    const { findings } = checkSheet(sheet("三会一课", lectures(null, year)), { asOf: "2025-12-31" });
    expect(findings.filter((f) => f.code === "meetings.secretaryLecture")).toEqual([]);
  });

  it("a 党课 register naming no secretary: the 授课人 whose 职务 says 支部书记 is the secretary", () => {
    const rows: CellValue[][] = [
      ["市某馆党支部2025年党课开展情况登记表"],
      ["序号", "授课时间", "授课人", "职务", "党课题目", "参加人数"],
      [1, "2025年3月28日下午", "黄振华", "支部书记", "深入贯彻中央八项规定精神", 21],
      [2, "2025年6月27日下午", "孔承志", "市委党校讲师", "学习党章 遵守党章", 19],
      [3, "2025年9月12日上午", "覃素芬", "馆长", "依法治档", 20],
      [4, "2025年11月14日下午", "莫翠萍", "组织委员", "以案促改", 18],
    ];
    const { findings } = checkSheet(sheet("党课", rows), { asOf: "2025-12-31" });
    expect(findings.filter((f) => f.code === "meetings.secretaryLecture")).toEqual([]);
    // Without 黄振华's lecture the secretary gave none.
    rows[2]![3] = "副馆长";
    const again = checkSheet(sheet("党课", rows), { asOf: "2025-12-31" }).findings;
    expect(again.filter((f) => f.code === "meetings.secretaryLecture").map((f) => f.period)).toEqual(["2025"]);
  });
});

describe("development steps in the order the domain rules give", () => {
  const rows = (review: string, preReview: string, meeting: string): CellValue[][] => [
    ["姓名", "递交申请书时间", "确定为入党积极分子时间", "确定为发展对象时间", "政审结论时间", "上级党委预审时间", "支部大会讨论时间", "党委审批时间"],
    ["甲", "2022-03-01", "2022-09-01", "2023-10-01", review, preReview, meeting, "2024-10-20"],
  ];

  it("政审 after the branch meeting is out of order at the meeting's cell; 预审 before 政审 is no finding of its own (G3 sets no order between them)", () => {
    const { findings } = checkSheet(sheet("发展党员", rows("2024-09-18", "2024-08-25", "2024-09-08")), { asOf: "2025-12-31" });
    const order = findings.filter((f) => f.code === "dates.order");
    expect(order.map((f) => f.cell)).toEqual(["G2"]);
    expect(order[0]!.message).toContain("2024-09-18");
  });

  it("a missing step passes its predecessors on: with no 政审 date the meeting is checked against the candidate date and the 预审", () => {
    const { findings } = checkSheet(sheet("发展党员", rows("", "2024-08-25", "2023-09-08")), { asOf: "2025-12-31" });
    // The meeting (2023-09-08) precedes the 预审 (2024-08-25): one finding at G2, against the 预审, the latest it precedes.
    const order = findings.filter((f) => f.code === "dates.order");
    expect(order.map((f) => f.cell)).toEqual(["G2"]);
    expect(order[0]!.message).toContain("2024-08-25");
  });
});

describe("more that 备注 says", () => {
  it("经支部同意一次交纳全学年党费 is the branch's consent to a year paid at once", () => {
    const months = ["2024年9月", "2024年10月", "2024年11月", "2024年12月", "2025年1月", "2025年2月", "2025年3月", "2025年4月", "2025年5月", "2025年6月", "2025年7月", "2025年8月"];
    const rows: CellValue[][] = [
      ["某学院研究生党支部2024—2025学年党费收缴明细"],
      ["姓名", "类别", "月交纳额", ...months, "备注"],
      ["甲", "学生", 0.2, ...months.map(() => 0.2), null],
      ["乙", "学生", 0.2, 2.4, ...months.slice(1).map(() => null), "经支部同意一次交纳全学年党费"],
      ["丙", "学生", 0.2, 2.4, ...months.slice(1).map(() => null), null],
    ];
    const { findings } = checkSheet(sheet("党费", rows), { asOf: "2025-08-31" });
    // Only 丙, who has no consent, is told that paying twelve months at once needs it.
    expect(codesAt(findings)).toEqual(["D5 dues.lumpPayment warning"]);
  });

  it("a probationary member whose 预备党员资格 was cancelled (备注) is not overdue for full membership", () => {
    const rows: CellValue[][] = [
      ["姓名", "党员类别", "入党时间", "转正时间", "备注"],
      ["甲", "预备党员", "2025-01-07", null, "经支部大会讨论取消预备党员资格"],
      ["乙", "预备党员", "2025-01-07", null, null],
    ];
    const { findings } = checkSheet(sheet("名册", rows), { template: { id: "roster" }, asOf: "2026-06-30" });
    expect(findings.filter((f) => f.code === "probation.overdue").map((f) => f.row)).toEqual([3]);
  });
});

describe("a village cadre on an allowance pays as a wage earner (domain rules §1.6)", () => {
  it("村干部 with an allowance of 2400: 0.5% = 12.00 a month; 24.00 is wrong", () => {
    const rows: CellValue[][] = [
      ["姓名", "党员类别", "计算基数", "月交纳额"],
      ["甲", "村干部", 2400, 12],
      ["乙", "村干部", 2400, 24],
    ];
    const { findings } = checkSheet(sheet("党费", rows), { template: { id: "dues-monthly" }, asOf: "2026-12-31" });
    expect(codesAt(findings).filter((c) => c.includes("dues."))).toEqual(["D3 dues.amountMismatch error"]);
  });
});
