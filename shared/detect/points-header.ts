import { headerKey } from "../normalise/text.js";

/**
 * The item columns of a 百分制 assessment, each header carrying the item's full marks:
 * 三会一课（25分）, 组织建设(满分20分), 党费收缴(满分10), 党建创新10分, or 发展党员（15）under a
 * heading that says its columns are points (分值, 评分), or the weight alone under the item's name
 * (三会一课 over （25分）). The number is the most the item may score.
 */
const BRACKETED = /^(.*[^\d.])\((满分|分值)?(\d{1,3}(?:\.\d+)?)(分)?\)$/;
const TRAILING = /^(.*[^\d.()])(?:满分)?(\d{1,3}(?:\.\d+)?)分$/;
/** A weight written alone under its item's heading: （25分）, (满分20分). */
const WEIGHT_ALONE = /^\((?:满分|分值)?(\d{1,3}(?:\.\d+)?)分\)$/;
/** A group heading under which a bare bracketed number is the item's points. */
const POINTS_GROUP = /分值|评分|得分|计分|分数/;

/**
 * `bare`: a bracketed number alone (组织建设（20）) counts too; the header binder asks so only when the
 * sheet's bracketed numbers add up to the 百分制's 100, which says they are its items' full marks.
 */
export function parsePointsHeader(leaf: string, group = "", bare = false): number | null {
  const key = headerKey(leaf);
  let item: string;
  let points: number;
  // 三会一课 over （25分） in the row below: the weight alone names no item; its heading does.
  const alone = WEIGHT_ALONE.exec(key);
  if (alone && group.trim() !== "") return parsePointsHeader(`${group}（${alone[1]}分）`);
  const b = BRACKETED.exec(key);
  if (b) {
    // 发展党员（15）is points only where the heading says so; 组织建设（20分）says it itself.
    if (b[2] === undefined && b[4] === undefined && !POINTS_GROUP.test(group) && !bare) return null;
    item = b[1]!;
    points = Number(b[3]);
  } else {
    const t = TRAILING.exec(key);
    if (!t) return null;
    item = t[1]!;
    points = Number(t[2]);
  }
  // A name of its own is needed: "(20分)" alone, or 总分/得分 with a number, is no item.
  if (!/[\u3400-\u9fffa-z]/.test(item) || /^(综合|最终|实际|实得|考核|年度|合计|总计|总)?(得分|总分|分数|分|合计|总计)$/.test(item)) return null;
  return points > 0 && points <= 100 ? points : null;
}
