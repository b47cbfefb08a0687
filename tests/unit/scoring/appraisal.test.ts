import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { DEFAULT_RULE_SET } from "../../../shared/ruleset/default.js";
import { appraisalScore, gradeForScore } from "../../../shared/scoring/appraisal.js";
import { checkTopGradeQuota, excellentQuotaLimit } from "../../../shared/scoring/quota.js";

const rules = DEFAULT_RULE_SET.appraisal;
const votes = (excellent: number, competent: number, basic: number, incompetent: number) => ({ excellent, competent, basic, incompetent });

describe("appraisal score", () => {
  it.each([
    [votes(10, 0, 0, 0), 100],
    [votes(0, 0, 0, 10), 0],
    [votes(1, 1, 1, 0), 80],
    [votes(2, 1, 0, 0), 93.33],
    [votes(1, 2, 0, 0), 86.67],
    [votes(1, 1, 1, 3), 40],
    [votes(3, 5, 1, 0), 84.44], // 760/9 = 84.444…
    [votes(1, 0, 0, 7), 12.5],
  ])("%j → %d", (v, expected) => {
    expect(appraisalScore(v, rules)).toBe(expected);
  });

  it("has no score without valid votes", () => {
    expect(appraisalScore(votes(0, 0, 0, 0), rules)).toBeNull();
  });

  it("rounds the exact fraction half-up (BigInt reference)", () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), fc.nat(500), fc.nat(500), (a, b, c, d) => {
        fc.pre(a + b + c + d > 0);
        const points = BigInt(100 * a + 80 * b + 60 * c);
        const total = BigInt(a + b + c + d);
        const ref = Number((2n * points * 100n + total) / (2n * total)) / 100;
        expect(appraisalScore(votes(a, b, c, d), rules)).toBe(ref);
      }),
    );
  });
});

describe("grade", () => {
  it.each([
    [100, "优秀"],
    [90, "优秀"],
    [89.99, "称职"],
    [70, "称职"],
    [69.99, "基本称职"],
    [60, "基本称职"],
    [59.99, "不称职"],
    [0, "不称职"],
    [-5, "不称职"],
  ])("%d → %s", (score, grade) => {
    expect(gradeForScore(score, rules)).toBe(grade);
  });

  it("more than one third 不称职 rules out 优秀 and 称职, exactly one third does not", () => {
    expect(gradeForScore(95, rules, 0.34)).toBe("基本称职");
    expect(gradeForScore(75, rules, 0.34)).toBe("基本称职");
    expect(gradeForScore(65, rules, 0.5)).toBe("基本称职");
    expect(gradeForScore(50, rules, 0.5)).toBe("不称职");
    expect(gradeForScore(95, rules, 1 / 3)).toBe("优秀");
    expect(gradeForScore(95, rules, 3 / 9)).toBe("优秀");
  });
});

describe("优秀 quota (20% of those assessed)", () => {
  it("rounds the limit down", () => {
    expect([1, 4, 5, 7, 9, 10, 15, 35, 100].map((n) => excellentQuotaLimit(n, rules))).toEqual([0, 0, 1, 1, 1, 2, 3, 7, 20]);
    expect(excellentQuotaLimit(20, { ...rules, excellentQuotaShare: 0.15 })).toBe(3);
  });

  it("flags a sheet with too many 优秀 and ignores blanks", () => {
    expect(checkTopGradeQuota(["优秀", "称职", "称职", "称职", "称职", null, ""], "优秀", rules.excellentQuotaShare)).toEqual({ assessed: 5, excellent: 1, limit: 1, over: false });
    expect(checkTopGradeQuota(["优秀", "优秀", "称职", "称职", "称职"], "优秀", rules.excellentQuotaShare)).toMatchObject({ excellent: 2, limit: 1, over: true });
  });
});
