import { fromYmd, toYmd } from "../../calendar/days.js";
import type { LedgerRecord } from "../../records/build.js";
import type { RuleSet } from "../../ruleset/schema.js";
import type { Rule, RuleContext } from "../context.js";
import { resolveMeetingType, shortPeriods } from "../../scoring/meetings.js";
import { meetingOf } from "./meeting-of.js";

type Requirement = RuleSet["meetings"]["requirements"][number];

/**
 * Frequencies (M1–M7): every period the register covers (the calendar years of its
 * meetings, up to the as-of day, whole periods only) has at least the rule set's count of
 * each type. A register of one type (one sheet per type) is judged for that type only.
 * 支委会 is required where the branch has a committee (a 支委会 on record, or a general
 * meeting expecting at least `committeeFromMembers`); 党小组会 where groups exist (one on
 * record), per group when the sheet names them.
 */
export const meetingFrequencyRule: Rule = {
  needs: ["date"],
  run(ctx) {
    const m = ctx.ruleSet.meetings;
    const sheetType = ctx.has("type") ? null : resolveMeetingType(ctx.view.name, m);
    const byType = new Map<string, { day: number; rec: LedgerRecord }[]>();
    let first = Infinity;
    let last = -Infinity;
    let largestGeneral = 0;
    for (const rec of ctx.records) {
      const day = ctx.num(rec, "date");
      const req = sheetType ?? meetingOf(ctx, rec);
      if (day === null || req === null) continue;
      first = Math.min(first, day);
      last = Math.max(last, day);
      const list = byType.get(req.type) ?? [];
      list.push({ day, rec });
      byType.set(req.type, list);
      if (req === m.requirements[0]) largestGeneral = Math.max(largestGeneral, ctx.num(rec, "expected") ?? 0);
    }
    if (first === Infinity) return;
    const scopeFirst = fromYmd(toYmd(first).y, 1, 1);
    const scopeLast = Math.min(fromYmd(toYmd(last).y, 12, 31), ctx.asOf);
    const hasCommittee = byType.has("支部委员会") || largestGeneral >= m.committeeFromMembers;
    for (const req of m.requirements) {
      if (sheetType && req !== sheetType) continue;
      if (req.needsCommittee && !hasCommittee) continue;
      const held = byType.get(req.type) ?? [];
      if (req.type === "党小组会") {
        if (held.length > 0) checkGroups(ctx, req, held, scopeFirst, scopeLast);
        continue;
      }
      reportMissing(ctx, req, held.map((h) => h.day), scopeFirst, scopeLast, null);
    }
    const life = byType.get("组织生活会");
    if (life && life.length > 0) {
      for (const year of new Set(life.map((l) => toYmd(l.day).y))) {
        if (!life.some((l) => toYmd(l.day).y === year && toYmd(l.day).m >= 10)) {
          ctx.atPeriod("meetings.lifeNotQ4", "info", String(year));
        }
      }
    }
  },
};

function checkGroups(ctx: RuleContext, req: Requirement, held: { day: number; rec: LedgerRecord }[], first: number, last: number): void {
  if (!ctx.has("group")) {
    reportMissing(ctx, req, held.map((h) => h.day), first, last, null);
    return;
  }
  const groups = new Map<string, number[]>();
  for (const h of held) {
    const g = ctx.str(h.rec, "group") ?? "";
    groups.set(g, [...(groups.get(g) ?? []), h.day]);
  }
  for (const [group, days] of groups) reportMissing(ctx, req, days, first, last, group || null);
}

function reportMissing(ctx: RuleContext, req: Requirement, days: number[], first: number, last: number, group: string | null): void {
  for (const { period, count } of shortPeriods(days, req, first, last, ctx.asOf)) {
    ctx.atPeriod("meetings.missing", "warning", period, {
      type: req.type,
      count,
      min: req.min,
      group: group === null ? "" : ctx.lang === "zh" ? `（${group}）` : ` (${group})`,
      source: req.source === "national" ? (ctx.lang === "zh" ? "全国规定" : "national rule") : ctx.lang === "zh" ? "本地做法" : "local practice",
    });
  }
}
