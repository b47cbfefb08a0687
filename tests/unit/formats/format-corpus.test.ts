import { readFileSync } from "node:fs";
import * as XLSX from "@e965/xlsx";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../../shared/index.js";
import { readWorkbookFile } from "../../../shared/reader/index.js";
import type { WorkbookGrid } from "../../../shared/grid/types.js";
import { appraisalLedger, PLANTED_LEDGERS } from "../../fixtures/planted-ledgers.js";
import { CORPUS_DIR, LISTS_FILE, TARGETS } from "../../fixtures/formats/make-format-corpus.js";

/**
 * The planted ledgers as LibreOffice wrote them in every format (tests/fixtures/formats,
 * made by make-format-corpus.ts): each gives the same (sheet, cell, code) findings as its
 * .xlsx original, except where the format cannot carry something, named below.
 */
const read = (folder: string, file: string): WorkbookGrid => readWorkbookFile(new Uint8Array(readFileSync(join(CORPUS_DIR, folder, file))), { fileName: file });
const renamed = (file: string, folder: string) => file.replace(/\.xlsx$/, folder.startsWith("csv") ? ".csv" : folder.startsWith("txt") ? ".txt" : `.${folder}`);
const TEXT_FOLDERS = ["csv-utf8", "csv-gbk", "txt-utf16"];

/** (cell, code) of every finding; the sheet is compared separately (a CSV's sheet is named after the file). */
const keys = (grid: WorkbookGrid, asOf: string) => checkWorkbook(grid, { asOf }).findings.map((f) => `${f.cell ?? f.period ?? f.column}|${f.code}`).sort();

/** What a format cannot carry, and so what it cannot find: each exception by name. */
function exceptionsFor(folder: string, ledgerFile: string): string[] {
  // A CSV has no drop-down lists: the 评议结果 list that flags "很好" at D6 is not in the file.
  if (TEXT_FOLDERS.includes(folder) && ledgerFile === appraisalLedger.file) return ["D6|value.notInList"];
  return [];
}

/** What the engine finds instead where the format cannot carry something. */
function insteadFor(folder: string, ledgerFile: string): string[] {
  // Without the sheet's own list, the rule set's verdicts (优秀/合格/基本合格/不合格) judge "很好".
  if (TEXT_FOLDERS.includes(folder) && ledgerFile === appraisalLedger.file) return ["D6|appraisal.resultUnknown"];
  return [];
}

describe("format corpus: the same findings whatever program wrote the file", () => {
  for (const folder of Object.keys(TARGETS)) {
    describe(folder, () => {
      for (const ledger of PLANTED_LEDGERS) {
        it(`${ledger.kind}: ${renamed(ledger.file, folder)}`, () => {
          const original = read("original", ledger.file);
          const converted = read(folder, renamed(ledger.file, folder));
          const expected = [...keys(original, ledger.asOf).filter((k) => !exceptionsFor(folder, ledger.file).includes(k)), ...insteadFor(folder, ledger.file)].sort();
          expect(keys(converted, ledger.asOf)).toEqual(expected);
          // The planted findings are among them, so the comparison is not between two empty lists.
          for (const p of ledger.planted) if (!exceptionsFor(folder, ledger.file).includes(`${p.cell}|${p.code}`)) expect(expected.some((k) => k.endsWith(`|${p.code}`))).toBe(true);
          const sheets = checkWorkbook(converted, { asOf: ledger.asOf }).sheets;
          const sheetsBefore = checkWorkbook(original, { asOf: ledger.asOf }).sheets;
          expect(sheets.map((s) => [s.status, s.template?.id, s.headerRow, s.rows])).toEqual(sheetsBefore.map((s) => [s.status, s.template?.id, s.headerRow, s.rows]));
          // Workbooks keep their sheet names; a CSV's one sheet is named after the file.
          expect(converted.sheets.map((s) => s.name)).toEqual(TEXT_FOLDERS.includes(folder) ? [ledger.file.replace(/\.xlsx$/, "")] : original.sheets.map((s) => s.name));
        });
      }
    });
  }

  it("says what it read: format, BIFF version, encoding and delimiter", () => {
    const f = PLANTED_LEDGERS[0]!.file;
    expect(read("xls", renamed(f, "xls")).source).toEqual({ format: "xls", biff: 8 });
    expect(read("et", renamed(f, "et")).source).toEqual({ format: "et", biff: 8 });
    expect(read("ods", renamed(f, "ods")).source).toEqual({ format: "ods" });
    expect(read("csv-utf8", renamed(f, "csv")).source).toEqual({ format: "csv", encoding: "UTF-8", delimiter: "," });
    expect(read("csv-gbk", renamed(f, "csv")).source).toEqual({ format: "csv", encoding: "GBK", delimiter: "," });
    expect(read("txt-utf16", renamed(f, "txt")).source).toEqual({ format: "csv", encoding: "UTF-16LE", delimiter: "\t" });
  });

  it("keeps merges in .xls, .et and .ods, as the original has them", () => {
    for (const ledger of PLANTED_LEDGERS) {
      const merges = read("original", ledger.file).sheets[0]!.merges;
      expect(merges).toEqual([{ r0: 0, c0: 0, r1: 0, c1: merges![0]!.c1 }]);
      for (const folder of ["xls", "et", "ods"]) expect(read(folder, renamed(ledger.file, folder)).sheets[0]!.merges).toEqual(merges);
    }
  });

  it("reads drop-down lists from .xls, .et and .ods: inline, from another sheet, by a defined name", () => {
    const lists = (g: WorkbookGrid) => g.sheets.find((s) => s.name === "名单")!.validations!.map((v) => ({ ranges: v.ranges, values: v.values }));
    const original = lists(read("original", LISTS_FILE));
    expect(original.map((v) => v.values)).toEqual([["男", "女"], ["正式党员", "预备党员"], ["优秀", "合格", "基本合格", "不合格"]]);
    for (const folder of ["xls", "et", "ods"]) expect(lists(read(folder, renamed(LISTS_FILE, folder)))).toEqual(original);
  });

  it("keeps date and number cells with their number formats in .xls, .et and .ods", () => {
    const cells = (g: WorkbookGrid) => {
      const s = g.sheets.find((x) => x.name === "名单")!;
      return s.values.slice(1).map((row, i) => ({ date: row[4], amount: row[5], dateFormat: XLSX.SSF.is_date(s.numberFormats?.[i + 1]?.[4] ?? "General") }));
    };
    const original = cells(read("original", LISTS_FILE));
    expect(original[0]).toEqual({ date: 37317, amount: 4201, dateFormat: true }); // 2002-03-02
    for (const folder of ["xls", "et", "ods"]) expect(cells(read(folder, renamed(LISTS_FILE, folder)))).toEqual(original);
  });

  it("reads every CSV cell as the text in the file: IDs, dates and numbers stay as written", () => {
    const roster = PLANTED_LEDGERS[0]!.file;
    for (const folder of TEXT_FOLDERS) {
      const values = read(folder, renamed(roster, folder)).sheets[0]!.values;
      expect(values.flat().every((v) => v === null || typeof v === "string")).toBe(true);
      expect(values[3]!.slice(2, 4)).toEqual(["1970-01-15", "42010619700115003X"]);
      // The ID the .xlsx holds as a number is written by LibreOffice as shown: in exponent form.
      expect(values[6]![3]).toBe("4.2010619910404E+017");
    }
  });
});
