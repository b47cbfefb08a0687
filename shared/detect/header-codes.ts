import { toHalfWidth } from "../normalise/text.js";

/**
 * A system export writes its dictionary into the header: `人员类别（1-正式党员 2-预备党员）`,
 * `党员类型 1在职 2离退休 3学生`, `性别(1男 2女)`, and codes in the cells. The header minus its code
 * list names the field; the list turns each code back into the word the rules understand.
 */
export interface HeaderCodes {
  /** The header without its code list. */
  label: string;
  /** Code as written (half-width digits) → its word. */
  codes: Map<string, string>;
}

/** One entry: a code of one or two digits, an optional separator, a word with no digit in it. */
const ENTRY = /(\d{1,2})\s*[-—–~:=.、．]?\s*([^\d\s、,;；/|()]+)/g;
/** A code's word holds a Chinese character or a letter. */
const WORD = /^[\u3400-\u9fffA-Za-z]/;
/** What may stand between entries. */
const BETWEEN = /^[\s、,;；/|]*$/;
/** An unbracketed list after the header's words: `党员类型 1在职 2离退休`. */
const TRAILING = /^(.*?[^\d\s])\s*((?:\d{1,2}\s*[-—–~:=.、．]?\s*[^\d\s、,;；/|()]+[\s、,;；/|]*){2,})$/s;

const cache = new Map<string, HeaderCodes | null>();
const MAX_CACHED = 2048;

/** The code list a header carries, or null when it has none (`(元)`, `(格式yyyy-mm-dd)`, `(详见字典表)`). */
export function readHeaderCodes(header: string): HeaderCodes | null {
  const hit = cache.get(header);
  if (hit !== undefined) return hit;
  const half = toHalfWidth(header);
  const found = !/\d/.test(half) ? null : parse(half.replace(/（/g, "(").replace(/）/g, ")").replace(/：/g, ":"));
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(header, found);
  return found;
}

function parse(text: string): HeaderCodes | null {
  for (const m of text.matchAll(/\(([^()]*)\)/g)) {
    const codes = entries(m[1]!);
    if (codes) return { label: (text.slice(0, m.index) + text.slice(m.index! + m[0].length)).trim(), codes };
  }
  const t = TRAILING.exec(text.trim());
  if (t) {
    const codes = entries(t[2]!);
    // The words before the list must be a header's words, not a code's (a lone `2025年度` is not a label).
    if (codes && /[\u3400-\u9fff]{2}/.test(t[1]!)) return { label: t[1]!.trim(), codes };
  }
  return null;
}

/** The entries of a list, when the list is nothing but entries: two at least, each code once. */
function entries(list: string): Map<string, string> | null {
  const codes = new Map<string, string>();
  let last = 0;
  for (const m of list.matchAll(ENTRY)) {
    if (!BETWEEN.test(list.slice(last, m.index))) return null;
    const code = String(Number(m[1]));
    const word = m[2]!.replace(/[-—–~:=.、．]+$/, "");
    // A code names a word (在职, 优秀, 是): `1-3月` or `(2025-01-01)` are no dictionary.
    if (codes.has(code) || !WORD.test(word)) return null;
    codes.set(code, word);
    last = m.index! + m[0].length;
  }
  if (codes.size < 2 || !BETWEEN.test(list.slice(last))) return null;
  return codes;
}

/** The header's words without a code list it carries: what is matched against the fields. */
export function headerWithoutCodes(header: string): string {
  return readHeaderCodes(header)?.label ?? header;
}

/** A cell holding one of the header's codes (`1`, ` 2 `, `０1`, the number 1): its word, else null. */
export function decodeCell(codes: Map<string, string>, raw: unknown): string | null {
  if (typeof raw === "number") return Number.isInteger(raw) ? (codes.get(String(raw)) ?? null) : null;
  if (typeof raw !== "string") return null;
  const t = toHalfWidth(raw).trim();
  if (!/^\d{1,2}$/.test(t)) return null;
  return codes.get(String(Number(t))) ?? null;
}
