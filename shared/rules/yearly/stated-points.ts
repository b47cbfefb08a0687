import { toHalfWidth } from "../../normalise/text.js";

const NUMERALS: Record<string, number> = { 半: 0.5, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };
const AMOUNT = String.raw`(\d+(?:\.\d+)?|[半一二两三四五六七八九十])`;
/** A clause that states a rate (每月扣1分), a cap (最多扣5分) or a range (扣1—2分), not what was taken. */
const NOT_TAKEN = /每|最多|最高|不超过|上限|为止|以内|封顶/;
const SUMMED = /(?:共|合计|累计|总计|共计)$/;

/**
 * The points a 扣分说明 says were taken off (verb 扣) or added (verb 加): 班子成员1人履职不到位，扣1分 → 1;
 * 缺2个月记录，每月扣1分，扣2分 → 2 (the rate is no deduction); 迟交扣1分，缺记录扣0.5分 → 1.5; 共扣3分
 * wins over its parts. Null when the text states none.
 */
export function statedPoints(text: string, verb: "扣" | "加"): number | null {
  const pattern = new RegExp(`(.{0,2})${verb}(?:除|减|了)?\\s*${AMOUNT}\\s*分`, "g");
  let sum = 0;
  let found = false;
  for (const clause of toHalfWidth(text).split(/[,，;；。\n]/)) {
    for (const m of clause.matchAll(pattern)) {
      const before = clause.slice(0, m.index + m[1]!.length);
      if (NOT_TAKEN.test(before) || /^[-—~～至到]/.test(clause.slice(m.index + m[0].length))) continue;
      const amount = NUMERALS[m[2]!] ?? Number(m[2]);
      if (SUMMED.test(before)) return amount;
      sum += amount;
      found = true;
    }
  }
  return found ? sum : null;
}
