import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue, type SheetReport } from "../../../shared/index.js";
import { readMonthSpan } from "../../../shared/normalise/dates.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * Kinds and columns the second blind corpus showed missing, each on a small sheet of its own.
 * Expected values are worked out by hand from the domain rules, not read from the engine.
 */
function report(rows: CellValue[][], name = "Sheet1", asOf = "2025-12-31", fileName?: string) {
  const r = checkWorkbook(book(sheet(name, rows)), { asOf, ...(fileName ? { fileName } : {}) });
  const s = r.sheets[0]!;
  return { sheet: s, findings: r.findings.filter((f) => f.severity !== "info").map((f) => `${f.cell ?? f.period ?? "-"} ${f.code}:${f.severity}`) };
}
const fieldOf = (s: SheetReport, column: string) => s.columns?.find((c) => c.column === column)?.field ?? null;

describe("a 转正 register is a development record, and 转正申请时间 is not the application to join", () => {
  const rows: CellValue[][] = [
    ["某街道机关党委预备党员转正情况登记表"],
    ["姓名", "接收为预备党员时间", "预备期满时间", "转正申请时间", "支部大会讨论时间", "党委审批时间", "转为正式党员时间"],
    // Admitted 2024-03-10: probation ends EDATE(+12) = 2025-03-10; meeting on that day, approval a month later.
    ["甲", "2024-03-10", "2025-03-10", "2025-02-20", "2025-03-10", "2025-04-10", "2025-03-10"],
    // 365 days after 2023-03-10 is 2024-03-09: the clerk counted days, not months.
    ["乙", "2023-03-10", "2024-03-09", "2024-02-20", "2024-03-15", "2024-04-15", "2024-03-10"],
    // Discussed on 2025-04-01, before the probation (from 2024-05-16) ends on 2025-05-16.
    ["丙", "2024-05-16", "2025-05-16", "2025-03-20", "2025-04-01", "2025-04-20", "2025-05-16"],
  ];
  const { sheet: s, findings } = report(rows, "转正登记", "2025-12-31");

  it("is recognised as development, with the 转正 steps in their columns", () => {
    expect(s.status).toBe("checked");
    expect(s.kind).toBe("development");
    expect(fieldOf(s, "C")).toBe("probationEnd");
    expect(fieldOf(s, "D")).toBe("fullApplyDate");
    expect(fieldOf(s, "E")).toBe("fullMeetingDate");
    expect(fieldOf(s, "F")).toBe("fullApprovalDate");
  });

  it("finds the 365-day probation end and the early meeting, and no 入党 before 申请 alarm", () => {
    expect(findings).toContain("C4 probation.endMismatch:error");
    expect(findings).toContain("E5 development.fullMeetingEarly:error");
    expect(findings.filter((f) => f.includes("dates.order"))).toEqual([]);
  });

  it("in a roster, a 转正申请时间 column is left unassigned rather than read as 入党申请时间", () => {
    const roster = report([["姓名", "入党时间", "转正申请时间", "转正时间"], ["甲", "2024-03-10", "2025-02-20", "2025-03-10"], ["乙", "2020-07-01", "2021-06-01", "2021-07-01"]], "花名册");
    expect(roster.sheet.kind).toBe("roster");
    expect(fieldOf(roster.sheet, "C")).toBe(null);
    expect(roster.findings).toEqual([]);
  });
});

describe("a 述职评议 of secretaries is an organisation assessment, not 民主评议党员", () => {
  const rows: CellValue[][] = [
    ["某镇2025年度村（社区）党组织书记抓基层党建工作述职评议结果"],
    ["序号", "村（社区）", "书记姓名", "有效票", "民主评议票数", null, null, null, "综合评价等次"],
    [null, null, null, null, "好", "较好", "一般", "差", null],
    [1, "甲村", "张三", 40, 30, 8, 2, 0, "好"],
    [2, "乙村", "李四", 40, 20, 15, 5, 0, "良好"],
    // 25 + 10 + 5 + 2 = 42 votes of 40 valid.
    [3, "丙社区", "王五", 40, 25, 10, 5, 2, "较好"],
  ];
  it("is organisation-assessment; 良好 is not a grade of 好/较好/一般/差; votes never exceed the valid votes", () => {
    const { sheet: s, findings } = report(rows, "述职评议");
    expect(s.kind).toBe("organisation-assessment");
    expect(findings).toContain("I5 orgAssessment.grade:error");
    expect(findings.some((f) => f.startsWith("E6 ") || f.startsWith("D6 "))).toBe(true);
    expect(findings.filter((f) => f.includes("column.missing"))).toEqual([]);
  });
});

describe("a list of a committee's members with 当选时间 is a committee list, not an election list", () => {
  const rows: CellValue[][] = [
    ["某支部委员会组成人员名单"],
    ["序号", "姓名", "入党时间", "党内职务", "当选时间", "本届任期届满时间"],
    [1, "甲", "2000-07-01", "书记", "2022-05-10", "2025-05-10"],
    [2, "乙", "2005-07-01", "副书记", "2022-05-10", "2025-05-10"],
    [3, "丙", "2010-07-01", "组织委员", "2022-05-10", "2025-05-10"],
  ];
  it("is read as the members of a committee, whose term (to 2025-05-10) ran out without an election", () => {
    const { sheet: s, findings } = report(rows, "支委会成员", "2025-12-31");
    expect(s.status).toBe("checked");
    expect(s.kind).toBe("committee");
    expect(s.template?.id).toBe("committee-members");
    expect(findings).toEqual(["F3 committee.termExpired:error"]);
  });

  it("a list of more members than a committee may ever have (7) is too many even without the roster", () => {
    const posts = ["书记", "副书记", "组织委员", "宣传委员", "纪检委员", "青年委员", "统战委员", "委员"];
    const many: CellValue[][] = [["姓名", "党内职务", "任职时间"], ...posts.map((p, i) => [`委员${"甲乙丙丁戊己庚辛"[i]}`, p, "2024-05-10"])];
    // Said at the last member listed (row 9, 党内职务 B): the eighth is the one too many.
    expect(report(many, "支委会成员").findings).toEqual(["B9 committee.size:error"]);
  });
});

describe("a welfare or visiting list of members is not a roster", () => {
  it("a 七一 慰问 list with 入党时间 and 党龄 is not a ledger", () => {
    const rows: CellValue[][] = [
      ["某镇2025年“七一”走访慰问老党员名单"],
      ["序号", "姓名", "性别", "入党时间", "党龄", "所在党支部", "慰问类别", "慰问金（元）", "领取人签字"],
      [1, "甲", "男", "1960.02", 65, "西街社区党支部", "老党员", 500, null],
      [2, "乙", "女", "1962.05", 63, "东街社区党支部", "困难党员", 1000, null],
      [3, "丙", "男", "1958.07", 67, "西街社区党支部", "老党员", 500, null],
    ];
    const { sheet: s, findings } = report(rows, "慰问名单");
    expect(s.status).not.toBe("checked");
    expect(findings).toEqual([]);
  });

  it("a roster of the same shape without the welfare columns stays a roster", () => {
    const rows: CellValue[][] = [
      ["某社区党支部党员名单"],
      ["序号", "姓名", "性别", "入党时间", "党龄", "所在党支部"],
      [1, "甲", "男", "1960.02", 65, "西街社区党支部"],
      [2, "乙", "女", "1962.05", 63, "东街社区党支部"],
    ];
    expect(report(rows, "名单").sheet.kind).toBe("roster");
  });
});

describe("count columns of committee meetings and of the admission vote", () => {
  it("应到委员 / 实到委员 are the committee's expected and present: 3 of 7 is short of half", () => {
    const rows: CellValue[][] = [
      ["某支部委员会会议记录汇总（2025年）"],
      ["会议时间", "会议地点", "应到委员", "实到委员", "主要议题", "记录人"],
      ...Array.from({ length: 12 }, (_, i) => [`2025.${i + 1}.09`, "会议室", 7, i === 4 ? 3 : 6, "研究工作", "甲"] as CellValue[]),
    ];
    const { sheet: s, findings } = report(rows, "Sheet1");
    expect(fieldOf(s, "C")).toBe("expected");
    expect(fieldOf(s, "D")).toBe("present");
    expect(findings).toEqual(["D7 meetings.quorumCommittee:error"]);
  });

  it("实到委员 holding the names of those present is a list, not a count", () => {
    const rows: CellValue[][] = [
      ["某村支部委员会会议记录"],
      ["日期", "实到委员", "主持人", "议题"],
      ["2025年1月6日", "叶青山、阎红军、薛刚", "叶青山", "研究年度工作"],
      ["2025年2月8日", "叶青山、阎红军、薛刚", "叶青山", "研究春耕"],
      ["2025年3月3日", "叶青山、阎红军", "叶青山", "研究培养"],
    ];
    const { sheet: s, findings } = report(rows, "Sheet1");
    expect(fieldOf(s, "B")).toBe(null);
    expect(findings.filter((f) => f.includes("notNumber"))).toEqual([]);
  });

  it("实到会有表决权党员 is the voters present: 11 of 22 is not more than half", () => {
    const rows: CellValue[][] = [
      ["姓名", "递交申请书时间", "确定为入党积极分子时间", "确定为发展对象时间", "入党时间", "应到会有表决权党员", "实到会有表决权党员", "赞成票", "入党介绍人"],
      ["甲", "2022-01-10", "2022-06-01", "2023-08-01", "2024-09-20", 22, 11, 11, "张三、李四"],
      ["乙", "2022-01-10", "2022-06-01", "2023-08-01", "2024-09-20", 22, 18, 18, "张三、李四"],
    ];
    const { sheet: s, findings } = report(rows, "发展党员");
    expect(fieldOf(s, "F")).toBe("votersExpected");
    expect(fieldOf(s, "G")).toBe("votersPresent");
    expect(findings).toContain("G2 development.voteQuorum:error");
  });
});

describe("a terms register of many branches (换届工作台账)", () => {
  const header = ["党组织名称", "类型", "党员数", "正式党员数", "是否设支委会", "委员人数", "上次换届时间", "任期（年）", "届满时间", "换届情况"];
  const rows: CellValue[][] = [
    ["某街道党工委所属党组织换届工作台账"],
    header,
    // A 社区 branch serves 5 years (条例 第六章): 3 is wrong, and 2023-04-20 + 5 years is 2028-04-20.
    ["第一社区党支部", "社区", 41, 40, "是", 5, "2023-04-20", 3, "2026-04-20", "未到期"],
    ["第二社区党支部", "社区", 38, 36, "是", 5, "2021-04-16", 5, "2026-04-16", "未到期"],
    // 9 正式党员 (≥ 7) and no committee.
    ["机关第二党支部", "机关", 12, 9, "否", null, "2024-03-08", 3, "2027-03-08", "未到期"],
    // Last elected 2022-03-15: due 2025-03-15, not re-elected by the end of 2025.
    ["物业公司党支部", "两新", 9, 8, "是", 3, "2022-03-15", 3, "2025-03-15", "未换届"],
    // 52 members: more than 50.
    ["小学党支部", "机关", 52, 49, "是", 5, "2024-09-10", 3, "2027-09-10", "未到期"],
    // 2 正式党员: fewer than 3.
    ["物流公司党支部", "两新", 4, 2, "否", null, "2023-11-20", 3, "2026-11-20", "未到期"],
  ];
  it("maps the branch's type, members, committee and status, and reads 上次换届时间 as the last election", () => {
    const { sheet: s } = report(rows, "换届台账");
    expect(s.kind).toBe("committee");
    expect(["B", "C", "D", "E", "G", "J"].map((c) => fieldOf(s, c))).toEqual(["orgType", "memberCount", "fullMemberCount", "hasCommittee", "appointedDate", "electionStatus"]);
  });
  it("finds the 社区 term written 3, the missing committee, the overdue election, the branch of 52 and the one of 2 full members", () => {
    expect(report(rows, "换届台账").findings).toEqual([
      "H3 committee.termYearsForType:error",
      "E5 committee.committeeRequired:error",
      "I6 committee.termExpired:error",
      "C7 quota.branchSize:warning",
      "D8 committee.tooFewFullMembers:warning",
    ]);
  });
});

describe("a dues receipt book: one row per receipt, the period as a span of months", () => {
  const rows: CellValue[][] = [
    ["某党支部党费收据登记簿（2025年）"],
    ["收据编号", "交纳日期", "交纳人", "所属期间", "月数", "月交纳额", "金额", "经手人", "备注"],
    ["No.1", "2025-01-10", "甲", "2025年1月—3月", 3, 43, 129, "丁", "经支部同意按季度交纳"],
    // 3 × 84.00 = 252.00, not 262.00.
    ["No.2", "2025-04-08", "乙", "2025.4-2025.6", 3, 84, 262, "丁", "经支部同意按季度交纳"],
    // 2024-08 to 2025-03 is 8 months of back pay: more than 6.
    ["No.3", "2025-03-01", "丙", "2024年8月—2025年3月", 8, 47.5, 380, "丁", "回国后补交，经支部同意"],
    // Three months at once, and nothing says the branch agreed.
    ["No.4", "2025-07-05", "甲", "2025年7-9月", 3, 43, 129, "丁", null],
    // 2025-10 to 12 is 3 months, not 2.
    ["No.5", "2025-10-06", "乙", "2025年10—12月", 2, 84, 168, "丁", "经支部同意"],
    // A voluntary payment for no month: not a bad month; 2000 is 大额党费 (an info).
    ["No.6", "2025-07-01", "丙", "自愿多交", null, null, 2000, "丁", "七一自愿多交党费"],
  ];
  it("is recognised as dues payments, 所属期间 read as the first and last month", () => {
    const { sheet: s } = report(rows, "收据登记");
    expect(s.kind).toBe("dues");
    expect(s.template?.id).toBe("dues-payments");
    expect(["C", "D", "E", "F", "G"].map((c) => fieldOf(s, c))).toEqual(["name", "fromMonth", "monthCount", "standard", "amount"]);
  });
  it("finds the wrong amount, the long back payment, the missing consent and the wrong month count", () => {
    expect(report(rows, "收据登记").findings).toEqual(["G4 dues.paymentMismatchMonthly:error", "D5 dues.backPayTooLong:warning", "G6 dues.lumpPayment:warning", "E7 dues.monthCount:error"]);
  });
});

describe("spans of months as receipts write them", () => {
  const ym = (y: number, m: number) => y * 12 + m - 1;
  it.each([
    ["2025年1月—3月", ym(2025, 1), ym(2025, 3)],
    ["2024年8月—2025年3月", ym(2024, 8), ym(2025, 3)],
    ["2025.4-2025.6", ym(2025, 4), ym(2025, 6)],
    ["2025年10—12月", ym(2025, 10), ym(2025, 12)],
    ["２０２５年７月－９月", ym(2025, 7), ym(2025, 9)],
  ])("%s runs from its first to its last month", (text, from, to) => {
    expect(readMonthSpan(text)).toEqual({ from, to });
  });
  it.each(["2025年3月—1月", "2025年1月", "2025.13-2025.14", "自愿多交"])("%s is no span", (text) => {
    expect(readMonthSpan(text)).toBe(null);
  });
});

describe("dues of retired members paid by quarter", () => {
  const rows: CellValue[][] = [
    ["某离退休干部党支部2025年党费交纳登记表"],
    ["姓名", "离退休费", "交纳比例", "月应交", "一季度", "二季度", "三季度", "四季度", "备注"],
    // 4200 × 0.5% = 21.00 a month, 63.00 a quarter.
    ["甲", 4200, "0.5%", 21, 63, 63, 63, 63, "经支部同意按季度交纳"],
    // 5000 is within the retirees' first bracket (≤ 5000: 0.5%): 25.00, not 50.00.
    ["乙", 5000, "1%", 50, 150, 150, 150, 150, "经支部同意按季度交纳"],
    // 二季度 36.50 is two months of 18.25, the quarter owes 54.75.
    ["丙", 3650, "0.5%", 18.25, 54.75, 36.5, 54.75, 54.75, "经支部同意按季度交纳"],
    // 三季度 and 四季度 empty: 2025-07 to 2025-12, six months unpaid.
    ["丁", 4410, "0.5%", 22.05, 66.15, 66.15, null, null, "经支部同意按季度交纳"],
    // By quarter with no consent in 备注: one warning for the member, not one per quarter.
    ["戊", 5320, "1%", 53.2, 159.6, 159.6, 159.6, 159.6, null],
    // Died in the third quarter, the note not saying the month: one month's dues in 三季度 is right.
    ["己", 6650, "1%", 66.5, 199.5, 199.5, 66.5, null, "经支部同意按季度交纳；病故"],
  ];
  it("reads each quarter column as its three months", () => {
    const { sheet: s } = report(rows, "老干党支部");
    expect(s.kind).toBe("dues");
    expect(["B", "E", "F", "G", "H"].map((c) => fieldOf(s, c))).toEqual(["base", "months", "months", "months", "months"]);
  });
  it("finds the retiree's bracket, the short quarter, six unpaid months, and the missing consent once", () => {
    expect(report(rows, "老干党支部").findings).toEqual([
      "D4 dues.amountMismatch:error",
      // 50.00 is 1% of 5000: the wrong bracket, an error at the amount and a warning at the rate.
      "C4 dues.rateMismatch:warning",
      "F5 dues.quarterMismatch:error",
      "G6 dues.unpaidLapse:error",
      "E7 dues.lumpPayment:warning",
    ]);
  });
  it("months under quarter headings (第一季度 over 1月 2月 3月) stay months, and a quarter beside its months is a subtotal", () => {
    const under: CellValue[][] = [
      ["姓名", "月应交", "第一季度", null, null, "第二季度", null, null],
      [null, null, "1月", "2月", "3月", "4月", "5月", "6月"],
      ["甲", 15, 15, 15, 15, 15, 15, 15],
      ["乙", 20, 20, 20, 20, 20, null, null],
    ];
    const a = report(under, "党费", "2025-06-30");
    expect(a.sheet.columns?.filter((c) => c.field === "months").length).toBe(6);
    expect(a.findings).toEqual([]);
    const beside: CellValue[][] = [
      ["姓名", "月应交", "1月", "2月", "3月", "一季度小计", "4月", "5月", "6月", "二季度"],
      ["甲", 15, 15, 15, 15, 45, 15, 15, 15, 45],
      ["乙", 20, 20, 20, 20, 60, 20, 20, 20, 60],
    ];
    const b = report(beside, "党费", "2025-06-30");
    expect(b.sheet.columns?.filter((c) => c.field === "months").map((c) => c.column)).toEqual(["C", "D", "E", "G", "H", "I"]);
    expect(b.findings).toEqual([]);
  });
});

describe("a title qualifies the columns only when it names the 转正 step alone", () => {
  it("in a register of both admission and 转正, 支部大会讨论时间 stays the admission meeting", () => {
    const rows: CellValue[][] = [
      ["某党委预备党员接收和转正情况登记表"],
      ["姓名", "递交申请书时间", "确定为入党积极分子时间", "支部大会讨论时间", "党委审批时间", "入党时间", "转正申请时间", "转正时间"],
      ["甲", "2021-03-01", "2021-09-01", "2023-06-20", "2023-07-10", "2023-06-20", "2024-05-30", "2024-06-20"],
      ["乙", "2021-04-01", "2021-10-01", "2023-06-20", "2023-07-10", "2023-06-20", "2024-05-30", "2024-06-20"],
    ];
    const { sheet: s } = report(rows, "Sheet1");
    expect(s.kind).toBe("development");
    expect(fieldOf(s, "E")).toBe("approvalDate");
    expect(fieldOf(s, "G")).toBe("fullApplyDate");
  });
});

describe("a commendation list of members is not a roster", () => {
  it("a 表彰 list with 出生年月, 学历, 入党时间 and 主要事迹 is not a ledger", () => {
    const rows: CellValue[][] = [
      ["某党委2025年优秀共产党员表彰名单"],
      ["序号", "姓名", "性别", "出生年月", "学历", "入党时间", "所在党支部", "主要事迹"],
      [1, "甲", "男", "1978.03", "本科", "2001.07", "第一党支部", "带头攻关，完成重点项目"],
      [2, "乙", "女", "1985.11", "大专", "2008.06", "第二党支部", "扎根社区，服务群众"],
      [3, "丙", "男", "1990.01", "本科", "2012.05", "第一党支部", "抗洪抢险中表现突出"],
    ];
    const { sheet: s, findings } = report(rows, "表彰名单");
    expect(s.status).not.toBe("checked");
    expect(s.candidates?.[0]?.looksLike).toBe("表彰、评选或推荐名单");
    expect(findings).toEqual([]);
  });
});
