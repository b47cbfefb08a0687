/**
 * A committee written in one cell, as a terms register of many branches keeps it
 * (支部委员会组成 | 书记：张三；组织委员：李四、王五 — or 张三（书记）、李四（组织委员）): who holds
 * which post, read as a list of posts with their names. Null where the cell is no such list.
 */
export type MakeupPost = "secretary" | "deputy" | "member";

export interface CommitteeMakeup {
  /** Every person named, once each, with the post the cell gives. */
  people: { name: string; post: MakeupPost }[];
}

/** A post's label ends so: 书记, 副书记, 组织委员, 委员 … */
const POST_LABEL = /^(.{0,8}?(?:副书记|书记|委员))\s*[:：]?\s*(.*)$/;
/** 张三（书记） or 张三(组织委员): the name first, the post in brackets. */
const NAME_POST = /^([\u4e00-\u9fa5·]{2,6})\s*[(（]([^()（）]{0,10}(?:副书记|书记|委员))[)）]$/;
const NAME = /^[\u4e00-\u9fa5·]{2,6}$/;

export function postOfLabel(label: string): MakeupPost {
  if (/副书记/.test(label)) return "deputy";
  if (/书记/.test(label) && !/委员/.test(label)) return "secretary";
  return "member";
}

export function readCommitteeMakeup(text: string): CommitteeMakeup | null {
  const people: CommitteeMakeup["people"] = [];
  const seen = new Set<string>();
  const add = (name: string, post: MakeupPost): void => {
    if (seen.has(name)) return;
    seen.add(name);
    people.push({ name, post });
  };
  for (const segment of text.split(/[；;\n\r]+/).map((s) => s.trim()).filter((s) => s !== "")) {
    const labelled = POST_LABEL.exec(segment);
    if (labelled && labelled[2]!.trim() !== "" && !NAME_POST.test(segment.split(/[、，,]/)[0]!.trim())) {
      const names = labelled[2]!.split(/[、，,\s/]+/).filter((n) => n !== "");
      // Every part after the label is a name, or this is no list of posts (a sentence).
      if (names.length === 0 || !names.every((n) => NAME.test(n))) return null;
      for (const n of names) add(n, postOfLabel(labelled[1]!));
      continue;
    }
    for (const part of segment.split(/[、，,]+/).map((s) => s.trim()).filter((s) => s !== "")) {
      const m = NAME_POST.exec(part);
      if (!m) return null;
      add(m[1]!, postOfLabel(m[2]!));
    }
  }
  return people.some((p) => p.post === "secretary") || people.length > 1 ? { people } : null;
}
