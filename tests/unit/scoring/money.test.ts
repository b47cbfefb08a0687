import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { fenToYuanText, yuanToFen } from "../../../shared/scoring/money.js";

describe("yuanToFen", () => {
  it("the number fast path agrees with decimal text for every amount in fen", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        const text = fenToYuanText(fen);
        expect(yuanToFen(Number(text))).toBe(fen);
        expect(yuanToFen(text)).toBe(fen);
      }),
      { numRuns: 5000 },
    );
  });

  it("rounds a third decimal half-up, by decimal digits not binary", () => {
    expect(yuanToFen(116.655)).toBe(11_666);
    expect(yuanToFen(1.005)).toBe(101); // 1.005 is 1.00499999… in binary
    expect(yuanToFen(0.125)).toBe(13);
    expect(yuanToFen(-0)).toBe(0);
    expect(yuanToFen("abc")).toBeNull();
    expect(yuanToFen(Number.NaN)).toBeNull();
  });
});
