import type { DayNumber } from "../calendar/days.js";
import { isExponentNumberText, normaliseIdText } from "../normalise/id-text.js";
import { validateIdNumber, type IdInfo, type IdProblem } from "../idcard/gb11643.js";

/**
 * ID numbers as they arrive from a roster cell. Full-width digits, a lower-case x and
 * spaces are clerical, not errors (domain-rules.md §6.1), so they are normalised first and
 * reported; an ID held as a number has lost its last digits and can never be trusted.
 */
export type IdCheck =
  | { ok: true; id: string; info: IdInfo; normalised: boolean }
  | { ok: false; problem: IdProblem | "numeric" | "legacy15"; info?: IdInfo };

export { normaliseIdText };

/** Numbers at or above this can only be an 18-digit ID that Excel stored as a number. */
export const NUMERIC_ID_THRESHOLD = 1e15;

export function checkIdValue(value: string | number, today?: DayNumber): IdCheck {
  if (typeof value === "number") return { ok: false, problem: "numeric" };
  if (isExponentNumberText(value)) return { ok: false, problem: "numeric" }; // "4.40524E+17" pasted as text
  const id = normaliseIdText(value);
  if (/^\d{15}$/.test(id)) return { ok: false, problem: "legacy15" };
  const result = validateIdNumber(id, today);
  if (!result.ok) return result.info ? { ok: false, problem: result.problem, info: result.info } : { ok: false, problem: result.problem };
  return { ok: true, id, info: result.info, normalised: id !== value };
}
