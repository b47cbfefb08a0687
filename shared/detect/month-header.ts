import { headerKey } from "../normalise/text.js";

/**
 * Month column headers in every form clerks use: 1月, 01月, 1月份, 一月, 十二月, 元月,
 * 2025年1月, 2025.1, 2025-01, 2025/01, 202501, "1月缴费", and a bare 1..12 under a group
 * heading that says the columns are months (月份, 缴费情况, 2025年 …). The group path also
 * gives the year when the leaf does not (2025年 over 1月…12月). A column may cover several
 * months: a quarter (第一季度 … 第四季度, 一季度, Q1, 1-3月) is its three calendar months.
 */
export interface MonthHeader {
  /** The first month the column covers. */
  month: number;
  year?: number;
  /**
   * How many months the column covers, when more than one: a quarter (第一季度, 一季度, 1季度,
   * Q1, 1-3月) covers its three calendar months, a range of months (1—6月) those months.
   */
  span?: number;
}

const CN_MONTHS: Record<string, number> = {
  一: 1, 元: 1, 正: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10, 十一: 11, 十二: 12, 冬: 11, 腊: 12,
};

/** What may follow a month in its header: 份, 缴费, 交纳, 实缴, 党费, 金额. */
const TAIL = "(?:份)?(?:交费|交纳|实交|应交|党费|金额|交纳金额|交纳情况)?";
const WITH_YEAR = [
  new RegExp(`^((?:19|20)\\d{2})年(\\d{1,2})月${TAIL}$`),
  /^((?:19|20)\d{2})[.\-/](\d{1,2})$/,
  /^((?:19|20)\d{2})(0[1-9]|1[0-2])$/,
];
const MONTH_ONLY = new RegExp(`^(\\d{1,2})月${TAIL}$`);
const CN_MONTH = new RegExp(`^(十[一二]?|[一二三四五六七八九元正冬腊])月${TAIL}$`);
const BARE = /^(\d{1,2})$/;
/** Group headings under which a bare 1..12 is a month. */
const MONTH_GROUP = /月份|月度|交费情况|交纳情况|缴费情况|缴纳情况|交费记录|缴费记录|党费交纳|党费缴纳|(?:19|20)\d{2}年/;
/** A year heading over months: 2025年, 2025年度 — not a date such as 2026年1月5日. */
const GROUP_YEAR = /((?:19|20)\d{2})年(?:度)?(?!\s*\d{1,2}\s*月)/;

function normalise(text: string): string {
  return headerKey(text).replace(/缴/g, "交").replace(/\(.*?\)/g, "");
}

function valid(m: number): boolean {
  return Number.isInteger(m) && m >= 1 && m <= 12;
}

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4 };
/** A quarter: 第一季度, 一季度, 1季度, 第1季度, Q1 — optionally after its year (2025年第一季度). */
const QUARTER = new RegExp(`^(?:((?:19|20)\\d{2})年(?:度)?)?(?:第)?([一二三四1-4])季(?:度)?${TAIL}$`);
const QUARTER_Q = /^(?:((?:19|20)\d{2}))?q([1-4])$/i;
/** A range of months in one column: 1-3月, 1—3月, 1至3月, 2025年1-3月. */
const MONTH_RANGE = new RegExp(`^(?:((?:19|20)\\d{2})年)?(\\d{1,2})(?:月)?(?:-|—|–|~|～|至|到)+(\\d{1,2})月${TAIL}$`);

/** A column covering several months (a quarter, a range of months), or null. */
function parseSpanHeader(key: string, groupYear: RegExpExecArray | null): MonthHeader | null {
  const withYear = (own: string | undefined, month: number, span: number): MonthHeader => {
    const year = own ? Number(own) : groupYear ? Number(groupYear[1]) : undefined;
    return { month, span, ...(year !== undefined ? { year } : {}) };
  };
  const q = QUARTER.exec(key) ?? QUARTER_Q.exec(key);
  if (q) {
    const n = CN_DIGITS[q[2]!] ?? Number(q[2]);
    return withYear(q[1], n * 3 - 2, 3);
  }
  const r = MONTH_RANGE.exec(key);
  if (r) {
    const [from, to] = [Number(r[2]), Number(r[3])];
    if (valid(from) && valid(to) && to > from) return withYear(r[1], from, to - from + 1);
  }
  return null;
}

/** Under a month heading (1月 merged over 应交 | 实交), the column of what was paid is that month's. */
const PAID_UNDER_MONTH = /^(?:实交|实交金额|实交党费|已交|已交金额|交纳|交纳金额|实收|金额)$/;

/** The month (and year) a column header names, or null. `group` is the text of the header rows above it. */
export function parseMonthHeader(leaf: string, group = ""): MonthHeader | null {
  const key = normalise(leaf);
  if (key === "") return null;
  if (PAID_UNDER_MONTH.test(key) && group !== "") {
    const heads = group.split(" ");
    const month = parseMonthHeader(heads[heads.length - 1]!, heads.slice(0, -1).join(" "));
    if (month) return month;
  }
  for (const re of WITH_YEAR) {
    const m = re.exec(key);
    if (m && valid(Number(m[2]))) return { year: Number(m[1]), month: Number(m[2]) };
  }
  const groupYear = GROUP_YEAR.exec(normalise(group));
  const span = parseSpanHeader(key, groupYear);
  if (span) return span;
  const withGroupYear = (month: number): MonthHeader => (groupYear ? { month, year: Number(groupYear[1]) } : { month });
  let m = MONTH_ONLY.exec(key);
  if (m && valid(Number(m[1]))) return withGroupYear(Number(m[1]));
  m = CN_MONTH.exec(key);
  if (m && CN_MONTHS[m[1]!] !== undefined) return withGroupYear(CN_MONTHS[m[1]!]!);
  m = BARE.exec(key);
  if (m && valid(Number(m[1])) && MONTH_GROUP.test(normalise(group))) return withGroupYear(Number(m[1]));
  return null;
}
