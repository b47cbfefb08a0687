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

/** The ballots a vote cell may state before its votes: handed out, returned, valid (有效票 ≤ 收回 ≤ 发出). */
export const BALLOT_FIELDS = ["ballotsIssued", "ballotsReturned", "voters"] as const;

const BALLOT_CLAUSES: RegExp[] = [
  /^(?:发出|发放|共发出|共发放)(?:测评票|选票|票)?\s*(\d{1,4})\s*张$/,
  /^(?:收回|回收)(?:测评票|选票|票)?\s*(\d{1,4})\s*张$/,
  /^(?:其中)?有效(?:测评票|选票|票)?\s*(\d{1,4})\s*张$/,
];

/**
 * 发出测评票35张，收回34张，有效34张；优秀25票，称职8票，基本称职1票: the ballots (each at most once, in any of
 * those clauses) and then the votes, read as `votesInText` reads them. Null when the votes are not read.
 */
export function ballotsAndVotesInText(raw: string): { ballots: (number | null)[]; votes: number[] } | null {
  const clauses = toHalfWidth(raw).trim().split(/\s*[,，;；、]\s*/);
  const ballots: (number | null)[] = [null, null, null];
  let i = 0;
  for (; i < clauses.length; i++) {
    const k = BALLOT_CLAUSES.findIndex((re) => re.test(clauses[i]!));
    if (k < 0) break;
    if (ballots[k] !== null) return null;
    ballots[k] = Number(BALLOT_CLAUSES[k]!.exec(clauses[i]!)![1]);
  }
  const votes = votesInText(clauses.slice(i).join("，"));
  return votes ? { ballots, votes } : null;
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
