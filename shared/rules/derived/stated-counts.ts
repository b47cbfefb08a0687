import { chineseCount } from "../../normalise/chinese-count.js";
import { toHalfWidth } from "../../normalise/text.js";
import type { LedgerRecord } from "../../records/build.js";
import type { RuleContext } from "../context.js";

/**
 * A 小计 or 合计 row that counts its people in words (小计：7人; 小计：优秀1人，合格5人，其他1人;
 * 总计：21人) says how many rows its group holds, and how many of them hold each value it names:
 * a count of no value is the group's size, a value is one the rows' text columns hold (优秀 in
 * 评定等次, 男 in 性别), and 其他 is the rest. A count whose value no column holds is not judged.
 * The word may follow the group's name (第一党小组小计：8人, 第二支部合计：9人), as rows classify it.
 *
 * Hidden rows: a row the clerk hid (a member who left, kept out of sight) is still checked cell by
 * cell, but a stated count may leave it out, as Excel's SUBTOTAL does; a count that agrees with the
 * visible rows, or with all rows, agrees. One that agrees with neither is told against the visible
 * rows, the ones the clerk sees and counted.
 */
const LEAD = /^\s*(?:[^\d:：,，]{0,20}?(?:党小组|小组|组|党支部|支部|科室|部门|车间|班组|班|站|所|队|党员|人员)\s*[（(]?\s*)?(?:小\s*计|本页小计|合\s*计|总\s*计|共\s*计)\s*[)）]?\s*[:：]?\s*/;
const PIECE = /^(.*?)\s*[:：]?\s*(\d+|[一二两三四五六七八九十]{1,3})\s*[人名]$/;
export const TOTAL_WORDS = new Set(["", "共", "计", "共计", "合计", "人数", "党员", "党员人数"]);
const REST_WORDS = new Set(["其他", "其它", "其余"]);

interface Piece {
  label: string;
  count: number;
}

function piecesOf(text: string): Piece[] | null {
  const t = toHalfWidth(text);
  const lead = LEAD.exec(t);
  if (!lead) return null;
  const out: Piece[] = [];
  for (const part of t.slice(lead[0].length).split(/[,，、;；\s]+/)) {
    if (part === "") continue;
    const m = PIECE.exec(part);
    if (!m) return null;
    const count = chineseCount(m[2]!);
    if (count === null) return null;
    out.push({ label: m[1]!.trim(), count });
  }
  return out.length > 0 ? out : null;
}

/** How many of the rows hold `label` in one of their text fields; null when no field holds it. */
export function countOf(ctx: RuleContext, rows: LedgerRecord[], label: string): number | null {
  let best: number | null = null;
  ctx.template.fields.forEach((field, f) => {
    if (field.type !== "string" || ctx.field(field.name) < 0) return;
    const n = rows.filter((r) => r.values[f] === label).length;
    const known = n > 0 || (field.content?.values?.includes(label) ?? false);
    if (known && (best === null || n > best)) best = n;
  });
  return best;
}

/** What each piece counts in these rows: the rows, the rows holding its value, or the rest; null when not judged. */
function countPieces(ctx: RuleContext, pieces: Piece[], rows: LedgerRecord[]): (number | null)[] {
  const counted = pieces.map((p) => (TOTAL_WORDS.has(p.label) ? rows.length : REST_WORDS.has(p.label) ? null : countOf(ctx, rows, p.label)));
  const named = pieces.reduce((sum, p, i) => (REST_WORDS.has(p.label) || TOTAL_WORDS.has(p.label) ? sum : sum + (counted[i] ?? 0)), 0);
  const allNamed = pieces.every((p, i) => REST_WORDS.has(p.label) || counted[i] !== null);
  return pieces.map((p, i) => (REST_WORDS.has(p.label) ? (allNamed ? rows.length - named : null) : counted[i]!));
}

export function checkStatedCounts(ctx: RuleContext): void {
  const { set, view } = ctx;
  for (const d of set.derived) {
    const all = set.records.slice(d.first, Math.max(d.first, d.last + 1));
    const visible = all.filter((r) => !view.rowHidden(r.row));
    for (let col = view.firstCol; col < view.colCount; col++) {
      const raw = view.value(d.row, col);
      if (typeof raw !== "string" || !/[人名]/.test(raw)) continue;
      const pieces = piecesOf(raw);
      if (!pieces) continue;
      const inVisible = countPieces(ctx, pieces, visible);
      const inAll = visible.length === all.length ? inVisible : countPieces(ctx, pieces, all);
      const rows = visible;
      pieces.forEach((p, i) => {
        const actual = inVisible[i]!;
        if (actual === null || actual === p.count || inAll[i] === p.count) return;
        const label = d.kind === "total" ? "合计" : "小计";
        const what = TOTAL_WORDS.has(p.label) ? (ctx.lang === "zh" ? "人数" : "people") : p.label;
        // The host could not tell hidden rows from shown ones: the count may leave out rows hidden from it, so it is not called wrong.
        const code = view.grid.hiddenRowsUnknown ? "derived.countMismatchHiddenUnknown" : "derived.countMismatch";
        ctx.atColumnIndex(d.row, col, "name", code, view.grid.hiddenRowsUnknown ? "warning" : "error", { label, text: raw.trim(), what, value: p.count, expected: actual, rows: rows.length }, String(actual));
      });
      break;
    }
  }
}

/** A section heading that counts its people: 一、营业班党支部（9人）, 第二党小组（共8人）, 离退休党员 共12名. */
const SECTION_COUNT = /[（(]\s*(?:共|计|共计)?\s*(\d+|[一二两三四五六七八九十]{1,3})\s*[人名]\s*[）)]|共\s*(\d+|[一二两三四五六七八九十]{1,3})\s*[人名]/;

/** Each such heading against the rows under it, said at the heading. */
export function checkSectionCounts(ctx: RuleContext): void {
  const { set } = ctx;
  for (const section of set.sections) {
    const m = SECTION_COUNT.exec(toHalfWidth(section.label));
    if (!m) continue;
    const count = chineseCount(m[1] ?? m[2]!);
    if (count === null) continue;
    const rows = set.records.filter((r) => r.section === section).length;
    // A heading over no rows (a 小节 closed at once, or a template's sample) says nothing to judge.
    if (rows === 0 || rows === count) continue;
    ctx.atColumnIndex(section.row, section.col, "name", "derived.sectionCountMismatch", "error", { text: section.label.trim(), value: count, expected: rows }, String(rows));
  }
}
