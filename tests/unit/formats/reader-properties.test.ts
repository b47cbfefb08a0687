import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../../shared/index.js";
import { isLedgerReadError, readWorkbookFile } from "../../../shared/reader/index.js";
import { CORPUS_DIR } from "../../fixtures/formats/make-format-corpus.js";

/**
 * Whatever bytes arrive, the reader answers with a grid or a LedgerReadError (a message for
 * the clerk), never another throw: damaged .xls and .ods files (a valid file with bytes
 * overwritten) and arbitrary text as CSV. Each grid read then goes through the engine.
 */
const corpusFile = (folder: string, name: string) => new Uint8Array(readFileSync(join(CORPUS_DIR, folder, name)));

function readsOrRefuses(bytes: Uint8Array, fileName: string): boolean {
  try {
    checkWorkbook(readWorkbookFile(bytes, { fileName }), { asOf: "2025-12-31" });
    return true;
  } catch (e) {
    if (isLedgerReadError(e)) return true;
    throw e;
  }
}

const damage = (source: Uint8Array) =>
  fc.array(fc.tuple(fc.nat({ max: source.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 12 }).map((edits) => {
    const b = source.slice();
    for (const [at, v] of edits) b[at] = v;
    return b;
  });

describe("reader properties", () => {
  for (const [folder, name] of [
    ["xls", "东湖村党支部党员花名册.xls"],
    ["et", "民主评议党员结果.et"],
    ["ods", "民主评议党员结果.ods"],
  ] as const) {
    it(`a damaged ${name} is read or refused with a message, never a crash`, () => {
      const source = corpusFile(folder, name);
      fc.assert(fc.property(damage(source), (b) => readsOrRefuses(b, name)), { numRuns: 150, seed: 14 });
    });
  }

  it("any text as a CSV is read or refused with a message, in any of the encodings", () => {
    const text = fc.string({ unit: fc.constantFrom("a", "张", ",", ";", "\t", '"', "\n", "\r", " ", "0", "X", "\u00a0"), maxLength: 200 });
    fc.assert(
      fc.property(text, fc.constantFrom("utf8", "utf16le"), (t, enc) => readsOrRefuses(new Uint8Array(Buffer.from(t, enc)), "名单.csv")),
      { numRuns: 300, seed: 14 },
    );
  });

  it("any bytes under any readable name are read or refused with a message", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.constantFrom("a.xlsx", "a.xls", "a.et", "a.ods", "a.csv", "a.txt", ""), (b, name) => readsOrRefuses(b, name)),
      { numRuns: 300, seed: 14 },
    );
  });

  it("runs on files that have findings to lose: the undamaged .xls has them", () => {
    expect(checkWorkbook(readWorkbookFile(corpusFile("xls", "东湖村党支部党员花名册.xls"), { fileName: "a.xls" }), { asOf: "2025-12-31" }).findings.length).toBeGreaterThan(0);
  });
});
