import { toHalfWidth } from "../normalise/text.js";

/**
 * The points a sheet gives each grade's votes in its own formula (测评得分＝（好×100＋较好×80＋一般×60＋差×40）÷收回票数;
 * 优秀票×100＋称职票×80…): the sheet's conversion, which decides over the rule set's (domain rules §4.3: 100/80/60/0 by
 * default, 100/80/60/40 and others in use). `words` names each vote field by the grade its header says; the weights are
 * read only when the text gives every one of them.
 */
const TIMES = String.raw`\s*(?:票数|票|人数)?\s*[×xX*·]\s*(\d{1,3}(?:\.\d+)?)`;
const NOT_AFTER_WORD = String.raw`(?<![\u4e00-\u9fa5])`;

export function voteWeightsInText(text: string, words: Readonly<Record<string, string>>): Record<string, number> | null {
  const t = toHalfWidth(text).replace(/\s+/g, "");
  if (!/[×xX*·]/.test(t)) return null;
  const out: Record<string, number> = {};
  for (const [key, word] of Object.entries(words)) {
    if (word === "") return null;
    const m = new RegExp(NOT_AFTER_WORD + escapeText(word) + TIMES).exec(t);
    if (!m) return null;
    out[key] = Number(m[1]);
  }
  return Object.keys(out).length >= 2 ? out : null;
}

/** The grade a vote column's header names: 好 for 好, 优秀 for 优秀票数. */
export function gradeWordOfHeader(header: string): string {
  return toHalfWidth(header).replace(/\s+/g, "").replace(/(?:票数|票|人数|\(票\)|\(张\))$/, "");
}

function escapeText(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
