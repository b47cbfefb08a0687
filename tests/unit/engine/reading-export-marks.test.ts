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
