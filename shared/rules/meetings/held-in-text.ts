import type { MeetingRequirement, MeetingRules } from "../../scoring/meetings.js";
import { toHalfWidth } from "../../normalise/text.js";

/**
 * The meetings a row's text says were held, where the type is written only in words: 召开3月份支委会，研究…;
 * 书记…讲党课《…》; 开展5月主题党日活动：…; 召开2025年度组织生活会，开展民主评议党员; 组织生活会暨民主评议党员大会
 * (one meeting that is three). A clause says a meeting was held when it begins with the type's name or a
 * verb of holding comes before the name (召开, 开展, 举行, 讲, 上); a clause that plans or discusses one
 * (研究召开组织生活会事宜, 部署主题党日安排) holds none. In the order written.
 */
const CLAUSE = /[，。；;,:：\n（(《]/;
const HOLDING = /召开|开展|举行|举办|组织|进行|参加/;
/** A name that is itself the holding: 讲党课, 上党课. */
const SAID_HELD = /^(?:讲|上)/;
const PLANNING = /研究|讨论|部署|安排|筹备|计划|准备|通知|拟|商议|酝酿|审议|方案|要求|督促|布置|下周|下月|近期|即将|迎接|关于/;
/** Numbering and a date before the clause's words: 1、 / 3月12日 / 2025年度. */
const LEAD = /^(?:\d+[.、．]|[一二三四五六七八九十]+、)?/;

const namesCache = new WeakMap<readonly MeetingRequirement[], { name: string; req: MeetingRequirement }[]>();

function namesOf(rules: MeetingRules): { name: string; req: MeetingRequirement }[] {
  let names = namesCache.get(rules.requirements);
  if (!names) {
    names = rules.requirements.flatMap((req) => [req.type, ...req.synonyms].map((name) => ({ name, req })));
    namesCache.set(rules.requirements, names);
  }
  return names;
}

export function meetingsHeldIn(text: string | null, rules: MeetingRules): MeetingRequirement[] {
  if (text === null || text.trim() === "") return [];
  const out: MeetingRequirement[] = [];
  for (const raw of toHalfWidth(text).split(CLAUSE)) {
    const clause = raw.replace(/\s+/g, "").replace(LEAD, "");
    if (clause === "") continue;
    for (const { at, name, req } of namedIn(clause, rules)) {
      const before = clause.slice(0, at);
      if (PLANNING.test(before)) break;
      if (at === 0 || HOLDING.test(before) || SAID_HELD.test(name)) {
        if (!out.includes(req)) out.push(req);
      }
    }
  }
  return out;
}

/** Every type named in the clause by position; a name inside a longer one (党员大会 in 支部党员大会) is the longer one. */
function namedIn(clause: string, rules: MeetingRules): { at: number; name: string; req: MeetingRequirement }[] {
  const hits: { at: number; end: number; name: string; req: MeetingRequirement }[] = [];
  for (const { name, req } of namesOf(rules)) {
    for (let at = clause.indexOf(name); at >= 0; at = clause.indexOf(name, at + 1)) hits.push({ at, end: at + name.length, name, req });
  }
  const kept = hits.filter((h) => !hits.some((o) => o !== h && o.at <= h.at && o.end >= h.end && o.end - o.at > h.end - h.at));
  return kept.sort((a, b) => a.at - b.at);
}
