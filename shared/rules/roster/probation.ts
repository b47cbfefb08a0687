import { addMonths, toIso } from "../../calendar/days.js";
import { latestDay, shifted, surelyBefore, type DateValue } from "../../calendar/precision.js";
import { extensionAllowed } from "../../scoring/probation.js";
import type { LedgerRecord } from "../../records/build.js";
import type { Rule, RuleContext } from "../context.js";
import { isFullStatus, isProbationaryStatus } from "./status-words.js";

/**
 * Probation (党章 第七条, 细则 第三十二条): full membership on EDATE(admission, 12), or
 * EDATE(admission, 12+e) after one extension of e months within the rule set's range
 * (written in its own column or in 备注: 「延长预备期六个月」); a probationary year long
 * past with no full membership is overdue; a 正式党员 shows a full-membership date.
 * Dates written to the month only (2010.07) are compared to the month.
 */
/** Same calendar day, or — for a date written to the month or year — the same month or year. */
function sameAt(a: DateValue, b: DateValue): boolean {
  if (a.precision === "day" && b.precision === "day") return a.day === b.day;
  return !surelyBefore(a, b) && !surelyBefore(b, a);
}

/**
 * A 预备期满时间 the clerk wrote agrees with EDATE(admission, 12) — or, once extended, with
 * EDATE(admission, 12 + extension): calendar months, not 365 days.
 */
function checkProbationEnd(ctx: RuleContext, rec: LedgerRecord, joined: DateValue, months: number, ext: number): void {
  const end = ctx.date(rec, "probationEnd");
  if (end === null) return;
  const first = shifted(joined, months);
  if (sameAt(end, first) || (ext > 0 && sameAt(end, shifted(joined, months + ext)))) return;
  const expected = first.precision === "day" ? toIso(first.day) : toIso(first.day).slice(0, first.precision === "month" ? 7 : 4);
  ctx.atCell(rec, "probationEnd", "probation.endMismatch", "error", { value: ctx.dateText(rec, "probationEnd", end), joined: ctx.dateText(rec, "joinDate", joined), months }, expected);
}

export const probationRule: Rule = {
  needs: ["joinDate"],
  run(ctx) {
    const p = ctx.ruleSet.probation;
    const hasFull = ctx.has("fullDate");
    const hasStatus = ctx.has("status");
    for (const rec of ctx.records) {
      const joined = ctx.date(rec, "joinDate");
      if (joined === null) continue;
      if (joined.day > ctx.asOf) {
        ctx.atCell(rec, "joinDate", "date.future", "error", { value: ctx.dateText(rec, "joinDate", joined), asOf: toIso(ctx.asOf) });
        continue;
      }
      // 细则 第三十二条: the probation may be extended once.
      for (const f of ctx.facts(rec, "secondExtension")) ctx.atColumnIndex(f.row, f.col, "note", "probation.extendedTwice", "error", { text: f.text });
      const ext = ctx.num(rec, "extensionMonths") ?? 0;
      if (!extensionAllowed(ext, p)) {
        ctx.atCell(rec, "extensionMonths", "probation.extensionRange", "error", { value: ext, min: p.extensionMinMonths, max: p.extensionMaxMonths });
      }
      const due = shifted(joined, p.months + ext);
      checkProbationEnd(ctx, rec, joined, p.months, ext);
      const full = ctx.date(rec, "fullDate");
      if (full !== null) {
        if (surelyBefore(full, joined) || (full.precision === "day" && joined.precision === "day" && full.day === joined.day)) {
          ctx.atCell(rec, "fullDate", "probation.fullBeforeJoin", "error", { value: ctx.dateText(rec, "fullDate", full), joined: ctx.dateText(rec, "joinDate", joined) });
        } else if (!sameAt(full, due)) {
          const expected = due.precision === "day" ? toIso(due.day) : toIso(due.day).slice(0, due.precision === "month" ? 7 : 4);
          ctx.atCell(rec, "fullDate", "probation.fullDateMismatch", "error", { value: ctx.dateText(rec, "fullDate", full), joined: ctx.dateText(rec, "joinDate", joined), months: p.months + ext }, expected);
        }
        if (full.day > ctx.asOf) ctx.atCell(rec, "fullDate", "date.future", "error", { value: ctx.dateText(rec, "fullDate", full), asOf: toIso(ctx.asOf) });
      }
      // No longer a member (取消预备党员资格, 除名 in 备注): no full membership is owed.
      const overdue = addMonths(latestDay(due), p.overdueGraceMonths) < ctx.asOf && ctx.facts(rec, "left").length === 0;
      if (!hasStatus) {
        // 备注 saying 预备党员 stands for the status where the sheet has no column for it.
        const said = full !== null && full.day <= ctx.asOf ? ctx.facts(rec, "probationary")[0] : undefined;
        if (said) ctx.atColumnIndex(said.row, said.col, "note", "member.noteStatusStale", "warning", { value: said.text, full: ctx.dateText(rec, "fullDate", full!) });
        if (hasFull && full === null && overdue) ctx.atCell(rec, "fullDate", "probation.overdue", "warning", { due: toIso(latestDay(due)), months: p.overdueGraceMonths });
        continue;
      }
      const status = ctx.str(rec, "status") ?? "";
      // Messages quote the clerk's own words ("党员"), also when a mapping read them as 正式党员.
      const written = ctx.text(rec, "status") || status;
      if (isProbationaryStatus(status)) {
        if (full !== null && full.day <= ctx.asOf) ctx.atCell(rec, "status", "member.statusStale", "warning", { value: written, full: ctx.dateText(rec, "fullDate", full) });
        else if (overdue) ctx.atCell(rec, "status", "probation.overdue", "warning", { due: toIso(latestDay(due)), months: p.overdueGraceMonths });
      } else if (isFullStatus(status) && full === null) {
        if (due.day > ctx.asOf) ctx.atCell(rec, "status", "member.statusTooEarly", "error", { value: written, due: toIso(due.day) });
        else if (hasFull) ctx.atCell(rec, "fullDate", "member.fullDateMissing", "warning", { value: written });
      }
    }
  },
};
