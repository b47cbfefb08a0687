import type { DateValue } from "../calendar/precision.js";
import { validateIdNumber } from "../idcard/gb11643.js";
import type { LedgerRecord } from "../records/build.js";
import type { RuleContext } from "./context.js";

/** A member's birth date: the birth-date column (as far as it was written), else what a valid ID number says. */
export function birthOf(ctx: RuleContext, rec: LedgerRecord): DateValue | null {
  const birth = ctx.date(rec, "birthDate");
  if (birth !== null) return birth;
  const id = ctx.str(rec, "idNumber");
  if (id === null) return null;
  const r = validateIdNumber(id);
  return r.ok ? { day: r.info.birth, precision: "day" } : null;
}
