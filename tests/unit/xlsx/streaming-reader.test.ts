import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { inflateAhead, readWorkbookFile, type InflateRaw } from "../../../shared/reader/index.js";
import { readZipDirectory } from "../../../shared/xlsx/zip-directory.js";
import { BAD_CORPUS } from "../../fixtures/make-bad-corpus.js";
import { checkWorkbook } from "../../../shared/index.js";
import type { WorkbookGrid } from "../../../shared/grid/types.js";
import { isDateFormat } from "../../../shared/xlsx/date-format.js";
import { SharedStringsParser } from "../../../shared/xlsx/shared-strings.js";
import { SheetXmlParser } from "../../../shared/xlsx/sheet-parser.js";
import { readCellFormats } from "../../../shared/xlsx/styles-formats.js";
import { buildXlsx, rowXml, worksheetXml } from "../../fixtures/xlsx-parts.js";
import { readXlsxWithSheetJs } from "../../fixtures/sheetjs-xlsx.js";
import { MORE_SAMPLES_DIR, SAMPLES_DIR } from "../../fixtures/samples-dir.js";

/**
 * shared/xlsx reads .xlsx with its own streaming reader. Its peer is the reading it replaced
 * (SheetJS CE's parser over the same parts, tests/fixtures/sheetjs-xlsx.ts): every workbook of the
 * corpora, and workbooks generated at random by two writers, must give the same grid, so the
 * findings cannot differ.
 */
const root = new URL("../../../", import.meta.url).pathname;
const CORPORA = [
  join(root, "tests/fixtures/formats/original"),
  join(root, "tests/fixtures/formats/from-csv"),
  join(root, "tests/fixtures/realistic/files"),
  SAMPLES_DIR,
  MORE_SAMPLES_DIR,
];

/** JSON round trip: what a host stores and compares (NaN and holes as null). */
const plain = (g: WorkbookGrid) => JSON.parse(JSON.stringify(g)) as WorkbookGrid;
const both = (bytes: Uint8Array, fileName?: string) => ({
  streaming: plain(readWorkbookFile(bytes, fileName ? { fileName } : {})),
  sheetjs: plain(readXlsxWithSheetJs(bytes)),
});

describe("the streaming .xlsx reader against SheetJS CE on every corpus workbook", () => {
  const files = CORPORA.flatMap((dir) => readdirSync(dir).filter((f) => /\.xls[xm]$/i.test(f)).map((f) => join(dir, f)));
  it("covers the format corpus, the realistic ledgers and the real templates", () => {
    expect(files.length).toBeGreaterThan(90);
  });
  it.each(files.map((f) => [f.slice(root.length - 1).replace(/^\/work\//, ""), f]))("%s: same grid", (_, file) => {
    const bytes = new Uint8Array(readFileSync(file));
    const { streaming, sheetjs } = both(bytes, file);
    expect(streaming).toEqual(sheetjs);
  });
  it("the format corpus gives identical findings through both readers", () => {
    for (const f of readdirSync(CORPORA[0]!)) {
      const bytes = new Uint8Array(readFileSync(join(CORPORA[0]!, f)));
      const { streaming, sheetjs } = both(bytes, f);
      const opts = { asOf: "2025-12-31", fileName: f };
      expect(checkWorkbook(streaming, opts).findings, f).toEqual(checkWorkbook(sheetjs, opts).findings);
    }
  });
});

const cellArb = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 12 }),
  fc.constantFrom("  前后空格 ", "a & b < c > d \"q\" 'a'", "第一行\r\n第二行", "tab\there", "_x000D_ literal", "😀 emoji", "=SUM(A1)", "00123", ""),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }),
  fc.constantFrom(76.5, 0.1, 1e-7, 123456789.125, -0.5, 4900, 1e20),
  fc.boolean(),
  fc.date({ min: new Date(Date.UTC(1901, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }),
);

describe("random workbooks, written by SheetJS CE and by ExcelJS", () => {
  it("SheetJS-written workbooks (shared or inline strings, 1904 or not, merges, hidden sheets) read the same", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.array(cellArb, { maxLength: 6 }), { maxLength: 8 }), { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        fc.boolean(),
        fc.nat({ max: 3 }),
        (sheets, sst, date1904, skipRows) => {
          const wb = XLSX.utils.book_new();
          sheets.forEach((rows, i) => {
            const ws = XLSX.utils.sheet_add_aoa({}, [["表头", "x"], ...rows], { cellDates: true, origin: { r: skipRows, c: i } });
            if (rows.length > 1) ws["!merges"] = [{ s: { r: skipRows, c: i }, e: { r: skipRows, c: i + 1 } }];
            XLSX.utils.book_append_sheet(wb, ws, `表${i + 1}`);
          });
          wb.Workbook = { WBProps: { date1904 }, Sheets: sheets.map((_, i) => ({ Hidden: i === 2 ? 1 : 0 })) };
          const bytes = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx", bookSST: sst, cellDates: true }) as ArrayBuffer);
          const { streaming, sheetjs } = both(bytes);
          expect(streaming).toEqual(sheetjs);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("ExcelJS-written workbooks (rich text, formulas with results, errors, number formats, drop-down lists) read the same", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cellArb, { maxLength: 5 }), { maxLength: 6 }), fc.nat({ max: 4 }), async (rows, variant) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet("台账");
        const lists = wb.addWorksheet("选项", { state: variant === 1 ? "hidden" : "visible" });
        ["正式党员", "预备党员", 2025, true].forEach((v, i) => (lists.getCell(i + 1, 1).value = v));
        ws.addRow(["姓名", "类别", "日期", "金额"]);
        rows.forEach((r, i) => {
          const row = ws.addRow(r.map((v) => (v instanceof Date ? v : v)));
          row.getCell(3).numFmt = variant === 2 ? "yyyy年m月d日" : "yyyy-mm-dd";
          row.getCell(4).numFmt = "#,##0.00";
          if (i % 3 === 0) row.getCell(5).value = { richText: [{ text: "中共", font: { bold: true } }, { text: String(r[0] ?? "支部") }] };
          if (i % 3 === 1) row.getCell(6).value = { formula: "A1&B1", result: "结果" };
          if (i % 3 === 2) row.getCell(6).value = { formula: "1/0", result: { error: "#DIV/0!" } };
          if (i % 4 === 3) row.getCell(7).value = { formula: "2>1", result: true };
        });
        ws.getCell("B2").dataValidation = { type: "list", allowBlank: true, formulae: variant === 3 ? ['"正式党员,预备党员"'] : ["选项!$A$1:$A$4"] };
        if (rows.length > 2) ws.mergeCells("A2:A3");
        const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
        const { streaming, sheetjs } = both(bytes);
        expect(streaming).toEqual(sheetjs);
      }),
      { numRuns: 60 },
    );
  });
});

const STYLES = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/><numFmt numFmtId="177" formatCode="0.00_);[Red]\\(0.00\\)"/></numFmts><cellStyleXfs count="1"><xf numFmtId="49"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="176"/><xf numFmtId="177"/><xf numFmtId="49"/></cellXfs></styleSheet>`;
const withStyles = (sheets: Parameters<typeof buildXlsx>[0], extra: Record<string, string> = {}) =>
  buildXlsx(sheets, {
    "xl/styles.xml": STYLES,
    "xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("")}<Relationship Id="rS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rT" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
    "[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join("")}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
    ...extra,
  });

describe("SpreadsheetML as other writers write it", () => {
  const cases: [string, string, Record<string, string>?][] = [
    ["namespace prefixes on every element", `<x:sheetData xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>姓名</x:t></x:is></x:c><x:c r="B1"><x:v>3</x:v></x:c></x:row></x:sheetData>`],
    ["cells and rows without r, cells out of order, a comment", `<sheetData><row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row><!-- a comment > with a bracket --><row><c r="C2"><v>3</v></c><c r="A2"><v>1</v></c></row></sheetData>`],
    ["rich inline text with a phonetic guide, CDATA, Excel escapes", `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><r><t>东</t></r><r><rPr><b/></rPr><t xml:space="preserve">湖 </t></r><rPh sb="0" eb="1"><t>とう</t></rPh></is></c><c r="B1" t="inlineStr"><is><t><![CDATA[a<b&c]]></t></is></c><c r="C1" t="inlineStr"><is><t>行1_x000D_&#10;行2</t></is></c></row></sheetData>`],
    ["shared strings, rich and plain, with styles and number formats", `<sheetData><row r="2"><c r="B2" t="s" s="4"><v>0</v></c><c r="C2" t="s"><v>1</v></c><c r="D2" s="1"><v>45658</v></c><c r="E2" s="2"><v>45658</v></c><c r="F2" s="3"><v>-12.5</v></c><c r="G2" s="9"><v>7</v></c></row></sheetData><mergeCells count="1"><mergeCell ref="B2:C2"/></mergeCells>`, {
      "xl/sharedStrings.xml": `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>00123</t></si><si><r><t>中共</t></r><r><t>支部</t></r></si></sst>`,
    }],
    ["formula cells with and without cached values, booleans, errors, str results, empty values", `<sheetData><row r="1"><c r="A1"><f>1+1</f><v>2</v></c><c r="B1"><f>NOW()</f></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="b"><v>0</v></c><c r="E1" t="e"><v>#REF!</v></c><c r="F1" t="str"><f>A1&amp;"x"</f><v>2x</v></c><c r="G1" t="s"/><c r="H1" s="1"/><c r="I1"><v></v></c><c r="J1" t="n"><v>1.5E-3</v></c><c r="K1"><v> 42 </v></c></row></sheetData>`],
    ["ISO date cells (t=d)", `<sheetData><row r="1"><c r="A1" t="d" s="1"><v>2025-03-01T00:00:00</v></c><c r="B1" t="d" s="1"><v>1900-01-15</v></c></row></sheetData>`],
    ["a sheet that starts far from A1, empty rows between", `<sheetData><row r="5"><c r="D5" t="inlineStr"><is><t>x</t></is></c></row><row r="9"><c r="F9"><v>1</v></c></row><row r="12"><c r="A12" t="inlineStr"><is><t></t></is></c></row></sheetData>`],
  ];
  it.each(cases)("%s", (_, body, extra) => {
    const bytes = withStyles([{ name: "表1", body }], extra ?? { "xl/sharedStrings.xml": `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>` });
    const { streaming, sheetjs } = both(bytes);
    expect(streaming).toEqual(sheetjs);
  });

  it("keeps an error value SheetJS does not know (#SPILL!) as an error, where SheetJS shows an empty cell", () => {
    const bytes = withStyles([{ name: "表1", body: `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c><c r="B1" t="e"><v>#SPILL!</v></c></row></sheetData>` }]);
    const { streaming, sheetjs } = both(bytes);
    expect(sheetjs.sheets[0]!.values).toEqual([["x"]]);
    expect(streaming.sheets[0]!.values).toEqual([["x", { error: "#SPILL!" }]]);
  });
});

describe("chunk boundaries", () => {
  const sheetXml = new TextEncoder().encode(
    worksheetXml(
      `<sheetData>${rowXml(1, ["姓名", "金额", "备注 & <说明>"])}<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" s="1"><v>45658</v></c><c r="C2" t="inlineStr"><is><r><t>多</t></r><r><t>段</t></r></is></c></row>${rowXml(3, ["李四", 76.5, null])}</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><dataValidations count="1"><dataValidation type="list" sqref="A2:A3"><formula1>"张三,李四"</formula1></dataValidation></dataValidations>`,
    ),
  );
  const sstXml = new TextEncoder().encode(`<sst xmlns="x"><si><t>张三</t></si><si><t xml:space="preserve"> 李四 </t></si><si><r><t>a</t></r><rPh><t>b</t></rPh><r><t>c</t></r></si></sst>`);
  const parseIn = (chunks: Uint8Array[]) => {
    const sst = new SharedStringsParser(32_767);
    for (const c of chunks.length ? [sstXml] : []) sst.push(c);
    sst.finish();
    const p = new SheetXmlParser("sheet1.xml", {
      sheetName: "表1",
      strings: sst.strings,
      formats: readCellFormats(STYLES),
      date1904: false,
      maxRows: 100,
      maxCellsPerSheet: 100,
      cellsBefore: 0,
      maxCells: 100,
      maxCellChars: 32_767,
    });
    for (const c of chunks) p.push(c);
    p.finish();
    return { strings: sst.strings, cells: p.result() };
  };
  const split = (bytes: Uint8Array, cuts: number[]) => {
    const at = [...new Set(cuts.map((c) => c % bytes.length))].sort((a, b) => a - b);
    const out: Uint8Array[] = [];
    let from = 0;
    for (const c of at) {
      out.push(bytes.slice(from, c));
      from = c;
    }
    out.push(bytes.slice(from));
    return out;
  };
  const whole = parseIn([sheetXml]);

  it("a sheet split anywhere, into any number of pieces, gives the same cells", () => {
    expect(whole.cells.rows[1]).toEqual([" 李四 ", 45658, "多段"]);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 40 }), (cuts) => {
        expect(parseIn(split(sheetXml, cuts)).cells).toEqual(whole.cells);
      }),
      { numRuns: 300 },
    );
    // and one byte at a time
    expect(parseIn([...sheetXml].map((b) => new Uint8Array([b]))).cells).toEqual(whole.cells);
  });

  it("shared strings split anywhere give the same strings", () => {
    const all = (chunks: Uint8Array[]) => {
      const p = new SharedStringsParser(32_767);
      for (const c of chunks) p.push(c);
      p.finish();
      return p.strings;
    };
    expect(all([sstXml])).toEqual(["张三", " 李四 ", "ac"]);
    fc.assert(
      fc.property(fc.array(fc.nat(), { maxLength: 30 }), (cuts) => {
        expect(all(split(sstXml, cuts))).toEqual(["张三", " 李四 ", "ac"]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("date formats", () => {
  it("agrees with SheetJS's SSF.is_date on real and random formats", () => {
    const real = ["General", "0", "0.00", "m/d/yy", "yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "[h]:mm:ss", "mm:ss", "0.00_);[Red]\\(0.00\\)", "@", '"上午/下午 "hh"時"mm"分"ss"秒 "', "#,##0", "[$-804]aaaa", "B1yyyy", "[Red]General", "0%", "yyyy年m月"];
    for (const f of real) expect(isDateFormat(f), f).toBe(XLSX.SSF.is_date(f));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."ymdhsGeneral0#.,;[]\"\\_@*?()%ABabE+- 上午/下午年月日1234"), maxLength: 16 }), (f) => {
          expect(isDateFormat(f), f).toBe(XLSX.SSF.is_date(f));
        }),
      { numRuns: 2000 },
    );
  });
});

describe("the platform's inflater ahead of the reader (DecompressionStream, as the Worker uses it)", () => {
  it("gives every corpus workbook the same grid as fflate", async () => {
    for (const dir of [CORPORA[0]!, CORPORA[2]!]) {
      for (const f of readdirSync(dir).filter((x) => x.endsWith(".xlsx"))) {
        const bytes = new Uint8Array(readFileSync(join(dir, f)));
        const inflateRaw = await inflateAhead(bytes);
        expect(inflateRaw, f).toBeDefined();
        expect(plain(readWorkbookFile(bytes, { fileName: f, inflateRaw: inflateRaw! })), f).toEqual(plain(readWorkbookFile(bytes, { fileName: f })));
      }
    }
  });

  it("refuses the bad corpus exactly as without it: bombs by their declared and their real size, truncation, encryption", async () => {
    for (const item of BAD_CORPUS) {
      const bytes = item.build();
      const inflateRaw = await inflateAhead(bytes);
      const outcome = (o: Parameters<typeof readWorkbookFile>[1]) => {
        try {
          readWorkbookFile(bytes, o);
          return "read";
        } catch (e) {
          return (e as { code?: string }).code ?? String(e);
        }
      };
      expect(outcome({ fileName: item.file, ...(inflateRaw ? { inflateRaw } : {}) }), item.file).toBe(outcome({ fileName: item.file }));
    }
  });

  it("a sheet that unpacks past its cap is refused as a bomb, and a damaged deflate stream as damaged", async () => {
    const sheet = `<sheetData>${rowXml(1, ["姓名"])}${Array.from({ length: 4000 }, (_, i) => rowXml(i + 2, [`张三${i}`, i, "备注备注备注备注"])).join("")}</sheetData>`;
    const bytes = buildXlsx([{ name: "表1", body: sheet }]);
    const limits = { maxEntryBytes: 200_000 };
    const ahead = await inflateAhead(bytes, limits);
    const code = (inflateRaw?: InflateRaw) => {
      try {
        readWorkbookFile(bytes, { limits, ...(inflateRaw ? { inflateRaw } : {}) });
        return "read";
      } catch (e) {
        return (e as { code?: string }).code;
      }
    };
    expect(code(ahead)).toBe("zip-bomb");
    expect(code()).toBe("zip-bomb");
    // flip bytes in the middle of the sheet's compressed stream
    const damaged = bytes.slice();
    const entry = readZipDirectory(damaged).find((e) => e.name.endsWith("sheet1.xml"))!;
    for (let i = 0; i < 64; i++) {
      const at = entry.dataOffset + Math.floor(entry.compressedSize / 2) + i;
      damaged[at] = damaged[at]! ^ 0xff;
    }
    const aheadDamaged = await inflateAhead(damaged);
    const read = (inflateRaw?: InflateRaw) => {
      try {
        readWorkbookFile(damaged, inflateRaw ? { inflateRaw } : {});
        return "read";
      } catch (e) {
        return (e as { code?: string }).code;
      }
    };
    expect(read(aheadDamaged)).toBe(read());
  });
});
