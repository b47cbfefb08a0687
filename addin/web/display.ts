import type { CellValue } from "../../shared/grid/types.js";

const DATE_FORMAT = /(^|[^"\\])(y|yy|yyyy|m+d|d+|年|月|日)/i;

/** Excel serial → YYYY-MM-DD (1900 date system, with Excel's 1900-02-29 quirk). */
export function serialToIso(serial: number): string {
  const ms = Math.round((serial - 25569) * 86400 * 1000);
  return new Date(ms).toISOString().slice(0, 10);
}

/** How the web grid shows a cell: dates as dates, errors as their text. */
export function displayValue(v: CellValue | undefined, format: string | null | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "object") return v.error;
  if (typeof v === "number" && format && DATE_FORMAT.test(format) && v > 0 && v < 2958466) return serialToIso(v);
  return String(v);
}

/** What the user typed → a cell value: numbers stay numbers, blank is empty. */
export function parseInput(text: string): CellValue {
  const s = text.trim();
  if (s === "") return null;
  return /^-?\d+(\.\d+)?$/.test(s) && s.length < 15 ? Number(s) : text;
}
