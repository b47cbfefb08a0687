import type { Field, Template } from "../schema.js";
import { BRANCH, JOIN_DATE, MEMBER_ID, NAME, NOTE } from "./common-fields.js";

const CATEGORY: Field = { name: "category", title: "人员类别", titleEn: "Member category", type: "string", aliases: ["党员类别", "缴费类别", "类别", "身份类别"], weight: 1 };
const BASE: Field = {
  name: "base",
  title: "缴费基数",
  titleEn: "Monthly base (yuan)",
  type: "money",
  aliases: ["党费基数", "月缴费基数", "计算基数", "党费计算基数", "月工资收入", "税后月收入", "月收入"],
  weight: 2,
  constraints: { minimum: 0 },
};

/** 党费收缴台账, one row per member with twelve monthly columns. */
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
    { name: "standard", title: "月应缴党费", titleEn: "Monthly dues (yuan)", type: "money", aliases: ["每月应缴", "应缴党费", "月交纳标准", "缴纳标准", "月缴党费", "每月应交党费", "月应交党费"], weight: 2, constraints: { minimum: 0 } },
    { name: "year", title: "年度", titleEn: "Year", type: "integer", aliases: ["年份", "缴费年度"], weight: 0.5, constraints: { minimum: 1949, maximum: 2100 } },
    JOIN_DATE,
    { name: "voluntary", title: "自愿多交", titleEn: "Voluntary extra", type: "boolean", aliases: ["是否自愿多交"], weight: 0.5 },
    { name: "months", title: "月份", titleEn: "Monthly payments", type: "money", aliases: [], weight: 3, repeat: { pattern: "^(?:\\d{4}[-./年])?(1[0-2]|0?[1-9])月份?$", period: "month" } },
    NOTE,
  ],
  rules: [{ rule: "dues.standard" }, { rule: "dues.monthly" }],
  minScore: 4,
  requiredHeaders: ["name", "months"],
};

/** 党费收缴 / 补缴 records, one row per payment (the 党费补缴录入样表 layout). */
export const duesPaymentsTemplate: Template = {
  id: "dues-payments",
  version: 1,
  kind: "dues",
  title: "党费缴纳记录（逐笔）",
  titleEn: "Dues payments (one row per payment)",
  fields: [
    MEMBER_ID,
    NAME,
    CATEGORY,
    BASE,
    { name: "payType", title: "缴费类型", titleEn: "Payment type", type: "string", aliases: ["交纳类型", "缴纳方式"], weight: 2 },
    { name: "fromMonth", title: "缴费起始月份", titleEn: "First month", type: "month", aliases: ["起始月份", "缴费起始月", "补缴起始月份"], weight: 2.5 },
    { name: "toMonth", title: "缴费截止月份", titleEn: "Last month", type: "month", aliases: ["截止月份", "缴费截止月", "补缴截止月份"], weight: 2.5 },
    { name: "amount", title: "缴费金额", titleEn: "Amount (yuan)", type: "money", aliases: ["交纳金额", "实缴金额", "金额"], weight: 2, constraints: { minimum: 0 } },
    { name: "payDate", title: "缴费日期", titleEn: "Paid on", type: "date", aliases: ["交纳日期", "缴费时间"], weight: 1 },
    { name: "explanation", title: "缴费说明", titleEn: "Explanation", type: "string", aliases: [], weight: 1 },
    NOTE,
  ],
  rules: [{ rule: "dues.paymentRows" }],
  minScore: 4,
  requiredHeaders: ["amount"],
};
