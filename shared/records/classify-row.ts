import { isCellError, type CellValue } from "../grid/types.js";
import type { SheetView } from "../grid/sheet-view.js";

/**
 * Rows below the header that are not data: blank rows, instruction rows ("必填",
 * "与系统内名称一致"), merged notices ("注意事项：…"), and totals ("合计").
 */
export type RowKind = "data" | "blank" | "instruction" | "notice" | "total";

const INSTRUCTION = /^(必填|选填|非必填|可选|可不填|必选|选择|下拉选择|格式[:：]|如[:：]|例[:：]|示例|请|与.*一致|填写|yyyy|\d+位)/i;
const NOTICE = /^(注意事项|填表说明|填写说明|说明[:：]|注[:：]|备注[:：])/;
const TOTAL = /^(合计|总计|小计|共计)/;
/** How far below the header an instruction row may sit. */
const INSTRUCTION_ROWS = 3;

export function classifyRow(view: SheetView, row: number, rowsBelowHeader: number): RowKind {
  const values = view.rowValues(row);
  let filled = 0;
  let instructions = 0;
  let notices = 0;
  let first: string | null = null;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (typeof v !== "string") {
      // Numbers, booleans and formula errors are data; they can name no instruction or total.
      filled++;
      if (first === null) first = isCellError(v as CellValue) ? "#" : String(v);
      continue;
    }
    const t = v.trim();
    if (t === "") continue;
    filled++;
    if (first === null) first = t;
    if (rowsBelowHeader < INSTRUCTION_ROWS && INSTRUCTION.test(t)) instructions++;
    const merge = t.length >= 20 ? view.mergeAt(row, view.firstCol + i) : undefined;
    if ((merge && merge.c1 > merge.c0) || NOTICE.test(t)) notices++;
  }
  if (filled === 0) return "blank";
  if (first !== null && TOTAL.test(first)) return "total";
  if (notices > 0 && notices === filled) return "notice";
  if (instructions > 0 && instructions * 2 >= filled) return "instruction";
  return "data";
}
