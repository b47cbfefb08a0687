import { toHalfWidth } from "../normalise/text.js";
import { chineseCount } from "../normalise/chinese-count.js";

/**
 * The votes of one person written in one cell, as clerks note a 测评 or 互评 result:
 * 优16 合4 基0 不0, 优秀10票、合格7票、基本合格1票、不合格0票, 称职20票，基本称职2票. Each grade's word
 * (or its first character) with its count; the whole cell must be such pairs, each grade at most once,
 * at least two of them, or it is not read (an unread cell fills nothing and is checked as before).
 */
export const VOTE_FIELDS = ["votesExcellent", "votesCompetent", "votesBasic", "votesIncompetent"] as const;

const WORDS: [RegExp, number][] = [
  [/^(?:基本称职|基本合格|基本满意|基)$/, 2],
  [/^(?:不称职|不合格|不满意|不)$/, 3],
  [/^(?:优秀|优)$/, 0],
  [/^(?:称职|合格|满意|合|称)$/, 1],
];
const PAIR = /(基本称职|基本合格|不称职|不合格|优秀|称职|合格|优|合|基|不|称)\s*[:：]?\s*(\d{1,4}|[一二两三四五六七八九十]{1,3})\s*(?:票|人|名)?/y;
const JOINER = /\s*[,，、;；/]?\s*/y;

export function votesInText(raw: string): number[] | null {
  const text = toHalfWidth(raw).trim();
  if (text.length < 3 || text.length > 60) return null;
  const votes: (number | null)[] = [null, null, null, null];
  let at = 0;
  let pairs = 0;
  while (at < text.length) {
    PAIR.lastIndex = at;
    const m = PAIR.exec(text);
    if (!m) return null;
    const slot = WORDS.find(([w]) => w.test(m[1]!))![1];
    const n = chineseCount(m[2]!);
    if (n === null || votes[slot] !== null) return null;
    votes[slot] = n;
    pairs++;
    at = PAIR.lastIndex;
    JOINER.lastIndex = at;
    JOINER.exec(text);
    at = JOINER.lastIndex;
  }
  return pairs >= 2 ? votes.map((v) => v ?? 0) : null;
}
