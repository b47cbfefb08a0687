import { unspacedHalfWidth } from "./text.js";

/**
 * A grade written as the sentence that gives it: 经支委会研究，评定为合格 / 经党员大会评议，确定为“优秀”等次 /
 * 评为基本合格。 The grade is what follows the verb of the verdict at the end of the sentence, and only
 * a grade the field knows: anything else is left as written (and is then not a grade, as before).
 */
const VERDICT = /(?:评定|确定|认定|评议|定|评|结果|等次)为?[:：]?["“”'‘’「『]?([^"“”'‘’「」『』，,。；;:：]{1,6}?)["“”'‘’」』]?(?:等次|等级|档次)?[。.！!]?$/;

/** The grade a verdict sentence names, when it is one of `values`; null otherwise (a bare grade is no sentence). */
export function verdictOf(text: string, values: readonly string[]): string | null {
  const t = unspacedHalfWidth(text);
  // A sentence: the grade follows words, so a cell that is a value already (or a short word) is not read here.
  if (t.length < 4 || values.includes(t)) return null;
  const m = VERDICT.exec(t);
  if (!m) return null;
  const grade = m[1]!;
  return values.includes(grade) ? grade : null;
}
