import type { SheetChange } from "../host/types.js";

/**
 * Split a batch of edits by sheet: those to the sheet the pane shows (re-checked), and the
 * other sheets edited, added to the stale list once each.
 */
export function routeChanges(changes: SheetChange[], shown: string, stale: string[]): { mine: SheetChange[]; stale: string[] } {
  const mine = changes.filter((c) => c.sheet === shown);
  const next = stale.slice();
  for (const c of changes) if (c.sheet !== shown && !next.includes(c.sheet)) next.push(c.sheet);
  return { mine, stale: next };
}

/** The pane read a sheet: it is no longer stale. */
export function freshen(stale: string[], sheet: string): string[] {
  return stale.includes(sheet) ? stale.filter((n) => n !== sheet) : stale;
}
