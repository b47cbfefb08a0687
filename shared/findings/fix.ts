import { parseIso } from "../calendar/days.js";
import type { CellValue } from "../grid/types.js";
import type { Finding } from "./types.js";

/**
 * Findings whose `expected` is the one right value of their cell, fully determined by the
 * rule set and the row's other cells (月应交党费 from the base, 转正时间 = EDATE of admission,
 * a score or grade from the votes), with the kind of value it is. Only these get 「改为应为值」.
 * Not here on purpose: anything about an ID number (its error may be in any digit), a
 * payment actually made, a birth date or sex read from an ID, and bounds ("> 5", a range).
 */
export const DETERMINED_EXPECTED: Readonly<Record<string, "money" | "date" | "number" | "text">> = {
  "dues.amountMismatch": "money",
  "probation.fullDateMismatch": "date",
  "probation.endMismatch": "date",
  "appraisal.scoreMismatch": "number",
  "appraisal.gradeMismatch": "text",
};

/** Excel's serial for 1970-01-01 (1900 date system). */
const EXCEL_EPOCH = 25_569;
const NUMBER = /^-?\d+(\.\d+)?$/;
/** A date written with separators the clerk chose: 2025.3.1, 2025/03/01, 2025年3月1日. */
const WRITTEN_DATE = /^\d{4}(\D+)(\d{1,2})(\D+)(\d{1,2})(\D*)$/;

function dateLike(iso: string, current: CellValue): CellValue {
  const day = parseIso(iso);
  if (day === null) return iso;
  if (typeof current === "number") return day + EXCEL_EPOCH;
  const m = typeof current === "string" ? WRITTEN_DATE.exec(current.trim()) : null;
  if (!m) return iso;
  const [y, mo, d] = iso.split("-") as [string, string, string];
  const pad = (s: string, like: string) => (like.length === 2 ? s : String(Number(s)));
  return `${y}${m[1]}${pad(mo, m[2]!)}${m[3]}${pad(d, m[4]!)}${m[5]}`;
}

/**
 * The value to write into the finding's cell for 「改为应为值」, in the cell's own kind (a number
 * stays a number, a date serial a serial, a date written as text keeps its separators), or
 * undefined when the finding's right value is not fully determined.
 */
export function determinedFix(f: Finding, current: CellValue): CellValue | undefined {
  const kind = DETERMINED_EXPECTED[f.code];
  const expected = f.expected?.trim();
  if (!kind || !expected || !f.cell || f.code.startsWith("id.") || f.field === "idNumber") return undefined;
  if (kind === "text") return expected;
  if (kind === "date") return /^\d{4}-\d{2}-\d{2}$/.test(expected) ? dateLike(expected, current) : undefined;
  if (!NUMBER.test(expected)) return undefined;
  return typeof current === "string" ? expected : Number(expected);
}
