import { validateIdNumber } from "../idcard/gb11643.js";
import type { DayNumber } from "../calendar/days.js";
import type { LedgerRecord } from "../records/build.js";
import type { RuleContext } from "./context.js";

/** A member's birth day: the birth-date column, else what a valid ID number says. */
export function birthOf(ctx: RuleContext, rec: LedgerRecord): DayNumber | null {
  const birth = ctx.num(rec, "birthDate");
  if (birth !== null) return birth;
  const id = ctx.str(rec, "idNumber");
  if (id === null) return null;
  const r = validateIdNumber(id);
  return r.ok ? r.info.birth : null;
}
