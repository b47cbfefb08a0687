import { describe, expect, it } from "vitest";
import { checkSheet, type CellValue } from "../../../shared/index.js";
import { serial, sheet } from "./grid-helpers.js";

/**
 * A committee's term and make-up as a members list states them above its table (支部工作条例 第六章;
 * 基层组织选举工作条例 第三条): the election date in the cell beside its label, the term in words, the
 * branch's 正式党员 in a line; and a written term against the one of the organisation's type.
 */
const codes = (findings: { code: string; cell: string | null; severity: string }[], prefix = "committee.") =>
  findings.filter((f) => f.code.startsWith(prefix)).map((f) => `${f.cell} ${f.code}:${f.severity}`);

function membersList(termWords: string): CellValue[][] {
  return [
    ["某局机关第二党支部委员会成员名单"],
    ["第三届支部委员会", null, "选举日期：", serial("2021-06-10"), null, termWords],
    ["支部党员20名"],
    ["职务", "姓名", "性别", "入党时间", "联系电话"],
    ["书记", "王一", "男", "1995.06", "13800000001"],
    ["副书记", "王二", "女", "1998.07", "13800000002"],
    ["组织委员", "王三", "男", "2001.07", "13800000003"],
    ["宣传委员", "王四", "女", "2003.05", "13800000004"],
    ["纪检委员", "王五", "男", "2005.06", "13800000005"],
  ];
}

describe("the election date beside its label above the header (选举日期： | 2021-06-10)", () => {
  it("three years from 2021-06-10 ended 2024-06-10: by 2025-06-30, 13 months overdue, at the date's cell", () => {
    const { report, findings } = checkSheet(sheet("支委会", membersList("任期：三年")), { asOf: "2025-06-30" });
    expect(report.kind).toBe("committee");
    const expired = findings.filter((f) => f.code === "committee.termExpired");
    // (2025-06-30 − 2024-06-10) = 385 days ≈ 12.6 months → 13.
    expect(expired.map((f) => [f.cell, f.severity, f.args?.due, f.args?.months])).toEqual([["D2", "error", "2024-06-10", 13]]);
  });

  it("not before the term ends", () => {
    const { findings } = checkSheet(sheet("支委会", membersList("任期：三年")), { asOf: "2024-05-31" });
    expect(codes(findings)).toEqual([]);
  });

  it("the term the line states: 五年 runs to 2026-06-10, so nothing is overdue on 2025-06-30", () => {
    const { findings } = checkSheet(sheet("支委会", membersList("任期：五年")), { asOf: "2025-06-30" });
    expect(codes(findings).filter((c) => c.includes("termExpired"))).toEqual([]);
  });
});

describe("a written term against the organisation's type (条例第六章)", () => {
  const list = (title: string, span: string): CellValue[][] => [
    [title],
    ["职务", "姓名", "入党时间", "任职时间", "任期"],
    ["书记", "甲", "2006.07", "2024.05", span],
    ["副书记", "乙", "2012.11", "2024.05", span],
  ];

  it("a law firm's 党支部 written 2024年5月—2029年5月: five years where 一般 three, a warning at the term", () => {
    const { findings } = checkSheet(sheet("班子", list("某律师事务所党支部班子成员", "2024年5月—2029年5月")), { asOf: "2025-12-31" });
    const term = findings.filter((f) => f.code === "committee.termYearsForBranch");
    expect(term.map((f) => [f.cell, f.severity, f.args?.expected, f.args?.value])).toEqual([["E3", "warning", 3, "5"]]);
  });

  it("three years for a 党支部 is the rule; five for a 党总支 is within the 党章's 三至五年", () => {
    expect(codes(checkSheet(sheet("班子", list("某律师事务所党支部班子成员", "2024年5月—2027年5月")), { asOf: "2025-12-31" }).findings)).toEqual([]);
    expect(codes(checkSheet(sheet("班子", list("某学院党总支委员会成员", "2024年5月—2029年5月")), { asOf: "2025-12-31" }).findings)).toEqual([]);
  });

  it("a village branch written three years where its term is five: an error", () => {
    const { findings } = checkSheet(sheet("班子", list("某村党支部委员会成员", "2024年5月—2027年5月")), { asOf: "2025-12-31" });
    const term = findings.filter((f) => f.code === "committee.termYearsForType");
    expect(term.map((f) => [f.cell, f.severity, f.args?.expected, f.args?.value])).toEqual([["E3", "error", 5, "3"]]);
  });

  it("a terms register: 任期（年）5 for a 机关党支部 is a warning, with 3 as the correction; a 党总支's 5 is not", () => {
    const rows: CellValue[][] = [
      ["党组织名称", "上届选举时间", "任期（年）", "届满时间"],
      ["县统计局机关党支部", "2023-03-10", 5, "2028-03-10"],
      ["县委党校党总支", "2023-03-10", 5, "2028-03-10"],
      ["县林业局机关党支部", "2023-03-10", 3, "2026-03-10"],
    ];
    const { report, findings } = checkSheet(sheet("换届", rows), { asOf: "2025-12-31" });
    expect(report.template?.id).toBe("committee");
    const term = findings.filter((f) => f.code === "committee.termYearsForBranch");
    expect(term.map((f) => [f.cell, f.severity, f.expected])).toEqual([["C2", "warning", "3"]]);
  });
});

describe("a committee in a branch of fewer than 7 正式党员, as its own line says (M11)", () => {
  const list = (posts: string[]): CellValue[][] => [
    ["某律师事务所党支部班子成员"],
    ["党员6名（正式党员5名、预备党员1名）"],
    ["职务", "姓名", "入党时间"],
    ...posts.map((p, i): CellValue[] => [p, `委员${i}`, "2010.07"]),
  ];

  it("组织委员 and 宣传委员 where a 书记 and at most one 副书记 are allowed: an error at the count", () => {
    const { findings } = checkSheet(sheet("班子", list(["书记", "组织委员", "宣传委员"])), { asOf: "2025-12-31" });
    expect(codes(findings)).toEqual(["A2 committee.tooBigForBranch:error"]);
  });

  it("a post that is no 委员 (党小组长) beside the 书记 says so less surely: a warning", () => {
    const { findings } = checkSheet(sheet("班子", list(["书记", "党小组长"])), { asOf: "2025-12-31" });
    expect(codes(findings)).toEqual(["A2 committee.tooBigForBranch:warning"]);
  });

  it("a 书记 and a 副书记 are right for five 正式党员", () => {
    expect(codes(checkSheet(sheet("班子", list(["书记", "副书记"])), { asOf: "2025-12-31" }).findings)).toEqual([]);
  });
});
