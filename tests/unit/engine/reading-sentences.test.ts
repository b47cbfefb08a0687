import { describe, expect, it } from "vitest";
import { checkWorkbook, DEFAULT_RULE_SET, type CellValue } from "../../../shared/index.js";
import { countNamesListed, readAttendanceSentence, readVoteSentence } from "../../../shared/normalise/attendance-sentence.js";
import { countWithBreakdown } from "../../../shared/normalise/chinese-count.js";
import { meetingsHeldIn } from "../../../shared/rules/meetings/held-in-text.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * Facts written as sentences (blind corpus 10's theme): a meeting's attendance in one 参会情况 cell, those
 * present as a list of names, the type of a meeting only in its topic, and a development record's whole path
 * in one cell. Expected values worked out by hand from domain-rules.md (M9, M10, M1–M7, G3, G4, G16).
 */
const types = DEFAULT_RULE_SET.meetings;

describe("an attendance sentence", () => {
  it("gives 应到, 实到 and 缺席, and whom the brackets account for", () => {
    expect(readAttendanceSentence("应到12人，实到9人，缺席3人（王明因病、陈丽、赵刚外出）")).toEqual({ expected: 12, present: 9, absent: 3, absentWord: "缺席", accounted: 3 });
    expect(readAttendanceSentence("应到十五人，实到十六人")).toEqual({ expected: 15, present: 16, absent: null, absentWord: null, accounted: null });
    // 外出学习 names a reason, no one: who was away is not known.
    expect(readAttendanceSentence("应到会8人，实到会7人，请假1人（外出学习）")).toMatchObject({ expected: 8, present: 7, absent: 1, absentWord: "请假", accounted: null });
    // Groups counted in the brackets: 6 + 1.
    expect(readAttendanceSentence("应到30人，实到23人，缺席7人（外出务工6人、住院1人）")?.accounted).toBe(7);
  });

  it("is not understood without both 应到 and 实到", () => {
    expect(readAttendanceSentence("全体党员参加")).toBeNull();
    expect(readAttendanceSentence("实到9人")).toBeNull();
  });

  it("as a list of names counts the names; a list with other words is not counted", () => {
    expect(countNamesListed("周涛、吴敏、郑华")).toBe(3);
    expect(countNamesListed("周涛（组织委员、宣传委员请假）")).toBe(1);
    expect(countNamesListed("全体党员")).toBeNull();
  });

  it("9（其中预备1）: the whole number present, the brackets its breakdown", () => {
    expect(countWithBreakdown("9（其中预备1）")).toBe(9);
    expect(countWithBreakdown("20人(含列席2人)")).toBe(20);
    expect(countWithBreakdown("9（预备1）")).toBeNull();
  });
});

describe("a minutes list whose 参会情况 is a sentence (M9, M10)", () => {
  const rows: CellValue[][] = [
    ["某社区党支部2025年会议记录汇总"],
    ["时间", "会议名称", "主持人", "参会情况", "议题"],
    ["2025年1月8日上午9:00", "支部委员会", "周涛", "应到5人，实到2人", "研究年度工作"],
    ["2025年2月10日下午3:00", "支部党员大会", "周涛", "应到20人，实到9人，缺席11人（外出务工11人）", "通报工作"],
    ["2025年3月10日下午3:00", "支部党员大会", "周涛", "应到20人，实到21人", "学习文件"],
    ["2025年4月10日下午3:00", "主题党日", "吴敏", "应到20人，实到17人，缺席2人（郑华、王明）", "志愿服务"],
    ["2025年5月10日下午3:00", "主题党日", "吴敏", "应到20人，实到18人，缺席2人（郑华因病）", "志愿服务"],
    ["2025年6月10日下午3:00", "主题党日", "吴敏", "详见签到表", "志愿服务"],
  ];
  const r = checkWorkbook(book(sheet("会议记录", rows)), { asOf: "2025-06-30" });
  const at = (code: string) => r.findings.filter((f) => f.code === code).map((f) => `${f.cell ?? ""} ${f.severity}`);

  it("reads the sheet as a meetings register", () => {
    expect(r.sheets[0]!.kind).toBe("meetings");
  });
  it("says each quorum and count that fails at the sentence's cell", () => {
    // 支委会 2 of 5 < half; 党员大会 9 of 20 not more than half; 21 present of 20 expected.
    expect(at("meetings.quorumCommittee")).toEqual(["D3 error"]);
    expect(at("meetings.quorumGeneral")).toEqual(["D4 error"]);
    expect(at("meetings.attendanceOver")).toEqual(["D5 error"]);
  });
  it("warns where 缺席 leaves someone out, or the names do not match the count", () => {
    // 17 + 2 = 19, not 20; 2 absent, one named.
    expect(at("value.attendanceShort")).toEqual(["D6 warning"]);
    expect(at("value.absentNames")).toEqual(["D7 warning"]);
  });
  it("says a sentence it could not read, never passes it over as clean", () => {
    const unread = r.findings.filter((f) => f.code === "value.sentenceUnread");
    expect(unread).toHaveLength(1);
    expect(unread[0]!.severity).toBe("info");
    expect(unread[0]!.message).toContain("详见签到表");
  });
});

describe("the meeting type only in the topic text (M1–M7)", () => {
  it("names the meetings a clause says were held, not those it plans", () => {
    const held = (t: string) => meetingsHeldIn(t, types).map((q) => q.type);
    expect(held("召开6月份支委会，研究主题党日安排")).toEqual(["支部委员会"]);
    expect(held("书记周涛讲党课《守初心》")).toEqual(["党课"]);
    expect(held("召开2025年度组织生活会暨民主评议党员大会")).toEqual(["组织生活会", "民主评议党员", "支部党员大会"]);
    expect(held("研究召开组织生活会事宜")).toEqual([]);
  });

  it("counts a register's meetings by its 内容, and says the quarter without a 党员大会", () => {
    const rows: CellValue[][] = [["某小学党支部2025年三会一课登记"], ["正式党员10名；支部委员3名"], ["日期", "内容", "参加人员", "记录人"]];
    for (let m = 1; m <= 12; m++) {
      const mm = String(m).padStart(2, "0");
      rows.push([`2025-${mm}-05`, `召开${m}月份支委会，研究工作`, m === 2 ? "周涛（其他委员外出）" : "周涛、吴敏、郑华", "郑华"]);
      rows.push([`2025-${mm}-25`, `开展${m}月主题党日活动：集中学习`, "全体党员", "郑华"]);
      if (m % 3 === 0 && m !== 6) rows.push([`2025-${mm}-20`, "召开支部党员大会，通报工作", "全体党员", "郑华"]);
      if (m % 3 === 0) rows.push([`2025-${mm}-22`, m === 3 ? "书记周涛讲党课《守初心》" : "组织党员上党课", "全体党员", "郑华"]);
    }
    rows.push(["2025-12-28", "召开2025年度组织生活会，开展民主评议党员", "全体党员", "郑华"]);
    const r = checkWorkbook(book(sheet("2025年", rows)), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("meetings");
    const missing = r.findings.filter((f) => f.code === "meetings.missing" || f.code === "meetings.missingRun").map((f) => f.period);
    // Only April–June lacks its 党员大会; the 组织生活会 row holds the 民主评议党员 too.
    expect(missing).toEqual(["2025-Q2"]);
    expect(r.findings.some((f) => f.code === "meetings.secretaryLecture")).toBe(false);
    // February's 支委会: one of the three 委员 named (支部委员3名 above the table).
    const quorum = r.findings.filter((f) => f.code === "meetings.quorumCommittee");
    expect(quorum.map((f) => f.cell)).toEqual(["C6"]);
  });
});

describe("a development ledger with the whole path in one cell (G3, G4, G16)", () => {
  const rows: CellValue[][] = [
    ["某镇党委发展党员工作台账"],
    ["序号", "姓名", "性别", "出生年月", "发展历程", "入党介绍人"],
    [1, "周涛", "男", "1990.3", "2019.3.5递交入党申请书；2019.9.8确定为入党积极分子；2020.10.9列为发展对象；2021.6.20接收为预备党员；2022.6.20转为正式党员", "吴敏、郑华"],
    [2, "吴丽", "女", "1992.5", "2020.5.6递交入党申请书；2020.3.1确定为入党积极分子；2021.4.1列为发展对象；2021.12.1接收为预备党员；2022.12.1转为正式党员", "吴敏、郑华"],
    [3, "陈刚", "男", "1991.7", "2019.4.1递交入党申请书；2019.10.1确定为入党积极分子；2020.4.1列为发展对象；2020.12.1接收为预备党员；2021.12.1转为正式党员", "吴敏、郑华"],
    [4, "赵芳", "女", "1993.1", "2020.1.2递交入党申请书；2020.7.1确定为入党积极分子；2021.8.1列为发展对象；2022.3.1接收为预备党员；2022.12.1转为正式党员", "吴敏、郑华"],
  ];
  const r = checkWorkbook(book(sheet("台账", rows)), { asOf: "2025-12-31" });
  const errorsAt = (cell: string) => r.findings.filter((f) => f.cell === cell && f.severity === "error");

  it("is read as a development record, step by step", () => {
    expect(r.sheets[0]!.kind).toBe("development");
    expect(r.sheets[0]!.reason).toContain("发展历程");
  });
  it("says each step out of its time at the path cell", () => {
    // 吴丽 applied after she was made an activist; 陈刚 an activist six months only; 赵芳 full after nine months.
    const codes = (cell: string) => errorsAt(cell).map((f) => f.code);
    expect(codes("E4")).toEqual(["dates.order"]);
    expect(codes("E5")).toEqual(["development.activistTooShort"]);
    expect(codes("E6")).toEqual(["probation.fullDateMismatch"]);
    expect(codes("E3")).toEqual([]);
  });
});

describe("a vote written as a sentence (G10)", () => {
  it("gives those expected, those present and the yes votes", () => {
    expect(readVoteSentence("应到会有表决权党员25人，实到21人，赞成12票")).toEqual({ expected: 25, present: 21, yes: 12 });
    expect(readVoteSentence("应到会有表决权党员25人，实到21人")).toBeNull();
  });
});

describe("one person's 发展党员全程纪实表: label–value pairs, the votes as sentences", () => {
  // Two pairs a row, each value merged over three cells, as a form lays them out.
  const pair = (a: string, av: CellValue, b: string, bv: CellValue): CellValue[] => [a, av, null, null, b, bv, null, null];
  const rows: CellValue[][] = [
    ["发展党员全程纪实表"],
    ["所在党支部：某镇机关党支部"],
    ["姓名", "周涛", "性别", "男", "出生年月", "1995.4", "民族", "汉族"],
    pair("递交入党申请书时间", "2022年3月1日", "党组织派人谈话时间", "2022年3月20日"),
    pair("确定为入党积极分子时间", "2022年9月1日", "培养联系人", "吴敏、郑华"),
    pair("确定为发展对象时间", "2023年10月8日", "入党介绍人", "吴敏、郑华"),
    pair("政治审查结论时间", "2023年12月1日", "上级党委预审时间", "2024年1月10日"),
    pair("支部大会讨论接收时间", "2024年2月1日", "表决情况", "应到会有表决权党员20人，实到18人，赞成18票"),
    pair("上级党委派人谈话时间", "2024年2月20日", "上级党委审批时间", "2024年3月1日"),
    pair("入党宣誓时间", "2024年3月10日", "预备期满时间", "2025年2月1日"),
    pair("提出转正申请时间", "2025年1月20日", "支部大会讨论转正时间", "2025年2月5日"),
    pair("转正表决情况", "应到会有表决权党员20人，实到12人，赞成10票", "上级党委审批转正时间", "2025年2月25日"),
  ];
  const merges = rows.slice(3).flatMap((_, i) => [
    { r0: i + 3, c0: 1, r1: i + 3, c1: 3 },
    { r0: i + 3, c0: 5, r1: i + 3, c1: 7 },
  ]);
  const r = checkWorkbook(book(sheet("周涛", rows, { merges })), { asOf: "2025-12-31" });

  it("is read as a development record of one person", () => {
    expect(r.sheets[0]!.kind).toBe("development");
  });
  it("judges the 转正 vote as the admitting one: 10 yes of 20 is not more than half, at its cell", () => {
    const errors = r.findings.filter((f) => f.severity === "error").map((f) => `${f.cell} ${f.code}`);
    expect(errors).toEqual(["B12 development.voteNotPassed"]);
  });
});
