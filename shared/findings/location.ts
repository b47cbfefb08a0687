import type { Finding } from "./types.js";

/** Where a finding sits: its cell, else the period or column it concerns. */
export function findingLocation(f: Finding): string {
  return f.cell ?? f.period ?? f.column ?? "—";
}
