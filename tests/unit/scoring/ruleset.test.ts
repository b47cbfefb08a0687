import { describe, expect, it } from "vitest";
import { DEFAULT_RULE_SET } from "../../../shared/ruleset/default.js";
import { formatRuleSetRef, parseRuleSetRef } from "../../../shared/ruleset/ref.js";
import { RuleSet } from "../../../shared/ruleset/schema.js";
import { parseRuleSet } from "../../../shared/ruleset/validate.js";

const clone = () => JSON.parse(JSON.stringify(DEFAULT_RULE_SET)) as RuleSet;

describe("DEFAULT_RULE_SET", () => {
  it("parses with the zod schema and survives a JSON round trip unchanged", () => {
    expect(RuleSet.parse(DEFAULT_RULE_SET)).toEqual(DEFAULT_RULE_SET);
    const json = JSON.stringify(DEFAULT_RULE_SET);
    expect(json).not.toMatch(/Infinity|NaN|undefined/);
    expect(RuleSet.parse(JSON.parse(json))).toEqual(DEFAULT_RULE_SET);
  });

  it("carries the Defaults table of domain-rules.md", () => {
    const rs = DEFAULT_RULE_SET;
    expect(rs.dues.categories["在职"]).toEqual({
      kind: "brackets",
      brackets: [
        { upTo: 3000, ratePercent: 0.5 },
        { upTo: 5000, ratePercent: 1 },
        { upTo: 10000, ratePercent: 1.5 },
        { upTo: null, ratePercent: 2 },
      ],
    });
    expect(rs.dues.categories["离退休"]).toEqual({ kind: "brackets", brackets: [{ upTo: 5000, ratePercent: 0.5 }, { upTo: null, ratePercent: 1 }] });
    for (const c of ["学生", "下岗失业", "抚恤救济", "低保"]) expect(rs.dues.categories[c]).toEqual({ kind: "fixed", amountYuan: 0.2 });
    expect(rs.dues.categories["农民"]).toEqual({ kind: "range", minYuan: 0.2, maxYuan: 1 });
    expect(rs.dues.rounding).toBe("half-up-fen");
    expect(rs.dues.toleranceFen).toBe(1);
    expect([rs.dues.unpaidWarningMonths, rs.dues.unpaidErrorMonths]).toEqual([3, 6]);
    expect(rs.appraisal.weights).toEqual({ excellent: 100, competent: 80, basic: 60, incompetent: 0 });
    expect(rs.appraisal.bands.map((b) => [b.min, b.grade])).toEqual([[90, "优秀"], [70, "称职"], [60, "基本称职"], [0, "不称职"]]);
    expect(rs.appraisal.excellentQuotaShare).toBe(0.2);
    expect(rs.appraisal.incompetentVetoShare).toBeCloseTo(1 / 3, 15);
    expect(rs.appraisal.vetoedGrades).toEqual(["优秀", "称职"]);
    const per = Object.fromEntries(rs.meetings.requirements.map((r) => [r.type, `${r.min}/${r.per}`]));
    expect(per).toEqual({
      支部党员大会: "1/quarter",
      支部委员会: "1/month",
      党小组会: "1/month",
      党课: "1/quarter",
      主题党日: "1/month",
      组织生活会: "1/year",
      民主评议党员: "1/year",
    });
    expect(rs.meetings.secretaryLecturesPerYear).toBe(1);
    expect(rs.probation).toMatchObject({ months: 12, extensionMinMonths: 6, extensionMaxMonths: 12, overdueGraceMonths: 3 });
    expect(rs.assessment.parts.map((p) => [p.key, p.weight])).toEqual([
      ["目标考核", 50],
      ["专项述职", 10],
      ["民主测评", 20],
      ["民意调查", 10],
      ["述职评议", 10],
    ]);
    const forms = new Set(rs.assessment.parts.flatMap((p) => p.forms));
    expect([...forms].sort()).toEqual(["民主测评表", "民意调查表", "考核评分表", "自查评分表", "述职评分表"].sort());
    for (const item of rs.deductions.items) expect(item.cap).toBeGreaterThanOrEqual(item.points);
  });

  it("fills defaults for the newer assessment fields when an older rule set omits them", () => {
    const old = clone() as unknown as { assessment: { parts: Record<string, unknown>[]; maxPartScore?: number; decimals?: number } };
    delete old.assessment.maxPartScore;
    delete old.assessment.decimals;
    for (const p of old.assessment.parts) delete p.forms;
    const parsed = RuleSet.parse(old);
    expect(parsed.assessment.maxPartScore).toBe(100);
    expect(parsed.assessment.decimals).toBe(2);
    expect(parsed.assessment.parts[0]!.forms).toEqual([]);
  });
});

describe("rule set consistency messages", () => {
  it("rejects brackets that are not increasing or do not end open", () => {
    const rs = clone();
    rs.dues.categories["在职"] = { kind: "brackets", brackets: [{ upTo: 5000, ratePercent: 1 }, { upTo: 3000, ratePercent: 0.5 }] };
    const result = parseRuleSet(rs);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.join("\n")).toContain("最后一档上限须为 null");
      expect(result.issues.join("\n")).toContain("严格递增");
    }
  });

  it("names aliases that point nowhere, clashing meeting names and unordered bands", () => {
    const rs = clone();
    rs.dues.categoryAliases["某类"] = "不存在";
    rs.meetings.requirements[1]!.synonyms.push("党员大会");
    rs.appraisal.bands = [{ min: 60, grade: "基本称职" }, { min: 90, grade: "优秀" }, { min: 70, grade: "称职" }, { min: 0, grade: "不称职" }];
    const result = parseRuleSet(rs);
    expect(result.ok).toBe(false);
    const text = result.ok ? "" : result.issues.join("\n");
    expect(text).toContain("dues.categoryAliases.某类");
    expect(text).toContain("会议名称「党员大会」同时属于");
    expect(text).toContain("从高到低");
  });

  it("refuses Infinity (not JSON) as a bound", () => {
    const rs = clone() as unknown as { dues: { categories: Record<string, { brackets: { upTo: number | null }[] }> } };
    rs.dues.categories["在职"]!.brackets[3]!.upTo = Infinity;
    expect(parseRuleSet(rs).ok).toBe(false);
  });
});

describe("parseRuleSetRef", () => {
  it.each([
    ["default", { id: "default", version: null }],
    ["default@2", { id: "default", version: 2 }],
    [" Acme-Dues@13 ", { id: "acme-dues", version: 13 }],
  ])("%s", (text, ref) => {
    expect(parseRuleSetRef(text)).toEqual(ref);
    expect(formatRuleSetRef(parseRuleSetRef(text)!)).toBe(text.trim().toLowerCase());
  });

  it.each(["", "@1", "default@0", "default@x", "默认", "a b", "default@1@2"])("rejects %j", (text) => {
    expect(parseRuleSetRef(text)).toBeNull();
  });
});
