import * as XLSX from "@e965/xlsx";
import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { DEFAULT_READ_LIMITS, readWorkbook } from "../../../shared/xlsx/index.js";

/** A roster whose A2 holds `text`; SheetJS refuses to write over 32,767 characters, so its XML is edited. */
function rosterWithName(text: string): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["姓名", "性别"], ["PLACEHOLDER", "男"]]), "花名册");
  const parts = unzipSync(new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer));
  for (const [k, v] of Object.entries(parts)) {
    const xml = new TextDecoder().decode(v);
    if (xml.includes("PLACEHOLDER")) parts[k] = strToU8(xml.replace("PLACEHOLDER", text));
  }
  return zipSync(parts);
}

describe("one cell's text is capped in the reader (Excel's own 32,767 characters)", () => {
  it("the limit is Excel's", () => {
    expect(DEFAULT_READ_LIMITS.maxCellChars).toBe(32_767);
  });

  it("a cell of exactly 32,767 characters is read whole", () => {
    const grid = readWorkbook(rosterWithName("党".repeat(32_767)));
    expect((grid.sheets[0]!.values[1]![0] as string).length).toBe(32_767);
  });

  it("one character more is refused with the sheet, the cell and the count, in both languages", () => {
    expect(() => readWorkbook(rosterWithName("党".repeat(32_768)))).toThrow(
      expect.objectContaining({
        code: "cell-too-long",
        messageZh: expect.stringContaining('工作表"花名册"的单元格 A2 有 32768 个字符'),
        messageEn: expect.stringContaining('Cell A2 of sheet "花名册" holds 32768 characters'),
      }),
    );
  });
});
