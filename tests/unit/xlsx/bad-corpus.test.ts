import { describe, expect, it } from "vitest";
import { isCellError } from "../../../shared/grid/types.js";
import { readWorkbookFile } from "../../../shared/reader/index.js";
import { readWorkbook } from "../../../shared/xlsx/index.js";
import { BAD_CORPUS, formulaErrors, hiddenSheets, zipBomb } from "../../fixtures/make-bad-corpus.js";
import { readError } from "../../fixtures/read-error.js";



describe("bad-input corpus", () => {
  for (const item of BAD_CORPUS.filter((i) => i.expect !== null)) {
    it(`${item.file} → ${item.expect}`, () => {
      const err = readError(item.build(), {}, { fileName: item.file });
      expect(err.code).toBe(item.expect);
      expect(err.messageZh).toMatch(/[\u4e00-\u9fff]/);
      expect(err.messageEn.length).toBeGreaterThan(10);
    });
  }

  it("names the problem plainly", () => {
    const msg = (file: string) => readError(BAD_CORPUS.find((i) => i.file === file)!.build(), {}, { fileName: file }).messageZh;
    expect(msg("random-bytes.xlsx")).toBe("这不是能读取的表格文件，请在 Excel 中打开并另存为 .xlsx（文件 → 另存为 → Excel 工作簿）后再检查。");
    expect(msg("password-protected.xlsx")).toContain("密码");
    expect(msg("truncated.xlsx")).toContain("不完整");
    expect(msg("rows-1048576.xlsx")).toContain("1048576");
    expect(msg("bomb-2gib.xlsx")).toContain("压缩炸弹");
  });

  it("refuses a 2 GiB bomb with an honest header by its declared size, in milliseconds", () => {
    const bytes = zipBomb({ gib: 2, lieAboutSize: false });
    expect(bytes.length).toBeLessThan(3_000_000);
    const t = performance.now();
    expect(readError(bytes).code).toBe("zip-bomb");
    expect(performance.now() - t).toBeLessThan(200);
  });

  it("refuses a bomb whose header lies, by counting inflated bytes, without using the memory", () => {
    const bytes = zipBomb({ gib: 2, lieAboutSize: true });
    global.gc?.();
    const before = process.memoryUsage().rss;
    const t = performance.now();
    expect(readError(bytes).code).toBe("zip-bomb");
    const ms = performance.now() - t;
    const grewMb = (process.memoryUsage().rss - before) / 1e6;
    expect(ms).toBeLessThan(3000);
    expect(grewMb).toBeLessThan(300);
  });

  it("reads every file of the corpus that is a workbook or a CSV, whatever its name says", () => {
    for (const item of BAD_CORPUS.filter((i) => i.expect === null)) {
      expect(readWorkbookFile(item.build(), { fileName: item.file }).sheets[0]!.values[0]![0]).toMatch(/姓名|可见|张三/);
    }
    const csv = readWorkbookFile(BAD_CORPUS.find((i) => i.file === "csv-named.xlsx")!.build(), { fileName: "csv-named.xlsx" });
    expect(csv.source).toEqual({ format: "csv", encoding: "UTF-8", delimiter: ",", namedAs: ".xlsx" });
    expect(csv.sheets[0]!.values).toEqual([["姓名", "性别", "入党时间"], ["张三", "男", "2018-09-15"]]);
  });

  it("reads cached formula errors as error values", () => {
    const s = readWorkbook(formulaErrors()).sheets[0]!;
    expect(s.values[1]).toEqual(["张三", { error: "#REF!" }, { error: "#N/A" }]);
    expect(isCellError(s.values[1]![1]!)).toBe(true);
  });

  it("reads hidden and very hidden sheets, flagged", () => {
    const wb = readWorkbook(hiddenSheets());
    expect(wb.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["可见", false],
      ["隐藏", true],
      ["深度隐藏", true],
    ]);
  });
});
