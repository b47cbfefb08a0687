import { djContext } from "./runtime.js";
import { dues as duesImpl, duesRate } from "./impl/dues.js";
import { idCheck, idInfo } from "./impl/ids.js";
import { age as ageImpl, probationEndSerial } from "./impl/dates.js";
import { appraisal as appraisalImpl, grade as gradeImpl } from "./impl/appraisal.js";
import { deduct as deductImpl, score as scoreImpl } from "./impl/assessment.js";
import { meetings as meetingsImpl, missing as missingImpl } from "./impl/meetings.js";
import { ruleSetInUse } from "./impl/ruleset.js";

/*
 * Excel custom functions (namespace DJ, set in manifest.xml). The JSDoc below is the source
 * of functions.json (npm run build:functions); each function is a one-line call into
 * impl/, which wraps the shared calculators, so the add-in, the CLI and the Worker agree.
 * Return types are given in @returns only: a function answers at once from the rule-set
 * cache, or with a promise while an organisation's rule set is fetched.
 */

/**
 * 按全额累进计算每月应交党费（元，四舍五入到分）。Monthly party dues in yuan: one rate on the whole base, rounded as the rule set says.
 * @customfunction DUES DUES
 * @param income 每月计算基数（税后工资、离退休费等，元） / Monthly base in yuan (after tax).
 * @param [category] 党员类别：在职、离退休、学生、下岗失业、农民…；空为在职 / Member category; empty means 在职 (in work).
 * @param [rule_set] 规则集：default、default@1 或本单位规则集 / Rule set name, e.g. default@1.
 * @returns {number} 应交党费（元） / Dues in yuan.
 */
export function dues(income: unknown, category?: string, rule_set?: string) {
  return duesImpl(djContext(), income, category, rule_set);
}

/**
 * 党费比例（小数，设为百分比格式显示 1.5%）。The dues rate as a fraction of the base (format as percent).
 * @customfunction DUESRATE DUESRATE
 * @param income 每月计算基数（元） / Monthly base in yuan.
 * @param [category] 党员类别；空为在职 / Member category; empty means 在职.
 * @param [rule_set] 规则集名称 / Rule set name.
 * @returns {number} 比例，如 0.015 / Rate, e.g. 0.015.
 */
export function duesrate(income: unknown, category?: string, rule_set?: string) {
  return duesRate(djContext(), income, category, rule_set);
}

/**
 * 校验18位身份证号（GB 11643-1999 校验码、出生日期、省份）。Checks an 18-character ID number (check digit, birth date, province).
 * @customfunction IDCHECK IDCHECK
 * @param id 身份证号（文本格式） / ID number, stored as text.
 * @param [rule_set] 规则集名称 / Rule set name.
 * @returns {boolean} 有效为 TRUE / TRUE when valid.
 */
export function idcheck(id: unknown, rule_set?: string) {
  return idCheck(djContext(), id, rule_set);
}

/**
 * 由身份证号得出生日期、性别、省份（横向溢出三格）。Birth date, sex and province from an ID number (spills one row of three).
 * @customfunction IDINFO IDINFO
 * @param id 身份证号（文本格式） / ID number, stored as text.
 * @param [rule_set] 规则集名称 / Rule set name.
 * @returns {any[][]} 出生日期（日期序列号）、性别、省份 / Birth date (serial), sex, province.
 */
export function idinfo(id: unknown, rule_set?: string) {
  return idInfo(djContext(), id, rule_set);
}

/**
 * 周岁（按日历整年，2月29日生日在平年按2月28日计）。Age in full calendar years.
 * @customfunction AGE AGE
 * @param birth_or_id 出生日期或身份证号 / Birth date or ID number.
 * @param [on] 计算日期，空为今天 / Date of the age; empty means today.
 * @param [rule_set] 规则集名称 / Rule set name.
 * @returns {number} 周岁 / Full years.
 */
export function age(birth_or_id: unknown, on?: unknown, rule_set?: string) {
  return ageImpl(djContext(), birth_or_id, on, rule_set);
}

/**
 * 预备期满日 = EDATE(接收日, 12 + 延长月数)，返回日期序列号。End of the probationary period as an Excel date.
 * @customfunction PROBATIONEND PROBATIONEND
 * @param admission 支部大会接收预备党员日期 / Date the branch meeting admitted the member.
 * @param [extension_months] 延长预备期月数：0 或 6–12 / Extension in months: 0 or 6–12.
 * @param [rule_set] 规则集名称 / Rule set name.
 * @returns {number} 日期序列号（设为日期格式） / Date serial (format as date).
 */
export function probationend(admission: unknown, extension_months?: unknown, rule_set?: string) {
  return probationEndSerial(djContext(), admission, extension_months, rule_set);
}

/**
 * 民主测评得分 = (100×优秀+80×称职+60×基本称职+0×不称职)÷有效票，保留两位小数。Democratic appraisal score from vote counts.
 * @customfunction APPRAISAL APPRAISAL
 * @param excellent 优秀票数 / Votes 优秀 (excellent).
 * @param competent 称职票数 / Votes 称职 (competent).
 * @param basic 基本称职票数 / Votes 基本称职 (basically competent).
 * @param incompetent 不称职票数 / Votes 不称职 (incompetent).
 * @param [rule_set] 规则集名称 / Rule set name.
 * @returns {number} 得分 / Score.
 */
export function appraisal(excellent: unknown, competent: unknown, basic: unknown, incompetent: unknown, rule_set?: string) {
  return appraisalImpl(djContext(), excellent, competent, basic, incompetent, rule_set);
}

/**
 * 等次：≥90 优秀，≥70 称职，≥60 基本称职，其余不称职；不称职票超过三分之一不得评为优秀、称职。Grade for a score, with the one-third 不称职 rule.
 * @customfunction GRADE GRADE
 * @param score 得分 / Score.
 * @param [incompetent_share] 不称职票占有效票比例（0–1） / Share of valid votes that were 不称职 (0–1).
 * @param [rule_set] 规则集名称 / Rule set name.
 * @returns {string} 等次 / Grade.
 */
export function grade(score: unknown, incompetent_share?: unknown, rule_set?: string) {
  return gradeImpl(djContext(), score, incompetent_share, rule_set);
}

/**
 * 干部考核加权总分（目标考核、专项述职、民主测评、民意调查、述职评议）。Weighted total of the five-part cadre assessment.
 * @customfunction SCORE SCORE
 * @param part_scores 各环节得分：按规则集顺序的一行/一列，或“环节名称+得分”两列 / Part scores in the rule set's order, or a two-column table of part name and score.
 * @param [scheme] 自定权重（与得分同序或同名），空用规则集权重 / Your own weights, in the same order or with the same names; empty uses the rule set's.
 * @param [rule_set] 规则集名称 / Rule set name.
 * @returns {number} 加权总分 / Weighted total.
 */
export function score(part_scores: unknown[][], scheme?: unknown[][], rule_set?: string) {
  return scoreImpl(djContext(), part_scores, scheme, rule_set);
}

/**
 * 百分制扣分后得分（每项扣分不超过该项上限）。Score out of 100 after deductions, each item capped.
 * @customfunction DEDUCT DEDUCT
 * @param counts 各项缺失次数（月数、季度数、次数） / How many units each item is short.
 * @param items 扣分项名称，或“名称、每次扣分、上限”三列 / Deduction item names, or rows of name, points, cap.
 * @param [rule_set] 规则集名称 / Rule set name.
 * @returns {number} 得分 / Score.
 */
export function deduct(counts: unknown[][], items: unknown[][], rule_set?: string) {
  return deductImpl(djContext(), counts, items, rule_set);
}

/**
 * 某类会议在某年中未达到次数要求的月份/季度（纵向溢出）；同义名称按一类计。Periods of a year in which a meeting type fell short (spills a column).
 * @customfunction MISSING MISSING
 * @param types 会议类型列 / Meeting type column.
 * @param dates 会议日期列 / Meeting date column.
 * @param type 要检查的会议类型，如 支部委员会 / Meeting type to check.
 * @param year 年份 / Year.
 * @param [as_of] 截止日期：尚未结束的期间不算缺 / As-of date: periods not yet over are not missing.
 * @param [rule_set] 规则集名称 / Rule set name.
 * @returns {string[][]} 缺失的期间，如 2025-03、2025-Q2；无缺失为空 / Missing periods; blank when none.
 */
export function missing(types: unknown[][], dates: unknown[][], type: string, year: unknown, as_of?: unknown, rule_set?: string) {
  return missingImpl(djContext(), types, dates, type, year, as_of, rule_set);
}

/**
 * 某期间内某类会议的次数（同义名称按一类计）。Number of meetings of a type in a period.
 * @customfunction MEETINGS MEETINGS
 * @param types 会议类型列 / Meeting type column.
 * @param dates 会议日期列 / Meeting date column.
 * @param type 会议类型 / Meeting type.
 * @param period 期间：2025、2025-Q1 或 2025-03 / Period: 2025, 2025-Q1 or 2025-03.
 * @param [rule_set] 规则集名称 / Rule set name.
 * @returns {number} 次数 / Count.
 */
export function meetings(types: unknown[][], dates: unknown[][], type: string, period: unknown, rule_set?: string) {
  return meetingsImpl(djContext(), types, dates, type, period, rule_set);
}

/**
 * 当前使用的规则集（id@版本）。The rule set a name resolves to, as id@version.
 * @customfunction RULESET RULESET
 * @param [rule_set] 规则集名称，空为 default / Rule set name; empty means default.
 * @returns {string} 如 default@1 / e.g. default@1.
 */
export function ruleset(rule_set?: string) {
  return ruleSetInUse(djContext(), rule_set);
}
