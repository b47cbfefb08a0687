import { chineseCount } from "./chinese-count.js";
import { toHalfWidth } from "./text.js";

/**
 * A meeting's attendance written as a sentence in one cell (参会情况, 出席情况), as minutes lists keep
 * it: 应到22人，实到20人，缺席2人（张三因病、李四外出务工）; 请假 instead of 缺席; 应到会5人，实到会5人;
 * numbers in words (应到二十二人). Read only when both 应到 and 实到 are said; anything else is not
 * understood (null), and its counts stay unchecked.
 */
export interface AttendanceSentence {
  expected: number;
  present: number;
  /** Those not present as the sentence counts them (缺席 / 请假 / 未到), when it does. */
  absent: number | null;
  /** 缺席 / 未到 count everyone not there; 请假 only those excused. */
  absentWord: "缺席" | "请假" | null;
  /**
   * The people the brackets after the absent count account for (names, or groups counted 外出务工10人), when
   * every part of the brackets is one of those; null when a part gives only a reason (外出) or there are none.
   */
  accounted: number | null;
}

const NUM = "(\\d{1,4}|[一二两三四五六七八九十]{1,3})";
const WHO = "(?:有表决权的?)?(?:人数|党员|委员)?";
const EXPECTED = new RegExp(`应(?:到会?|出席|参会|参加)${WHO}\\s*[:：]?\\s*${NUM}\\s*(?:人|名)?`);
const PRESENT = new RegExp(`(?:实到会?|实际(?:到会|出席|参会|参加)|实出席|实参会|出席|到会)${WHO}\\s*[:：]?\\s*${NUM}\\s*(?:人|名)?`);
const YES = new RegExp(`(?:赞成|同意)(?:票数|票)?\\s*[:：]?\\s*${NUM}\\s*(?:票|人|名)?`);
const ABSENT = new RegExp(`(缺席|请假|未到|缺会)(?:人数)?\\s*[:：]?\\s*${NUM}\\s*(?:人|名)?\\s*(?:[（(]([^）)]*)[）)])?`);

/** Why someone was away, as clerks add it after the name (张三因病, 李四外出务工). */
const REASON = /(?:因病|生病|病假|事假|因事|出差|公差|外出务工|外出|务工|住院|请假|学习|培训|探亲|值班|在外|产假|年老体弱|行动不便)$/;
const COUNTED = /(\d{1,4}|[一二两三四五六七八九十]{1,3})\s*(?:人|名)$/;
const NAME = /^[\u4e00-\u9fa5]{2,4}$/;
const NOT_A_NAME = /^(?:外出|因|在|请|病|事|其他|其余|部分|全体|党员|委员|同志)/;

export function readAttendanceSentence(text: string): AttendanceSentence | null {
  const t = toHalfWidth(text).replace(/\s+/g, "");
  const e = EXPECTED.exec(t);
  // 实到 after 应到: "出席" inside 应出席 is not the present count.
  const rest = e ? t.slice(0, e.index) + "|" + t.slice(e.index + e[0].length) : t;
  const p = PRESENT.exec(rest);
  if (!e || !p) return null;
  const expected = chineseCount(e[1]!);
  const present = chineseCount(p[1]!);
  if (expected === null || present === null) return null;
  const a = ABSENT.exec(rest);
  const absent = a ? chineseCount(a[2]!) : null;
  const absentWord = a ? (a[1] === "请假" ? "请假" : "缺席") : null;
  return { expected, present, absent, absentWord, accounted: a?.[3] !== undefined ? accountedIn(a[3]) : null };
}

/**
 * A branch meeting's vote in one cell (表决情况: 应到会有表决权党员25人，实到21人，赞成12票): those expected, those
 * present and the yes votes; null unless all three are said.
 */
export function readVoteSentence(text: string): { expected: number; present: number; yes: number } | null {
  const a = readAttendanceSentence(text);
  const y = a ? YES.exec(toHalfWidth(text).replace(/\s+/g, "")) : null;
  const yes = y ? chineseCount(y[1]!) : null;
  return a && yes !== null ? { expected: a.expected, present: a.present, yes } : null;
}

/**
 * Those present as a list of names (牛玉兰、雷振华、马晓琳; 牛玉兰（组织委员、宣传委员外出培训）): how many. Null
 * where a part is no name (全体党员, 党员代表) — a list not understood is not counted.
 */
export function countNamesListed(text: string): number | null {
  const t = toHalfWidth(text).replace(/[（(][^（()）]*[)）]/g, "").trim();
  if (t === "") return null;
  const parts = t.split(/[、,，;；\s]+/).filter((s) => s !== "");
  return parts.every((p) => NAME.test(p) && !NOT_A_NAME.test(p)) ? parts.length : null;
}

/** 张三因病、李四 → 2; 外出务工10人、因病2人 → 12; 外出 (a reason, no one named) → null. */
function accountedIn(inside: string): number | null {
  const parts = inside.split(/[、,，;；]/).map((s) => s.trim()).filter((s) => s !== "");
  if (parts.length === 0) return null;
  let n = 0;
  for (const part of parts) {
    const counted = COUNTED.exec(part);
    if (counted) {
      const c = chineseCount(counted[1]!);
      if (c === null) return null;
      n += c;
      continue;
    }
    let name = part;
    while (REASON.test(name)) name = name.replace(REASON, "");
    // 外出学习 is two reasons, no one named.
    if (!NAME.test(name) || NOT_A_NAME.test(name)) return null;
    n++;
  }
  return n;
}
