import { capitalMoneyToFen } from "../../normalise/chinese-money.js";
import { cellText, normaliseCell } from "../../normalise/value.js";
import { cleanText, unspacedHalfWidth } from "../../normalise/text.js";
import { fenToYuanText } from "../../scoring/money.js";
import type { RuleContext } from "../context.js";

/**
 * An amount kept twice, in figures and in capitals, as on a receipt (月缴纳党费（小写） | 月缴纳党费（大写）,
 * 金额 over 小写 | 大写): on every row the capitals say the amount the figures say. A 大写 column is paired
 * with the column whose header is the same but for 小写 (or says nothing of either); with no such column,
 * or a cell that is no amount in capitals, nothing is judged.
 */
const CAPITALS = /[(（]?大写[)）]?/;
const FIGURES = /[(（]?小写[)）]?/;

/** A column's header over all header rows, as shown (for messages). */
function headerShown(ctx: RuleContext, col: number): string {
  const parts: string[] = [];
  for (let r = ctx.headerTop; r <= ctx.headerRow; r++) {
    const t = cleanText(cellText(ctx.view.merged(r, col)));
    if (t !== "" && parts[parts.length - 1] !== t) parts.push(t);
  }
  return parts.join("");
}

/** Each 大写 column and the column of figures it repeats. */
function capitalPairs(ctx: RuleContext): { capitals: number; figures: number; header: string; figuresHeader: string }[] {
  const { view } = ctx;
  const headers = new Map<number, string>();
  const shown = new Map<number, string>();
  for (let c = view.firstCol; c < view.colCount; c++) {
    shown.set(c, headerShown(ctx, c));
    headers.set(c, unspacedHalfWidth(shown.get(c)!));
  }
  const out: { capitals: number; figures: number; header: string; figuresHeader: string }[] = [];
  for (const [c, h] of headers) {
    if (!CAPITALS.test(h) || FIGURES.test(h)) continue;
    const stem = h.replace(CAPITALS, "");
    const same = [...headers].filter(([c2, h2]) => c2 !== c && !CAPITALS.test(h2) && h2.replace(FIGURES, "") === stem);
    // Said 小写 first; a bare header of the same words only when it is the one such column.
    const figures = same.find(([, h2]) => FIGURES.test(h2)) ?? (same.length === 1 ? same[0] : undefined);
    if (figures) out.push({ capitals: c, figures: figures[0], header: shown.get(c)!, figuresHeader: shown.get(figures[0])! });
  }
  return out;
}

export function checkCapitalAmounts(ctx: RuleContext): void {
  if (ctx.records.length === 0) return;
  for (const pair of capitalPairs(ctx)) {
    for (const rec of ctx.records) {
      const words = ctx.view.merged(rec.row, pair.capitals);
      if (typeof words !== "string") continue;
      const capitals = capitalMoneyToFen(cleanText(words));
      const figures = normaliseCell(ctx.view.merged(rec.row, pair.figures), "money").value;
      if (capitals === null || typeof figures !== "number" || capitals === figures) continue;
      ctx.atColumnIndex(rec.row, pair.capitals, pair.header, "amount.capitalsMismatch", "error", { value: cleanText(words), capitals: fenToYuanText(capitals), figures: fenToYuanText(figures), figuresField: pair.figuresHeader });
    }
  }
}
