import type { Field } from "../schema.js";

/**
 * Columns that several ledgers share, named once. Weight 0 for columns every sheet has
 * (姓名), so they do not decide the ledger kind. Aliases are the words clerks write;
 * spelling variants (缴/交, 日期/时间, 号码/号, 手机/电话) are folded by the header reader.
 */
export const NAME: Field = {
  name: "name",
  title: "姓名",
  titleEn: "Name",
  type: "string",
  aliases: ["党员姓名", "人员姓名", "被测评人", "被评议人", "被考核人", "姓 名"],
  weight: 0.5,
  constraints: { required: true },
  content: { kind: "personName" },
};
export const MEMBER_ID: Field = { name: "memberId", title: "学工号", titleEn: "Staff/student no.", type: "string", aliases: ["工号", "学号", "工作证号", "人员编号", "编号", "职工号", "党员编号"], weight: 0.5 };
export const ID_NUMBER: Field = {
  name: "idNumber",
  title: "身份证号码",
  titleEn: "ID number",
  type: "idNumber",
  aliases: ["身份证号", "公民身份号码", "身份证", "证件号码", "身份证件号码", "居民身份证号码", "身份证号码(18位)"],
  weight: 1,
  constraints: { unique: true },
};
export const SEX: Field = {
  name: "sex",
  title: "性别",
  titleEn: "Sex",
  type: "string",
  aliases: [],
  weight: 0.5,
  constraints: { enum: ["男", "女"] },
  valueAliases: { 男性: "男", 女性: "女", M: "男", F: "女", m: "男", f: "女" },
};
export const ETHNICITY: Field = { name: "ethnicity", title: "民族", titleEn: "Ethnicity", type: "string", aliases: [], weight: 0.5 };
export const EDUCATION: Field = { name: "education", title: "学历", titleEn: "Education", type: "string", aliases: ["文化程度", "最高学历", "全日制学历"], weight: 0.5 };
export const BIRTH: Field = { name: "birthDate", title: "出生日期", titleEn: "Date of birth", type: "date", aliases: ["出生年月", "出生年月日", "生日", "出生时间"], weight: 0.5 };
export const BRANCH: Field = { name: "branch", title: "所在党支部", titleEn: "Branch", type: "string", aliases: ["党支部", "支部名称", "所在支部", "联系党支部", "党支部名称", "所属党支部", "所在党组织"], weight: 0.5 };
export const PHONE: Field = { name: "phone", title: "联系电话", titleEn: "Phone", type: "phone", aliases: ["手机号码", "手机", "电话", "手机号", "联系方式"], weight: 0.3 };
export const NOTE: Field = { name: "note", title: "备注", titleEn: "Note", type: "string", aliases: ["备考", "说明", "备注说明"], weight: 0 };
export const STATUS: Field = {
  name: "status",
  title: "党籍状态",
  titleEn: "Membership status",
  type: "string",
  aliases: ["党员类别", "党员身份", "人员类别(正式/预备)", "政治面貌", "党员类型", "党员状态"],
  weight: 1,
  content: { values: ["正式党员", "预备党员", "正式", "预备", "中共党员", "中共预备党员"] },
};

export const APPLY_DATE: Field = {
  name: "applyDate",
  title: "提交书面申请书时间",
  titleEn: "Application date",
  type: "date",
  aliases: ["申请入党时间", "入党申请时间", "递交入党申请书时间", "申请入党日期", "提交入党申请书时间", "递交申请书时间", "申请时间"],
  weight: 1,
};
export const ACTIVIST_DATE: Field = {
  name: "activistDate",
  title: "确定为入党积极分子时间",
  titleEn: "Activist since",
  type: "date",
  aliases: ["确定入党积极分子时间", "列为入党积极分子时间", "积极分子确定时间", "确定积极分子时间", "列为积极分子时间"],
  weight: 1.5,
};
export const CANDIDATE_DATE: Field = {
  name: "candidateDate",
  title: "确定为发展对象时间",
  titleEn: "Candidate since",
  type: "date",
  aliases: ["确定发展对象时间", "列为发展对象时间", "发展对象确定时间"],
  weight: 1.5,
};
export const JOIN_DATE: Field = {
  name: "joinDate",
  title: "入党时间",
  titleEn: "Admission date",
  type: "date",
  aliases: ["加入党组织日期", "入党日期", "支部大会接收时间", "支部大会通过时间", "接收为预备党员时间", "支部大会讨论时间", "加入中国共产党时间", "入党年月", "吸收为预备党员时间", "接收预备党员时间", "支部大会讨论接收时间", "支部大会讨论通过时间", "支部大会接收预备党员时间"],
  weight: 1.5,
};
export const FULL_DATE: Field = {
  name: "fullDate",
  title: "转正时间",
  titleEn: "Full membership date",
  type: "date",
  aliases: ["转为正式党员日期", "转正日期", "转为正式党员时间", "转正年月", "预备党员转正时间"],
  weight: 1.5,
};
/** The day the probation ends, as the clerk worked it out: EDATE(admission, 12 + extension). */
export const PROBATION_END: Field = {
  name: "probationEnd",
  title: "预备期满时间",
  titleEn: "Probation ends",
  type: "date",
  aliases: ["预备期满日期", "预备期届满时间", "预备期到期时间"],
  weight: 1,
};
export const EXTENSION: Field = {
  name: "extensionMonths",
  title: "延长预备期(月)",
  titleEn: "Probation extension (months)",
  type: "integer",
  // On a probation register the column says only 延长时间（月）: the months are the probation's.
  aliases: ["延长预备期", "延长预备期月数", "延长预备期时间", "延长预备期(个月)", "延长时间(月)", "延长期(月)", "延长月数", "延长期限(月)"],
  weight: 1,
  constraints: { minimum: 0 },
};
