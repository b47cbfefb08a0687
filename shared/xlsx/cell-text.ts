import type { CellValue } from "../grid/types.js";

/** The text a list-source cell offers as an allowed value. */
export function cellText(v: CellValue): string | null {
  if (v === null) return null;
  if (typeof v === "object") return v.error;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  const s = String(v).trim();
  return s === "" ? null : s;
}
