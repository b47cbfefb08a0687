import { toHalfWidth } from "../normalise/text.js";
import type { ColumnProfile } from "./column-profile.js";
import { FOREIGN_KINDS, type ForeignKind } from "./foreign-kinds.js";
import type { HeaderCell } from "./header-cells.js";
import { contextMentions, type SheetContext } from "./sheet-context.js";

/** Foreign words outweigh the ledger's own evidence from this share of its score on. */
const OUTWEIGHS = 0.7;
const MIN_FOREIGN = 3;
const TITLE_WEIGHT = 2;
const VALUE_WEIGHT = 2;

/**
 * The kind of sheet that is not ours this one looks like, if it looks more like it than
 * like the ledger scored `ledgerScore`: a decisive header word settles it, other header,
 * title and value words add up. `ownTitle`: the sheet's name, title or file name names the ledger's
 * own subject (党费), so a title word of another subject weighs no more than usual.
 */
export function foreignLook(cells: readonly HeaderCell[], profiles: Map<number, ColumnProfile>, ctx: SheetContext, ledgerScore: number, ownTitle = false): ForeignKind | null {
  const headers = cells.map((c) => toHalfWidth(c.path.join(" ")));
  let best: { kind: ForeignKind; score: number } | null = null;
  for (const kind of FOREIGN_KINDS) {
    if (kind.decisive.some((w) => headers.some((h) => h.includes(w)))) return kind;
    // The sheet's own title or name only: a book's file name may name its other sheets' subjects too.
    if (kind.decisiveTitles && contextMentions({ ...ctx, fileName: "" }, kind.decisiveTitles)) return kind;
    let score = 0;
    for (const [word, weight] of kind.headers) if (headers.some((h) => h.includes(word))) score += weight;
    if (contextMentions(ctx, kind.titles)) score += kind.titleWeight !== undefined && !ownTitle ? kind.titleWeight : TITLE_WEIGHT;
    let valueHits = 0;
    for (const p of profiles.values()) {
      for (const text of p.texts.keys()) if (kind.values.some((v) => text.includes(v))) valueHits++;
      if (valueHits >= 2) break;
    }
    score += VALUE_WEIGHT * Math.min(2, valueHits);
    if (!best || score > best.score) best = { kind, score };
  }
  return best && best.score >= MIN_FOREIGN && best.score >= OUTWEIGHS * ledgerScore ? best.kind : null;
}
