import { describe, expect, it } from "vitest";
import { DEFAULT_RULE_SET } from "../../../shared/ruleset/default.js";
import { deductScore } from "../../../shared/scoring/deduct.js";

const items = DEFAULT_RULE_SET.deductions.items;

describe("deductScore (百分制, capped per item)", () => {
  it("takes points per missing unit", () => {
    const r = deductScore({ committeeMonth: 3, generalQuarter: 1 }, items);
    expect(r.score).toBe(95);
    expect(r.totalDeducted).toBe(5);
  });

  it("caps each item at its own cap", () => {
    // 20 missing committee months would be 20 points; the cap is 12.
    const r = deductScore({ committeeMonth: 20 }, items);
    expect(r.score).toBe(88);
    expect(r.lines.find((l) => l.key === "committeeMonth")).toMatchObject({ deducted: 12, capped: true });
  });

  it("keeps half points exact (0.5 × 7 = 3.5)", () => {
    expect(deductScore({ groupMonth: 7 }, items).score).toBe(96.5);
    expect(deductScore({ groupMonth: 13 }, items).score).toBe(94); // capped at 6
  });

  it("never goes below zero", () => {
    const all = Object.fromEntries(items.map((i) => [i.key, 100]));
    const r = deductScore(all, items);
    expect(r.totalDeducted).toBe(items.reduce((s, i) => s + i.cap, 0));
    expect(r.score).toBe(Math.max(0, 100 - r.totalDeducted));
    expect(deductScore(all, items, 30).score).toBe(0);
  });

  it("counts nothing for items not given", () => {
    expect(deductScore({}, items)).toMatchObject({ score: 100, totalDeducted: 0 });
  });
});
