import { isCellError, type CellValue } from "../grid/types.js";
import type { SheetView } from "../grid/sheet-view.js";
import { toHalfWidth } from "../normalise/text.js";
import { toSimplified } from "../normalise/traditional.js";

/**
 * What a row below the header is, the way a careful reader sorts the rows of a verbose
 * spreadsheet (after the Strudel row classes: metadata, header, group, data, derived, notes):
 * - `data`: a record;
 * - `section`: a group heading whose label carries into the rows below (一、在职党员; 第二党小组);
 * - `total` / `subtotal`: derived rows (合计, 总计 / 小计, 本页小计), checked against the data;
 * - `notice`: notes and signature lines (填表说明, 注：, ※, 填表人：, 审核人：, 日期：);
 * - `instruction`: a hint row just under the header (必填, 与系统内名称一致);
 * - `blank`.
 */
export type RowKind = "data" | "blank" | "instruction" | "notice" | "total" | "subtotal" | "section";

const INSTRUCTION = /^(必填|选填|非必填|可选|可不填|必选|选择|下拉选择|格式[:：]|如[:：]|例[:：]|示例|请|与.*一致|填写|yyyy|\d+位)/i;
const NOTICE = /^(注意事项|填表说明|填写说明|填报说明|导入说明|说明[:：]|注[:：]|注\d|备注[:：]|※|\*注)/;
const SIGNATURE = /^(填表人|制表人|填报人|审核人|审批人|负责人|经办人|联系人|统计人|记录人签字|书记签字|支部书记[:：]|签字|签名|盖章|单位盖章|(?:填表|制表|报送|填报)(?:日期|时间))\s*[:：]?/;
/**
 * A signature line in its general form: a role and a colon (收缴人：刘桂芳, 村党支部书记：叶青山,
 * 制表：离退休党支部, 组织委员：刘桂芳), as the foot of a ledger carries it.
 */
const ROLE_COLON = /^(?:[\u4e00-\u9fa5]{0,8}(?:人|员|书记|主任|部长|组长|领导|会计|出纳)|制表|填表|填报|审核|审批|复核|经手|收缴|收款|核对|监督|统计|记录)\s*[:：]/;
/**
 * The foot of a form, spread over its cells: 支部书记：| 王立新 | 组织委员：| 陈晓琳 | 填报日期：2026年12月28日,
 * 支部书记（签字）：… 党委审核意见：. Each label names a role, a signature, an opinion or a date, and ends
 * in a colon; what follows a bare label is its value (a name, a date).
 */
const SIGN_OFF_LABEL = /^([^\d:：]{1,20})[:：]\s*(.*)$/s;
const SIGN_OFF_WORDS = /签字|签名|签章|盖章|公章|书记|委员|主任|组长|负责人|领导|审核|审批|审查|复核|意见|填表|制表|填报|报送|经办|日期|时间|联系|电话/;
const TOTAL = /^(合\s*计|总\s*计|共\s*计|累\s*计|全年合计|年度合计|总合计|本页合计)/;
const SUBTOTAL = /^(小\s*计|本页小计|本组合计|本组小计|本小组合计|本支部合计|本支部小计)/;
/**
 * A group's own total, named with the group: 第一党小组小计, 第一党支部 合计, 在职党员小计, 营业班（小计）.
 * The label before the word names a group (a 党小组, a branch, a unit, a kind of member); 党总支合计 and
 * 全支部合计 name the whole, so they are totals.
 */
const NAMED_SUBTOTAL = /^[^\d:：]{0,20}?(?:党小组|小组|组|党支部|支部|科室|部门|车间|班组|班|站|所|队|党员|人员)\s*[（(]?\s*(?:小\s*计|合\s*计)/;
const NAMED_TOTAL = /^(?:全|总|党总支|党委|全体)[^\d:：]{0,10}?(?:合\s*计|总\s*计)|^[^\d:：]{1,12}?总\s*计/;
/**
 * A period's own total in a register kept over several (2024年度小计, 2025年合计, 第一季度小计, 上半年合计, 3月份小计):
 * the rows since the last such line, not the whole sheet.
 */
const PERIOD_SUBTOTAL = /^(?:\d{4}\s*年\s*度?\s*(?:第?\s*[一二三四1-4]\s*季度|[上下]半年|\d{1,2}\s*月份?)?|第?\s*[一二三四1-4]\s*季度|[上下]半年|\d{1,2}\s*月份?)\s*[（(]?\s*(?:小\s*计|合\s*计)/;
/** What stands alone as a group's label in a column of its own (党小组, 所在支部), before a 小计 in the next column. */
const GROUP_LABEL = /^[^\d:：]{0,20}?(?:党小组|小组|组|党支部|支部|科室|部门|车间|班组|班|党员)$|^第\s*[一二三四五六七八九十百\d]+\s*(?:党小组|小组|组|党支部|支部)$/;

/** The kind a derived row names in its first words, or null. */
function derivedKind(text: string): "total" | "subtotal" | null {
  // Every such word ends in 计 (小计, 合计, 总计, 共计, 累计): most rows are data, and need no pattern.
  if (!text.includes("计")) return null;
  if (SUBTOTAL.test(text) || PERIOD_SUBTOTAL.test(text)) return "subtotal";
  if (TOTAL.test(text) || NAMED_TOTAL.test(text)) return "total";
  if (NAMED_SUBTOTAL.test(text)) return "subtotal";
  return null;
}
/** Group headings that need nothing else on their row: 一、…, （一）…, 第二党小组. */
const STRONG_SECTION = [
  /^[一二三四五六七八九十百]+\s*[、.．]\s*\S/,
  /^[（(]\s*[一二三四五六七八九十\d]+\s*[)）]\s*\S/,
  /^第\s*[一二三四五六七八九十百\d]+\s*(?:党小组|小组|组|支部|部分|类)/,
  // Period headings of a register: 第一季度, 2025年第二季度, 上半年.
  /^(?:\d{4}\s*年\s*(?:度)?)?(?:第\s*[一二三四1-4]\s*季度|[上下]半年)$/,
];
/** Group headings that only count when they stand alone on their row. */
const WEAK_SECTION = /(?:党小组|在职党员|离退休党员|退休党员|离休党员|流动党员|预备党员|正式党员|学生党员|农民党员|失业党员|下岗党员|支部党员大会|支部委员会|党小组会|党课|主题党日|组织生活会|党支部|支部|科室|部门|车间|村|社区)(?:[（(:：].*)?$/;
const SECTION_MAX_LENGTH = 30;
/** How far below the header an instruction row may sit. */
const INSTRUCTION_ROWS = 3;

/** A lone short label merged across the table's width (第一党小组（组长：高志远）, 第一季度) heads the rows below. */
function mergedHeading(view: SheetView, row: number, text: string, filled: number): boolean {
  if (filled !== 1 || text.length > SECTION_MAX_LENGTH) return false;
  const values = view.rowValues(row);
  const at = values.findIndex((v) => typeof v === "string" && v.trim() !== "");
  const merge = view.mergeAt(row, view.firstCol + at);
  return merge !== undefined && merge.c1 - merge.c0 >= 2;
}

function isSection(text: string, filled: number): boolean {
  if (text.length > SECTION_MAX_LENGTH) return false;
  if (filled <= 2 && STRONG_SECTION.some((re) => re.test(text))) return true;
  return filled === 1 && WEAK_SECTION.test(text);
}

/** A row made only of sign-off labels and the values written after them. */
function signOffRow(values: readonly CellValue[]): boolean {
  let labels = 0;
  /** The last filled cell was a label with nothing after its colon: this cell may be its value. */
  let awaitingValue = false;
  for (const v of values) {
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) continue;
    const label = typeof v === "string" ? SIGN_OFF_LABEL.exec(toHalfWidth(v).trim()) : null;
    if (label && SIGN_OFF_WORDS.test(label[1]!)) {
      labels++;
      awaitingValue = label[2]!.trim() === "";
      continue;
    }
    if (!awaitingValue || labels === 0) return false;
    awaitingValue = false;
  }
  return labels > 0;
}

/**
 * A row of the columns' weights just under the header (权重 | 40% | 30% | 30% | 100%): part of the header, no record.
 * Its label says 权重 and every other cell is a share.
 */
const WEIGHTS_LABEL = /^(?:权重|权数|比重|所占权重|权重系数|占比)[(（]?%?[)）]?$/;
const SHARE = /^\d{1,3}(?:\.\d+)?\s*[%％]$/;
function weightsRow(label: string, values: readonly CellValue[]): boolean {
  if (!WEIGHTS_LABEL.test(label)) return false;
  let shares = 0;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    if (typeof v === "number" && v > 0 && v <= 100) shares++;
    else if (typeof v === "string" && SHARE.test(toHalfWidth(v).trim())) shares++;
    else if (!(typeof v === "string" && (v.trim() === "" || WEIGHTS_LABEL.test(toHalfWidth(v).trim())))) return false;
  }
  return shares >= 2;
}

/** Most cells hold no colon: the role-and-colon test is skipped for them. */
function hasColon(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 0x3a || c === 0xff1a) return true;
  }
  return false;
}

export function classifyRow(view: SheetView, row: number, rowsBelowHeader: number): RowKind {
  const values = view.rowValues(row);
  let filled = 0;
  let instructions = 0;
  let notices = 0;
  let first: string | null = null;
  let firstText: string | null = null;
  /** The second text, when the first is a group's label (第一党小组 | 小计). */
  let secondText: string | null = null;
  /** How many values precede the first text (a 序号 before 合计). */
  let beforeFirstText = 0;
  let texts = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) continue;
    if (typeof v !== "string") {
      // Numbers, booleans and formula errors are data; they can name no instruction or total.
      filled++;
      if (first === null) first = isCellError(v as CellValue) ? "#" : String(v);
      if (firstText === null) beforeFirstText++;
      continue;
    }
    const t = v.trim();
    if (t === "") continue;
    filled++;
    texts++;
    if (first === null) first = t;
    if (firstText === null) firstText = toSimplified(toHalfWidth(t));
    else if (texts === 2) secondText = t;
    if (rowsBelowHeader < INSTRUCTION_ROWS && INSTRUCTION.test(t)) instructions++;
    // A notice row is notices only: once one text is not, the others need no test (most rows are data).
    if (notices !== texts - 1) continue;
    const merge = t.length >= 20 ? view.mergeAt(row, view.firstCol + i) : undefined;
    if ((merge && merge.c1 > merge.c0) || NOTICE.test(t) || SIGNATURE.test(t) || (hasColon(t) && ROLE_COLON.test(toHalfWidth(t)))) notices++;
  }
  if (filled === 0) return "blank";
  // A derived row names itself in its first words; a 序号 column may stand before them.
  if (firstText !== null && beforeFirstText <= 1) {
    const derived = derivedKind(firstText);
    if (derived) return derived;
    // The group's label in its column, the word in the next: a group's total.
    if (secondText !== null && /[计計]/.test(secondText) && GROUP_LABEL.test(firstText) && derivedKind(toSimplified(toHalfWidth(secondText))) !== null) return "subtotal";
  }
  if (notices > 0 && notices === texts && texts === filled) return "notice";
  if (firstText !== null && (SIGNATURE.test(firstText) || ROLE_COLON.test(firstText)) && filled <= 4) return "notice";
  if (instructions > 0 && instructions * 2 >= filled) return "instruction";
  if (rowsBelowHeader < INSTRUCTION_ROWS && firstText !== null && weightsRow(firstText, values)) return "instruction";
  if (firstText !== null && beforeFirstText === 0 && texts === filled && (isSection(firstText, filled) || mergedHeading(view, row, firstText, filled))) return "section";
  // After the sections: 第一党小组（组长：韦文静） is a heading, not a sign-off.
  if (firstText !== null && beforeFirstText === 0 && hasColon(firstText) && signOffRow(values)) return "notice";
  return "data";
}
