import { addMonths, toIso } from "../../calendar/days.js";
import { latestDay } from "../../calendar/precision.js";
import type { LedgerRecord } from "../../records/build.js";
import type { Rule, RuleContext } from "../context.js";
import type { RuleSet } from "../../ruleset/schema.js";
import { judgeTermForName } from "./term-for-type.js";

/**
 * A committee's term (M13; 支部工作条例 第六章; 基层组织选举工作条例 第三条): 3 years (5 for
 * 村/社区 branches, by the rule set's words in the committee's name), within the 党章's
 * 三至五年; once the term is due, an election (实际换届时间) or an approved postponement of
 * at most a year (a note or a column saying 经批准延期换届).
 */
/** The term in years for a committee or branch of this name (村, 社区 → 5 by default). */
export function termYearsFor(b: RuleSet["branch"], name: string): number {
  return termByType(b, name)?.years ?? b.termYears;
}

/** The rule set's term for a branch of this type (村, 社区), with the word that says so; null for the general term. */
export function termByType(b: RuleSet["branch"], name: string): { years: number; word: string } | null {
  for (const t of b.termYearsByType) {
    const word = t.nameContains.find((w) => name.includes(w));
    if (word !== undefined) return { years: t.years, word };
  }
  return null;
}

/**
 * What a row says of its organisation's type: its 类型 cell where it has one (农村信用社党支部 of type
 * 企业 is a company, whatever its name holds), else its name and its branch's.
 */
function nameOf(ctx: RuleContext, rec: LedgerRecord): string {
  const type = ctx.str(rec, "orgType");
  if (type !== null) return type;
  return `${ctx.str(rec, "committeeName") ?? ""} ${ctx.str(rec, "branch") ?? ""}`;
}

/**
 * The term in years a row's dates are judged by: its type's, where the rule set gives one (a 社区
 * branch's term written as 3 is an error of its own), else what the row writes, else the general term.
 */
function termYearsOf(ctx: RuleContext, rec: LedgerRecord): number {
  const b = ctx.ruleSet.branch;
  const name = nameOf(ctx, rec);
  const byType = termByType(b, name);
  const written = ctx.num(rec, "termYears");
  if (written !== null) judgeTermForName(ctx, rec, "termYears", written * 12, name);
  return byType?.years ?? written ?? b.termYears;
}

/**
 * A postponement said in the row: its 延期换届 column, or a note; with whether it was approved and,
 * where the note says (延期6个月, 延期至2026年6月), the last day it allows.
 */
function postponement(ctx: RuleContext, rec: LedgerRecord, due: number): { approved: boolean; until?: number; earliest?: number } | null {
  const column = ctx.str(rec, "delayApproval");
  if (column && /批准|同意|是|√/.test(column) && !/未|否|不/.test(column)) return { approved: true };
  const facts = ctx.facts(rec, "electionDelay");
  if (facts.length === 0) return null;
  const approved = facts.find((f) => f.approved);
  if (!approved) return { approved: false };
  if (approved.months !== undefined) return { approved: true, until: addMonths(due, approved.months), earliest: addMonths(due, approved.months) };
  // 延期至2026年5月: the election is due by the month's end; the approval is as long as its first day.
  if (approved.day !== undefined) return { approved: true, until: approved.dayPrecision === "month" ? addMonths(approved.day, 1) - 1 : approved.day, earliest: approved.day };
  return { approved: true };
}

/** A row that says its branch has no committee (是否设支委会 否, 委员职数 0) has no committee term to renew. */
function noCommittee(ctx: RuleContext, rec: LedgerRecord): boolean {
  return ctx.get(rec, "hasCommittee") === false || ctx.num(rec, "committeeSize") === 0;
}

export const committeeTermRule: Rule = {
  needs: ["termDueDate"],
  run(ctx) {
    const b = ctx.ruleSet.branch;
    for (const rec of ctx.records) {
      const years = termYearsOf(ctx, rec);
      const due = ctx.date(rec, "termDueDate");
      if (due === null || noCommittee(ctx, rec)) continue;
      const appointed = ctx.date(rec, "appointedDate");
      const elected = ctx.date(rec, "electedDate");
      if (appointed !== null) {
        const months = Math.round((latestDay(due) - appointed.day) / 30.44);
        if (months < b.termMinYears * 12 - 1 || months > b.termMaxYears * 12 + 1) {
          ctx.atCell(rec, "termDueDate", "committee.termLength", "warning", { years: (months / 12).toFixed(1), min: b.termMinYears, max: b.termMaxYears });
        } else {
          const expected = addMonths(appointed.day, years * 12);
          // A row writing 任期（年） 3 for a 村 branch has that error said already (termYearsOf): its due date follows the 3.
          const written = ctx.num(rec, "termYears");
          // Else a branch not of a typed kind serving another term than its own (五年 for a law firm's): judged once, as on a members list.
          const name = nameOf(ctx, rec);
          const anotherLength = written !== null ? written !== years : termByType(b, name) === null && judgeTermForName(ctx, rec, "termDueDate", months, name);
          if (!anotherLength && Math.abs(expected - due.day) > 31 && due.precision === "day" && appointed.precision === "day") {
            ctx.atCell(rec, "termDueDate", "committee.termMismatch", "info", { value: toIso(due.day), years, expected: toIso(expected) }, toIso(expected));
          }
        }
      }
      const delay = postponement(ctx, rec, latestDay(due));
      const limit = addMonths(latestDay(due), b.electionDelayMaxMonths);
      // A postponement approved for longer than the rule set allows (延期18个月) is too long as approved.
      const approvedTooLong = delay?.earliest !== undefined && delay.earliest > limit;
      // Within it, the election is due by the day the approval names.
      const until = delay?.until !== undefined ? Math.min(delay.until, limit) : limit;
      if (elected !== null) {
        if (elected.day <= latestDay(due)) continue;
        if (!delay?.approved) ctx.atCell(rec, "electedDate", "committee.electionLate", "warning", { value: toIso(elected.day), due: toIso(due.day) });
        else if (elected.day > limit || approvedTooLong) ctx.atCell(rec, "electedDate", "committee.delayTooLong", "error", { value: toIso(elected.day), due: toIso(due.day), months: b.electionDelayMaxMonths });
        else if (elected.day > until) ctx.atCell(rec, "electedDate", "committee.electionAfterDelay", "warning", { value: toIso(elected.day), until: toIso(until), due: toIso(due.day) });
        continue;
      }
      if (latestDay(due) >= ctx.asOf) continue;
      if (delay?.approved && !approvedTooLong && ctx.asOf <= until) continue;
      const overdue = Math.max(1, Math.round((ctx.asOf - latestDay(due)) / 30.44));
      if (delay?.approved && (approvedTooLong || ctx.asOf > limit)) ctx.atCell(rec, "termDueDate", "committee.delayTooLong", "error", { value: "—", due: toIso(due.day), months: b.electionDelayMaxMonths });
      else if (delay?.approved) ctx.atCell(rec, "termDueDate", "committee.delayOverdue", "error", { due: toIso(due.day), until: toIso(until) });
      else ctx.atCell(rec, "termDueDate", "committee.termExpired", "error", { due: toIso(due.day), months: overdue });
    }
  },
};
