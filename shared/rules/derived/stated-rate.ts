import type { LedgerRecord } from "../../records/build.js";
import type { RuleContext } from "../context.js";

/**
 * A rate a row states (优秀率 35.7%, 满意率 82.0%, 好和较好票占比 94.3%) as a percentage: text 35.7% reads as 35.7;
 * a number in a percent-formatted cell (or one of at most 1) is a share, 0.357. Null when the cell is empty.
 */
export function statedPercent(ctx: RuleContext, rec: LedgerRecord, field: string): { percent: number; decimals: number; text: string } | null {
  const stated = ctx.num(rec, field);
  if (stated === null) return null;
  const text = ctx.text(rec, field);
  const col = ctx.set.colOf[ctx.field(field)]!;
  const raw = ctx.view.value(rec.row, col);
  const share = typeof raw === "number" && ((ctx.view.format(rec.row, col) ?? "").includes("%") || stated <= 1);
  const percent = share ? stated * 100 : stated;
  // Judged to the decimals the clerk wrote (35.7%: one); a number cell to two.
  const decimals = typeof raw === "number" ? 2 : (/[.．](\d+)/.exec(text)?.[1]?.length ?? 0);
  return { percent, decimals, text: text || `${percent}%` };
}

/** Whether a stated rate is count ÷ of, to the decimals it is written with; the rate it should be when not. */
export function rateDisagrees(stated: { percent: number; decimals: number }, count: number, of: number): string | null {
  if (of <= 0) return null;
  const actual = (count / of) * 100;
  if (Math.abs(stated.percent - actual) <= 0.5 / 10 ** stated.decimals + 1e-9) return null;
  return `${actual.toFixed(Math.max(1, stated.decimals))}%`;
}
