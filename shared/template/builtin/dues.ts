import type { Field, Template } from "../schema.js";
import { BRANCH, JOIN_DATE, MEMBER_ID, NAME, NOTE } from "./common-fields.js";

const CATEGORY: Field = {
  name: "category",
  title: "人员类别",
  titleEn: "Member category",
  type: "string",
  aliases: ["党员类别", "缴费类别", "类别", "身份类别", "交纳类别", "党员分类", "党员类型", "身份"],
  weight: 1,
  content: { values: ["在职", "离退休", "退休", "离休", "学生", "农民", "下岗", "失业", "低保", "在岗"] },
};
const RATE: Field = { name: "rate", title: "交纳比例", titleEn: "Rate (%)", type: "percent", aliases: ["缴费比例", "党费比例", "比例", "交纳比例(%)", "费率"], weight: 1.5 };

const BASE: Field = {
  name: "base",
  title: "缴费基数",
  titleEn: "Monthly base (yuan)",
  type: "money",
  // 2008规定's own words: 交纳党费的计算基数 (交纳基数).
  aliases: ["党费基数", "月缴费基数", "计算基数", "计缴基数", "缴纳基数", "计缴党费基数", "党费计算基数", "交纳基数", "交纳党费基数", "交纳党费计算基数", "月工资收入", "税后月收入", "月收入", "工资收入", "月工资", "基数", "离退休费", "退休费", "离休费", "离退休费总额", "退休金", "养老金", "月退休费", "收入情况", "月收入情况", "月平均纯收入", "上季度月平均纯收入", "月纯收入", "定额补贴", "月定额补贴"],
  weight: 2,
  constraints: { minimum: 0 },
  additive: false,
};

/** What a member owes a month: the column of the monthly ledger, and of a receipt book (月交纳额). */
const STANDARD: Field = {
  name: "standard",
  title: "月应缴党费",
  titleEn: "Monthly dues (yuan)",
  type: "money",
  aliases: ["每月应缴", "应缴党费", "月交纳标准", "缴纳标准", "月缴党费", "每月应交党费", "月应交党费", "每月应交", "月应交", "月交纳额", "每月交纳金额", "每月交纳党费", "月交纳党费", "应交金额", "交纳标准", "月交纳金额", "月交金额", "每月交纳额", "月缴金额", "月应交金额", "月缴", "应交", "应缴"],
  weight: 2,
  constraints: { minimum: 0 },
  additive: true,
};

/** 党费收缴台账, one row per member with twelve monthly columns (one year, or months headed with their year). */
export const duesMonthlyTemplate: Template = {
  id: "dues-monthly",
  version: 1,
  kind: "dues",
  title: "党费收缴台账（按月）",
  titleEn: "Dues ledger (monthly columns)",
  fields: [
    NAME,
    MEMBER_ID,
    BRANCH,
    CATEGORY,
    BASE,
    RATE,
    STANDARD,
    { name: "year", title: "年度", titleEn: "Year", type: "integer", aliases: ["年份", "缴费年度", "交纳年度"], weight: 0.5, constraints: { minimum: 1949, maximum: 2100 } },
    JOIN_DATE,
    { name: "transferIn", title: "转入时间", titleEn: "Transferred in", type: "date", aliases: ["组织关系转入时间", "转入日期"], weight: 0.5 },
    { name: "transferOut", title: "转出时间", titleEn: "Transferred out", type: "date", aliases: ["组织关系转出时间", "转出日期"], weight: 0.5 },
    { name: "voluntary", title: "自愿多交", titleEn: "Voluntary extra", type: "boolean", aliases: ["是否自愿多交"], weight: 0.5 },
    { name: "months", title: "月份", titleEn: "Monthly payments", type: "money", aliases: [], weight: 3, repeat: { period: "month" } },
    // A 补缴 column beside the months holds what was paid late: the year's total may count it.
    { name: "backPaid", title: "补缴", titleEn: "Paid late (yuan)", type: "money", aliases: ["补交", "补缴党费", "补交党费", "补缴金额", "补交金额"], weight: 0.5 },
    { name: "yearTotal", title: "全年合计", titleEn: "Year total (yuan)", type: "money", aliases: ["合计", "年度合计", "全年实交", "累计", "总计", "全年交纳", "本年合计", "全年合计(元)", "合计金额", "全年", "季度合计", "半年合计", "实交合计", "全年实交合计", "上半年实交合计", "下半年实交合计", "实缴合计", "小计"], weight: 1 },
    NOTE,
  ],
  rules: [{ rule: "dues.standard" }, { rule: "dues.rate" }, { rule: "dues.monthly" }, { rule: "dues.yearTotal" }, { rule: "dues.baseItems" }],
  minScore: 4,
  requiredHeaders: ["name", "months"],
  titleWords: ["党费"],
};

/**
 * 党费收缴 / 补缴 records, one row per payment: the 党费补缴录入样表 layout, an online export, or a
 * receipt book (收据编号, 交纳人, 所属期间 2025年1月—3月, 月数, 月交纳额, 金额).
 */
export const duesPaymentsTemplate: Template = {
  id: "dues-payments",
  version: 1,
  kind: "dues",
  title: "党费缴纳记录（逐笔）",
  titleEn: "Dues payments (one row per payment)",
  fields: [
    MEMBER_ID,
    // A receipt book names the one who paid (交纳人).
    { ...NAME, aliases: [...(NAME.aliases ?? []), "交纳人", "缴纳人", "交款人", "缴款人", "交费人"] },
    CATEGORY,
    BASE,
    { ...STANDARD, weight: 1, additive: false },
    { name: "payType", title: "缴费类型", titleEn: "Payment type", type: "string", aliases: ["交纳类型", "缴纳方式", "交纳方式", "缴费方式"], weight: 2 },
    { name: "fromMonth", title: "缴费起始月份", titleEn: "First month", type: "month", aliases: ["起始月份", "缴费起始月", "补缴起始月份", "交纳起始月份", "开始月份", "起始年月", "所属期起", "交纳月份", "缴费月份", "所属月份", "党费所属月份", "所属期间", "所属期", "所属时期", "交纳期间", "缴费期间", "党费所属期间"], weight: 2.5, rangeEnd: "toMonth" },
    { name: "monthCount", title: "月数", titleEn: "Months paid", type: "integer", aliases: ["交纳月数", "缴费月数", "缴纳月数", "补交月数", "月份数"], weight: 1, constraints: { minimum: 1 } },
    { name: "toMonth", title: "缴费截止月份", titleEn: "Last month", type: "month", aliases: ["截止月份", "缴费截止月", "补缴截止月份", "交纳截止月份", "终止月份", "结束月份", "截止年月", "所属期止"], weight: 2.5 },
    { name: "amount", title: "缴费金额", titleEn: "Amount (yuan)", type: "money", aliases: ["交纳金额", "实缴金额", "金额", "党费金额", "交纳党费金额", "实交金额", "实交", "实缴", "实交党费", "实缴党费", "本月实交", "本月实缴"], weight: 2, constraints: { minimum: 0 } },
    { name: "payDate", title: "缴费日期", titleEn: "Paid on", type: "date", aliases: ["交纳日期", "缴费时间", "交纳时间", "交费日期"], weight: 1 },
    { name: "explanation", title: "缴费说明", titleEn: "Explanation", type: "string", aliases: ["交纳说明"], weight: 1 },
    { name: "consent", title: "是否经支部同意", titleEn: "Agreed by the branch", type: "boolean", aliases: ["支部是否同意", "经支部同意", "支部同意"], weight: 1 },
    NOTE,
  ],
  // A row stating its base and monthly amount is checked as a monthly ledger's row is (D1).
  rules: [{ rule: "dues.standard" }, { rule: "dues.paymentRows" }, { rule: "dues.baseItems" }],
  minScore: 4,
  requiredHeaders: ["amount"],
  distinctive: [{ of: ["fromMonth", "toMonth", "payType", "payDate", "base", "explanation"], min: 1 }],
  titleWords: ["党费"],
};

/** 已交至 2025年12月: the last month a member's dues are paid up to, where the sheet keeps no month columns. */
const PAID_UP_TO: Field = {
  name: "paidUpTo",
  title: "已交至",
  titleEn: "Paid up to",
  type: "month",
  aliases: ["已缴至", "交至", "缴至", "已交到", "已缴到", "交纳至", "缴纳至", "党费交至", "党费已交至", "已交纳至", "已缴纳至"],
  weight: 2,
};

/**
 * A dues sheet of one row per member and no month columns: the 党费基数核定表 a branch draws up at the start of
 * the year (2017通知: 年初核定党员月交纳党费数额 — the pay items, 计缴基数, 交纳比例, 月交纳额: a ledger of one
 * month), or a 缴纳情况 list that says how far each member has paid (已交至 2025年12月).
 */
export const duesAssessedTemplate: Template = {
  id: "dues-assessed",
  version: 1,
  kind: "dues",
  title: "党费基数核定表（每人一行，不分月）",
  titleEn: "Dues assessment (one row per member, no month columns)",
  fields: [
    NAME,
    MEMBER_ID,
    BRANCH,
    CATEGORY,
    BASE,
    // Weighed below a payment record's columns: a sheet that also says what was paid (实交) is a payment record.
    { ...RATE, weight: 1 },
    { ...STANDARD, weight: 1 },
    PAID_UP_TO,
    JOIN_DATE,
    { name: "voluntary", title: "自愿多交", titleEn: "Voluntary extra", type: "boolean", aliases: ["是否自愿多交"], weight: 0.5 },
    // A year's payments in two cells (缴纳月数 12, 全年合计 600.00) where there are no month columns.
    { name: "monthCount", title: "缴纳月数", titleEn: "Months paid", type: "integer", aliases: ["交纳月数", "缴费月数", "已缴月数", "已交月数"], weight: 0.5, constraints: { minimum: 0 } },
    { name: "yearTotal", title: "全年合计", titleEn: "Year total (yuan)", type: "money", aliases: ["全年合计(元)", "年度合计", "全年交纳", "全年实交", "全年缴纳"], weight: 0.5 },
    NOTE,
  ],
  rules: [{ rule: "dues.standard" }, { rule: "dues.rate" }, { rule: "dues.baseItems" }, { rule: "dues.paidUpTo" }, { rule: "dues.assessedYear" }, { rule: "dues.periodDue" }],
  minScore: 4.5,
  requiredHeaders: ["name", "base", "standard"],
  distinctive: [{ of: ["rate", "paidUpTo"], min: 1 }],
  titleWords: ["党费"],
};
