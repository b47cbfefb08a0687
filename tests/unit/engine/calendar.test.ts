import { describe, expect, it } from "vitest";
import { addMonths, dayToExcelSerial, daysInMonth, excelSerialToDay, fromYmd, fullYearsBetween, inclusiveDays, parseIso, toIso, toYmd } from "../../../shared/calendar/days.js";
import { periodsBetween } from "../../../shared/calendar/periods.js";

const d = (iso: string) => parseIso(iso)!;

describe("calendar arithmetic (EDATE semantics)", () => {
  it("knows each month's length, leap years by the Gregorian rule (1900 and 2100 are not, 2000 is)", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect([1900, 2000, 2024, 2100].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 29, 28]);
  });
  it("turns day numbers back into dates on both sides of 1970 and across leap days", () => {
    expect(toYmd(0)).toEqual({ y: 1970, m: 1, d: 1 });
    expect(toYmd(-1)).toEqual({ y: 1969, m: 12, d: 31 });
    // 1949-10-01 is 7,397 days before 1970-01-01; 2024-02-29 is day 19,782
    expect(toYmd(-7397)).toEqual({ y: 1949, m: 10, d: 1 });
    expect(toYmd(19782)).toEqual({ y: 2024, m: 2, d: 29 });
    expect(toYmd(19783)).toEqual({ y: 2024, m: 3, d: 1 });
    expect(toYmd(-25567)).toEqual({ y: 1900, m: 1, d: 1 });
  });
  it("joining on 2024-02-29 gives full membership on 2025-02-28", () => {
    expect(toIso(addMonths(d("2024-02-29"), 12))).toBe("2025-02-28");
  });
  it("clamps to the end of shorter months and keeps the day otherwise", () => {
    expect(toIso(addMonths(d("2025-01-31"), 1))).toBe("2025-02-28");
    expect(toIso(addMonths(d("2024-01-31"), 1))).toBe("2024-02-29");
    expect(toIso(addMonths(d("2023-06-15"), 18))).toBe("2024-12-15");
    expect(toIso(addMonths(d("2025-03-31"), -1))).toBe("2025-02-28");
  });
  it("counts a training period's first and last day: 1 to 3 April is 3 days", () => {
    expect(inclusiveDays(d("2025-04-01"), d("2025-04-03"))).toBe(3);
  });
  it("ages in whole calendar years, one day short is a year less", () => {
    expect(fullYearsBetween(d("2007-05-10"), d("2025-05-10"))).toBe(18);
    expect(fullYearsBetween(d("2007-05-10"), d("2025-05-09"))).toBe(17);
    expect(fullYearsBetween(d("2008-02-29"), d("2026-02-28"))).toBe(18);
  });
  it("converts Excel serials both ways, including around the fictitious 1900-02-29", () => {
    expect(toIso(excelSerialToDay(45658))).toBe("2025-01-01");
    expect(toIso(excelSerialToDay(1))).toBe("1900-01-01");
    expect(toIso(excelSerialToDay(61))).toBe("1900-03-01");
    expect(dayToExcelSerial(fromYmd(2025, 1, 1))).toBe(45658);
  });
  it("rejects impossible ISO dates", () => {
    expect(parseIso("2025-02-29")).toBeNull();
    expect(parseIso("2024-02-29")).not.toBeNull();
  });
  it("lists the periods a span touches", () => {
    expect(periodsBetween(d("2025-02-10"), d("2025-07-01"), "quarter")).toEqual(["2025-Q1", "2025-Q2", "2025-Q3"]);
    expect(periodsBetween(d("2024-11-10"), d("2025-02-01"), "month")).toEqual(["2024-11", "2024-12", "2025-01", "2025-02"]);
  });
});
