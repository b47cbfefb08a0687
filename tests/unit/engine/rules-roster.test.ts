import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { checkCharacter } from "../../../shared/idcard/gb11643.js";
import { book, makeId, sheet } from "./grid-helpers.js";

const HEADER = ["姓名", "性别", "出生日期", "身份证号码", "党籍状态", "入党时间", "转正时间", "延长预备期(月)"];

function roster(rows: CellValue[][]) {
  return checkWorkbook(book(sheet("花名册", [["东湖村党支部党员花名册"], HEADER, ...rows])), { asOf: "2025-12-31" });
}

describe("roster rules", () => {
  it("accepts a clean roster", () => {
    const r = roster([
      ["张三", "男", "1980-03-05", makeId("1980-03-05", "男"), "正式党员", "2010-07-01", "2011-07-01", null],
      ["李四", "女", "1995-12-01", makeId("1995-12-01", "女"), "预备党员", "2025-06-01", null, null],
    ]);
    expect(r.sheets[0]!.kind).toBe("roster");
    expect(r.sheets[0]!.headerRow).toBe(2);
    expect(r.findings).toEqual([]);
  });

  it("finds a failed check digit at its cell and gives the right one", () => {
    const good = makeId("1980-03-05", "男");
    const bad = good.slice(0, 17) + (good[17] === "1" ? "2" : "1");
    const r = roster([["张三", "男", "1980-03-05", bad, "正式党员", "2010-07-01", "2011-07-01", null]]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ code: "id.checkDigit", cell: "D3", row: 3, severity: "error", expected: good });
  });

  it("the standard's own examples have valid check digits; a birth before 1900 is implausible in a roster", () => {
    expect(checkCharacter("11010519491231002")).toBe("X");
    expect(checkCharacter("44052418800101001")).toBe("4");
    const r = roster([
      ["甲", "女", "1949-12-31", "11010519491231002X", "正式党员", "1980-07-01", "1981-07-01", null],
      ["乙", "男", "1880-01-01", "440524188001010014", "正式党员", "1920-07-01", "1921-07-01", null],
    ]);
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([
      ["value.notDate", "C4"],
      ["id.birthDate", "D4"],
    ]);
  });

  it("finds birth date and sex that disagree with the ID", () => {
    const r = roster([["张三", "女", "1980-03-06", makeId("1980-03-05", "男"), "正式党员", "2010-07-01", "2011-07-01", null]]);
    const codes = r.findings.map((f) => [f.code, f.cell]);
    expect(codes).toContainEqual(["id.birthMismatch", "C3"]);
    expect(codes).toContainEqual(["id.sexMismatch", "B3"]);
  });

  it("flags duplicate IDs on the second row, naming the first", () => {
    const id = makeId("1980-03-05", "男");
    const r = roster([
      ["张三", "男", "1980-03-05", id, "正式党员", "2010-07-01", "2011-07-01", null],
      ["张叁", "男", "1980-03-05", id, "正式党员", "2010-07-01", "2011-07-01", null],
    ]);
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ code: "value.duplicate", cell: "D4" });
    expect(r.findings[0]!.message).toContain("第 3 行");
  });

  it("flags an ID held as a number", () => {
    const r = roster([["张三", "男", "1980-03-05", 110105198003050000, "正式党员", "2010-07-01", "2011-07-01", null]]);
    expect(r.findings.map((f) => [f.code, f.cell, f.severity])).toEqual([["id.asNumber", "D3", "error"]]);
  });

  it("full membership is EDATE(admission, 12): 2024-02-29 → 2025-02-28", () => {
    const ok = roster([["张三", "男", "1980-03-05", makeId("1980-03-05", "男"), "正式党员", "2024-02-29", "2025-02-28", null]]);
    expect(ok.findings).toEqual([]);
    const wrong = roster([["张三", "男", "1980-03-05", makeId("1980-03-05", "男"), "正式党员", "2024-02-29", "2025-03-01", null]]);
    expect(wrong.findings.map((f) => [f.code, f.cell, f.expected])).toEqual([["probation.fullDateMismatch", "G3", "2025-02-28"]]);
  });

  it("an extension of 6 to 12 months moves the date; outside that range is an error", () => {
    const ext = roster([["张三", "男", "1980-03-05", makeId("1980-03-05", "男"), "正式党员", "2023-01-15", "2024-07-15", 6]]);
    expect(ext.findings).toEqual([]);
    const bad = roster([["张三", "男", "1980-03-05", makeId("1980-03-05", "男"), "正式党员", "2023-01-15", "2024-04-15", 3]]);
    expect(bad.findings.map((f) => f.code)).toContain("probation.extensionRange");
  });

  it("a probationary member whose year ended more than 3 months ago is overdue; less than that is not", () => {
    const overdue = roster([["李四", "女", "1995-12-01", makeId("1995-12-01", "女"), "预备党员", "2024-09-29", null, null]]);
    expect(overdue.findings.map((f) => [f.code, f.severity, f.cell])).toEqual([["probation.overdue", "warning", "E3"]]);
    const onTime = roster([["李四", "女", "1995-12-01", makeId("1995-12-01", "女"), "预备党员", "2024-10-01", null, null]]);
    expect(onTime.findings).toEqual([]);
  });

  it("a 正式 status before the probation year is over is an error", () => {
    const r = roster([["李四", "女", "1995-12-01", makeId("1995-12-01", "女"), "正式党员", "2025-06-01", null, null]]);
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([["member.statusTooEarly", "E3"]]);
  });

  it("an applicant under 18 at admission is an error", () => {
    const r = roster([["王五", "男", "2008-03-01", makeId("2008-03-01", "男"), "预备党员", "2025-02-28", null, null]]);
    expect(r.findings.map((f) => [f.code, f.cell])).toEqual([["development.underAge", "F3"]]);
  });

  it("reports a branch over 50 members once, with no cell", () => {
    const rows: CellValue[][] = [];
    for (let i = 0; i < 51; i++) rows.push([`党员${i}`, "男", null, null, "正式党员", "2010-07-01", "2011-07-01", null]);
    const r = roster(rows);
    expect(r.findings).toEqual([expect.objectContaining({ code: "quota.branchSize", cell: null, column: "姓名" })]);
  });
});

describe("党龄 written 预备 (a probationary member has no party age yet, 党章 第七条)", () => {
  const header = ["姓名", "身份证号码", "党籍状态", "入党时间", "转正时间", "党龄"];
  const r = checkWorkbook(
    book(
      sheet("花名册", [
        header,
        ["张三", makeId("1980-03-05", "男"), "正式党员", "2009-07-01", "2010-07-01", 15],
        ["李四", makeId("1995-12-01", "女"), "预备党员", "2025-06-01", null, "预备"],
        // became a full member on 2021-07-01: by 2025-12-31 four full years, yet still written 预备
        ["王五", makeId("1990-01-01", "男", "110105", 12), "正式党员", "2020-07-01", "2021-07-01", "预 备"],
      ]),
    ),
    { asOf: "2025-12-31" },
  );

  it("reads it as no party age for a probationary member, and as not brought up to date for a full one", () => {
    expect(r.sheets[0]!.kind).toBe("roster");
    expect(r.findings.filter((f) => f.severity !== "info").map((f) => [f.cell, f.code, f.expected ?? null])).toEqual([["F4", "member.partyAgeNotStarted", null]]);
    expect(r.findings.find((f) => f.code === "member.partyAgeNotStarted")!.message).toContain("2021-07-01 转正为正式党员，党龄应为 4 年");
  });
});
