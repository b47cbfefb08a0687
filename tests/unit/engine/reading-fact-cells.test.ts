import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { readDateText } from "../../../shared/normalise/dates.js";
import { readBasicFacts, readJoinFacts } from "../../../shared/records/fact-cells.js";
import { book, makeId, sheet } from "./grid-helpers.js";

/**
 * A community roster whose cells hold several facts: 基本情况 (性别，民族，出生，学历) and 入党及转正 (two
 * dates with their steps), and a school roster with 党龄 in words. Expected cells worked out by hand:
 * full membership = EDATE(admission, 12) (or 12 + extension); 党龄 from 转正; age ≥ 18 at admission.
 */
const day = (t: string) => readDateText(t)!.day;
const errors = (rows: CellValue[][], asOf = "2025-12-31") =>
  checkWorkbook(book(sheet("党员", rows)), { asOf })
    .findings.filter((f) => f.severity === "error")
    .map((f) => `${f.cell} ${f.code}`);

describe("cells of several facts", () => {
  it("reads 基本情况 whole, or not at all", () => {
    expect(readBasicFacts("女，回族，1975年8月生，大专")).toEqual({ sex: "女", ethnicity: "回族", birth: { day: day("1975年8月1日"), precision: "month" }, education: "大专" });
    expect(readBasicFacts("男，汉族，退伍军人")).toBeNull();
  });

  it("reads 入党及转正 with an extension or a probation beside it", () => {
    expect(readJoinFacts("2016.3.8入党；2017.3.8转正")).toEqual({ join: { day: day("2016-03-08"), precision: "day" }, full: { day: day("2017-03-08"), precision: "day" }, extensionMonths: null });
    expect(readJoinFacts("2016.3.8入党；2017.9.8转正（延长预备期6个月）")?.extensionMonths).toBe(6);
    expect(readJoinFacts("2025.4.2入党（预备党员）")?.full).toBeNull();
    expect(readJoinFacts("2016.3.8入党；2017.3.8转正（待定）")).toBeNull();
  });

  // A 姓名, B 基本情况, C 身份证号, D 入党及转正; header on row 2, members from row 3.
  const roster = (rows: CellValue[][]) => [["某社区党员基本信息一览表"], ["姓名", "基本情况", "身份证号", "入党及转正"], ...rows];
  const good: CellValue[] = ["甲", "男，汉族，1980年5月生，高中", makeId("1980-05-06", "男"), "2010.7.1入党；2011.7.1转正"];
  const extended: CellValue[] = ["乙", "女，汉族，1979年2月生，大专", makeId("1979-02-11", "女"), "2012.4.9入党；2013.10.9转正（延长预备期6个月）"];

  it("a roster of such cells that agree with the IDs and the rules: no error", () => {
    expect(errors(roster([good, extended]))).toEqual([]);
  });

  it("a sex, a birth month and a 转正 that disagree are each found at the cell that holds them", () => {
    const rows: CellValue[][] = [
      good,
      // The ID says 女.
      ["丙", "男，汉族，1985年3月生，本科", makeId("1985-03-02", "女"), "2010.7.1入党；2011.7.1转正"],
      // The ID says 1983-09.
      ["丁", "女，汉族，1983年6月生，本科", makeId("1983-09-15", "女"), "2010.7.1入党；2011.7.1转正"],
      // 转正 six months after 入党, no extension written.
      ["戊", "男，汉族，1990年1月生，本科", makeId("1990-01-20", "男"), "2018.3.5入党；2018.9.5转正"],
    ];
    const found = errors(roster(rows));
    expect(found).toContain("B4 id.sexMismatch");
    expect(found).toContain("B5 id.birthMismatch");
    expect(found).toContain("D6 probation.fullDateMismatch");
    expect(found).toHaveLength(3);
  });
});

describe("党龄 in words", () => {
  // A 姓名, B 入党时间, C 转正时间, D 党龄; as of 2025-09-30.
  const rows = (age: string): CellValue[][] => [["某校党员花名册"], ["姓名", "入党时间", "转正时间", "党龄"], ["甲", "2014年8月10日", "2015年8月10日", age], ["乙", "2010年7月1日", "2011年7月1日", "十四年"]];

  it("is read as a number: 十年 from the 转正 of 2015.8.10 is right, 十一年 counts from the 入党 of 2014.8.10", () => {
    expect(errors(rows("十年"), "2025-09-30")).toEqual([]);
    expect(errors(rows("十一年"), "2025-09-30")).toEqual(["D3 member.partyAgeFromAdmission"]);
  });
});
