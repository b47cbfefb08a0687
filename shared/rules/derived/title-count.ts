import { chineseCount } from "../../normalise/chinese-count.js";
import { toHalfWidth } from "../../normalise/text.js";
import type { RuleContext } from "../context.js";

/** 共有党员24名, 党员总数：24人, 共24名党员, 现有党员 24 人: a title line's count of the members listed. */
const HEAD_COUNT = /(?:共有|现有|共计|总数)\s*(?:党员)?\s*[:：]?\s*(\d+|[一二两三四五六七八九十]{1,3})\s*[名人](?:党员)?|党员\s*(?:总数|总人数|人数)\s*[:：]?\s*(\d+|[一二两三四五六七八九十]{1,3})\s*[名人]?/;

/**
 * A roster's line above the table that says how many members it lists (截至2025年12月31日，共有党员24名)
 * against its rows (a count disagreeing with the rows it counts: an error at the line). A roster that
 * keeps the rows of those who left (转出, 去世 in 备注) may count only those still on the roll: either agrees.
 */
export function checkTitleHeadCount(ctx: RuleContext): void {
  if (ctx.template.kind !== "roster" || ctx.records.length === 0) return;
  const rows = ctx.records.length;
  const onRoll = ctx.records.filter((r) => !r.facts?.some((f) => f.kind === "transferOut" || f.kind === "left")).length;
  const { view } = ctx;
  for (let r = view.firstRow; r < ctx.headerTop; r++) {
    for (let c = view.firstCol; c < view.colCount; c++) {
      const raw = view.value(r, c);
      if (typeof raw !== "string") continue;
      const m = HEAD_COUNT.exec(toHalfWidth(raw));
      const count = m ? chineseCount(m[1] ?? m[2]!) : null;
      if (count === null) continue;
      if (count !== rows && count !== onRoll) ctx.atColumnIndex(r, c, "name", "derived.sectionCountMismatch", "error", { text: raw.trim(), value: count, expected: rows }, String(rows));
      return;
    }
  }
}
