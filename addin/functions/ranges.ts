import { isBlank, toText } from "./args.js";

/** Excel ranges arrive as rows of cells; most functions only care about the cells in order. */
export function cellsOf(range: unknown): unknown[] {
  if (!Array.isArray(range)) return [range];
  const out: unknown[] = [];
  for (const row of range) {
    if (Array.isArray(row)) for (const cell of row) out.push(cell);
    else out.push(row);
  }
  return out;
}

export function rowsOf(range: unknown): unknown[][] {
  if (!Array.isArray(range)) return [[range]];
  return range.map((row) => (Array.isArray(row) ? row : [row]));
}

/** Is the range a single row or a single column? */
export function isVector(range: unknown): boolean {
  const rows = rowsOf(range);
  return rows.length === 1 || rows.every((r) => r.length === 1);
}

/**
 * A (label, value) table: two columns, or two rows when it is wider than tall. Null when the
 * range is neither, so callers can fall back to a plain vector.
 */
export function labelledPairs(range: unknown): { label: string; value: unknown }[] | null {
  const rows = rowsOf(range);
  const width = rows[0]?.length ?? 0;
  let pairs: { label: unknown; value: unknown }[];
  if (width === 2 && rows.length >= 1) pairs = rows.map((r) => ({ label: r[0], value: r[1] }));
  else if (rows.length === 2 && width > 2) pairs = rows[0]!.map((label, i) => ({ label, value: rows[1]![i] }));
  else return null;
  if (!pairs.every((p) => typeof p.label === "string" || isBlank(p.label))) return null;
  return pairs
    .filter((p) => !(isBlank(p.label) && isBlank(p.value)))
    .map((p) => ({ label: toText(p.label) ?? "", value: p.value }));
}
