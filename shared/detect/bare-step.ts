import type { TemplateParsed } from "../template/schema.js";
import { headerKeys } from "./header-text.js";

/**
 * Clerks often head a column by what it is about and leave out what its cells are: a step's date by
 * the step alone (递交入党申请书, 确定为发展对象, 政审结论, 支部大会接收 — the 时间 is what the cells hold),
 * a count by who is counted (应参评, 应到, 赞成 — the 人数). For every date field, the folded words of each
 * of its names that end in 时间 (日期, 年月 fold to it), and for every count field those that end in 人数,
 * without that ending, name the field too; a little less surely than the whole name, so the column's
 * cells must still be dates or numbers (recognise.ts drops a header below a whole name whose cells say
 * otherwise: 政审结论 over 合格 is no date).
 */
/**
 * Low enough that a column of a few words (政审结论 over 合格, 通过, 合格 …) does not pass recognise.ts's
 * content test, high enough to beat a longer header's partial match.
 */
export const BARE_STEP = 0.8;

function endingOf(type: string): string | null {
  if (type === "date" || type === "datetime") return "时间";
  if (type === "integer") return "人数";
  return null;
}
/** A bare name of one character says nothing (年 of 年月). */
const MIN_BARE = 2;

export function bareStepKeys(template: TemplateParsed): Map<string, number> {
  const out = new Map<string, number>();
  const shared = new Set<string>();
  template.fields.forEach((field, fieldIndex) => {
    const ending = endingOf(field.type);
    if (field.repeat || ending === null) return;
    for (const name of [field.title, ...field.aliases]) {
      const { folded } = headerKeys(name);
      if (!folded.endsWith(ending)) continue;
      const bare = folded.slice(0, -ending.length);
      if (bare.length < MIN_BARE) continue;
      const other = out.get(bare);
      // Two date fields with the same bare words: the bare header names neither.
      if (other !== undefined && other !== fieldIndex) shared.add(bare);
      else out.set(bare, fieldIndex);
    }
  });
  for (const bare of shared) out.delete(bare);
  return out;
}
