import { describe, expect, it } from "vitest";
import { checkWorkbook, DEFAULT_RULE_SET, type CellValue, type RuleSet } from "../../../shared/index.js";
import { readNotes } from "../../../shared/notes/read-notes.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * Members who transferred out, died or were suspended, as a 状态 column or 备注 says: no dues after
 * that month (a payment after it is a finding), no lapse for the months after, no grade asked for.
 * Small sheets written here; expected cells worked out by hand (E = 1月 … P = 12月, data from row 4).
 */
const MONTHS = Array.from({ length: 12 }, (_, i) => `${i + 1}月`);
const paid = (amount: number | null, n: number) => Array.from({ length: 12 }, (_, i) => (i < n ? amount : null));

function dues(last: string, rows: CellValue[][], ruleSet: RuleSet = DEFAULT_RULE_SET) {
  const header = ["姓名", "人员类别", "缴费基数", "月应缴党费", ...MONTHS, last];
  const r = checkWorkbook(book(sheet("党费", [["2025年度党费收缴台账"], ["填报单位：某机关党支部"], header, ...rows])), { asOf: "2025-12-31", ruleSet });
  return r.findings.filter((f) => f.severity !== "info").map((f) => `${f.cell} ${f.code}`);
}

describe("the month a member left, read from 备注", () => {
  it("reads the month of a suspension and of a death written before the words", () => {
    expect(readNotes("2025年4月经支部大会决定停止党籍")).toMatchObject([{ kind: "suspended", day: expect.any(Number), dayPrecision: "month" }]);
    expect(readNotes("2025年9月病故")[0]).toMatchObject({ kind: "left", dayPrecision: "month" });
    expect(readNotes("已故")[0]).toMatchObject({ kind: "left" });
    expect(readNotes("已故")[0]!.day).toBeUndefined();
  });

  it("a member suspended in April and charged every month: the payment of May (I4) is a finding, said once", () => {
    // 4900 × 1% = 49.00 a month.
    expect(dues("备注", [["甲", "在职", 4900, 49, ...paid(49, 12), "2025年4月经支部大会决定停止党籍"]])).toEqual(["I4 dues.paidAfterLeaving"]);
  });

  it("a member who died in September and paid to September: nothing to say, no months unpaid after", () => {
    expect(dues("备注", [["甲", "在职", 4900, 49, ...paid(49, 9), "2025年9月病故"]])).toEqual([]);
  });
});

describe("a 状态 column says who left, with the rule set's words", () => {
  // Paid January to March, nothing after: nine months.
  const row = (status: string): CellValue[] => ["甲", "在职", 4900, 49, ...paid(49, 3), status];

  it("停止党籍 there means the nine empty months are no lapse; 在册 there, they are", () => {
    expect(dues("党籍状态", [row("停止党籍")])).toEqual([]);
    expect(dues("党籍状态", [row("在册")])).toEqual(["H4 dues.unpaidLapse"]);
  });

  it("a local word (已迁出) counts once the rule set lists it", () => {
    expect(dues("状态", [row("已迁出")])).toEqual(["H4 dues.unpaidLapse"]);
    const local: RuleSet = {
      ...DEFAULT_RULE_SET,
      membership: { ...DEFAULT_RULE_SET.membership, statusWords: [...DEFAULT_RULE_SET.membership.statusWords, { fact: "transferOut", words: ["已迁出"] }] },
    };
    expect(dues("状态", [row("已迁出")], local)).toEqual([]);
  });

  it("已转出 with no month: the nine empty months are not called unpaid, and the report says they were not checked (at Q4)", () => {
    const r = checkWorkbook(book(sheet("党费", [["2025年度党费收缴台账"], ["姓名", "人员类别", "缴费基数", "月应缴党费", ...MONTHS, "状态"], row("已转出")])), { asOf: "2025-12-31" });
    expect(r.findings.map((f) => `${f.cell} ${f.code} ${f.severity}`)).toEqual(["Q3 dues.transferOutUndated info"]);
    expect(r.findings[0]!.message).toContain("9 个月");
    // Paid every month: nothing went unchecked, nothing to say.
    const full = checkWorkbook(book(sheet("党费", [["2025年度党费收缴台账"], ["姓名", "人员类别", "缴费基数", "月应缴党费", ...MONTHS, "状态"], ["甲", "在职", 4900, 49, ...paid(49, 12), "已转出"]])), { asOf: "2025-12-31" });
    expect(full.findings).toEqual([]);
  });
});

describe("a quarter in which the member died", () => {
  it("may hold the whole quarter; the quarter after it is a finding (H3)", () => {
    // 4900 × 1% = 49.00 a month, 147.00 a quarter; died in August, in the third quarter (H).
    const header = ["姓名", "人员类别", "缴费基数", "月应缴党费", "一季度", "二季度", "三季度", "四季度", "备注"];
    const r = checkWorkbook(book(sheet("党费", [["2025年度党费收缴台账（经支部委员会研究同意，按季度交纳）"], header, ["甲", "在职", 4900, 49, 147, 147, 147, 147, "2025年8月病故"]])), { asOf: "2025-12-31" });
    expect(r.findings.filter((f) => f.severity === "error").map((f) => `${f.cell} ${f.code}`)).toEqual(["H3 dues.paidAfterLeaving"]);
  });
});

describe("民主评议 of a member who transferred out", () => {
  it("asks no grade of a member 备注 says transferred out in September", () => {
    const rows: CellValue[][] = [["2025年度民主评议党员结果"], ["姓名", "评议结果", "备注"], ["甲", "合格", null], ["乙", "优秀", null], ["丙", "合格", null], ["丁", "合格", null], ["戊", null, "2025年9月转出"]];
    const r = checkWorkbook(book(sheet("评议", rows)), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("appraisal");
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.findings.find((f) => f.cell === "B7")?.code).toBe("value.excusedByNote");
  });

  it("asks about a grade given to a member whose 状态 says 已转出 (a warning at the grade, B3)", () => {
    const rows: CellValue[][] = [["2025年度民主评议党员结果"], ["姓名", "评议结果", "状态"], ["甲", "合格", "已转出"], ["乙", "优秀", "在册"], ["丙", "合格", "在册"], ["丁", "合格", "在册"], ["戊", "合格", "在册"]];
    const r = checkWorkbook(book(sheet("评议", rows)), { asOf: "2025-12-31" });
    expect(r.findings.filter((f) => f.severity !== "info").map((f) => `${f.cell} ${f.code}:${f.severity}`)).toEqual(["B3 appraisal.gradedAfterLeaving:warning"]);
  });
});
