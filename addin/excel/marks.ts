import type { Severity } from "../../shared/findings/types.js";
import { chunkAddresses, compressCells, rectAddress } from "../host/marks.js";
import type { Mark } from "../host/types.js";
import type { ExcelSupport } from "./requirements.js";

/**
 * Marks are the add-in's own conditional formats, never the cell's format. Each rule's
 * formula is always TRUE and carries a signature, so the add-in can find and delete
 * exactly its own rules (and nothing of the clerk's) even after a reload.
 */
export const MARK_SIGNATURE = "party-ledger-mark";

export function markFormula(severity: Severity): string {
  return `=ISTEXT("${MARK_SIGNATURE}:${severity}")`;
}

export function isMarkFormula(formula: string | null | undefined): boolean {
  return typeof formula === "string" && formula.includes(`"${MARK_SIGNATURE}:`);
}

/** Excel's own "light red fill with dark red text" family. */
export const MARK_STYLE: Record<Severity, { fill: string; font: string }> = {
  error: { fill: "#FFC7CE", font: "#9C0006" },
  warning: { fill: "#FFEB9C", font: "#9C5700" },
  info: { fill: "#DDEBF7", font: "#1F4E79" },
};

/** Most characters of addresses queued in one sync (well under the 5 MB request limit). */
export const MAX_ADDRESS_CHARS_PER_SYNC = 1_000_000;

function addRule(target: Excel.Range | Excel.RangeAreas, severity: Severity): Excel.ConditionalFormat {
  const cf = target.conditionalFormats.add("Custom");
  cf.custom.rule.formula = markFormula(severity);
  cf.custom.format.fill.color = MARK_STYLE[severity].fill;
  cf.custom.format.font.color = MARK_STYLE[severity].font;
  cf.load("id");
  return cf;
}

/**
 * Add one rule per severity and address chunk (ExcelApi 1.9 RangeAreas) or, without 1.9,
 * one per rectangle. One sync for up to MAX_ADDRESS_CHARS_PER_SYNC characters of addresses.
 * Returns the ids of the rules added.
 */
export async function addMarks(
  ctx: Excel.RequestContext,
  ws: Excel.Worksheet,
  marks: Mark[],
  support: ExcelSupport,
): Promise<string[]> {
  const ids: string[] = [];
  const pending: Excel.ConditionalFormat[] = [];
  let queuedChars = 0;
  const flush = async () => {
    if (!pending.length) return;
    if (support.suspendScreen) ctx.application.suspendScreenUpdatingUntilNextSync();
    await ctx.sync();
    for (const cf of pending.splice(0)) ids.push(cf.id);
    queuedChars = 0;
  };
  for (const severity of ["info", "warning", "error"] as const) {
    const cells = marks.filter((m) => m.severity === severity).map((m) => m.cell);
    if (!cells.length) continue;
    const addresses = compressCells(cells).map(rectAddress);
    const targets = support.rangeAreas ? chunkAddresses(addresses) : addresses;
    for (const address of targets) {
      pending.push(addRule(support.rangeAreas ? ws.getRanges(address) : ws.getRange(address), severity));
      queuedChars += address.length;
      if (queuedChars >= MAX_ADDRESS_CHARS_PER_SYNC) await flush();
    }
  }
  await flush();
  return ids;
}

/**
 * Delete the add-in's rules on a sheet: those whose formula carries the signature or
 * whose id the add-in recorded. Three syncs at most (list, read formulas, delete);
 * one when the sheet has no custom rules.
 */
export async function clearMarks(ctx: Excel.RequestContext, ws: Excel.Worksheet, trackedIds: ReadonlySet<string> = new Set()): Promise<number> {
  const all = ws.getRange().conditionalFormats;
  all.load("items/id,items/type");
  await ctx.sync();
  const custom = all.items.filter((cf) => cf.type === "Custom");
  if (!custom.length) return 0;
  const rules = custom.map((cf) => {
    const rule = cf.custom.rule;
    rule.load("formula");
    return { cf, rule };
  });
  await ctx.sync();
  const ours = rules.filter(({ cf, rule }) => trackedIds.has(cf.id) || isMarkFormula(rule.formula));
  if (!ours.length) return 0;
  for (const { cf } of ours) cf.delete();
  await ctx.sync();
  return ours.length;
}
