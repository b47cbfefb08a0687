import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { parsePointsHeader } from "../../../shared/detect/points-header.js";
import { bandOf as gradeOfScore, readScoreBands as bandsInText } from "../../../shared/notes/score-bands.js";
import { DEFAULT_RULE_SET } from "../../../shared/ruleset/default.js";
import { book, sheet } from "./grid-helpers.js";

const check = (rows: CellValue[][]) => checkWorkbook(book(sheet("考核", rows)), { asOf: "2025-12-31" });

describe("a 百分制 branch assessment by hand: rows headed 支部, full marks as bare numbers in brackets", () => {
  it("a bare bracketed number is an item's full marks only when asked (the sheet's add up to 100)", () => {
    expect(parsePointsHeader("组织建设（20）")).toBeNull();
    expect(parsePointsHeader("组织建设（20）", "", true)).toBe(20);
    expect(parsePointsHeader("合计（100）", "", true)).toBeNull();
  });

  it("reads the grade bands a sheet states in words", () => {
    const bands = bandsInText("说明：90分以上为好，80—89分为较好，70—79分为一般，70分以下为差。");
    expect(bands).toEqual([
      { min: 90, grade: "好" },
      { min: 80, grade: "较好" },
      { min: 70, grade: "一般" },
      { min: 0, grade: "差" },
    ]);
    expect(gradeOfScore(bands!, 89.5)).toBe("较好");
    expect(gradeOfScore(bands!, 69)).toBe("差");
    expect(bandsInText("90分以上为好")).toBeNull();
  });

  const H = ["支部", "组织建设（20）", "三会一课（25）", "党费管理（15）", "党员发展（15）", "作用发挥（25）", "合计", "等次"];
  it("is a branch assessment without a secretary's name: items over their marks, totals and grades checked", () => {
    const r = check([
      ["2025年度党支部工作考核得分"],
      H,
      ["第一党支部", 19, 24, 15, 14, 23, 95, "好"],
      // 三会一课 27 of 25 (total 27+18+14+13+22 = 94)
      ["第二党支部", 18, 27, 14, 13, 22, 94, "好"],
      // items 17+20+13+12+20 = 82, total written 87
      ["第三党支部", 17, 20, 13, 12, 20, 87, "较好"],
      // 14+17+11+10+16 = 68: below 70 is 差
      ["第四党支部", 14, 17, 11, 10, 16, 68, "一般"],
      [],
      ["说明：90分以上为好，80—89分为较好，70—79分为一般，70分以下为差。"],
    ]);
    expect(r.sheets[0]!.kind).toBe("organisation-assessment");
    expect(r.findings.filter((f) => f.severity === "error").map((f) => `${f.cell} ${f.code}`)).toEqual([
      "C4 points.aboveMax",
      "G5 points.totalMismatch",
      "H6 orgAssessment.gradeBand",
    ]);
  });

  it("the grade-band finding names where its bands come from in the reader's language", () => {
    const rows: CellValue[][] = [["2025年度党支部工作考核得分"], H, ["第四党支部", 14, 17, 11, 10, 16, 68, "一般"], [], ["说明：90分以上为好，80—89分为较好，70—79分为一般，70分以下为差。"]];
    const say = (lang: "zh" | "en") => checkWorkbook(book(sheet("考核", rows)), { asOf: "2025-12-31", lang }).findings.find((f) => f.code === "orgAssessment.gradeBand")!.message;
    expect(say("zh")).toContain("表中说明（A5）");
    expect(say("en")).toContain("the note in the sheet (A5)");
  });

  it("bracketed numbers that do not add up to 100 are not read as full marks", () => {
    const r = check([["2025年度党支部工作考核得分"], ["支部", "组织建设（20）", "三会一课（25）", "党费管理（15）", "合计", "等次"], ["第一党支部", 19, 24, 15, 58, "好"]]);
    expect(r.findings.some((f) => f.code === "points.aboveMax")).toBe(false);
  });

  it("where the sheet states no bands, the rule set's are used, and none set means no grade check", () => {
    const rows: CellValue[][] = [["2025年度党支部工作考核得分"], H, ["第一党支部", 14, 17, 11, 10, 16, 68, "一般"]];
    expect(check(rows).findings.some((f) => f.code === "orgAssessment.gradeBand")).toBe(false);
    const ruleSet = { ...DEFAULT_RULE_SET, organisationAssessment: { ...DEFAULT_RULE_SET.organisationAssessment, bands: [{ min: 85, grade: "好" }, { min: 60, grade: "一般" }, { min: 0, grade: "差" }] } };
    const r = checkWorkbook(book(sheet("考核", rows)), { asOf: "2025-12-31", ruleSet });
    expect(r.findings.filter((f) => f.code === "orgAssessment.gradeBand")).toEqual([]);
    const strict = { ...ruleSet, organisationAssessment: { ...ruleSet.organisationAssessment, bands: [{ min: 70, grade: "一般" }, { min: 0, grade: "差" }] } };
    const r2 = checkWorkbook(book(sheet("考核", rows)), { asOf: "2025-12-31", ruleSet: strict });
    expect(r2.findings.filter((f) => f.code === "orgAssessment.gradeBand").map((f) => f.cell)).toEqual(["H3"]);
  });
});
