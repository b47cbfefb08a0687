import type { Lang } from "../../findings/types.js";

const QUARTERS = ["一", "二", "三", "四"];

/** A period as people say it: 2019-02 → 2019年2月, 2019-Q3 → 2019年第三季度, 2019 → 2019年. */
export function describePeriod(period: string, lang: Lang): string {
  let m = /^(\d{4})-(\d{2})$/.exec(period);
  if (m) return lang === "zh" ? `${m[1]}年${Number(m[2])}月` : period;
  m = /^(\d{4})-Q([1-4])$/.exec(period);
  if (m) return lang === "zh" ? `${m[1]}年第${QUARTERS[Number(m[2]) - 1]}季度` : `${m[1]} Q${m[2]}`;
  return lang === "zh" && /^\d{4}$/.test(period) ? `${period}年` : period;
}
