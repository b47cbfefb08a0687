import { describe, expect, it } from "vitest";
import { parseIso } from "../../../shared/calendar/days.js";
import { normaliseCell } from "../../../shared/normalise/value.js";
import { checkSheet, type CellValue } from "../../../shared/index.js";
import { makeId, sheet } from "./grid-helpers.js";

const day = (iso: string) => parseIso(iso);

describe("dates with a two-digit year (23-05-08), as systems export them", () => {
  it("reads yy-mm-dd and yy.mm.dd in Excel's century window: 00–29 are 2000s, 30–99 are 1900s", () => {
    expect(normaliseCell("23-05-08", "date")).toMatchObject({ value: day("2023-05-08") });
    expect(normaliseCell("62.04.12", "date")).toMatchObject({ value: day("1962-04-12") });
    expect(normaliseCell("05-06-30", "date")).toMatchObject({ value: day("2005-06-30") });
    expect(normaliseCell("29-12-31", "date")).toMatchObject({ value: day("2029-12-31") });
    expect(normaliseCell("30-01-01", "date")).toMatchObject({ value: day("1930-01-01") });
  });

  it("says a day that does not exist is no date, and leaves a slash or mixed separators unread", () => {
    expect(normaliseCell("16-02-30", "date").problem?.code).toBe("value.notDate");
    // 05/06/30 is month first where it is written so: not guessed.
    expect(normaliseCell("05/06/30", "date").problem?.code).toBe("value.notDate");
    expect(normaliseCell("23-05.08", "date").problem?.code).toBe("value.notDate");
  });

  it("recognises a roster whose every date is yy-mm-dd text, and checks its dates", () => {
    const rows: CellValue[][] = [
      ["姓名", "性别", "出生日期", "身份证号", "入党日期", "转正日期", "人员类别"],
      ["许敏", "女", "85-12-22", makeId("1985-12-22", "女"), "20-09-21", "21-09-21", "正式党员"],
      ["宋军", "男", "59-12-09", makeId("1959-12-09", "男", "110105", 13), "86-12-09", "87-12-09", "正式党员"],
      // Admitted 2019-08-31: full a year later, 2020-08-31, not 2020-09-01.
      ["崔芳", "女", "69-04-07", makeId("1969-04-07", "女", "110105", 14), "19-08-31", "20-09-01", "正式党员"],
      ["邓强", "男", "62-01-28", makeId("1962-01-28", "男", "110105", 15), "16-02-30", "17-02-28", "正式党员"],
    ];
    const { report, findings } = checkSheet(sheet("Sheet1", rows), { asOf: "2024-12-31" });
    expect(report).toMatchObject({ status: "checked", kind: "roster" });
    const errors = findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => `${f.cell} ${f.code}`).sort()).toEqual(["E5 value.notDate", "F4 probation.fullDateMismatch"]);
    expect(errors.find((f) => f.cell === "F4")!.expected).toBe("2020-08-31");
  });
});
