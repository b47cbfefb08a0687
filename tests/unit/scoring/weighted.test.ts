import { describe, expect, it } from "vitest";
import { DEFAULT_RULE_SET } from "../../../shared/ruleset/default.js";
import { weightedScore } from "../../../shared/scoring/weighted.js";

const scheme = DEFAULT_RULE_SET.assessment;

describe("weightedScore (five-part cadre assessment)", () => {
  it("weights 50/10/20/10/10 by default", () => {
    const parts = { 目标考核: 90, 专项述职: 80, 民主测评: 86.67, 民意调查: 70, 述职评议: 100 };
    // (4500 + 800 + 1733.4 + 700 + 1000) / 100 = 87.334
    expect(weightedScore(parts, scheme)).toEqual({ ok: true, score: 87.33 });
  });

  it("normalises by the weight sum, so weights need not add up to 100", () => {
    const custom = { ...scheme, parts: scheme.parts.map((p) => ({ ...p, weight: 1 })) };
    const parts = { 目标考核: 90, 专项述职: 80, 民主测评: 70, 民意调查: 60, 述职评议: 100 };
    expect(weightedScore(parts, custom)).toEqual({ ok: true, score: 80 });
  });

  it("rounds half-up at the scheme's decimals", () => {
    const two = { ...scheme, parts: [scheme.parts[0]!, { ...scheme.parts[1]!, weight: 50 }] };
    expect(weightedScore({ 目标考核: 86.665, 专项述职: 86.665 }, two)).toEqual({ ok: true, score: 86.67 });
  });

  it("reports a missing or out-of-range part instead of scoring it 0", () => {
    expect(weightedScore({ 目标考核: 90 }, scheme)).toEqual({ ok: false, problem: "missingPart", part: "专项述职" });
    expect(weightedScore({ 目标考核: 101, 专项述职: 1, 民主测评: 1, 民意调查: 1, 述职评议: 1 }, scheme)).toEqual({
      ok: false,
      problem: "outOfRange",
      part: "目标考核",
    });
  });

  it("ignores parts weighted 0 even when their score is missing", () => {
    const custom = { ...scheme, parts: scheme.parts.map((p, i) => ({ ...p, weight: i === 0 ? 1 : 0 })) };
    expect(weightedScore({ 目标考核: 77.5 }, custom)).toEqual({ ok: true, score: 77.5 });
  });
});
