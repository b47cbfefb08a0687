/**
 * The one- and two-character leaves of a deep header, which name their column only together with
 * the heading above them: 集中培训 → 起 / 止 / 天数, 支部大会 → 日期 / 应到 / 实到 / 赞成. Each leaf is
 * written out the way a one-row header would say it (起 → 开始时间, 应到 → 应到人数), then read alone
 * and after its headings, nearest heading last: 转正 / 支部大会 / 日期 reads 转正支部大会时间 before
 * 支部大会时间.
 */
const COMPLETIONS: [RegExp, string[]][] = [
  [/^(?:起|起始|开始|自|从)$/, ["开始时间", "起始时间"]],
  [/^(?:止|截止|结束|至|迄|到)$/, ["结束时间", "截止时间"]],
  [/^(?:日期|时间|年月日)$/, ["时间"]],
  [/^(?:应到|实到|到会|缺席|赞成|反对|弃权)$/, ["人数", "票数"]],
];

/** The spelled-out forms of a short leaf (suffixes appended unless the leaf is only a date word), or none. */
function completions(leaf: string): string[] {
  const l = leaf.trim();
  for (const [re, forms] of COMPLETIONS) {
    if (!re.test(l)) continue;
    // 起 and 日期 are replaced; 应到 is kept and completed (应到人数).
    return forms.map((f) => (f.endsWith("时间") ? f : l + f));
  }
  return [];
}

/**
 * Texts to try for a short leaf under its headings (`path` top down, leaf last), best first: the
 * leaf spelled out alone (应到人数), then after all its headings (转正支部大会时间), then after the
 * nearest one (支部大会时间, 集中培训开始时间). Empty for a leaf that is not short.
 */
export function deepLeafTexts(path: readonly string[]): string[] {
  const leaf = path[path.length - 1] ?? "";
  const forms = completions(leaf);
  if (forms.length === 0) return [];
  const headings = path.slice(0, -1);
  const out: string[] = [];
  for (const f of forms) if (!f.endsWith("时间")) out.push(f);
  if (headings.length > 1) for (const f of forms) out.push(headings.join("") + f);
  if (headings.length > 0) for (const f of forms) out.push(headings[headings.length - 1]! + f);
  return [...new Set(out)];
}
