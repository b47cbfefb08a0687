import type { LedgerRecord } from "../../records/build.js";
import type { RuleContext } from "../context.js";

/** A 党小组's name standing alone in a cell (第二党小组, 机关党小组, 第3党小组): not 党小组会, not 全体党员. */
const GROUP_NAME = /^(?:第\s*[一二三四五六七八九十\d]{1,3}|[\u4e00-\u9fa5]{1,8})\s*党小组$/;

/**
 * The 党小组 a meeting's row names: its 党小组 column, else a cell of the row that is a group's name and
 * nothing else (a 参加对象 column holding 第一党小组 beside 全体党员 and 支部委员). Null when none.
 */
export function groupOfRow(ctx: RuleContext, rec: LedgerRecord): string | null {
  const said = ctx.str(rec, "group");
  if (said !== null) return said;
  for (const v of ctx.view.rowValues(rec.row)) {
    if (typeof v === "string" && GROUP_NAME.test(v.trim())) return v.trim().replace(/\s+/g, "");
  }
  return null;
}
