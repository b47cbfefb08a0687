import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { book, sheet } from "./grid-helpers.js";

/**
 * Committees of organisations the first ledgers did not have (a law firm, an association): their
 * branches are 其他基层单位, whose term is generally three years (rule set branch.termYears); five is
 * the 村/社区 term (branch.termYearsByType). A list writing five years for a law firm is a warning.
 */
const H = ["职务", "姓名", "性别", "入党时间", "任职时间", "任期"];
const list = (title: string, term: string): CellValue[][] => [
  [title],
  H,
  ["书记", "刘明远", "男", "2006.06", "2024.05.20", term],
  ["副书记", "赵静怡", "女", "2012.11", "2024.05.20", term],
];
const terms = (title: string, term: string) =>
  checkWorkbook(book(sheet("班子", list(title, term))), { asOf: "2025-12-31" })
    .findings.filter((f) => f.code === "committee.termYearsForBranch")
    .map((f) => `${f.cell} ${f.severity} ${f.args?.expected}`);

describe("the term a committee list writes, by the kind of organisation", () => {
  it("a law firm's branch writing 2024年5月—2029年5月: five years where three are the rule (a warning naming three)", () => {
    expect(terms("某律师事务所党支部委员会成员", "2024年5月—2029年5月")).toEqual(["F3 warning 3"]);
  });
  it("the same firm writing three years: nothing", () => {
    expect(terms("某律师事务所党支部委员会成员", "2024年5月—2027年5月")).toEqual([]);
  });
  it("a 社区 branch writing five years: its own term, nothing", () => {
    expect(terms("某社区党支部委员会成员", "2024年5月—2029年5月")).toEqual([]);
  });
});

describe("a terms register (committee.term) with the same five-year term", () => {
  it("is the same warning at the due date, for an association's joint branch", () => {
    const r = checkWorkbook(book(sheet("换届", [["支部委员会名称", "任命时间", "应换届时间", "实际换届时间", "备注"], ["软件行业协会联合党支部委员会", "2024-05-20", "2029-05-20", null, null]])), { asOf: "2025-12-31" });
    expect(r.findings.filter((f) => f.code === "committee.termYearsForBranch").map((f) => `${f.cell} ${f.severity} ${f.args?.expected} ${f.args?.value}`)).toEqual(["C2 warning 3 5"]);
  });
});

describe("a 村 row that writes 任期（年） 3 and a due date three years on", () => {
  it("is one error at the written years, not a second warning at the due date", () => {
    const r = checkWorkbook(
      book(sheet("换届", [["党组织名称", "类型", "本届选举时间", "任期（年）", "届满时间"], ["东坡村党支部", "村", "2024-04-10", 3, "2027-04-10"]])),
      { asOf: "2025-12-31" },
    );
    expect(r.findings.filter((f) => f.severity !== "info").map((f) => `${f.cell} ${f.code} ${f.severity}`)).toEqual(["D2 committee.termYearsForType error"]);
  });
});
