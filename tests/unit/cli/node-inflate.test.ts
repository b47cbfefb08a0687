import { describe, expect, it } from "vitest";
import { nodeInflateRaw } from "../../../cli/node-inflate.js";
import { readWorkbook } from "../../../shared/xlsx/index.js";
import { BAD_CORPUS, formulaErrors, hiddenSheets, validLedger, zipBomb } from "../../fixtures/make-bad-corpus.js";
import { buildXlsx } from "../../fixtures/xlsx-parts.js";
import { readError as readErrorWith } from "../../fixtures/read-error.js";

// The CLI reads with Node's zlib instead of fflate: every guard must hold the same way.
const native = { inflateRaw: nodeInflateRaw };

const readError = (bytes: Uint8Array, limits = {}) => readErrorWith(bytes, limits, native);

describe("xlsx reader with Node's zlib", () => {
  for (const item of BAD_CORPUS.filter((i) => i.expect !== null)) {
    it(`${item.file} → ${item.expect}`, () => {
      expect(readErrorWith(item.build(), {}, { ...native, fileName: item.file }).code).toBe(item.expect);
    });
  }

  it("refuses a bomb whose header lies, stopping at the size cap", () => {
    const bytes = zipBomb({ gib: 2, lieAboutSize: true });
    global.gc?.();
    const before = process.memoryUsage().rss;
    const t = performance.now();
    expect(readError(bytes).code).toBe("zip-bomb");
    expect(performance.now() - t).toBeLessThan(3000);
    expect((process.memoryUsage().rss - before) / 1e6).toBeLessThan(300);
  });

  it("refuses a part past the ratio cap, and one past a smaller size cap", () => {
    const spaces = " ".repeat(4 * 1024 * 1024);
    const bytes = buildXlsx([{ name: "Sheet1", body: `<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>x${spaces}</t></is></c></row></sheetData>` }]);
    const ratio = readError(bytes, { ratioFloorBytes: 1024 * 1024, maxRatio: 20 });
    expect(ratio.code).toBe("zip-bomb");
    expect(ratio.messageEn).toMatch(/ratio/);
    const size = readError(bytes, { maxEntryBytes: 1024 * 1024 });
    expect(size.code).toBe("zip-bomb");
    expect(size.messageEn).toMatch(/exceeds/);
    // within the zip caps the part inflates whole; its one 4 MB cell is then over the cell-text cap
    expect(readError(bytes).code).toBe("cell-too-long");
    expect(readWorkbook(bytes, { maxCellChars: Infinity }, native).sheets[0]!.values[0]![0]).toHaveLength(spaces.length + 1);
  });

  it("reads good files exactly as fflate does", () => {
    for (const bytes of [validLedger(), formulaErrors(), hiddenSheets()]) {
      expect(readWorkbook(bytes, {}, native)).toEqual(readWorkbook(bytes));
    }
  });
});
