import type { CellRange, CellValue } from "../../shared/grid/types.js";
import { parseRange } from "../../shared/grid/a1.js";

const ERROR_TEXT = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|BUSY!|FIELD!|BLOCKED!|CONNECT!|UNKNOWN!)$/;

/** Office.js Range.values cell → engine cell: "" is empty, Excel error texts become {error}. */
export function toCell(v: unknown): CellValue {
  if (v === "" || v === null || v === undefined) return null;
  if (typeof v === "string") return ERROR_TEXT.test(v) ? { error: v } : v;
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

/** "General" carries no information for the engine; keep the grid small. */
export function toFormat(f: unknown): string | null {
  return typeof f === "string" && f !== "General" && f !== "" ? f : null;
}

/** "Sheet1!A1:B2,'My sheet'!C3" → 0-based ranges. */
export function parseAreas(address: string | null | undefined): CellRange[] {
  if (!address) return [];
  const out: CellRange[] = [];
  for (const part of address.split(",")) {
    const bare = part.slice(part.lastIndexOf("!") + 1).trim();
    const r = parseRange(bare);
    if (r) out.push(r);
  }
  return out;
}
