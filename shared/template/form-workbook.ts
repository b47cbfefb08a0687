import ExcelJS from "exceljs";
import { columnLetters } from "../grid/a1.js";
import type { Lang } from "../findings/types.js";
import type { FieldParsed, TemplateParsed } from "./schema.js";
import { formMark, formMarkEn } from "../detect/form-mark.js";
import { maxOf } from "../util/append-all.js";

/**
 * The Excel form of a template version, for a department to hand out (`party-ledger template
 * xlsx roster@3`, `GET /v1/templates/{id}/{version}/xlsx`): a title row, the header with an input
 * note on each column, native drop-down lists for allowed values, date validation on date
 * columns, ID, phone and code columns formatted as text, a frozen header, fitted widths, and a
 * 填表说明 sheet (which the engine skips as instructions). A filled copy is recognised as exactly
 * this template version: its header is the template's own titles.
 */
export interface FormOptions {
  lang?: Lang;
  /** Data rows the validations cover (the rows a branch fills in). */
  rows?: number;
}

/** Where the header sits (1-based), for hosts and tests. */
export const FORM_HEADER_ROW = 2;
const DEFAULT_ROWS = 1000;
/** Excel keeps an inline list to 255 characters; longer lists go on a hidden sheet. */
const INLINE_LIST_MAX = 250;
const LIST_SHEET = "下拉选项";
const INSTRUCTIONS_SHEET = "填表说明";
const TEXT_FORMAT = "@";
const CODE_HEADER = /编码|编号|代码|工号|学号|证号|账号|邮编/;

const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, " ").trim().slice(0, 31) || "Sheet1";

/** The width Excel shows a text in, counting a Chinese character as two. */
function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0) ?? 0) > 0x2e7f ? 2 : 1;
  return w;
}

const TYPE_WIDTH: Partial<Record<FieldParsed["type"], number>> = { idNumber: 22, phone: 15, date: 12, datetime: 18, month: 10, money: 12 };

function allowedValues(f: FieldParsed): string[] {
  return f.constraints?.enum ?? [];
}

function textColumn(f: FieldParsed): boolean {
  return f.type === "idNumber" || f.type === "phone" || (f.type === "string" && CODE_HEADER.test(f.title));
}

interface Words {
  required: string;
  optional: string;
  type: Record<FieldParsed["type"], string>;
  allowed: (values: string) => string;
  range: (min?: number, max?: number) => string;
  unique: string;
  badDate: string;
  badList: string;
  badNumber: string;
  columnLine: (letter: string, header: string, note: string) => string;
  intro: (title: string, ref: string, headerRow: number) => string[];
}

const WORDS: Record<Lang, Words> = {
  zh: {
    required: "必填",
    optional: "选填",
    type: {
      string: "文字",
      integer: "整数",
      number: "数字",
      money: "金额（元，两位小数）",
      percent: "百分比",
      date: "日期，如 2025-06-30",
      datetime: "日期和时间，如 2025-06-30 14:30",
      month: "年月，如 2025-06",
      boolean: "是 或 否",
      idNumber: "18 位公民身份号码（按文本填写，末位 X 大写）",
      phone: "手机号码或固定电话",
    },
    allowed: (v) => `只能填：${v}`,
    range: (min, max) => (min !== undefined && max !== undefined ? `${min} 至 ${max}` : min !== undefined ? `不小于 ${min}` : `不大于 ${max}`),
    unique: "不能重复",
    badDate: "请填写日期，如 2025-06-30",
    badList: "请从下拉列表中选择",
    badNumber: "请填写数字",
    columnLine: (letter, header, note) => `${letter} 列「${header}」：${note}。`,
    intro: (title, ref, row) => [
      `本表为「${title}」（模板 ${ref}）的填报表。`,
      `请从第 ${row + 1} 行起逐行填写，不要改动第 ${row} 行的表头，不要插入合并单元格。`,
      "身份证号码、电话和各类编码已设为文本格式，请直接输入，不要加引号。",
      "有下拉列表的列，请从列表中选择；日期请按 2025-06-30 的格式填写。",
      "填好后可用「党建台账助手」检查，或提交到上级的报送任务。",
    ],
  },
  en: {
    required: "Required",
    optional: "Optional",
    type: {
      string: "Text",
      integer: "Whole number",
      number: "Number",
      money: "Amount in yuan, two decimals",
      percent: "Percentage",
      date: "Date, e.g. 2025-06-30",
      datetime: "Date and time, e.g. 2025-06-30 14:30",
      month: "Month, e.g. 2025-06",
      boolean: "Yes or no (是/否)",
      idNumber: "18-character ID number (as text, a final X in capitals)",
      phone: "Mobile or landline number",
    },
    allowed: (v) => `One of: ${v}`,
    range: (min, max) => (min !== undefined && max !== undefined ? `from ${min} to ${max}` : min !== undefined ? `at least ${min}` : `at most ${max}`),
    unique: "No repeats",
    badDate: "Enter a date such as 2025-06-30",
    badList: "Choose from the list",
    badNumber: "Enter a number",
    columnLine: (letter, header, note) => `Column ${letter}, "${header}": ${note}.`,
    intro: (title, ref, row) => [
      `This is the form of "${title}" (template ${ref}).`,
      `Fill it in row by row from row ${row + 1}; leave the header in row ${row} as it is and do not merge cells.`,
      "ID numbers, phones and codes are formatted as text: type them as they are.",
      "Columns with a list take a value from it; dates are written as 2025-06-30.",
      "Check the filled form with party-ledger, or submit it to your department's collection.",
    ],
  },
};

/** What the input note of a column says: required or not, the type, its limits and allowed values. */
export function columnNote(f: FieldParsed, lang: Lang = "zh"): string {
  const w = WORDS[lang];
  const parts = [f.constraints?.required ? w.required : w.optional, w.type[f.type]];
  if (f.description) parts.push(f.description);
  const c = f.constraints ?? {};
  if (c.minimum !== undefined || c.maximum !== undefined) parts.push(w.range(c.minimum, c.maximum));
  const values = allowedValues(f);
  if (values.length) parts.push(w.allowed(values.join(lang === "zh" ? "、" : ", ")));
  if (c.unique) parts.push(w.unique);
  return parts.join(lang === "zh" ? "；" : "; ");
}

function validationOf(f: FieldParsed, listRef: string | null, prompt: string, w: Words): ExcelJS.DataValidation {
  const common = { allowBlank: true, showInputMessage: true, promptTitle: f.title.slice(0, 32), prompt: prompt.slice(0, 255), showErrorMessage: true };
  const c = f.constraints ?? {};
  if (listRef) return { ...common, type: "list", formulae: [listRef], errorStyle: "warning", errorTitle: f.title.slice(0, 32), error: w.badList };
  if (f.type === "date" || f.type === "datetime") {
    return { ...common, type: "date", operator: "greaterThan", formulae: [new Date(Date.UTC(1900, 0, 1))], errorStyle: "warning", error: w.badDate };
  }
  if (f.type === "integer" || f.type === "number" || f.type === "money") {
    const type = f.type === "integer" ? "whole" : "decimal";
    if (c.minimum !== undefined && c.maximum !== undefined) return { ...common, type, operator: "between", formulae: [c.minimum, c.maximum], errorStyle: "warning", error: w.badNumber };
    if (c.minimum !== undefined) return { ...common, type, operator: "greaterThanOrEqual", formulae: [c.minimum], errorStyle: "warning", error: w.badNumber };
    if (c.maximum !== undefined) return { ...common, type, operator: "lessThanOrEqual", formulae: [c.maximum], errorStyle: "warning", error: w.badNumber };
    return { ...common, type, operator: "greaterThanOrEqual", formulae: [-1e15], errorStyle: "warning", error: w.badNumber };
  }
  return { ...common, type: "any" as ExcelJS.DataValidation["type"], formulae: [] };
}

function inlineList(values: string[]): string | null {
  if (values.some((v) => /[",]/.test(v))) return null;
  const text = values.join(",");
  return text.length <= INLINE_LIST_MAX ? `"${text}"` : null;
}

export async function formWorkbook(template: TemplateParsed, opts: FormOptions = {}): Promise<Uint8Array> {
  const lang = opts.lang ?? "zh";
  const w = WORDS[lang];
  const rows = opts.rows ?? DEFAULT_ROWS;
  // A monthly group is written as its twelve month columns, as clerks head them (1月 … 12月).
  const columns: { field: FieldParsed; title: string }[] = [];
  for (const f of template.fields) {
    // A 百分制 sheet's items and their points are the department's own: the form leaves them to it.
    if (f.repeat?.period === "points") continue;
    if (f.repeat) for (let m = 1; m <= 12; m++) columns.push({ field: f, title: `${m}月` });
    else columns.push({ field: f, title: f.title });
  }
  const title = lang === "en" ? template.titleEn : template.title;
  const ref = `${template.id}@${template.version}`;
  const wb = new ExcelJS.Workbook();
  wb.creator = "party-ledger";
  wb.title = title;
  wb.subject = ref;
  wb.keywords = `party-ledger template ${ref}`;
  const ws = wb.addWorksheet(sheetName(template.title), { views: [{ state: "frozen", ySplit: FORM_HEADER_ROW }] });
  const lists = wb.addWorksheet(LIST_SHEET, { state: "hidden" });
  let listColumns = 0;

  const titleRow = ws.getRow(1);
  // The mark tells the engine which template version this form is (detect/form-mark.ts).
  titleRow.getCell(1).value = lang === "en" ? `${template.titleEn} (${formMarkEn(template)})` : `${template.title}（${formMark(template)}）`;
  titleRow.getCell(1).font = { bold: true, size: 16 };
  titleRow.getCell(1).alignment = { horizontal: "center", vertical: "middle" };
  titleRow.height = 28;
  if (columns.length > 1) ws.mergeCells(1, 1, 1, columns.length);

  const header = ws.getRow(FORM_HEADER_ROW);
  const last = FORM_HEADER_ROW + rows;
  columns.forEach(({ field, title: text }, i) => {
    const col = i + 1;
    const cell = header.getCell(col);
    cell.value = text;
    cell.font = { bold: true, ...(field.constraints?.required ? { color: { argb: "FFC00000" } } : {}) };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
    cell.border = { top: { style: "thin" }, bottom: { style: "thin" }, left: { style: "thin" }, right: { style: "thin" } };
    const note = columnNote(field, lang);
    cell.note = note;
    const values = allowedValues(field);
    let listRef: string | null = null;
    if (values.length) {
      listRef = inlineList(values);
      if (!listRef) {
        listColumns++;
        values.forEach((v, r) => (lists.getCell(r + 1, listColumns).value = v));
        listRef = `'${LIST_SHEET}'!$${columnLetters(listColumns - 1)}$1:$${columnLetters(listColumns - 1)}$${values.length}`;
      }
    }
    const letter = columnLetters(i);
    // One validation over the column's data rows (ExcelJS has the method, not its typing).
    (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}${FORM_HEADER_ROW + 1}:${letter}${last}`, validationOf(field, listRef, note, w));
    const column = ws.getColumn(col);
    if (textColumn(field)) column.numFmt = TEXT_FORMAT;
    else if (field.type === "date") column.numFmt = "yyyy-mm-dd";
    else if (field.type === "datetime") column.numFmt = "yyyy-mm-dd hh:mm";
    else if (field.type === "month") column.numFmt = "yyyy-mm";
    else if (field.type === "money") column.numFmt = "0.00";
    const widest = Math.max(displayWidth(text), maxOf(values.map(displayWidth)), TYPE_WIDTH[field.type] ?? 8);
    column.width = Math.min(40, Math.max(8, widest + 2));
  });
  header.height = 30;
  // The title and header cells are text whatever the column's format.
  titleRow.getCell(1).numFmt = "General";
  for (let c = 1; c <= columns.length; c++) header.getCell(c).numFmt = "General";
  if (listColumns === 0) wb.removeWorksheet(lists.id);

  // Sentences, one per line: a table here would look like a ledger of its own to a reader.
  const guide = wb.addWorksheet(INSTRUCTIONS_SHEET);
  const lines = [...w.intro(title, ref, FORM_HEADER_ROW), "", ...columns.map(({ field, title: text }, i) => w.columnLine(columnLetters(i), text, columnNote(field, lang)))];
  lines.forEach((line, i) => (guide.getCell(i + 1, 1).value = line));
  guide.getCell(1, 1).font = { bold: true };
  guide.getColumn(1).width = 100;
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
