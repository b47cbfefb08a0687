const DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** "6", "六", "十二", "两" → a number. */
export function chineseCount(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === "十") return 10;
  if (/^十[一二三四五六七八九]$/.test(text)) return 10 + DIGITS[text[1]!]!;
  if (/^[一二两三四五六七八九]十$/.test(text)) return DIGITS[text[0]!]! * 10;
  if (/^[一二两三四五六七八九]十[一二三四五六七八九]$/.test(text)) return DIGITS[text[0]!]! * 10 + DIGITS[text[2]!]!;
  return DIGITS[text] ?? null;
}

/**
 * A count written with its unit and a word or two, as clerks type it into a number column:
 * 延长6个月, 六个月, 共12人, 3次, 24学时, 22张 (ballots) → the count; anything else → null.
 */
const COUNT_WITH_UNIT = /^(?:延长|共|计|约|合计)?\s*(\d+|[一二两三四五六七八九十]{1,3})\s*(?:个月|月|人|名|次|天|日|学时|课时|小时|年|岁|票|张|项)$/;

export function countWithUnit(text: string): number | null {
  const m = COUNT_WITH_UNIT.exec(text.trim());
  return m ? chineseCount(m[1]!) : null;
}

/**
 * A count with what it includes in brackets, as a meeting's 人数 is written: 9（其中预备1）, 20人（含列席2人）
 * → the count before the brackets (the whole number present; the brackets break it down).
 */
const COUNT_WITH_BREAKDOWN = /^(\d{1,5}|[一二两三四五六七八九十]{1,3})\s*(?:人|名)?\s*[（(]\s*(?:其中|含|内含|包括)[^（()）]{1,20}[)）]$/;

export function countWithBreakdown(text: string): number | null {
  const m = COUNT_WITH_BREAKDOWN.exec(text.trim());
  return m ? chineseCount(m[1]!) : null;
}

/**
 * A place written with its words, as a rank column holds it: 第3名, 第三名, 并列3, 并列第3名,
 * 3（并列）, 第3名（并列） → 3. A tie keeps its place (two 并列3 are both third).
 */
const PLACE = /^(?:并列)?\s*第?\s*(\d+|[一二两三四五六七八九十]{1,3})\s*名?\s*(?:[（(]\s*并列\s*[)）]|并列)?$/;

export function placeWithWords(text: string): number | null {
  const t = text.trim();
  // Only words of a place: a bare number is read before this.
  if (!/并列|第|名/.test(t)) return null;
  const m = PLACE.exec(t);
  return m ? chineseCount(m[1]!) : null;
}

/**
 * The yes votes of a vote written in one cell: 赞成10 反对4 弃权2, 赞成12票、反对1票, 同意15人 → the first
 * number after 赞成 (or 同意). Null where the cell names no yes votes.
 */
const YES_VOTES = /(?:赞成|同意)\s*(?:票数|票)?\s*[:：]?\s*(\d{1,4})\s*(?:票|人|名)?/;
const OTHER_VOTES = /^(?:\s*(?:赞成|同意|反对|不同意|弃权)\s*(?:票数|票)?\s*[:：]?\s*\d{1,4}\s*(?:票|人|名)?\s*[,，、;；]?)+$/;

export function yesVotes(text: string): number | null {
  const t = text.trim();
  if (!OTHER_VOTES.test(t)) return null;
  const m = YES_VOTES.exec(t);
  return m ? Number(m[1]) : null;
}

/**
 * A score or a count written in Chinese numerals with its unit, as a number column may hold it:
 * 八十七分, 一百分, 十九票, 二十五人 → the number; anything else → null.
 */
const WORDS_WITH_UNIT = /^([一二两三四五六七八九十]{1,3}|一百|百)\s*(?:分|票|张|人|名)$/;

export function wordsWithUnit(text: string): number | null {
  const m = WORDS_WITH_UNIT.exec(text.trim());
  if (!m) return null;
  return m[1] === "一百" || m[1] === "百" ? 100 : chineseCount(m[1]!);
}
