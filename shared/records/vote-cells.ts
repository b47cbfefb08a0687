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

/** The grades' slots, in the order the words name them (优秀、合格、基本合格、不合格 → 0, 1, 2, 3). */
function slotOf(word: string): number | null {
  return WORDS.find(([w]) => w.test(word))?.[1] ?? null;
}

/**
 * The order of the grades a header names for a cell of bare counts (测评票（优秀、合格、基本合格、不合格）,
 * 票数：优/合/基/不): the words in its brackets, or after its colon, joined by 、 , / or spaces. Null unless each word
 * is a grade, at least two of them, each once.
 */
export function voteOrderOfHeader(header: string): number[] | null {
  const text = toHalfWidth(header).replace(/\s+/g, " ");
  const m = /[(（]([^()（）]+)[)）]\s*$/.exec(text) ?? /[:：]\s*(.+)$/.exec(text);
  if (!m) return null;
  const words = m[1]!.split(/\s*[,，、/;；]\s*|\s+/).filter((w) => w !== "");
  const slots = words.map(slotOf);
  if (slots.length < 2 || slots.some((x) => x === null) || new Set(slots).size !== slots.length) return null;
  return slots as number[];
}

/**
 * Bare counts joined in one cell (9、14、2、0) under a header that names their grades in order: each count
 * goes to its grade. As many counts as the header names grades, or the cell is not read.
 */
export function votesInOrder(raw: string, order: readonly number[]): number[] | null {
  const parts = toHalfWidth(raw).trim().split(/\s*[,，、/;；]\s*|\s+/);
  if (parts.length !== order.length || parts.some((p) => !/^\d{1,4}$/.test(p))) return null;
  const votes = [0, 0, 0, 0];
  order.forEach((slot, k) => (votes[slot] = Number(parts[k])));
  return votes;
}
