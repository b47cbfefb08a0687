import { toHalfWidth } from "../../normalise/text.js";
import type { Rule, RuleContext } from "../context.js";
import { groupOfRow } from "./group-of-row.js";
import { meetingOf } from "./meeting-of.js";

/**
 * The head count a register states in a line above its table (支部党员27名（第一党小组14名，第二党小组13名）): a
 * 支部党员大会 expects every member, a 党小组会 its group's. An 应到 that differs is worth a look (a member may
 * have joined or left since the line was written: the rule set's severity, a warning by default).
 */
const BRANCH_COUNT = /(?<![预备正式流动])(?:党员|党员总数|党员人数)\s*[:：]?\s*(\d{1,4})\s*[名人]/;
const GROUP_COUNT = /(第\s*[一二三四五六七八九十\d]{1,3}\s*党小组|[\u4e00-\u9fa5]{1,8}党小组)\s*[:：]?\s*(\d{1,4})\s*[名人]/g;

interface StatedCounts {
  branch: number | null;
  groups: Map<string, number>;
  row: number;
}

function statedCounts(ctx: RuleContext): StatedCounts | null {
  for (let row = ctx.view.firstRow; row < ctx.headerTop; row++) {
    for (const v of ctx.view.rowValues(row)) {
      if (typeof v !== "string" || v.length > 200) continue;
      const t = toHalfWidth(v);
      const branch = BRANCH_COUNT.exec(t);
      const groups = new Map<string, number>();
      for (const m of t.matchAll(GROUP_COUNT)) groups.set(m[1]!.replace(/\s+/g, ""), Number(m[2]));
      if (branch || groups.size > 0) return { branch: branch ? Number(branch[1]) : null, groups, row };
    }
  }
  return null;
}

export const statedHeadCountRule: Rule = {
  needs: ["expected"],
  run(ctx) {
    const stated = statedCounts(ctx);
    if (!stated) return;
    const severity = ctx.ruleSet.meetings.statedHeadCountSeverity;
    const general = ctx.ruleSet.meetings.requirements[0];
    for (const rec of ctx.records) {
      const expected = ctx.num(rec, "expected");
      const req = meetingOf(ctx, rec);
      if (expected === null || req === null) continue;
      const group = req.type === "党小组会" ? groupOfRow(ctx, rec) : null;
      const count = req === general ? stated.branch : group !== null ? (stated.groups.get(group) ?? null) : null;
      if (count === null || count === expected) continue;
      ctx.atCell(rec, "expected", "meetings.expectedVsStated", severity, { type: req.type, expected, count, who: group ?? (ctx.lang === "zh" ? "支部党员" : "branch members"), line: stated.row + 1 }, String(count));
    }
  },
};
