import { describe, expect, it } from "vitest";
import { checkWorkbook, DEFAULT_RULE_SET, RuleSet, type CellValue } from "../../../shared/index.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * How a shortfall of meetings is reported (rule set: meetings.requirements[].shortfallSeverity). The 条例
 * says 一般 of the monthly 支委会 (第十二条): a month without one is a warning. It sets a floor for the
 * 组织生活会 (第十八条「每年至少召开1次」): a year without one is an error — in a register that says it
 * records organisational life; a 三会一课 register need not record the 组织生活会, so there a warning.
 */
const HEADER = ["会议类型", "会议时间", "应到人数", "实到人数"];

/** 2025: 支委会 and 主题党日 every month but the 支委会 of August, 党员大会 and 党课 each quarter, no 组织生活会. */
function year(): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let m = 1; m <= 12; m++) {
    const day = (d: number) => `2025-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
    if (m !== 8) rows.push(["支委会", day(3), 3, 3]);
    rows.push(["主题党日", day(10), 17, 15]);
    if (m % 3 === 1) {
      rows.push(["党员大会", day(15), 17, 14]);
      rows.push(["党课", day(20), 17, 16]);
    }
  }
  rows.push(["民主评议党员", "2025-12-21", 17, 17]);
  return rows;
}

function shortfalls(title: string, ruleSet: RuleSet = DEFAULT_RULE_SET) {
  const r = checkWorkbook(book(sheet("记录", [[title], HEADER, ...year()])), { asOf: "2025-12-31", ruleSet });
  expect(r.sheets[0]!.kind).toBe("meetings");
  return r.findings.filter((f) => f.code === "meetings.missing").map((f) => `${f.period} ${f.severity}`).sort();
}

describe("a year without a 组织生活会, a month without a 支委会", () => {
  it("in a register of 组织生活: the 组织生活会 is an error, the 支委会's August a warning", () => {
    expect(shortfalls("某学院研究生第一党支部2025年组织生活记录")).toEqual(["2025 error", "2025-08 warning"]);
  });

  it("in a 三会一课 register: both warnings (the 组织生活会 may be recorded elsewhere)", () => {
    expect(shortfalls("某学院研究生第一党支部2025年三会一课登记簿")).toEqual(["2025 warning", "2025-08 warning"]);
  });

  it("the severity is the rule set's: a department that holds the monthly 支委会 to an error", () => {
    const strict = RuleSet.parse({
      ...DEFAULT_RULE_SET,
      id: "strict",
      version: 1,
      meetings: { ...DEFAULT_RULE_SET.meetings, requirements: DEFAULT_RULE_SET.meetings.requirements.map((q) => (q.type === "支部委员会" ? { ...q, shortfallSeverity: "error" as const, recordedIn: ["三会一课"] } : q)) },
    });
    expect(shortfalls("某学院研究生第一党支部2025年三会一课登记簿", strict)).toEqual(["2025 warning", "2025-08 error"]);
  });
});

describe("a 党委's summary of 组织生活会, one row per branch (M6, 第十八条)", () => {
  const rows = (note: string | null): CellValue[][] => [
    ["某党委2024年度各党支部组织生活会召开情况统计表"],
    ["党支部", "召开时间", "应到人数", "实到人数", "备注"],
    ["第一党支部", "2024-12-10", 20, 19, null],
    ["第二党支部", "未召开", 12, null, note],
  ];
  const missing = (note: string | null) =>
    checkWorkbook(book(sheet("组织生活会", rows(note))), { asOf: "2024-12-31" })
      .findings.filter((f) => f.code === "meetings.missing")
      .map((f) => `${f.cell} ${f.severity}`);

  it("a branch that held none in the year: an error at its row", () => {
    expect(missing(null)).toEqual(["B4 error"]);
  });

  it("one whose row says it was postponed (推迟至2025年1月召开): the branch's account, a warning", () => {
    expect(missing("推迟至2025年1月召开")).toEqual(["B4 warning"]);
  });
});
