import { describe, expect, it } from "vitest";
import { isCellError } from "../../../shared/grid/types.js";
import { readWorkbook } from "../../../shared/xlsx/index.js";
import { BAD_CORPUS, formulaErrors, hiddenSheets, zipBomb } from "../../fixtures/make-bad-corpus.js";
import { readError } from "../../fixtures/read-error.js";



describe("bad-input corpus", () => {
  for (const item of BAD_CORPUS.filter((i) => i.expect !== null)) {
    it(`${item.file} → ${item.expect}`, () => {
      const err = readError(item.build());
      expect(err.code).toBe(item.expect);
      expect(err.messageZh).toMatch(/[\u4e00-\u9fff]/);
      expect(err.messageEn.length).toBeGreaterThan(10);
    });
  }

  it("names the problem plainly", () => {
    const msg = (file: string) => readError(BAD_CORPUS.find((i) => i.file === file)!.build()).messageZh;
    expect(msg("legacy.xls")).toContain("这是旧版 .xls 文件，请另存为 .xlsx");
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
