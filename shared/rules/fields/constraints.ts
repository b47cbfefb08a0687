import { toIso } from "../../calendar/days.js";
import { fenToYuanText } from "../../scoring/money.js";
import type { NormValue } from "../../normalise/value.js";
import { rowSaysNotHeld as valuesSayNotHeld, saysNotHeld } from "../../normalise/markers.js";
import type { FieldParsed } from "../../template/schema.js";
import { wholeTextPattern } from "../../template/safe-pattern.js";
import type { RuleContext } from "../context.js";

/**
 * The Table Schema constraints every template field may carry (required, unique,
 * minimum, maximum, length, pattern, enum) plus the sheet's own drop-down lists, and
 * the problems found while reading the cells. Runs for every recognised sheet.
 */
export function checkFieldConstraints(ctx: RuleContext): void {
  const { set } = ctx;
  for (const p of set.problems) {
    const field = set.fields[p.fieldIndex]!;
    // 未召开 written where the day would be: the meeting was not held, the cell is no bad date.
    if (p.code === "value.notDate" && saysNotHeld(String(p.args?.value ?? ""))) continue;
    ctx.atColumnIndex(p.row, p.col, field.name, p.code, p.severity, { ...p.args });
  }
  // Dates read in the title's year: said once per column, so the reading is never silent.
  for (const y of set.yearSupplied) {
    ctx.atColumn(set.fields[y.fieldIndex]!.name, "value.yearFromTitle", "info", { count: y.count, example: y.example, period: y.period });
  }
  // Sentences not understood (参会情况): their counts are unchecked, and the clerk is told so.
  for (const u of set.sentenceUnread ?? []) {
    ctx.atColumn(set.fields[u.fieldIndex]!.name, "value.sentenceUnread", "info", { count: u.count, example: u.example });
  }
  // Slash dates read month first (or day first) as the column shows: said once, with the order taken.
  for (const s of set.slashRead) {
    ctx.atColumn(set.fields[s.fieldIndex]!.name, s.order === "month-first" ? "value.slashMonthFirst" : "value.slashDayFirst", "info", { count: s.count, example: s.example });
  }
  const problemRowsByField = new Map<number, Set<number>>();
  for (const p of set.problems) {
    const rows = problemRowsByField.get(p.fieldIndex) ?? new Set<number>();
    rows.add(p.row);
    problemRowsByField.set(p.fieldIndex, rows);
  }
  set.fields.forEach((field, f) => {
    const col = set.colOf[f]!;
    if (field.repeat) return;
    const c = field.constraints ?? {};
    if (col < 0) {
      // A column that stands in for it (a 领导班子's 单位 for 姓名) is not a missing one.
      const standIn = (ctx.template.requiredStandIns[field.name] ?? []).some((n) => ctx.has(n));
      if (c.required && !standIn) ctx.atColumn(field.name, "column.missing", "warning");
      return;
    }
    const list = set.listOf[f] ?? null;
    const matchesPattern = c.pattern ? wholeTextPattern(c.pattern) : null;
    const enumSet = c.enum ? new Set(c.enum) : null;
    const firstSeen = new Map<NormValue, number>();
    const earlier = c.unique ? earlierValues(ctx, f) : null;
    const problemRows = problemRowsByField.get(f) ?? EMPTY_ROWS;
    for (const rec of set.records) {
      const v = rec.values[f]!;
      if (v === null) {
        if (problemRows.has(rec.row)) continue;
        // 8月 暑假，未开展: a row that says its meeting was not held has no date on purpose.
        if ((field.type === "date" || field.type === "datetime") && rowSaysNotHeld(ctx, rec.row)) continue;
        // 备注「长期病假，不参评」 explains a blank 评议结果: said as read, not 不能为空.
        const excuse = field.excusedBy ? rec.facts?.find((fact) => field.excusedBy!.includes(fact.kind)) : undefined;
        if (excuse) {
          const note = ctx.view.value(excuse.row, excuse.col);
          ctx.atCell(rec, field.name, "value.excusedByNote", "info", { note: typeof note === "string" ? note.trim() : excuse.text });
          continue;
        }
        // 是否设支委会 否: a committee's 届满时间 has nothing to say on that row.
        if (notNeeded(ctx, field, rec)) continue;
        if (c.required) ctx.atCell(rec, field.name, "value.required", "error");
        else if (field.recommended) ctx.atCell(rec, field.name, "value.recommended", "warning");
        continue;
      }
      // A value a section heading or a note gave the row is not the clerk's cell: nothing to constrain.
      if (rec.sources?.has(f)) continue;
      if (c.unique) {
        const first = firstSeen.get(v);
        const before = earlier?.get(v);
        if (before) ctx.atCell(rec, field.name, "value.duplicateAcross", "error", { value: ctx.text(rec, field.name), sheet: before.sheet, firstRow: before.row + 1 });
        else if (first === undefined) firstSeen.set(v, rec.row);
        else ctx.atCell(rec, field.name, "value.duplicate", "error", { value: ctx.text(rec, field.name), firstRow: first + 1 });
      }
      if (typeof v === "number") checkRange(ctx, field, rec, v);
      if (typeof v === "string") {
        if (c.minLength !== undefined && v.length < c.minLength) ctx.atCell(rec, field.name, "value.tooShort", "error", { value: writtenText(ctx, rec, f, v), min: c.minLength });
        if (c.maxLength !== undefined && v.length > c.maxLength) ctx.atCell(rec, field.name, "value.tooLong", "error", { value: writtenText(ctx, rec, f, v), max: c.maxLength });
        if (matchesPattern && !matchesPattern(v)) ctx.atCell(rec, field.name, "value.pattern", "error", { value: writtenText(ctx, rec, f, v) });
        if (enumSet && !enumSet.has(v)) ctx.atCell(rec, field.name, "value.notInList", "error", { value: writtenText(ctx, rec, f, v), allowed: [...enumSet].join("、") });
        else if (!enumSet && list && !list.has(v)) ctx.atCell(rec, field.name, "value.notInList", "error", { value: writtenText(ctx, rec, f, v), allowed: [...list].join("、") });
      }
    }
  });
}

const EMPTY_ROWS: ReadonlySet<number> = new Set();

/** Whether another field of the row says this one does not apply to it (the template's `notNeededWhen`). */
function notNeeded(ctx: RuleContext, field: FieldParsed, rec: Parameters<RuleContext["atCell"]>[0]): boolean {
  return (field.notNeededWhen ?? []).some((w) => ctx.has(w.field) && ctx.get(rec, w.field) === w.equals);
}

/**
 * A unique field's values on the sheets this one continues (名册（一） before 名册（二）): one ledger,
 * so a value may no more repeat across them than within one. The first sheet and row of each.
 */
function earlierValues(ctx: RuleContext, f: number): Map<NormValue, { sheet: string; row: number }> | null {
  // Only a sheet that says it continues: two sheets of one header may be two years of the same members.
  const continued = ctx.book?.continued;
  if (!continued?.declared) return null;
  const sheets = continued.sheets;
  const seen = new Map<NormValue, { sheet: string; row: number }>();
  for (const { sheet, set } of sheets) {
    if (set.colOf[f]! < 0) continue;
    for (const rec of set.records) {
      const v = rec.values[f];
      if (v !== null && v !== undefined && !rec.sources?.has(f) && !seen.has(v)) seen.set(v, { sheet, row: rec.row });
    }
  }
  return seen;
}

function rowSaysNotHeld(ctx: RuleContext, row: number): boolean {
  return valuesSayNotHeld(ctx.view.rowValues(row));
}

/** What a message quotes: the clerk's own text, also where a value mapping read it as another value. */
function writtenText(ctx: RuleContext, rec: Parameters<RuleContext["atCell"]>[0], f: number, v: string): string {
  return rec.sources?.has(f) ? v : ctx.text(rec, ctx.set.fields[f]!.name) || v;
}

function display(field: FieldParsed, v: number): string {
  if (field.type === "date" || field.type === "datetime") return toIso(v);
  if (field.type === "money") return fenToYuanText(v);
  return String(v);
}

function checkRange(ctx: RuleContext, field: FieldParsed, rec: Parameters<RuleContext["atCell"]>[0], v: number): void {
  const c = field.constraints ?? {};
  // Money limits are written in yuan; values are fen.
  const scale = field.type === "money" ? 100 : 1;
  if (c.minimum !== undefined && v < c.minimum * scale) {
    ctx.atCell(rec, field.name, "value.belowMinimum", "error", { value: display(field, v), min: c.minimum });
  }
  const raise = c.maximumRaisedBy === undefined ? 0 : Math.max(0, ctx.num(rec, c.maximumRaisedBy) ?? 0);
  if (c.maximum !== undefined && v > c.maximum * scale + raise) {
    ctx.atCell(rec, field.name, "value.aboveMaximum", "error", { value: display(field, v), max: c.maximum });
  }
}
