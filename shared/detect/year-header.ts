import { headerKey } from "../normalise/text.js";

/**
 * Year column headers (a cadre's grades, one column per year): 2021, 2021年, 2021年度,
 * 2021年度考核结果, 2021年考核等次, 2021年度等次.
 */
const YEAR = /^((?:19|20)\d{2})(?:年度?)?(?:年度)?(?:考核)?(?:结果|等次|等级|情况|评定)?$/;

export function parseYearHeader(leaf: string): number | null {
  const m = YEAR.exec(headerKey(leaf).replace(/\(.*?\)/g, ""));
  if (!m) return null;
  const y = Number(m[1]);
  return y >= 1949 && y <= 2100 ? y : null;
}
