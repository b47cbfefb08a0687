import { describe, expect, it } from "vitest";
import { parseIso } from "../../../shared/calendar/days.js";
import { normaliseCell } from "../../../shared/normalise/value.js";
import { headerKey } from "../../../shared/normalise/text.js";

const day = (iso: string) => parseIso(iso)!;

describe("normalisation of what clerks type", () => {
  it.each([
    ["2019.07.01", "2019-07-01"],
    ["2019/7/1 14:30", "2019-07-01"],
    ["2019/2/3  14:30", "2019-02-03"],
    ["2019年7月1日", "2019-07-01"],
    ["２０１９年７月１日", "2019-07-01"],
    ["20190701", "2019-07-01"],
    ["2018-09-15T00:00:00.000Z", "2018-09-15"],
  ])("reads the date text %s", (text, iso) => {
    expect(normaliseCell(text, "date").value).toBe(day(iso));
  });
  it("reads Excel serial dates and eight-digit numbers in a date column", () => {
    expect(normaliseCell(45658, "date").value).toBe(day("2025-01-01"));
    expect(normaliseCell(20190701, "date").value).toBe(day("2019-07-01"));
  });
  it("reports an impossible date instead of guessing", () => {
    const n = normaliseCell("2019-02-30", "date");
    expect(n.value).toBeNull();
    expect(n.problem?.code).toBe("value.notDate");
  });
  it("reads money exactly in fen, from numbers, text, full-width digits and yuan signs", () => {
    expect(normaliseCell(76.5, "money").value).toBe(7650);
    expect(normaliseCell("1,234.50", "money").value).toBe(123450);
    expect(normaliseCell("７６.５ 元", "money").value).toBe(7650);
    expect(normaliseCell("¥0.2", "money").value).toBe(20);
    expect(normaliseCell(0.1 + 0.2, "money").value).toBe(30);
  });
  it("reads percent text", () => {
    expect(normaliseCell("1.5%", "percent").value).toBe(1.5);
    expect(normaliseCell("1.5%", "number").value).toBeCloseTo(0.015);
  });
  it("treats blank strings as empty and reports formula errors", () => {
    expect(normaliseCell("   ", "string").value).toBeNull();
    expect(normaliseCell("\u3000", "integer").problem).toBeUndefined();
    expect(normaliseCell({ error: "#REF!" }, "integer").problem?.code).toBe("cell.formulaError");
  });
  it("reads months in the ways they are written", () => {
    const m = (y: number, mo: number) => y * 12 + mo - 1;
    expect(normaliseCell("2025-04", "month").value).toBe(m(2025, 4));
    expect(normaliseCell("2025年4月", "month").value).toBe(m(2025, 4));
    expect(normaliseCell(202504, "month").value).toBe(m(2025, 4));
    expect(normaliseCell("2025.4", "month").value).toBe(m(2025, 4));
  });
  it("flags an ID stored as a number (its tail is lost) and normalises a lower-case x with a warning", () => {
    expect(normaliseCell(110105194912310000, "idNumber").problem).toMatchObject({ code: "id.asNumber", severity: "error" });
    expect(normaliseCell("1.10105E+17", "idNumber").problem?.code).toBe("id.asNumber");
    const n = normaliseCell("11010519491231002x", "idNumber");
    expect(n.value).toBe("11010519491231002X");
    expect(n.problem).toMatchObject({ code: "id.normalised", severity: "warning" });
  });
  it("accepts phones with +86/0086 and spaces, warns on others", () => {
    expect(normaliseCell("+86 138 0013 8000", "phone").value).toBe("13800138000");
    expect(normaliseCell("0086-13800138000", "phone").value).toBe("13800138000");
    expect(normaliseCell("12345", "phone").problem).toMatchObject({ code: "phone.format", severity: "warning" });
  });
  it("makes headers with spaces, line breaks, stars and either bracket width the same key", () => {
    expect(headerKey("党籍状态（正式党员或预备党员）")).toBe(headerKey("党籍状态(正式党员或预备党员)"));
    expect(headerKey("* 身份证\n号码")).toBe(headerKey("身份证号码"));
  });
});

describe("markers clerks put instead of a value", () => {
  it("reads them whatever the spaces and widths, and nothing longer as one", async () => {
    const { cellMarker, isNothingMarker, valueMarker } = await import("../../../shared/normalise/markers.js");
    expect(cellMarker("—")).toBe("nothing");
    expect(cellMarker(" 无 ")).toBe("nothing");
    expect(cellMarker("Ｎ/Ａ")).toBe("nothing");
    expect(cellMarker("免　缴　党　费")).toBe("免交");
    expect(cellMarker("少交")).toBe("减交");
    // spaces do not count toward a marker's length: 免交党费 with a space after each character is still one
    expect(valueMarker("免 交 党 费 ")).toBe("免交");
    expect(isNothingMarker("无此人")).toBe(false);
    expect(cellMarker("免交党费（经支委会研究）")).toBeNull();
    expect(cellMarker("张三")).toBeNull();
  });
});
