import { cellText } from "../../normalise/value.js";
import { fenToYuanText, yuanToFen } from "../../scoring/money.js";
import type { DuesBaseItems } from "../../ruleset/dues-base-items.js";
import type { LedgerRecord } from "../../records/build.js";
import type { Rule, RuleContext } from "../context.js";

/**
 * A dues sheet that shows the pay items its base is made of (岗位工资、薪级工资、基础性绩效工资、津贴补贴 −
 * 个人所得税 − 五险一金 → 计缴基数; 月养老金 → 计缴基数): the base is what the items give (domain-rules §1.3).
 * The sheet's own 口径 decides: its rows are held to the items only where most of them agree with them. A row
 * that does not is told why where the figures say so — an item the base leaves out was added (加班补贴,
 * 奖励性绩效工资, or a 护理费 its note names), or an item to take off was not — else that the figures differ.
 */
type ItemRole = "included" | "excluded" | "deducted";

interface ItemColumn {
  col: number;
  role: ItemRole;
  /** The item's own header (岗位工资), for messages. */
  label: string;
}

function headerPath(ctx: RuleContext, col: number): string[] {
  const parts: string[] = [];
  for (let r = ctx.headerTop; r <= ctx.headerRow; r++) {
    const t = cellText(ctx.view.merged(r, col)).replace(/\s+/g, "");
    if (t !== "" && parts[parts.length - 1] !== t) parts.push(t);
  }
  return parts;
}

/** What an item's header says it is: left out (checked first: 奖励性绩效工资 holds 绩效工资), taken off, added, or none of these. */
export function itemRole(words: DuesBaseItems, leaf: string, groups: readonly string[] = []): ItemRole | null {
  if (words.excluded.some((w) => leaf.includes(w))) return "excluded";
  if (words.deducted.some((w) => leaf.includes(w)) || groups.some((g) => words.deductionGroups.some((w) => g.includes(w)))) return "deducted";
  if (words.included.some((w) => leaf.includes(w))) return "included";
  return null;
}

function itemColumns(ctx: RuleContext, baseCol: number): ItemColumn[] {
  const words = ctx.ruleSet.duesBaseItems;
  const bound = new Set(ctx.set.colOf.filter((c) => c >= 0));
  const out: ItemColumn[] = [];
  for (let col = ctx.view.firstCol; col < baseCol; col++) {
    const path = headerPath(ctx, col);
    const leaf = path[path.length - 1];
    if (leaf === undefined) continue;
    // A column the template names (姓名, 人员类别) is not a pay item, unless its header is one (退休费 read as the base elsewhere).
    const role = itemRole(words, leaf, path.slice(0, -1));
    if (role === null || (bound.has(col) && role !== "included")) continue;
    out.push({ col, role, label: leaf });
  }
  return out;
}

/** A money cell in fen: an empty one is 0, a dash or a word makes the row unreadable (null). */
function fenAt(ctx: RuleContext, row: number, col: number): number | null {
  const v = ctx.view.value(row, col);
  if (v === null || (typeof v === "string" && v.trim() === "")) return 0;
  if (typeof v !== "number" && typeof v !== "string") return null;
  return yuanToFen(typeof v === "string" ? v.replace(/[,，\s]/g, "") : v);
}

interface RowItems {
  rec: LedgerRecord;
  base: number;
  /** Σ included − Σ deducted. */
  expected: number;
  amounts: Map<number, number>;
}

function readRow(ctx: RuleContext, rec: LedgerRecord, items: ItemColumn[]): RowItems | null {
  const base = ctx.num(rec, "base");
  if (base === null || base <= 0) return null;
  let expected = 0;
  let added = 0;
  const amounts = new Map<number, number>();
  for (const item of items) {
    const fen = fenAt(ctx, rec.row, item.col);
    if (fen === null) return null;
    amounts.set(item.col, fen);
    if (item.role === "included") {
      expected += fen;
      if (fen > 0) added++;
    } else if (item.role === "deducted") expected -= fen;
  }
  return added > 0 ? { rec, base, expected, amounts } : null;
}

/** A note that says how the base was set (以养老金的30%为计缴基数, 基数按…核定): the row's base is the note's, not the items'. */
const NOTE_SETS_BASE = /基数/;
/** An amount a note names: 含护理费420元. */
const NOTE_AMOUNT = /(\d+(?:\.\d{1,2})?)\s*元/g;

function near(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol;
}

function diagnose(ctx: RuleContext, row: RowItems, items: ItemColumn[], tol: number): void {
  const { rec, base, expected } = row;
  const diff = base - expected;
  const args = { value: fenToYuanText(base), expected: fenToYuanText(expected), header: ctx.headerOf("base") || ctx.title("base") };
  const want = fenToYuanText(expected);
  const excluded = items.filter((i) => i.role === "excluded" && (row.amounts.get(i.col) ?? 0) > 0);
  const excludedSum = excluded.reduce((a, i) => a + row.amounts.get(i.col)!, 0);
  const single = excluded.find((i) => near(row.amounts.get(i.col)!, diff, tol));
  const added = single ? [single] : excluded.length > 1 && near(excludedSum, diff, tol) ? excluded : [];
  if (added.length > 0) {
    const what = added.map((i) => `${i.label} ${fenToYuanText(row.amounts.get(i.col)!)} 元`).join("、");
    ctx.atCell(rec, "base", "dues.baseHasExcluded", "error", { ...args, items: what }, want);
    return;
  }
  // An item the note names (含护理费420元) and the base exceeds the items by.
  const note = ctx.str(rec, "note") ?? "";
  const words = ctx.ruleSet.duesBaseItems;
  const noted = words.excluded.find((w) => note.includes(w));
  if (noted && diff > 0 && [...note.matchAll(NOTE_AMOUNT)].some((m) => near(yuanToFen(m[1]!) ?? -1, diff, tol))) {
    // Read from a sentence, not from a column: worth a look rather than sure (a 离休干部护理费 is LOCAL to judge).
    ctx.atCell(rec, "base", "dues.baseHasExcluded", "warning", { ...args, items: `${noted} ${fenToYuanText(diff)} 元（备注）` }, want);
    return;
  }
  const notTaken = items.find((i) => i.role === "deducted" && (row.amounts.get(i.col) ?? 0) > 0 && near(row.amounts.get(i.col)!, diff, tol));
  if (notTaken) {
    ctx.atCell(rec, "base", "dues.baseNotDeducted", "error", { ...args, items: `${notTaken.label} ${fenToYuanText(row.amounts.get(notTaken.col)!)} 元` }, want);
    return;
  }
  ctx.atCell(rec, "base", "dues.baseItemsMismatch", "error", args, want);
}

export const duesBaseItemsRule: Rule = {
  needs: ["base"],
  run(ctx) {
    const baseCol = ctx.set.colOf[ctx.field("base")]!;
    const items = itemColumns(ctx, baseCol);
    if (!items.some((i) => i.role === "included")) return;
    const rules = ctx.ruleSet.duesBaseItems;
    const tol = ctx.ruleSet.dues.toleranceFen;
    const rows: RowItems[] = [];
    for (const rec of ctx.records) {
      if (NOTE_SETS_BASE.test(ctx.str(rec, "note") ?? "")) continue;
      const row = readRow(ctx, rec, items);
      if (row) rows.push(row);
    }
    if (rows.length < rules.minRows) return;
    const agree = rows.filter((r) => near(r.base, r.expected, tol)).length;
    if (agree < rules.agreeShare * rows.length) return;
    for (const row of rows) if (!near(row.base, row.expected, tol)) diagnose(ctx, row, items, tol);
  },
};
