import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { decodeText } from "../../../shared/csv/decode-text.js";
import { describeSource, readWorkbookFile } from "../../../shared/reader/index.js";
import { CORPUS_DIR } from "../../fixtures/formats/make-format-corpus.js";
import { FORMAT_BAD_CORPUS } from "../../fixtures/make-format-bad-corpus.js";
import { readError } from "../../fixtures/read-error.js";

const utf8 = (s: string) => new TextEncoder().encode(s);
const cat = (...parts: ArrayLike<number>[]) => Uint8Array.from(parts.flatMap((p) => Array.from(p)));
const gbkRoster = () => new Uint8Array(readFileSync(join(CORPUS_DIR, "csv-gbk", "东湖村党支部党员花名册.csv")));

describe("text encodings", () => {
  it("tells UTF-8 with and without a BOM apart", () => {
    expect(decodeText(cat([0xef, 0xbb, 0xbf], utf8("姓名,性别\n")))).toEqual({ text: "姓名,性别\n", encoding: "UTF-8-BOM" });
    expect(decodeText(utf8("姓名,性别\n"))).toEqual({ text: "姓名,性别\n", encoding: "UTF-8" });
  });

  it("reads GBK as GBK, never as UTF-8 mojibake, and GB18030 where four-byte characters occur", () => {
    const gbk = decodeText(gbkRoster())!;
    expect(gbk.encoding).toBe("GBK");
    expect(gbk.text.startsWith("东湖村党支部党员花名册,")).toBe(true);
    // 𠀀 (U+20000) is 95 32 82 36 in GB18030 and has no GBK code.
    expect(decodeText(cat(utf8("a,"), [0x95, 0x32, 0x82, 0x36], [0xd5, 0xc5], utf8("\n")))).toEqual({ text: "a,𠀀张\n", encoding: "GB18030" });
  });

  it("reads UTF-16 with a BOM either way round, and little-endian without one", () => {
    const le = Buffer.from("姓名\t性别\n张三\t男\n", "utf16le");
    expect(decodeText(cat([0xff, 0xfe], le))).toEqual({ text: "姓名\t性别\n张三\t男\n", encoding: "UTF-16LE" });
    expect(decodeText(le)?.encoding).toBe("UTF-16LE");
    const be = Uint8Array.from(le, (_, i) => le[i ^ 1]!);
    expect(decodeText(cat([0xfe, 0xff], be))).toEqual({ text: "姓名\t性别\n张三\t男\n", encoding: "UTF-16BE" });
  });

  it("refuses bytes that are not text", () => {
    expect(decodeText(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48]))).toBeNull();
    expect(decodeText(cat(utf8("a,b\n"), [0x00, 0x01, 0x02], utf8("c\n")))).toBeNull();
  });
});

describe("CSV and text files", () => {
  const csv = (text: string | Uint8Array, fileName = "名单.csv") => readWorkbookFile(typeof text === "string" ? utf8(text) : text, { fileName });

  it("finds the delimiter: comma, semicolon, tab, pipe, or Excel's sep= line", () => {
    expect(csv("姓名;性别\n张三;男\n").source?.delimiter).toBe(";");
    expect(csv("姓名\t性别\n张三\t男\n", "名单.txt").source?.delimiter).toBe("\t");
    expect(csv("姓名|性别\n张三|男\n").source?.delimiter).toBe("|");
    const sep = csv("sep=;\n姓名;性别,备注\n张三;男,无\n");
    expect(sep.source?.delimiter).toBe(";");
    expect(sep.sheets[0]!.values).toEqual([["姓名", "性别,备注"], ["张三", "男,无"]]);
  });

  it("keeps quoted cells whole, line breaks and delimiters included, and rows where they are", () => {
    const g = csv('姓名,备注\n张三,"转入,2025年3月"\n\n李四,"第一行\n第二行"\n');
    expect(g.sheets[0]!.values).toEqual([["姓名", "备注"], ["张三", "转入,2025年3月"], [], ["李四", "第一行\n第二行"]]);
  });

  it('reads ="…" as the text inside, as Excel does for IDs exported that way', () => {
    const g = csv('姓名,身份证号码,单位代码\n张三,="420106199003030073",="020100"\n李四,"=""42010619700115003X""",=SUM(1)\n');
    expect(g.sheets[0]!.values.slice(1)).toEqual([["张三", "420106199003030073", "020100"], ["李四", "42010619700115003X", "=SUM(1)"]]);
  });

  it("names its one sheet after the file, and says what it read", () => {
    const g = readWorkbookFile(gbkRoster(), { fileName: "/某处/东湖村花名册.csv" });
    expect(g.sheets.map((s) => s.name)).toEqual(["东湖村花名册"]);
    expect(describeSource(g.source!, "zh")).toBe("CSV 文本（GBK 编码，逗号分隔）");
    expect(describeSource(g.source!, "en")).toBe("CSV text (GBK, comma-separated)");
    expect(describeSource({ format: "csv", encoding: "UTF-8", delimiter: "\t", namedAs: ".xls" }, "zh")).toBe("CSV 文本（UTF-8 编码，制表符分隔）；文件扩展名是 .xls，内容其实是CSV 文本");
  });

  it("refuses an empty CSV and a CSV of only delimiters as holding no data", () => {
    expect(readError(utf8("\n\n"), {}, { fileName: "空.csv" }).code).toBe("empty-workbook");
    expect(readError(utf8(",,,\n,,\n"), {}, { fileName: "空.csv" }).code).toBe("empty-workbook");
  });
});

describe("Excel 5.0/95 (BIFF5)", () => {
  /** SheetJS writes BIFF5 (LibreOffice 7.4 no longer does); its text is then made GBK, as a Chinese Excel 95 saved it. */
  function chineseBiff5(): Uint8Array {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["QQQQ", "RRRR"], ["ABCD", "EFGH"]]), "SSSSSS");
    const b = Buffer.from(XLSX.write(wb, { bookType: "biff5", type: "array" }) as ArrayBuffer);
    const codepage = b.indexOf(Buffer.from([0x42, 0x00, 0x02, 0x00]));
    b.writeUInt16LE(936, codepage + 4);
    const gbk: [string, number[]][] = [
      ["SSSSSS", [0xbb, 0xa8, 0xc3, 0xfb, 0xb2, 0xe1]], // 花名册
      ["QQQQ", [0xd0, 0xd5, 0xc3, 0xfb]], // 姓名
      ["RRRR", [0xd0, 0xd4, 0xb1, 0xf0]], // 性别
      ["ABCD", [0xd5, 0xc5, 0xc8, 0xfd]], // 张三
      ["EFGH", [0xc4, 0xd0, 0x20, 0x20]], // 男 + two spaces
    ];
    for (const [ascii, bytes] of gbk) Buffer.from(bytes).copy(b, b.indexOf(Buffer.from(ascii)));
    return new Uint8Array(b);
  }

  it("reads the sheet and its text in the workbook's code page", () => {
    const g = readWorkbookFile(chineseBiff5(), { fileName: "老台账.xls" });
    expect(g.source).toEqual({ format: "xls", biff: 5 });
    expect(g.sheets.map((s) => s.name)).toEqual(["花名册"]);
    expect(g.sheets[0]!.values).toEqual([["姓名", "性别"], ["张三", "男  "]]);
    expect(describeSource(g.source!, "zh")).toBe("Excel 5.0/95 工作簿（.xls）");
  });
});

describe("bad input in every format: a clear message, in bounded time", () => {
  for (const item of FORMAT_BAD_CORPUS) {
    it(`${item.file} → ${item.expect}`, () => {
      const bytes = item.build();
      const t = performance.now();
      const err = readError(bytes, {}, { fileName: item.file });
      const ms = performance.now() - t;
      expect(err.code).toBe(item.expect);
      expect(err.messageZh).toMatch(/[\u4e00-\u9fff]/);
      // Bounded: the caps refuse before a parser expands anything (a 22 MB CSV included).
      expect(ms).toBeLessThan(3000);
    });
  }

  it("words a WPS file's refusal with WPS's menus, an Excel file's with Excel's", () => {
    const et = readError(FORMAT_BAD_CORPUS.find((i) => i.file === "encrypted.et")!.build(), {}, { fileName: "花名册.et" });
    expect(et.messageZh).toContain("WPS 表格");
    expect(et.messageZh).toContain("文档加密");
    const xls = readError(FORMAT_BAD_CORPUS.find((i) => i.file === "encrypted.xls")!.build(), {}, { fileName: "花名册.xls" });
    expect(xls.messageZh).toContain("Excel");
    expect(xls.messageZh).not.toContain("WPS");
    const damaged = readError(new Uint8Array(64).map((_, i) => (i * 37) & 0xff), {}, { fileName: "花名册.et" });
    expect(damaged.messageZh).toBe("这不是能读取的表格文件，请在 WPS 表格中打开，点 文件 → 另存为，文件类型选「Excel 文件（*.xlsx）」后再检查。");
  });

  it("refuses a million-row .ods without expanding it (the file is 500 bytes)", () => {
    const bytes = FORMAT_BAD_CORPUS.find((i) => i.file === "repeat-bomb.ods")!.build();
    expect(bytes.length).toBeLessThan(2000);
    global.gc?.();
    const before = process.memoryUsage().rss;
    expect(readError(bytes, {}, { fileName: "x.ods" }).code).toBe("too-many-rows");
    expect((process.memoryUsage().rss - before) / 1e6).toBeLessThan(100);
    // Under the row cap, the 1,000-column repeat still asks for too many cells.
    expect(readError(bytes, { maxRows: 2_000_000 }, { fileName: "x.ods" }).code).toBe("too-many-cells");
  });

  it("names what an unreadable file is: Word, PDF, a web page, Excel 4.0", () => {
    expect(readError(utf8("%PDF-1.7\n..."), {}, { fileName: "a.xlsx" }).messageZh).toContain("PDF");
    expect(readError(utf8("<html><table><tr><td>姓名</td></tr></table></html>"), {}, { fileName: "导出.xls" }).messageZh).toContain("网页");
    expect(readError(new Uint8Array([0x09, 0x04, 0x06, 0x00, 0, 0, 0x10, 0]), {}, { fileName: "a.xls" }).code).toBe("xls-biff");
  });
});
