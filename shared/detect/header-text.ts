import { headerKey, headerStem } from "../normalise/text.js";

/**
 * How clerks vary a header's wording, kept as data in one place. A header and every alias
 * of a template go through the same folding, so "缴费基数", "交费基数", "入党日期" and
 * "入党时间", "手机号码" and "联系电话" meet without each template listing every spelling.
 */
const FOLDS: [RegExp, string][] = [
  [/缴/g, "交"],
  [/日期/g, "时间"],
  [/年月日/g, "时间"],
  [/年月$/g, "时间"],
  // 何时入党 is 入党时间, 何时转正 is 转正时间.
  [/^何时(.+)$/g, "$1时间"],
  [/(?:确定为|列为|确定)/g, "确定"],
  [/入党积极分子/g, "积极分子"],
  [/转为正式党员/g, "转正"],
  [/号码/g, "号"],
  [/(?:联系方式|联系电话|手机号|手机|移动电话|电话号)/g, "电话"],
  [/党支部/g, "支部"],
  // 党工委 (of a 街道 or a 开发区) is the 上级党委 that approves: 党工委审批时间 is 党委审批时间.
  [/党工委/g, "党委"],
  // 是否设立支委会, 是否成立委员会, 是否建立支部委员会: one question, whether the organisation has a committee.
  [/^是否(?:设立|成立|建立|组建)/g, "是否设"],
];

/** Marks and remarks that say nothing about the column: required stars, units, format hints. */
const NOISE: RegExp[] = [
  /\((?:[^)]*?)\)/g, // (元), (必填), (正式/预备), (YYYY-MM-DD) — the stem drops every bracketed remark
  /[（(][^）)]*$/g, // an unclosed bracket at the end
  /(?:\/|／)(?:元|人|次|月|天|学时|%)$/g, // 金额/元
  /^(?:必填|选填)[:：]?/g,
  /[:：]$/g,
  /^[①-⑳]/g,
];

/**
 * Words of a group heading that qualify every column under it: under 预备党员转正 (or 转正情况)
 * the 上级党委审批时间 is the approval of full membership, not of admission.
 */
const QUALIFIERS: [RegExp, string][] = [
  [/转正/, "转正"],
  // 党员互评 beside 民主测评: the same four grades, votes of another count.
  [/互评/, "互评"],
];

const qualifiersOf = new Map<string, string[]>();
const MAX_REMEMBERED = 4096;

export function headerQualifiers(group: string): string[] {
  // Asked of the same heading for every header candidate it sits in: worked out once.
  let out = qualifiersOf.get(group);
  if (out === undefined) {
    out = QUALIFIERS.filter(([re]) => re.test(group)).map(([, q]) => q);
    if (qualifiersOf.size >= MAX_REMEMBERED) qualifiersOf.clear();
    qualifiersOf.set(group, out);
  }
  return out;
}

/**
 * A title qualifies a whole table only when it names that step alone: 预备党员转正情况登记表 does,
 * 预备党员接收和转正情况登记表 (both the admission and the 转正) does not.
 */
const TITLE_BOTH_STEPS: [string, RegExp][] = [["转正", /接收|吸收|发展党员|入党申请/]];

export function titleQualifiers(title: string): string[] {
  // 互评 qualifies the columns of its own group only: a title 民主评议党员互评表 is about the whole sheet.
  return headerQualifiers(title).filter((q) => q !== "互评" && !TITLE_BOTH_STEPS.some(([w, other]) => w === q && other.test(title)));
}

export interface HeaderKeys {
  /** Exact key: widths, spaces, stars and bracket shapes made the same. */
  exact: string;
  /** The key with clerks' spelling variants folded (缴→交, 日期→时间 …). */
  folded: string;
  /** The folded key without bracketed remarks, units and marks. */
  stem: string;
}

function fold(key: string): string {
  let out = key;
  for (const [from, to] of FOLDS) out = out.replace(from, to);
  return out;
}

function strip(key: string): string {
  let out = headerStem(key);
  for (const re of NOISE) out = out.replace(re, "");
  return out;
}

export function headerKeys(text: string): HeaderKeys {
  const exact = headerKey(text);
  return { exact, folded: fold(exact), stem: fold(strip(exact)) };
}
