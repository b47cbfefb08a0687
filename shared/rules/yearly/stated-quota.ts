import { cellText } from "../../normalise/value.js";
import { quotaInNote } from "../../notes/stated-quota.js";
import type { LedgerRecord } from "../../records/build.js";
import type { RuleContext } from "../context.js";

/**
 * Where the rule set sets no quota for a 百分制 sheet's top grade but the sheet states one (最多2个, 前20%), the sheet's
 * own quota holds: each top grade past it is said at its cell, those with the lowest scores first (else the last in
 * sheet order), with the rule set's severity for a quota (the 2020 规定 lets a unit go higher, so a warning by default).
 */
export function statedTopGradeQuota(ctx: RuleContext, top: string): void {
  const recordRows = new Set(ctx.records.map((r) => r.row));
  const { view } = ctx;
  let quota: ReturnType<typeof quotaInNote> = null;
  for (let row = view.firstRow; row < view.rowCount && !quota; row++) {
    if (recordRows.has(row) || (row >= ctx.headerTop && row <= ctx.headerRow)) continue;
    for (const v of view.rowValues(row)) if (!quota && typeof v === "string") quota = quotaInNote(cellText(v), top);
  }
  if (!quota) return;
  const graded = ctx.records.filter((r) => ctx.str(r, "result") !== null);
  const assessed = graded.length;
  const allowed = quota.count ?? Math.floor((quota.share ?? 0) * assessed + 1e-9);
  const tops: { rec: LedgerRecord; score: number; i: number }[] = graded
    .map((rec, i) => ({ rec, score: ctx.num(rec, "score") ?? Number.NEGATIVE_INFINITY, i }))
    .filter(({ rec }) => ctx.str(rec, "result") === top);
  if (tops.length <= allowed) return;
  const byScore = [...tops].sort((a, b) => b.score - a.score || a.i - b.i);
  const severity = ctx.ruleSet.appraisal.excellentQuotaSeverity;
  for (const { rec } of byScore.slice(allowed)) ctx.atCell(rec, "result", "quota.topGradePast", severity, { grade: top, count: tops.length, assessed, allowed });
}
