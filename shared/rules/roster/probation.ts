import { addMonths, toIso } from "../../calendar/days.js";
import { extensionAllowed } from "../../scoring/probation.js";
import type { Rule } from "../context.js";

/**
 * Probation (党章 第七条, 细则 第三十二条): full membership on EDATE(admission, 12), or
 * EDATE(admission, 12+e) after one extension of e months within the rule set's range;
 * a probationary year long past with no full membership is overdue.
 */
export const probationRule: Rule = {
  needs: ["joinDate"],
  run(ctx) {
    const p = ctx.ruleSet.probation;
    const hasFull = ctx.has("fullDate");
    const hasStatus = ctx.has("status");
    for (const rec of ctx.records) {
      const joined = ctx.num(rec, "joinDate");
      if (joined === null) continue;
      if (joined > ctx.asOf) {
        ctx.atCell(rec, "joinDate", "date.future", "error", { value: toIso(joined), asOf: toIso(ctx.asOf) });
        continue;
      }
      const ext = ctx.num(rec, "extensionMonths") ?? 0;
      if (!extensionAllowed(ext, p)) {
        ctx.atCell(rec, "extensionMonths", "probation.extensionRange", "error", { value: ext, min: p.extensionMinMonths, max: p.extensionMaxMonths });
      }
      const due = addMonths(joined, p.months + ext);
      const full = hasFull ? ctx.num(rec, "fullDate") : null;
      if (full !== null) {
        if (full <= joined) ctx.atCell(rec, "fullDate", "probation.fullBeforeJoin", "error", { value: toIso(full), joined: toIso(joined) });
        else if (full !== due) {
          ctx.atCell(rec, "fullDate", "probation.fullDateMismatch", "error", { value: toIso(full), joined: toIso(joined), months: p.months + ext }, toIso(due));
        }
        if (full > ctx.asOf) ctx.atCell(rec, "fullDate", "date.future", "error", { value: toIso(full), asOf: toIso(ctx.asOf) });
      }
      if (!hasStatus) {
        if (hasFull && full === null && addMonths(due, p.overdueGraceMonths) < ctx.asOf) {
          ctx.atCell(rec, "fullDate", "probation.overdue", "warning", { due: toIso(due), months: p.overdueGraceMonths });
        }
        continue;
      }
      const status = ctx.str(rec, "status") ?? "";
      if (status.includes("预备")) {
        if (full !== null && full <= ctx.asOf) ctx.atCell(rec, "status", "member.statusStale", "warning", { value: status, full: toIso(full) });
        else if (addMonths(due, p.overdueGraceMonths) < ctx.asOf) {
          ctx.atCell(rec, "status", "probation.overdue", "warning", { due: toIso(due), months: p.overdueGraceMonths });
        }
      } else if (status.includes("正式") && due > ctx.asOf && full === null) {
        ctx.atCell(rec, "status", "member.statusTooEarly", "error", { value: status, due: toIso(due) });
      }
    }
  },
};
