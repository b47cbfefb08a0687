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

function text(v: CellValue): string {
  if (v === null || isCellError(v)) return "";
  return typeof v === "string" ? v.trim() : String(v);
}

export function classifyRow(view: SheetView, row: number, rowsBelowHeader: number): RowKind {
  let filled = 0;
  let instructions = 0;
  let notices = 0;
  let first = "";
  for (let c = view.firstCol; c < view.colCount; c++) {
    const own = view.value(row, c);
    const t = text(own);
    if (t === "") continue;
    filled++;
    if (first === "") first = t;
    if (INSTRUCTION.test(t)) instructions++;
    const merge = view.mergeAt(row, c);
    if (NOTICE.test(t) || (merge && merge.c1 > merge.c0 && t.length >= 20)) notices++;
  }
  if (filled === 0) return "blank";
  if (TOTAL.test(first)) return "total";
  if (notices > 0 && notices === filled) return "notice";
  if (rowsBelowHeader < INSTRUCTION_ROWS && instructions > 0 && instructions * 2 >= filled) return "instruction";
  return "data";
}
