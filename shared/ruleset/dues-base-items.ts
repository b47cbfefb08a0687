import { z } from "zod";

const Words = z.array(z.string().trim().min(1).max(20)).max(60);

/**
 * How a dues sheet that shows the pay items beside its base (岗位工资, 薪级工资 … − 个人所得税 − 五险一金 →
 * 计缴基数) is read (domain-rules §1.3; 2008问答, 组电明字〔2017〕5号). A column whose header has an `excluded`
 * word is never part of the base (加班补贴, 奖励性绩效工资), whatever else it says; one with a `deducted` word,
 * or under a group header with a `deductionGroups` word (扣除项), is taken off; one with an `included` word is
 * added. Plain words, not patterns: an organisation's own 口径 (pre-2017: only 个税 taken off) is a rule set of
 * its own. The reading holds a sheet to its items only where they give the written base on at least
 * `agreeShare` of at least `minRows` rows: a sheet whose 口径 is another is not judged row by row.
 */
export const DuesBaseItems = z
  .object({
    included: Words,
    excluded: Words,
    deducted: Words,
    deductionGroups: Words,
    agreeShare: z.number().min(0).max(1),
    minRows: z.number().int().min(1).max(100),
  })
  .strict();
export type DuesBaseItems = z.infer<typeof DuesBaseItems>;

export const DEFAULT_DUES_BASE_ITEMS: DuesBaseItems = {
  // 2008规定第一条 (机关、事业单位、企业) and 第五条 (离退休费, 养老金).
  included: [
    "基本工资", "岗位工资", "职务工资", "级别工资", "薪级工资", "技能工资", "技术等级工资", "绩效工资", "基础性绩效", "月度绩效", "绩效",
    "津贴补贴", "规范津贴", "岗位津贴", "职务津贴", "工作性津贴", "生活性补贴", "奖金", "月度奖金", "季度奖金",
    "养老金", "退休费", "离休费", "离退休费", "基本养老金", "退休金",
  ],
  // 2017通知 (2) and (3), 2008问答: what the base leaves out, checked before the included words (奖励性绩效工资 holds 绩效工资).
  excluded: [
    "奖励性绩效", "加班", "误餐", "餐补", "伙食补", "交通补贴", "交通费", "公务用车", "车补", "通讯", "通信补贴", "话补", "住房补贴", "房补", "提租",
    "取暖", "防暑降温", "高温", "物业", "一次性奖", "年终奖", "年终一次性", "特殊岗位", "艰苦边远", "护理费", "抚恤", "独生子女",
  ],
  deducted: ["个人所得税", "个税", "所得税", "五险一金", "社保", "社会保险", "养老保险", "医疗保险", "失业保险", "工伤保险", "生育保险", "公积金", "职业年金", "企业年金", "年金"],
  deductionGroups: ["扣除", "扣款", "代扣", "应扣", "减项"],
  agreeShare: 0.5,
  minRows: 3,
};

/**
 * LOCAL: a 已交至 month this many months or more past the as-of month is dues paid ahead (本人要求预交半年):
 * worth a look (党费按月交纳, 2008规定第十二条; no 垫交, 第十四条), not an error.
 */
export const DuesPaidAhead = z.object({ warnFromMonths: z.number().int().min(1).max(60) }).strict();
export type DuesPaidAhead = z.infer<typeof DuesPaidAhead>;
export const DEFAULT_DUES_PAID_AHEAD: DuesPaidAhead = { warnFromMonths: 3 };
