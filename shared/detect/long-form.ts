import { a1 } from "../grid/a1.js";
import { maxOf } from "../util/append-all.js";
import { SheetView } from "../grid/sheet-view.js";
import type { CellValue, SheetGrid } from "../grid/types.js";
import type { TemplateParsed } from "../template/schema.js";
import { cleanText, unspacedHalfWidth } from "../normalise/text.js";
import { buildFieldIndex, matchFields, type FieldIndex } from "./field-match.js";
import { cellText } from "./header-cells.js";
import { keepTitleLines, type UnfoldedMatrix } from "./meeting-matrix.js";

/**
 * A record kept in long form: one row per step, the person's name repeated on each (姓名 | 性别 | 阶段 |
 * 时间: 王芳 申请入党 2020-03-09, 王芳 确定积极分子 2020-08-09 …). Folded, it is the template's own wide
 * record, one row per person, each step's day in the column the template names for it; every cell is
 * placed back at the cell it came from. A step is named by the template's own headers (申请入党 is
 * 申请入党时间), so the words come with the template, not with this reader.
 */
const MAX_HEADER_ROW = 12;
/** The column that names the step, and the one that gives its day. */
const STAGE_HEADER = /^(?:发展)?(?:阶段|环节|步骤|程序|事项)(?:名称)?$/;
const DATE_HEADER = /^(?:时间|日期|完成时间|办理时间|时间节点|完成日期)$/;
const NAME_HEADER = /^姓\s*名$/;
/** A step's name must name a date field of the template this well (its words, as a header would say them). */
const STEP_MIN_SCORE = 0.95;
/** At least this share of the rows that name a step must name one the template knows. */
const KNOWN_STEP_SHARE = 0.8;
const MIN_STEP_ROWS = 4;

interface Header {
  row: number;
  name: number;
  stage: number;
  date: number;
  /** Every other column with a header: 性别, 出生年月, 备注 … (carried from the person's rows). */
  others: { col: number; text: string }[];
}

function headerOf(view: SheetView): Header | null {
  const last = Math.min(view.rowCount, view.firstRow + MAX_HEADER_ROW);
  for (let r = view.firstRow; r < last; r++) {
    let [name, stage, date] = [-1, -1, -1];
    const others: { col: number; text: string }[] = [];
    for (let c = view.firstCol; c < view.colCount; c++) {
      const t = cleanText(cellText(view, r, c));
      if (t === "") continue;
      // Headers spaced out to the column's width (阶 段, 时 间) say the same words.
      const key = unspacedHalfWidth(t);
      if (name < 0 && NAME_HEADER.test(key)) name = c;
      else if (stage < 0 && STAGE_HEADER.test(key)) stage = c;
      else if (date < 0 && DATE_HEADER.test(key)) date = c;
      else others.push({ col: c, text: t });
    }
    if (name >= 0 && stage >= 0 && date >= 0) return { row: r, name, stage, date, others };
  }
  return null;
}

/** The template's date field a step's name says (申请入党 → 申请入党时间), or -1. */
function stepField(index: FieldIndex, step: string): number {
  for (const text of [`${step}时间`, step]) {
    const best = matchFields(index, text).find((m) => m.score >= STEP_MIN_SCORE);
    const field = best ? index.template.fields[best.fieldIndex] : undefined;
    if (field && (field.type === "date" || field.type === "datetime")) return best!.fieldIndex;
  }
  return -1;
}

interface Person {
  name: string;
  rows: number[];
  /** field index → the row whose 时间 cell gives that step's day (the first, where a step is written twice). */
  steps: Map<number, number>;
}

/** The sheet read as one record per person, or null when it is no long-form record of this template. */
export function foldLongForm(sheet: SheetGrid, template: TemplateParsed): UnfoldedMatrix | null {
  const view = new SheetView(sheet);
  const header = headerOf(view);
  if (!header) return null;
  const index = buildFieldIndex(template);
  const people: Person[] = [];
  let stepRows = 0;
  let known = 0;
  let current: Person | undefined;
  for (let r = header.row + 1; r < view.rowCount; r++) {
    const step = cleanText(cellText(view, r, header.stage));
    const name = cleanText(cellText(view, r, header.name));
    if (step === "") {
      if (name !== "") current = undefined;
      continue;
    }
    stepRows++;
    const f = stepField(index, step);
    if (f < 0) continue;
    known++;
    // A name left blank under the first row of a person is that person's (clerks write it once).
    if (name !== "" && name !== current?.name) {
      current = { name, rows: [], steps: new Map() };
      people.push(current);
    }
    if (!current) continue;
    current.rows.push(r);
    if (!current.steps.has(f)) current.steps.set(f, r);
  }
  if (stepRows < MIN_STEP_ROWS || known < KNOWN_STEP_SHARE * stepRows) return null;
  // Long form: names repeat, one step a row. A wide sheet with a 阶段 column has one row a person.
  if (!people.some((p) => p.rows.length >= 2)) return null;
  const fields = [...new Set(people.flatMap((p) => [...p.steps.keys()]))].sort((a, b) => a - b);
  if (fields.length < 2) return null;
  return folded(view, header, people, fields, template);
}

function folded(view: SheetView, header: Header, people: Person[], fields: number[], template: TemplateParsed): UnfoldedMatrix {
  const values: CellValue[][] = [];
  const formats: (string | null)[][] = [];
  const placeOf = new Map<string, string>();
  keepTitleLines(view, header.row, values, formats);
  const headers = ["姓名", ...header.others.map((o) => o.text), ...fields.map((f) => template.fields[f]!.title)];
  values.push(headers);
  formats.push(headers.map(() => null));
  for (const p of people) {
    const r = values.length;
    const row: CellValue[] = [p.name];
    const fmt: (string | null)[] = [null];
    placeOf.set(a1(r, 0), a1(p.rows[0]!, header.name));
    header.others.forEach((o, i) => {
      // The person's first row that fills the column gives it (性别, 出生年月 are written on each row alike).
      const from = p.rows.find((pr) => view.merged(pr, o.col) !== null && cellText(view, pr, o.col) !== "");
      row.push(from === undefined ? null : view.merged(from, o.col));
      fmt.push(from === undefined ? null : view.format(from, o.col));
      if (from !== undefined) placeOf.set(a1(r, 1 + i), a1(from, o.col));
    });
    // A step not written (no 转正 row yet) is said where the person's record ends: the last step's day.
    const lastStep = maxOf(p.steps.values());
    fields.forEach((f, i) => {
      const from = p.steps.get(f);
      const col = 1 + header.others.length + i;
      row.push(from === undefined ? null : view.merged(from, header.date));
      fmt.push(from === undefined ? null : view.format(from, header.date));
      placeOf.set(a1(r, col), a1(from ?? lastStep, header.date));
    });
    values.push(row);
    formats.push(fmt);
  }
  return { grid: { name: view.name, values, numberFormats: formats }, headerRow: header.row, types: new Set(), placeOf, readAs: "sheet.longForm" };
}
