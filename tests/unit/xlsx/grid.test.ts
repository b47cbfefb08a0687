import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LedgerReadError, readWorkbook } from "../../../shared/xlsx/index.js";
import { buildXlsx, rowXml, xlsxParts } from "../../fixtures/xlsx-parts.js";
import { validLedger } from "../../fixtures/make-bad-corpus.js";
import { zipSync } from "fflate";

describe("grid shape", () => {
  it("records the origin of a used range that does not start at A1, and trims nothing inside it", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Sheet1");
    ws.getCell("C3").value = "姓名";
    ws.getCell("E3").value = "入党时间";
    ws.getCell("C4").value = "张三";
    ws.getCell("E4").value = new Date(Date.UTC(2018, 8, 15));
    ws.getCell("E4").numFmt = "yyyy-mm-dd";
    ws.getCell("D5").value = { richText: [{ text: "中共", font: { bold: true } }, { text: "支部" }] };
    ws.getCell("F6").value = true;
    ws.mergeCells("C8:E9");
    const s = readWorkbook(new Uint8Array(await wb.xlsx.writeBuffer())).sheets[0]!;
    expect(s.origin).toEqual({ row: 2, col: 2 });
    expect(s.values).toEqual([["姓名", null, "入党时间"], ["张三", null, 43358], [null, "中共支部"], [null, null, null, true]]);
    expect(s.numberFormats![1]![2]).toBe("yyyy-mm-dd");
    expect(s.merges).toEqual([{ r0: 7, c0: 2, r1: 8, c1: 4 }]);
  });

  it("shifts 1904-system date serials to the 1900 system", () => {
    const sheet = XLSX.utils.aoa_to_sheet([["入党时间"], [new Date(Date.UTC(2018, 8, 15))]], { cellDates: true });
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, sheet, "Sheet1");
    wb.Workbook = { WBProps: { date1904: true } };
    const bytes = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
    const v = readWorkbook(bytes).sheets[0]!.values[1]![0];
    expect(v).toBe(43358);
  });

  it("ignores macros and external link parts", () => {
    const parts = xlsxParts([{ name: "Sheet1", body: `<sheetData>${rowXml(1, ["姓名"])}</sheetData>` }], {
      "xl/vbaProject.bin": "not really vba",
      "xl/externalLinks/externalLink1.xml": "<externalLink/>",
    });
    expect(readWorkbook(zipSync(parts)).sheets[0]!.values).toEqual([["姓名"]]);
  });

  it("honours a lower maxRows limit", () => {
    const bytes = buildXlsx([{ name: "Sheet1", body: `<sheetData>${rowXml(1, ["a"])}${rowXml(11, ["b"])}</sheetData>` }]);
    expect(() => readWorkbook(bytes, { maxRows: 10 })).toThrow(LedgerReadError);
    expect(readWorkbook(bytes, { maxRows: 11 }).sheets[0]!.values.length).toBe(11);
  });
});

describe("damaged bytes", () => {
  const base = validLedger();
  it("any truncation or corruption of a workbook either reads or fails with LedgerReadError", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: base.length }),
        fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        (cut, flips) => {
          const bytes = base.slice(0, cut);
          for (const [at, v] of flips) if (at < bytes.length) bytes[at] = v;
          try {
            readWorkbook(bytes);
          } catch (e) {
            expect(e).toBeInstanceOf(LedgerReadError);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
