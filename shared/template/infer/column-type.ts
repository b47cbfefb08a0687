import type { ColumnProfile } from "../../detect/column-profile.js";
import type { FieldType } from "../schema.js";

/**
 * The type of a form's column from its header's words and, where the form carries rows, from
 * what its cells hold. Codes and numbers people read as text (编码, 工号, 邮编) stay text: a
 * number would drop their leading zeros.
 */
const CODE = /编码|编号|代码|工号|学号|证号|账号|帐号|邮编|批次|序号|号$/;
const ID = /身份证|公民身份号码|身份号码/;
const PHONE = /电话|手机|联系方式/;
const MONEY = /金额|党费|基数|工资|收入|元[)）]?$/;
const DATE = /时间|日期|年月日|生日/;
const MONTH = /年月|月份/;
const DECIMAL = /学时|分数|成绩|得分|比例|比率/;
const INTEGER = /人数|票数|次数|天数|排名|名次|年度|年份|总数|数$/;
const YES_NO = /^是否/;
const TEXT = /邮箱|e-?mail|地址|名称|单位|职务|姓名|说明|备注|原因|内容|类别|类型|意见/i;
/** A column of plain numbers with no word for it in its header: only from a few rows on. */
const CONTENT_ONLY_ROWS = 3;

const share = (p: ColumnProfile, k: number) => (p.n === 0 ? 0 : k / p.n);

export interface InferredType {
  type: FieldType;
  /** Allowed values the header itself implies (是否… → 是, 否). */
  enumFromHeader?: string[];
}

export function inferColumnType(header: string, p: ColumnProfile | undefined): InferredType {
  const h = header.replace(/[（(][^）)]*[）)]/g, "");
  if (YES_NO.test(h)) return { type: "string", enumFromHeader: ["是", "否"] };
  if (ID.test(h) || (p && p.n > 0 && share(p, p.validIds) >= 0.8)) return { type: "idNumber" };
  if (CODE.test(h) || TEXT.test(h)) return { type: "string" };
  const has = p !== undefined && p.n > 0;
  if (PHONE.test(h)) return { type: !has || share(p!, p!.mobiles) >= 0.8 ? "phone" : "string" };
  if (has && share(p!, p!.mobiles) >= 0.8 && p!.textCells === p!.n) return { type: "phone" };
  if (MONTH.test(h) && !/日/.test(h)) return { type: "month" };
  if (DATE.test(h)) return { type: "date" };
  if (has && share(p!, p!.dates) >= 0.8) return { type: "date" };
  if (has && share(p!, p!.months) >= 0.8) return { type: "month" };
  // Numbers typed as text ("60.5") count where the header says the column holds numbers.
  const numeric = has ? share(p!, p!.numbers) : 0;
  const numberLike = has ? share(p!, p!.numbers + p!.numericText) : 0;
  if (MONEY.test(h) && (!has || numberLike >= 0.8)) return { type: "money" };
  if (DECIMAL.test(h) && (!has || numberLike >= 0.8)) return { type: "number" };
  if (INTEGER.test(h) && (!has || numberLike >= 0.8)) return { type: "integer" };
  if (has && p!.n >= CONTENT_ONLY_ROWS && numeric >= 0.8) return { type: "number" };
  return { type: "string" };
}
