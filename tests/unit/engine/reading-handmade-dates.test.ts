import { describe, expect, it } from "vitest";
import { checkWorkbook, type CellValue } from "../../../shared/index.js";
import { parseIso } from "../../../shared/calendar/days.js";
import { readSlashDate, slashOrderOf } from "../../../shared/normalise/dates.js";
import { book, makeId, sheet } from "./grid-helpers.js";

const day = (iso: string) => parseIso(iso)!;
const HEADER = ["姓名", "性别", "出生日期", "身份证号码", "党籍状态", "入党日期", "转正日期"];
const roster = (rows: CellValue[][]) => checkWorkbook(book(sheet("党员", [["某社区党员登记表"], HEADER, ...rows])), { asOf: "2025-12-31" });

describe("slash dates ending in a four-digit year, in the order their column shows", () => {
  it("reads one cell in the order given, and only a real day", () => {
    expect(readSlashDate("7/1/2019", "month-first")).toEqual({ day: day("2019-07-01"), precision: "day" });
    expect(readSlashDate("7/1/2019", "day-first")).toEqual({ day: day("2019-01-07"), precision: "day" });
    expect(readSlashDate("2/30/2019", "month-first")).toBeNull();
    expect(readSlashDate("13/1/2019", "month-first")).toBeNull();
    expect(readSlashDate("7/1/19", "month-first")).toBeNull();
  });

  it("a column is month first unless a first part over 12 says day first; both seen, no order", () => {
    expect(slashOrderOf(["7/1/2019", "3/5/1980"])).toBe("month-first");
    expect(slashOrderOf(["7/1/2019", "12/24/2010"])).toBe("month-first");
    expect(slashOrderOf(["7/1/2019", "24/12/2010"])).toBe("day-first");
    expect(slashOrderOf(["24/12/2010", "12/24/2010"])).toBeNull();
  });

  it("a roster typed month first is read as a roster, checked by its dates, and says how it read them", () => {
    const r = roster([
      ["张三", "男", "3/5/1980", makeId("1980-03-05", "男"), "正式党员", "7/1/2010", "7/1/2011"],
      // 11 months after admission: 转正 should be 2011-07-01
      ["李四", "女", "12/1/1985", makeId("1985-12-01", "女"), "正式党员", "7/1/2010", "6/1/2011"],
    ]);
    expect(r.sheets[0]!.kind).toBe("roster");
    const errors = r.findings.filter((f) => f.severity === "error").map((f) => `${f.cell} ${f.code}`);
    // 3/5/1980 read as 5 March would disagree with the ID: no birth finding proves month first.
    expect(errors.some((e) => e.startsWith("C"))).toBe(false);
    expect(errors.filter((e) => e.startsWith("G4"))).toHaveLength(1);
    const said = r.findings.filter((f) => f.code === "value.slashMonthFirst");
    expect(said.length).toBeGreaterThan(0);
    expect(said[0]!.message).toContain("月/日/年");
  });

  it("a column with 24/12/2010 reads all its slash dates day first", () => {
    const r = roster([
      ["张三", "男", "5/3/1980", makeId("1980-03-05", "男"), "正式党员", "24/12/2010", "24/12/2011"],
      ["李四", "女", "13/12/1985", makeId("1985-12-13", "女"), "正式党员", "1/7/2010", "1/7/2011"],
    ]);
    expect(r.findings.filter((f) => f.severity === "error")).toEqual([]);
    expect(r.findings.some((f) => f.code === "value.slashDayFirst")).toBe(true);
  });

  it("a column that writes both orders reads none of its slash dates", () => {
    const r = roster([
      ["张三", "男", "1980-03-05", makeId("1980-03-05", "男"), "正式党员", "24/12/2010", "2011-12-24"],
      ["李四", "女", "1985-12-01", makeId("1985-12-01", "女"), "正式党员", "12/24/2010", "2011-12-24"],
    ]);
    const mixed = r.findings.filter((f) => f.code === "value.slashOrderMixed").map((f) => f.cell);
    expect(mixed).toEqual(["F3", "F4"]);
  });
});
