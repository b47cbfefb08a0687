import { describe, expect, it } from "vitest";
import { parseIso } from "../../../shared/calendar/days.js";
import { checkWorkbook } from "../../../shared/index.js";
import { normaliseCell } from "../../../shared/normalise/value.js";
import { checkIdValue } from "../../../shared/scoring/idnumber.js";
import { book, sheet } from "./grid-helpers.js";

// GB 11643-1999's own example: 110105 19491231 002 X is valid.
const ID = "11010519491231002X";

describe("an ID or a date kept as text behind an apostrophe (a web export, or a clerk's ')", () => {
  it("reads the ID through the apostrophe, with nothing to report", () => {
    expect(normaliseCell(`'${ID}`, "idNumber")).toEqual({ value: ID, text: `'${ID}` });
    expect(normaliseCell(`’${ID}`, "idNumber").value).toBe(ID);
    const check = checkIdValue(`'${ID}`);
    expect(check.ok).toBe(true);
  });

  it("a lower-case x behind the apostrophe is still a clerical change, reported as a warning", () => {
    const n = normaliseCell(`'${ID.toLowerCase()}`, "idNumber");
    expect(n.value).toBe(ID);
    expect(n.problem?.severity).toBe("warning");
  });

  it("a tab before the ID (another exporter's way) is read through too", () => {
    expect(normaliseCell(`\t${ID}`, "idNumber").value).toBe(ID);
  });

  it("an apostrophe does not mend a wrong ID: 17 digits stay wrong", () => {
    expect(checkIdValue(`'${ID.slice(0, 17)}`).ok).toBe(false);
  });

  it("reads a date behind an apostrophe", () => {
    expect(normaliseCell("'2019-07-01", "date").value).toBe(parseIso("2019-07-01"));
    expect(normaliseCell("'2019.7.1 ", "date").value).toBe(parseIso("2019-07-01"));
  });

  it("a text that only starts like a word is not stripped", () => {
    expect(normaliseCell("It's 2019", "date").problem?.code).toBe("value.notDate");
  });
});

describe("null / NULL in the empty cells of a system's export", () => {
  it("is an empty cell in a date, a number and a text column", () => {
    for (const type of ["date", "integer", "money", "string", "idNumber"] as const) {
      expect(normaliseCell("null", type).value).toBeNull();
      expect(normaliseCell("NULL", type).problem).toBeUndefined();
      expect(normaliseCell(" NULL ", type).value).toBeNull();
    }
  });

  it("a word that contains null is not one", () => {
    expect(normaliseCell("nullable", "string").value).toBe("nullable");
    expect(normaliseCell("nullx", "date").problem?.code).toBe("value.notDate");
  });

  it("a roster exported with apostrophe IDs and null dates: no finding on either, and the missing 转正 still a blank", () => {
    const rows = [
      ["序号", "姓名", "性别", "身份证号码", "出生日期", "入党时间", "转正时间", "人员类别"],
      ["1", "王立新", "女", `'${ID}`, "'1949-12-31 ", "1975-07-01", "1976-07-01", "正式党员"],
      ["2", "陈晓琳", "女", `'${ID.slice(0, 17)}`, "1949-12-31", "2025-04-18", "null", "预备党员"],
    ];
    const r = checkWorkbook(book(sheet("导出数据", rows)), { asOf: "2025-12-31" });
    expect(r.sheets[0]!.kind).toBe("roster");
    const at = (cell: string) => r.findings.filter((f) => f.cell === cell && f.severity !== "info").map((f) => f.code);
    expect(at("D2")).toEqual([]);
    expect(at("E2")).toEqual([]);
    expect(at("G3")).toEqual([]);
    // The 17-digit ID behind the apostrophe is still wrong (and its birth date cannot be read from it).
    expect(at("D3")).toContain("id.format");
  });
});

describe("a sheet converted from a PDF: the header again on every page, under the page's footer", () => {
  const head = ["序号", "姓名", "有效票", "优秀", "称职", "基本称职", "不称职", "测评得分", "拟定等次"];
  // 40 优秀 + 10 称职 of 50: (4000 + 800) ÷ 50 = 96, 优秀; 10 + 40: (1000 + 3200) ÷ 50 = 84, 称职.
  const ex = (n: number, name: string) => [String(n), name, "50", "40", "10", "0", "0", "96.00", "优秀"];
  const ok = (n: number, name: string) => [String(n), name, "50", "10", "40", "0", "0", "84.00", "称职"];
  const rows = (footer: string) => [
    ["2025年度领导班子成员民主测评汇总表"],
    head,
    ex(1, "甲"),
    ok(2, "乙"),
    ok(3, "丙"),
    ok(4, "丁"),
    ok(5, "戊"),
    [footer],
    head,
    ex(6, "己"),
    ok(7, "庚"),
    ok(8, "辛"),
    ok(9, "壬"),
    ok(10, "癸"),
  ];

  it("is one table of ten: two 优秀 of ten is within 20%, though each page alone has one of five", () => {
    for (const footer of ["第1页 共2页", "共2页 第1页", "Page 1 of 2", "- 1 -"]) {
      const r = checkWorkbook(book(sheet("Table 1", rows(footer))), { asOf: "2025-12-31" });
      expect(r.sheets.length).toBe(1);
      expect(r.sheets[0]!.kind).toBe("assessment");
      expect(r.findings.filter((f) => f.code.startsWith("quota."))).toEqual([]);
    }
  });

  it("three 优秀 of ten are counted over both pages: more than 2", () => {
    const more = rows("第1页 共2页");
    more[4] = ex(3, "丙");
    const r = checkWorkbook(book(sheet("Table 1", more)), { asOf: "2025-12-31" });
    const quota = r.findings.filter((f) => f.code === "quota.excellent");
    expect(quota.map((f) => [f.args?.assessed, f.args?.excellent, f.args?.allowed])).toEqual([[10, 3, 2]]);
  });
});
