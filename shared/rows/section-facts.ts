import { toHalfWidth } from "../normalise/text.js";

/**
 * What a group heading says about the rows under it, kept as data: a 离退休党员 section
 * makes its members retirees (their dues bracket), a 第二党小组 section names the group of
 * its meetings, a 预备党员 section gives its members' status. A value applies to a row
 * only where the row's own cell is empty (or the sheet has no such column).
 */
export interface SectionFact {
  /** The template field the heading fills. */
  field: string;
  value: string;
}

const SECTION_FACTS: { pattern: RegExp; field: string; value: string | ((m: RegExpExecArray) => string) }[] = [
  { pattern: /离退休|退休|离休/, field: "category", value: "离退休" },
  { pattern: /在职|在岗/, field: "category", value: "在职" },
  { pattern: /学生/, field: "category", value: "学生" },
  { pattern: /农民/, field: "category", value: "农民" },
  { pattern: /下岗|失业/, field: "category", value: "下岗失业" },
  { pattern: /预备党员/, field: "status", value: "预备党员" },
  { pattern: /正式党员/, field: "status", value: "正式党员" },
  { pattern: /(第\s*[一二三四五六七八九十百\d]+\s*(?:党小组|小组|组)|[\u4e00-\u9fa5\d]{1,12}党小组)/, field: "group", value: (m) => m[1]!.replace(/\s+/g, "") },
];

/** The facts a section label states (at most one per field). */
export function sectionFacts(label: string): SectionFact[] {
  const text = toHalfWidth(label);
  const out: SectionFact[] = [];
  for (const { pattern, field, value } of SECTION_FACTS) {
    if (out.some((f) => f.field === field)) continue;
    const m = pattern.exec(text);
    if (m) out.push({ field, value: typeof value === "string" ? value : value(m) });
  }
  return out;
}
