import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_RULE_SET } from "../../../shared/ruleset/default.js";
import type { RuleSet } from "../../../shared/ruleset/schema.js";
import { duesAmountMatches, expectedDues, resolveDuesCategory, roundDues } from "../../../shared/scoring/dues.js";
import { fenToYuanText, yuanToFen } from "../../../shared/scoring/money.js";

const rules = DEFAULT_RULE_SET.dues;
const amount = (yuan: number | string, category: string, r: RuleSet["dues"] = rules) => {
  const e = expectedDues(yuanToFen(yuan)!, category, r);
  if (e?.kind !== "amount") throw new Error(`not an amount: ${JSON.stringify(e)}`);
  return fenToYuanText(e.fen);
};

describe("expected dues (中组发〔2008〕3号, whole-amount brackets)", () => {
  it.each([
    [5100, "在职", "76.50"], // the 组织局 example: 5100 × 1.5%
    [4900, "在职", "49.00"], // and 4900 × 1%
    [7777, "在职", "116.66"], // 116.655 rounds half-up to the fen
    [3000, "在职", "15.00"],
    ["3000.01", "在职", "30.00"], // just above 3000 jumps to 1% of the whole base
    [5000, "在职", "50.00"],
    ["5000.01", "在职", "75.00"],
    [10000, "在职", "150.00"],
    ["10000.01", "在职", "200.00"],
    [0, "在职", "0.00"],
    [5000, "离退休", "25.00"],
    [5001, "离退休", "50.01"],
    [1234, "学生", "0.20"],
    [0, "下岗失业", "0.20"],
    [9999, "低保", "0.20"],
    [20000, "抚恤救济", "0.20"],
  ])("%s yuan, %s → %s", (base, category, expected) => {
    expect(amount(base, category)).toBe(expected);
  });

  it("gives the 0.20–1.00 range for farmers and nothing for an exempt member", () => {
    expect(expectedDues(500_000, "农民", rules)).toEqual({ kind: "range", minFen: 20, maxFen: 100 });
    expect(expectedDues(500_000, "困难减免", rules)).toEqual({ kind: "exempt" });
    expect(expectedDues(500_000, "无此类别", rules)).toBeNull();
  });

  it("rounds per mode: half-up to the fen, up to the jiao, up to the yuan", () => {
    // 7777 × 1.5% = 116.655
    expect(roundDues(777_700, 150, "half-up-fen")).toBe(11_666);
    expect(roundDues(777_700, 150, "ceil-jiao")).toBe(11_670);
    expect(roundDues(777_700, 150, "ceil-yuan")).toBe(11_700);
    // exact amounts never move up
    expect(roundDues(510_000, 150, "ceil-jiao")).toBe(7_650);
    expect(roundDues(500_000, 100, "ceil-yuan")).toBe(5_000);
    expect(amount(7777, "在职", { ...rules, rounding: "ceil-yuan" })).toBe("117.00");
  });

  it("half-up is exact in integers for every base in fen (no binary floating point)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(50, 100, 150, 200), (fen, bp) => {
        // reference in BigInt decimal arithmetic
        const exact = BigInt(fen) * BigInt(bp); // in 1e-4 fen
        const ref = Number((exact + 5_000n) / 10_000n);
        expect(roundDues(fen, bp, "half-up-fen")).toBe(ref);
      }),
    );
  });

  it("passes a ledger amount within 0.01 of the expected one", () => {
    const e = expectedDues(777_700, "在职", rules)!;
    expect(duesAmountMatches(11_665, e, rules.toleranceFen)).toBe(true);
    expect(duesAmountMatches(11_667, e, rules.toleranceFen)).toBe(true);
    expect(duesAmountMatches(11_664, e, rules.toleranceFen)).toBe(false);
    const farmer = expectedDues(0, "农民", rules)!;
    expect(duesAmountMatches(50, farmer, 1)).toBe(true);
    expect(duesAmountMatches(150, farmer, 1)).toBe(false);
  });
});

describe("resolveDuesCategory", () => {
  it.each([
    ["在职", "在职"],
    ["退休", "离退休"],
    ["研究生", "学生"],
    ["农民党员", "农民"],
    [" 离退休人员 ", "离退休"],
    ["", "在职"],
    [null, "在职"],
    ["外星人", null],
  ])("%j → %j", (text, key) => {
    expect(resolveDuesCategory(text, rules)).toBe(key);
  });
});
