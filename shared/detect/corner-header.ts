import { headerKey } from "../normalise/text.js";
import type { ColumnProfile } from "./column-profile.js";

/**
 * The header over a column of row labels that names no field of its own: 项目 in a sheet kept
 * the other way round (项目 | 许立新 | 姜芳 …, read transposed: 项目 over the members' names), or a
 * corner cell split by a slash (月份\姓名, 姓名/月份). What the column is, its cells say.
 */
const CORNER = /^(?:项目|栏目|内容|名目|事项|月份?[\\/／、]姓名|姓名[\\/／、]月份?|项目[\\/／、]姓名|姓名[\\/／、]项目)$/;

export function isCornerHeader(text: string): boolean {
  return CORNER.test(headerKey(text));
}

/** A person's name as clerks write it: two to four Han characters, or a transliterated name with its dot. */
const PERSON = /^(?:[\u4e00-\u9fa5]{2,4}|[\u4e00-\u9fa5]{1,8}[·•][\u4e00-\u9fa5·•]{1,12})$/;
/** Nearly every row label under a corner header must be a name: 办公用品费用 is an item, not a member. */
const NAMES_SHARE = 0.8;

/** Whether the labels of a column under a corner header are people's names. */
export function labelsAreNames(p: ColumnProfile): boolean {
  let names = 0;
  let all = 0;
  for (const [t, count] of p.texts) {
    all += count;
    if (PERSON.test(t)) names += count;
  }
  return all >= 2 && all === p.n && names >= NAMES_SHARE * all;
}
