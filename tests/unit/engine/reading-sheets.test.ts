import { describe, expect, it } from "vitest";
import { checkSheet, checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, makeId, serial, sheet } from "./grid-helpers.js";

const months = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);

describe("columns known by header and content, with confidence", () => {
  it("finds the ID column by its content when its header says nothing", () => {
    const rows: CellValue[][] = [
      ["姓名", "号", "入党时间", "转正时间"],
      ["甲", makeId("1980-01-01", "男"), "2000-07-01", "2001-07-01"],
      ["乙", makeId("1981-02-02", "女"), "2001-07-01", "2002-07-01"],
      ["丙", makeId("1980-01-01", "男"), "2002-07-01", "2003-07-01"],
    ];
    const { report, findings } = checkSheet(sheet("S", rows), { asOf: "2025-12-31" });
    const idColumn = report.columns.find((c) => c.column === "B")!;
    expect(idColumn).toMatchObject({ field: "idNumber", source: "content" });
    expect(idColumn.confidence).toBeGreaterThanOrEqual(0.5);
    expect(idColumn.confidence).toBeLessThan(0.9);
    expect(findings.map((f) => `${f.cell} ${f.code}`)).toEqual(["B4 value.duplicate"]);
  });

  it("is sure of a column whose header and content agree, less sure when the content disagrees, and lists unassigned columns", () => {
    const rows: CellValue[][] = [["姓名", "入党时间", "转正时间", "籍贯"]];
    for (let i = 0; i < 30; i++) rows.push([`党员${i}`, "张三", `${2001 + (i % 10)}-07-01`, "浙江杭州"]);
    const { report } = checkSheet(sheet("S", rows), { template: { id: "roster" }, asOf: "2025-12-31" });
    const byColumn = Object.fromEntries(report.columns.map((c) => [c.column, c]));
    expect(byColumn.C).toMatchObject({ field: "fullDate", source: "both" });
    expect(byColumn.C!.confidence).toBeGreaterThanOrEqual(0.95);
    expect(byColumn.B!.field).toBe("joinDate");
    expect(byColumn.B!.confidence).toBeLessThan(0.6);
    expect(byColumn.D).toMatchObject({ header: "籍贯", field: null, source: null });
  });

  it("takes one column per field: the better-named one wins, the other is left unassigned", () => {
    const rows: CellValue[][] = [
      ["姓名", "入党时间", "入党日期（旧）", "转正时间"],
      ["甲", "2000-07-01", "2000-07-01", "2001-07-01"],
    ];
    const { report } = checkSheet(sheet("S", rows), { asOf: "2025-12-31" });
    expect(report.columns.filter((c) => c.field === "joinDate").map((c) => c.column)).toEqual(["B"]);
    expect(report.columns.find((c) => c.column === "C")!.field).toBeNull();
  });

  it("says how sure it is of the ledger kind", () => {
    const plain = checkSheet(sheet("S", [["姓名", "入党时间"], ["甲", "2000-07-01"]]), { template: { id: "roster" }, asOf: "2025-12-31" }).report;
    const rich = checkSheet(
      sheet("S", [
        ["姓名", "性别", "出生日期", "身份证号码", "党籍状态", "入党时间", "转正时间"],
        ["甲", "男", "1980-01-01", makeId("1980-01-01", "男"), "正式党员", "2000-07-01", "2001-07-01"],
      ]),
      { asOf: "2025-12-31" },
    ).report;
    expect(rich.status).toBe("checked");
    expect(rich.confidence).toBeGreaterThan(0.8);
    expect(plain.confidence).toBeLessThan(rich.confidence);
  });

  it("checks against a template chosen by hand even when its headers are too few to recognise it", () => {
    const rows: CellValue[][] = [["姓名", "入党时间"], ["甲", "2026-03-01"]];
    const auto = checkSheet(sheet("S", rows), { asOf: "2025-12-31" });
    expect(auto.report.status).toBe("unrecognised");
    const forced = checkSheet(sheet("S", rows), { asOf: "2025-12-31", template: { id: "roster" } });
    expect(forced.report.status).toBe("checked");
    expect(forced.findings.map((f) => `${f.cell} ${f.code}`)).toEqual(["B2 date.future"]);
  });
});

describe("row roles: titles, sections, data, totals and notes", () => {
  it("carries a section's category to its members, checks each 小计 and the 合计, and skips signatures", () => {
    const rows: CellValue[][] = [
      ["姓名", "人员类别", "缴费基数", "月应缴党费", ...months],
      ["一、在职党员"],
      ["甲", null, 5100, 76.5, ...Array(12).fill(76.5)],
      ["乙", null, 4900, 49, ...Array(12).fill(49)],
      ["小计", null, null, 125.5, ...Array(12).fill(125.5)],
      ["二、离退休党员"],
      ["丙", null, 4000, 20, ...Array(12).fill(20)],
      ["小计", null, null, 20, ...Array(11).fill(20), 21],
      ["合计", null, null, 145.5, ...Array(12).fill(145.5)],
      ["填表人：王芳", null, null, "审核人：李红"],
    ];
    const merges = [
      { r0: 1, c0: 0, r1: 1, c1: 15 },
      { r0: 5, c0: 0, r1: 5, c1: 15 },
    ];
    const { report, findings } = checkSheet(sheet("2025党费", rows, { merges }), { asOf: "2025-12-31" });
    expect(report.rows).toBe(3);
    expect(report.sections.map((s) => [s.row, s.label, s.facts])).toEqual([
      [2, "一、在职党员", [{ field: "category", fieldTitle: "人员类别", value: "在职" }]],
      [6, "二、离退休党员", [{ field: "category", fieldTitle: "人员类别", value: "离退休" }]],
    ]);
    expect(report.rowRoles).toMatchObject({ data: 3, section: 2, subtotal: 2, total: 1, notice: 1 });
    // 丙 owes 4000 × 0.5% = 20.00 as a retiree (1% = 40.00 as a worker would be wrong); the second 小计's December says 21.
    expect(findings.map((f) => `${f.cell} ${f.code}`)).toEqual(["P8 derived.totalMismatch"]);
  });

  it("keeps a row with only a name as data, and a group heading standing alone as a section", () => {
    const rows: CellValue[][] = [
      ["会议类型", "实际会议时间", "应到人数", "实到人数", "党小组"],
      ["第一党小组"],
      ["党小组会", "2025-01-08", 8, 8, null],
      ["第二党小组"],
      ["党小组会", "2025-01-09", 7, 7, null],
    ];
    const { report } = checkSheet(sheet("S", rows), { asOf: "2025-01-31" });
    expect(report.sections.map((s) => s.facts.map((f) => `${f.fieldTitle}=${f.value}`))).toEqual([["党小组=第一党小组"], ["党小组=第二党小组"]]);
    const lone = checkSheet(sheet("S", [["姓名", "入党时间", "转正时间"], ["张三"], ["李四", "2000-07-01", "2001-07-01"]]), { template: { id: "roster" }, asOf: "2025-12-31" });
    expect(lone.report.rows).toBe(2);
  });
});

describe("derived cells and stated rates", () => {
  it("checks 全年合计 against the months and a stated 交纳比例 against the bracket, however the rate is written", () => {
    const rows: CellValue[][] = [
      ["姓名", "缴费基数", "交纳比例", "月应缴党费", ...months, "全年合计"],
      ["甲", 5100, "1.5%", 76.5, ...Array(12).fill(76.5), 918],
      ["乙", 5100, 1.5, 76.5, ...Array(12).fill(76.5), 900],
      ["丙", 5100, 0.015, 76.5, ...Array(12).fill(76.5), 918],
      ["丁", 3000, 0.01, 15, ...Array(12).fill(15), 180],
    ];
    const { findings } = checkSheet(sheet("2025党费", rows), { asOf: "2025-12-31" });
    expect(findings.map((f) => `${f.cell} ${f.code} ${f.expected ?? ""}`).sort()).toEqual(["C5 dues.rateMismatch 0.5%", "Q3 dues.yearTotalMismatch 918.00"]);
  });
});

describe("sheets that are not checked say so", () => {
  it("skips hidden, empty and instruction sheets, and never calls them clean", () => {
    const r = checkWorkbook(
      book(
        sheet("选项", [["正式党员"], ["预备党员"]], { hidden: true }),
        sheet("空白", []),
        sheet("填表说明", [["1、请按字段批注填写，字段及字段顺序请勿删除或调整。"], ["2、日期格式为 2025-01-01。"]]),
        sheet("说明", [["本表由组织委员填写，每季度报送一次，如有疑问请联系组织部。"]]),
      ),
      { asOf: "2025-12-31" },
    );
    expect(r.sheets.map((s) => [s.sheet, s.status, s.skipReason])).toEqual([
      ["选项", "skipped", "hidden"],
      ["空白", "skipped", "empty"],
      ["填表说明", "skipped", "instructions"],
      ["说明", "skipped", "instructions"],
    ]);
    expect(r.sheets.every((s) => s.reason.startsWith("未检查"))).toBe(true);
  });

  it("names what an unrecognised sheet looks like when it is not a ledger at all", () => {
    const training = checkSheet(sheet("Sheet1", [["工号", "姓名", "培训班名称", "培训开始时间", "培训结束时间", "培训学时"], ["001", "甲", "积极分子培训班", "2025-03-01", "2025-03-03", 24]]), { asOf: "2025-12-31" });
    expect(training.report.status).toBe("unrecognised");
    expect(training.report.candidates[0]).toMatchObject({ foreign: "training" });
    expect(training.report.reason).toContain("培训");
  });
});

describe("the meeting type of a whole register", () => {
  it("comes from the file name when the sheet and title say nothing", () => {
    const rows: CellValue[][] = [["活动主题", "活动时间", "活动地点", "参加人数", "应到人数"]];
    for (let m = 1; m <= 12; m++) if (m !== 5) rows.push([`${m}月活动`, serial(`2025-${String(m).padStart(2, "0")}-10`), "会议室", 10, 12]);
    const { report, findings } = checkSheet(sheet("Sheet1", rows), { asOf: "2025-12-31", fileName: "主题党日活动录入样表.xlsx" });
    expect(report.meetingType).toEqual({ type: "主题党日", source: "file" });
    expect(findings.map((f) => `${f.code} ${f.period} ${String(f.args?.type)}`)).toEqual(["meetings.missing 2025-05 主题党日"]);
  });

  it("lets a quorum be checked in a one-type register named by its sheet", () => {
    const rows: CellValue[][] = [["会议时间", "应到人数", "实到人数"], ["2025-03-15", 20, 10]];
    const { findings } = checkSheet(sheet("党员大会", rows), { asOf: "2025-03-31" });
    expect(findings.map((f) => `${f.cell} ${f.code}`)).toContain("C2 meetings.quorumGeneral");
  });
});

describe("rows of the forms clerks keep (from the blind corpus)", () => {
  const header: CellValue[] = ["序号", "姓名", "性别", "公民身份号码", "加入党组织日期", "转为正式党员日期", "党籍状态"];
  const member = (n: number, name: string): CellValue[] => [n, name, "男", makeId("1978-03-15", "男", "330102", n), "2002-07-01", "2003-07-01", "正式党员"];

  it("a group heading with its leader in full-width brackets heads its rows, merged across the table or not", () => {
    const rows: CellValue[][] = [header, ["第一党小组（组长：高志远）"], member(1, "高志远"), member(2, "林树森"), ["第二党小组（组长：林芳）"], member(3, "林芳")];
    const r = checkSheet(sheet("S", rows, { merges: [{ r0: 1, c0: 0, r1: 1, c1: 6 }] }), { asOf: "2025-12-31" });
    expect(r.findings).toEqual([]);
    expect(r.report.rows).toBe(3);
    expect(r.report.sections.map((s) => s.label)).toEqual(["第一党小组（组长：高志远）", "第二党小组（组长：林芳）"]);
  });

  it("any short label merged across the table is a heading; the same label unmerged in a data column is a record", () => {
    const rows: CellValue[][] = [header, ["机关一组"], member(1, "高志远")];
    const merged = checkSheet(sheet("S", rows, { merges: [{ r0: 1, c0: 0, r1: 1, c1: 6 }] }), { asOf: "2025-12-31" });
    expect(merged.report.rows).toBe(1);
    const loose: CellValue[][] = [header, [null, "机关一组"], member(1, "高志远")];
    expect(checkSheet(sheet("S", loose), { asOf: "2025-12-31" }).report.rows).toBe(2);
  });

  it("signature lines of any role with a colon are not members: 收缴人、经手人、制表、党支部书记、组织委员", () => {
    for (const foot of [["收缴人：刘桂芳", null, null, "审核人：王建国"], ["经手人：刘桂芳"], ["制表：离退休党支部", null, null, null, "2025年12月"], ["党支部书记：王建国", null, null, null, "组织委员：刘桂芳"]] as CellValue[][]) {
      const r = checkSheet(sheet("S", [header, member(1, "高志远"), [], foot]), { asOf: "2025-12-31" });
      expect(r.findings, JSON.stringify(foot)).toEqual([]);
      expect(r.report.rows).toBe(1);
    }
  });

  it("quarter headings of a register are headings, not meetings", () => {
    const rows: CellValue[][] = [["会议类型", "会议时间", "应到人数", "实到人数", "主持人"], ["第一季度"], ["支部党员大会", "2025-03-15", 9, 9, "王建国"], ["2025年第二季度"], ["支部党员大会", "2025-06-15", 9, 8, "王建国"], ["上半年"]];
    const r = checkSheet(sheet("三会一课", rows), { asOf: "2025-06-30" });
    expect(r.report.rows).toBe(2);
    expect(r.findings.filter((f) => f.code.startsWith("value."))).toEqual([]);
  });

  it("a blank form — headers and numbered empty lines — is recognised and not checked, never clean", () => {
    const rows: CellValue[][] = [["党员花名册"], ["序号", "姓名", "性别", "身份证号", "入党时间", "转正时间", "联系电话"], [1], [2], [3]];
    const r = checkWorkbook(book(sheet("花名册", rows)), { asOf: "2025-12-31" });
    expect(r.sheets[0]).toMatchObject({ status: "skipped", skipReason: "noData", kind: "roster", rows: 0 });
    expect(r.sheets[0]!.reason).toBe("未检查：这是一张“党员花名册”的空表，只有表头，还没有填写内容");
    expect(r.findings).toEqual([]);
  });

  it("a blank form numbered in its 姓名 column (no 序号 column) is blank too; a real name on a line is a record", () => {
    const rows: CellValue[][] = [["党员花名册"], ["姓名", "性别", "身份证号", "入党时间", "转正时间"], ["1"], [2], ["3"]];
    const r = checkWorkbook(book(sheet("花名册", rows)), { asOf: "2025-12-31" });
    expect(r.sheets[0]).toMatchObject({ status: "skipped", skipReason: "noData", rows: 0 });
    const named = checkWorkbook(book(sheet("花名册", [...rows, ["王建国"]])), { asOf: "2025-12-31" });
    expect(named.sheets[0]).toMatchObject({ status: "checked", rows: 1 });
  });

  it("a trade union's dues and a volunteer log look like ledgers but are not", () => {
    const union: CellValue[][] = [["宏达机械有限公司工会2025年会费收缴明细"], ["序号", "姓名", "部门", "月工资", "月缴会费", ...months, "合计"], [1, "杨海涛", "生产部", 4000, 20, ...Array(12).fill(20), 240]];
    const volunteer: CellValue[][] = [["志愿服务活动登记表"], ["序号", "活动日期", "活动名称", "活动地点", "组织单位", "参加人数", "服务时长（小时）", "负责人"], [1, serial("2025-01-18"), "环境卫生整治", "东风社区", "第二党支部", 12, 2, "李红梅"]];
    for (const rows of [union, volunteer]) {
      const r = checkWorkbook(book(sheet("S", rows)), { asOf: "2025-12-31" });
      expect(r.sheets[0]!.status).toBe("unrecognised");
      expect(r.sheets[0]!.candidates[0]!.foreign).toBeDefined();
      expect(r.findings).toEqual([]);
    }
  });
});

describe("headers and values the way clerks write them (from the blind corpus)", () => {
  const asOf = "2025-12-31";
  const codesOf = (rows: CellValue[][], extra = {}) => checkSheet(sheet("S", rows, extra), { asOf }).findings.map((f) => `${f.cell} ${f.code}`);

  it("何时入党 and 何时转正 are admission and full membership; 党龄 to a month's precision", () => {
    const rows: CellValue[][] = [
      ["姓名", "身份证号", "何时入党", "何时转正", "党龄"],
      ["谢广平", makeId("1975-08-20", "男"), 2003.07, 2004.07, 22],
      ["曹光辉", makeId("1958-05-12", "男", "110105", 13), 1985.07, 1986.07, 39],
    ];
    const r = checkSheet(sheet("S", rows), { asOf });
    expect(r.report.kind).toBe("roster");
    // 2004.07 to 2025-12-31 is 21 whole years whatever the day in July; 22 counts from admission.
    expect(r.findings.map((f) => `${f.cell} ${f.code}`)).toEqual(["E2 member.partyAgeFromAdmission"]);
  });

  it("确定为积极分子时间 is the activist date: an activist before the application is out of order", () => {
    const rows: CellValue[][] = [
      ["姓名", "递交入党申请书时间", "确定为积极分子时间", "确定为发展对象时间", "入党时间"],
      ["彭玉洁", "2023-05-06", "2023-04-20", "2024-05-01", "2024-11-15"],
    ];
    expect(codesOf(rows)).toContain("C2 dates.order");
  });

  it("under 预备党员转正, 上级党委审批时间 is the approval of full membership and 转正申请时间 is not the application to join", () => {
    const rows: CellValue[][] = [
      ["姓名", "预备党员接收", null, "预备党员转正", null, null, null],
      [null, "支部大会通过时间", "上级党委审批时间", "转正申请时间", "支部大会讨论转正时间", "上级党委审批时间", "转正时间"],
      ["胡春燕", "2024.04.19", "2024.05.20", "2025.03.10", "2025.03.21", "2025.04.10", "2025.04.19"],
    ];
    const r = checkSheet(sheet("S", rows, { merges: [{ r0: 0, c0: 1, r1: 0, c1: 2 }, { r0: 0, c0: 3, r1: 0, c1: 6 }] }), { asOf });
    const fieldOf = Object.fromEntries(r.report.columns.map((c) => [c.column, c.field]));
    expect(fieldOf).toMatchObject({ B: "joinDate", C: "approvalDate", D: "fullApplyDate", E: "fullMeetingDate", F: "fullApprovalDate", G: "fullDate" });
    // The full-membership meeting a month before the probation year ends (2025-04-19).
    expect(r.findings.map((f) => `${f.cell} ${f.code}`)).toEqual(["E3 development.fullMeetingEarly"]);
  });

  it("a month merged over 应交 | 实交: the 实交 column is that month's payment", () => {
    const rows: CellValue[][] = [
      ["姓名", "缴费基数", "1月", null, "2月", null, "3月", null],
      [null, null, "应交", "实交", "应交", "实交", "应交", "实交"],
      ["李卫东", 6000, 90, 90, 90, 90, 90, 90],
      ["张丽华", 4200, 42, 42, 42, 21, 42, 42],
    ];
    const merges = [0, 2, 4, 6].map((c) => ({ r0: 0, c0: c, r1: 0, c1: c + 1 })).filter((m) => m.c0 >= 2);
    const r = checkSheet(sheet("S", rows, { merges }), { asOf: "2025-03-31" });
    expect(r.report.rows).toBe(2);
    expect(r.findings.filter((f) => f.severity === "error").map((f) => `${f.cell} ${f.code}`)).toEqual(["F4 dues.paidMismatch"]);
  });

  it("a count with its unit in a number column: 延长6个月 is 6, 延长3个月 is too short an extension", () => {
    const rows: CellValue[][] = [
      ["姓名", "入党时间", "延长预备期(月)", "转正时间"],
      ["朱文斌", "2024-01-26", "延长6个月", "2025-07-26"],
      ["邓倩", "2024-09-20", "延长3个月", "2025-12-20"],
    ];
    expect(codesOf(rows)).toEqual(["C3 probation.extensionRange"]);
  });

  it("a training written as a span in one cell has both ends: 2 days and 16 hours is too short", () => {
    const rows: CellValue[][] = [
      ["姓名", "递交入党申请书时间", "确定为入党积极分子时间", "确定为发展对象时间", "集中培训时间", "培训学时", "入党介绍人", "入党时间"],
      ["孙宏伟", "2022-03-01", "2022-09-10", "2023-09-15", "2023.10.16-10.18", 24, "王建国、李红梅", "2024-04-20"],
      ["高慧敏", "2022-09-01", "2023-03-10", "2024-03-15", "2024.10.8-10.9", 16, "王建国、张志强", "2025-02-24"],
    ];
    expect(codesOf(rows).filter((c) => c.includes("training"))).toEqual(["E3 development.trainingShort"]);
  });
});
