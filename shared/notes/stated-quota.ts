import { toHalfWidth } from "../normalise/text.js";

/**
 * The quota a sheet states for its top grade in a note (排名在前20%（本次11个支部，最多2个）的评为“好”; “好”等次不超过
 * 参加考核支部的20%): the share, and the number where the note works it out. Read only from a clause that names the grade
 * in quotes (“好”, so 较好 is not it) or a grade of two characters or more.
 */
export interface StatedQuota {
  share: number | null;
  count: number | null;
}

const SHARE = /(?:前|不超过|不得超过|不高于|控制在)[^，。；;]{0,16}?(\d{1,2}(?:\.\d+)?)\s*%/;
const COUNT = /(?:最多|至多|不超过|限)\s*(\d{1,3})\s*(?:个|人|名|家)/;

export function quotaInNote(raw: string, grade: string): StatedQuota | null {
  const text = toHalfWidth(raw);
  const quoted = new RegExp(`[“"「『']${grade}[”"」』']`);
  for (const clause of text.split(/[；;。]/)) {
    if (!(quoted.test(clause) || (grade.length >= 2 && clause.includes(grade)))) continue;
    const share = SHARE.exec(clause);
    const count = COUNT.exec(clause);
    if (!share && !count) continue;
    return { share: share ? Number(share[1]) / 100 : null, count: count ? Number(count[1]) : null };
  }
  return null;
}
