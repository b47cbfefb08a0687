import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, serial, sheet } from "./grid-helpers.js";

const HEADER = ["会议类型", "会议名称", "实际会议时间", "应到人数", "实到人数", "请假人数", "党小组"];

/** A full year of meetings that meets every default frequency. */
function fullYear(year: number): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let m = 1; m <= 12; m++) {
    const day = (d: number) => `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    rows.push(["支委会", "支委会", day(3), 5, 5, 0, null]);
    rows.push(["主题党日活动", "主题党日", day(10), 20, 18, 2, null]);
    rows.push(["党小组会", "党小组会", day(12), 10, 9, 1, "第一党小组"]);
    if (m % 3 === 1) {
      rows.push(["党员大会", "党员大会", serial(day(15)), 20, 15, 3, null]);
      rows.push(["党课", "书记讲党课", day(20), 20, 19, 1, null]);
    }
  }
  rows.push(["组织生活会", "年度组织生活会", `${year}-12-20`, 20, 20, 0, null]);
  rows.push(["民主评议党员", "民主评议", `${year}-12-21`, 20, 20, 0, null]);
  return rows;
}

function register(rows: CellValue[][], asOf = "2025-12-31") {
  return checkWorkbook(book(sheet("三会一课", [HEADER, ...rows])), { asOf });
}

describe("三会一课 rules", () => {
  it("a complete year raises nothing", () => {
    const r = register(fullYear(2025));
    expect(r.sheets[0]!.kind).toBe("meetings");
    expect(r.findings).toEqual([]);
  });

  it("a month without a committee meeting is a finding with no cell, naming the period", () => {
    const rows = fullYear(2025).filter((r) => !(r[0] === "支委会" && r[2] === "2025-04-03"));
    const r = register(rows);
    expect(r.findings).toEqual([expect.objectContaining({ code: "meetings.missing", cell: null, period: "2025-04", severity: "warning" })]);
    expect(r.findings[0]!.message).toContain("支部委员会");
  });

  it("synonyms are one type: 支委会 = 支部委员会, 党员大会 = 支部党员大会", () => {
    const rows = fullYear(2025).map((r) => (r[0] === "支委会" ? ["支部委员会", ...r.slice(1)] : r));
    expect(register(rows).findings).toEqual([]);
  });

  it("a quarter without a general meeting names the quarter; periods after the as-of day are not judged", () => {
    const rows = fullYear(2025).filter((r) => !(r[0] === "党员大会" && String(r[2]) === String(serial("2025-07-15"))));
    const r = register(rows, "2025-12-31");
    expect(r.findings.map((f) => [f.code, f.period])).toEqual([["meetings.missing", "2025-Q3"]]);
    const early = register(fullYear(2025).filter((r) => String(r[2]).startsWith("2025-0") || typeof r[2] === "number"), "2025-06-30");
    expect(early.findings.filter((f) => f.period && f.period > "2025-06")).toEqual([]);
  });

  it("quorum: a general meeting needs more than half present; a committee at least half", () => {
    const rows = fullYear(2025);
    rows.push(["党员大会", "临时党员大会", "2025-05-05", 20, 10, 0, null]);
    rows.push(["支委会", "临时支委会", "2025-05-06", 5, 2, 0, null]);
    rows.push(["支委会", "临时支委会", "2025-05-07", 6, 3, 0, null]);
    const r = register(rows);
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([
      ["meetings.quorumGeneral", `E${rows.length - 1}`],
      ["meetings.quorumCommittee", `E${rows.length}`],
    ]);
  });

  it("present plus on leave never exceeds expected", () => {
    const rows = fullYear(2025);
    rows.push(["主题党日", "主题党日", "2025-05-25", 20, 19, 3, null]);
    expect(register(rows).findings.map((f) => [f.code, f.cell])).toEqual([["meetings.attendanceOver", `E${rows.length + 1}`]]);
  });

  it("one sheet per type: the sheet name gives the type and only that type is judged", () => {
    const rows: CellValue[][] = [["会议名称", "会议时间", "应到人数", "实到人数"]];
    for (let m = 1; m <= 12; m++) if (m !== 6) rows.push(["支委会", `2025-${String(m).padStart(2, "0")}-05`, 5, 5]);
    const r = checkWorkbook(book(sheet("支委会", rows)), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("meetings");
    expect(r.findings.map((f) => [f.code, f.period])).toEqual([["meetings.missing", "2025-06"]]);
  });
});

describe("三会一课 per 党小组", () => {
  it("judges each group's months on its own and names the group (one sheet for the type)", () => {
    const header = ["会议名称", "实际会议时间", "应到人数", "实到人数", "请假人数", "党小组"];
    const rows: CellValue[][] = [header];
    for (let m = 1; m <= 12; m++) {
      const day = `2025-${String(m).padStart(2, "0")}-12`;
      rows.push(["党小组学习", day, 10, 9, 1, "第一党小组"]);
      if (m !== 5) rows.push(["党小组学习", day, 10, 9, 1, "第二党小组"]);
    }
    const zh = checkWorkbook(book(sheet("党小组会", rows)), { asOf: "2025-12-31" });
    expect(zh.findings.map((f) => [f.code, f.period])).toEqual([["meetings.missing", "2025-05"]]);
    expect(zh.findings[0]!.message).toBe("2025-05 的党小组会（第二党小组）记录为 0 次，应不少于 1 次（全国规定）");
    const en = checkWorkbook(book(sheet("党小组会", rows)), { asOf: "2025-12-31", lang: "en" });
    expect(en.findings[0]!.message).toBe("2025-05: not enough 党小组会 (第二党小组) (0, at least 1; national rule)");
  });
});

describe("a 主题党日 register kept by month (活动月份 2025年5月, 2025.6)", () => {
  const rows: CellValue[][] = [["某社区第二党支部2025年主题党日活动台账"], ["活动月份", "活动主题", "活动形式", "应参加人数", "实参加人数", "请假人数"]];
  for (let m = 1; m <= 12; m++) {
    if (m === 11) continue; // none in November
    // September: 21 present of 20 expected
    rows.push([m % 2 ? `2025年${m}月` : `2025.${m}`, "集中学习", "集中学习", 20, m === 9 ? 21 : 18, m === 9 ? 0 : 2]);
  }
  const r = checkWorkbook(book(sheet("主题党日", rows)), { asOf: "2025-12-31" });

  it("is a meetings register read to the month: November's missing 主题党日 and September's 21 of 20 are found", () => {
    expect(r.sheets[0]!.kind).toBe("meetings");
    const judged = r.findings.filter((f) => f.severity !== "info");
    expect(judged.filter((f) => f.code === "meetings.missing" || f.code === "meetings.missingRun").map((f) => f.period)).toEqual(["2025-11"]);
    // row 11 is September (rows 3–10 are January to August)
    expect(judged.some((f) => f.cell === "E11" && f.severity === "error")).toBe(true);
  });
});
