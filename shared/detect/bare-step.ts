import type { TemplateParsed } from "../template/schema.js";
import { headerKeys } from "./header-text.js";

/**
 * Clerks often head a step's date column by the step alone: 递交入党申请书, 确定为发展对象, 政审结论,
 * 支部大会接收 — the 时间 is what the cells hold. For every date field, the folded words of each of its
 * names that end in 时间 (日期, 年月 fold to it), without that ending, name the field too; a little less
 * surely than the whole name, so the column's cells must still be dates (recognise.ts drops a header
 * below a whole name whose cells say otherwise: 政审结论 over 合格 is no date).
 */
export const BARE_STEP = 0.9;
const ENDING = "时间";
/** A bare name of one character says nothing (年 of 年月). */
const MIN_BARE = 2;

export function bareStepKeys(template: TemplateParsed): Map<string, number> {
  const out = new Map<string, number>();
  const shared = new Set<string>();
  template.fields.forEach((field, fieldIndex) => {
    if (field.repeat || (field.type !== "date" && field.type !== "datetime")) return;
    for (const name of [field.title, ...field.aliases]) {
      const { folded } = headerKeys(name);
      if (!folded.endsWith(ENDING)) continue;
      const bare = folded.slice(0, -ENDING.length);
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
