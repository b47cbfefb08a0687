import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, sheet } from "./grid-helpers.js";

const asOf = "2025-12-31";

function check(name: string, rows: CellValue[][]) {
  const r = checkWorkbook(book(sheet(name, rows)), { asOf });
  return { report: r.sheets[0]!, found: r.findings.map((f) => `${f.cell} ${f.code}:${f.severity}`) };
}

describe("rules that run once an export's columns are read", () => {
  it("a 支部大会讨论接收日期 column is the admission: an approval seven months after it is late", () => {
    const { report, found } = check("发展党员", [
      ["姓名", "递交入党申请书日期", "确定为入党积极分子日期", "确定为发展对象日期", "支部大会讨论接收日期", "上级党委审批日期"],
      // 2024-09-19 + 6 months = 2025-03-19 < 2025-04-19: more than six months.
      ["韦丽华", "2022-01-10 00:00:00", "2022-04-15 00:00:00", "2023-05-10 00:00:00", "2024-09-19 00:00:00", "2025-04-19 00:00:00"],
      // 2024-06-28 to 2024-08-20: within three months.
      ["蒙志强", "2022-02-11 00:00:00", "2022-05-16 00:00:00", "2023-06-12 00:00:00", "2024-06-28 00:00:00", "2024-08-20 00:00:00"],
    ]);
    expect(report).toMatchObject({ status: "checked", kind: "development" });
    expect(report.columns.find((c) => c.column === "E")?.field).toBe("joinDate");
    expect(found).toEqual(["F2 development.approvalLate:error"]);
  });

  it("a committee export with 选举日期 and codes on every member's row is a members list: a probationer elected is found", () => {
    const head = ["组织名称", "选举日期", "任期（年）", "任期届满日期", "姓名", "党内职务（1-书记 2-副书记 3-委员）", "入党日期"];
    const row = (name: string, post: string, joined: string): CellValue[] => ["某某机关支部", "2024-05-20 00:00:00", "3", "2027-05-20 00:00:00", name, post, `${joined} 00:00:00`];
    const { report, found } = check("班子成员", [
      head,
      row("陈立新", "1", "2001-07-01"),
      row("李秀英", "3", "2008-06-20"),
      // Admitted 2023-09-01: on probation until 2024-09-01, so not eligible on 2024-05-20.
      row("王海涛", "3", "2023-09-01"),
      row("刘志强", "3", "2012-11-05"),
      row("周建国", "3", "2015-03-18"),
    ]);
    expect(report).toMatchObject({ status: "checked", kind: "committee", template: { id: "committee-members" } });
    expect(found).toEqual(["B4 committee.memberProbationary:error"]);
  });
});

describe("bands a sheet writes under its table", () => {
  it("reads the bands however they are written", async () => {
    const { readScoreBands, bandOf } = await import("../../../shared/notes/score-bands.js");
    const bands = readScoreBands("说明：90分及以上为“好”，80—89分为“较好”，70—79分为“一般”，70分以下为“差”。")!;
    expect(bands).toEqual([
      { min: 90, grade: "好" },
      { min: 80, grade: "较好" },
      { min: 70, grade: "一般" },
      { min: 0, grade: "差" },
    ]);
    expect([95, 89.5, 70, 69.5].map((s) => bandOf(bands, s))).toEqual(["好", "较好", "一般", "差"]);
    expect(readScoreBands("评定标准：85分以上（含85分）为优秀，60-84分为合格，60分以下为不合格")).toEqual([
      { min: 85, grade: "优秀" },
      { min: 60, grade: "合格" },
      { min: 0, grade: "不合格" },
    ]);
    expect(readScoreBands("满分100分，其中组织建设20分")).toBeNull();
  });

  it("a 总分 graded outside the band the sheet states is found at its grade", () => {
    const { report, found } = check("Sheet1", [
      ["党支部名称", "组织建设（30分）", "党员管理（30分）", "作风建设（40分）", "总分", "考核等次"],
      ["机关第一党支部", 28, 27, 37, 92, "好"],
      ["机关第二党支部", 25, 24, 33, 82, "较好"],
      // 20 + 20 + 27 = 67: below 70 is 差, not 一般.
      ["环卫所党支部", 20, 20, 27, 67, "一般"],
      [],
      ["说明：90分及以上为“好”，80—89分为“较好”，70—79分为“一般”，70分以下为“差”。"],
    ]);
    expect(report).toMatchObject({ status: "checked", kind: "organisation-assessment" });
    expect(found).toEqual(["F4 orgAssessment.gradeBand:error"]);
  });
});
