import { fromYmd, type DayNumber } from "../../shared/calendar/days.js";
import { parseDateText, serialToDay } from "../../shared/normalise/dates.js";
import type { ErrorFactory } from "./errors.js";

/**
 * Turning what Excel passes into typed values, or an Excel error with a message that names
 * the argument. Excel gives numbers, text, booleans, and null (or "") for empty cells and
 * omitted optional arguments.
 */
export const isBlank = (v: unknown): v is null | undefined | "" =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

const NUMERIC_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)$/;

/** A finite number; numeric text ("5100") is accepted because imported ledgers hold it. */
export function toNumber(value: unknown, what: string, fail: ErrorFactory): number {
  if (typeof value === "number" && Number.isFinite(value)) return value;
  if (isBlank(value)) throw fail("invalidValue", `缺少${what} / ${what} is empty`);
  if (typeof value === "string" && NUMERIC_TEXT.test(value.trim())) return Number(value.trim());
  throw fail("invalidValue", `${what}应为数字，收到「${String(value)}」 / ${what} must be a number`);
}

export function toNonNegative(value: unknown, what: string, fail: ErrorFactory): number {
  const n = toNumber(value, what, fail);
  if (n < 0) throw fail("invalidValue", `${what}不能为负数 / ${what} must not be negative`);
  return n;
}

export function toCount(value: unknown, what: string, fail: ErrorFactory): number {
  const n = toNonNegative(value, what, fail);
  if (!Number.isInteger(n)) throw fail("invalidValue", `${what}应为整数 / ${what} must be a whole number`);
  return n;
}

/** Text of a cell, trimmed; numbers become their text; blank → null. */
export function toText(value: unknown): string | null {
  if (isBlank(value)) return null;
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return null;
}

/** A date from an Excel serial (date cell) or date text, read as the engine reads them; null when it is not one. */
export function parseDay(value: unknown): DayNumber | null {
  if (typeof value === "number") return serialToDay(Math.floor(value));
  if (typeof value === "string") return parseDateText(value);
  return null;
}

export function toDay(value: unknown, what: string, fail: ErrorFactory): DayNumber {
  if (isBlank(value)) throw fail("invalidValue", `缺少${what} / ${what} is empty`);
  const day = parseDay(value);
  if (day === null) throw fail("invalidValue", `${what}不是有效日期：「${String(value)}」 / ${what} is not a date`);
  return day;
}

/** Today in the user's own time zone (a clerk in Beijing at 07:00 is already on the new day). */
export function localToday(): DayNumber {
  const now = new Date();
  return fromYmd(now.getFullYear(), now.getMonth() + 1, now.getDate());
}
