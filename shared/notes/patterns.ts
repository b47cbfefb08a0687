/**
 * Facts clerks write in 备注 and other free-text cells, and the words that say them, kept
 * as data. Each pattern names the fact it reads; `read-notes.ts` turns a match into a fact
 * (with a number of months or a date where the words give one), and the rules use it:
 * an extension of probation written in 备注 counts as the extension, months before a
 * transfer in or after a transfer out are not due, an approved exemption is not unpaid.
 */
export type NoteFactKind =
  | "extension" // 延长预备期 N 个月 / 半年 / 一年
  | "duesConsent" // 经支部同意按季度（半年）交纳
  | "transferIn" // 2025年3月转入
  | "admitted" // 2025年5月16日支部大会接收为预备党员
  | "transferOut" // 2025年5月转出
  | "exempt" // 免交（经批准）
  | "reduced" // 减交（经批准）
  | "backPay" // 补交 N 个月
  | "abroad" // 出国（境）
  | "mobile" // 流动党员
  | "notAssessed" // 不参评、不确定等次: left out of an appraisal on purpose
  | "paysElsewhere" // 在流入地党组织交纳党费 (第九条): the dues are paid to another organisation
  | "suspended" // 停止党籍
  | "left" // 出党、除名、开除党籍、去世、取消预备党员资格：no longer a member
  | "secondExtension" // 再次延长预备期: the probation may be extended once only
  | "electionDelay" // 经上级党组织批准延期换届
  | "renewed" // 2025年6月换届: the committee was elected anew that day (its term then ends)
  | "probationary" // 备注 that says only 预备党员: the status, where the sheet has no column for it
  | "voluntaryExtra"; // 12月自愿多交党费1200元: more than is owed, given on purpose (2008规定第十一条)

/** A date as clerks write it inside a sentence: 2025年5月10日, 2025.5.10, 2025-05, 2025年5月. */
export const DATE_IN_TEXT = String.raw`(\d{4}\s*(?:年|[.\-/])\s*\d{1,2}\s*(?:月|(?=[.\-/]))?(?:\s*[.\-/]?\s*\d{1,2}\s*[日号]?)?)`;
/** A count as clerks write it: 6, 六, 十二, 两. */
export const COUNT_IN_TEXT = String.raw`(\d{1,2}|[一二两三四五六七八九十]{1,3})`;

/** A month of the year as clerks write it in a note: 4, 12, 四, 十二. */
export const MONTH_NUMBER = String.raw`(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])`;
/** What joins months in a list or a range (4、5月, 4-6月, 4至6月). */
export const MONTH_JOINER = String.raw`(?:、|,|，|和|及|至|到|-|~|—|–)`;

/** Words that say a higher organisation approved (经批准, 同意, 经街道党工委批复, 审批, 核准). */
const ELECTION_APPROVAL = /批准|同意|批复|审批|核准/;
/** Words that postpone, how long, and what a postponement that is not of an election names. */
const DELAY = "(?:延期|推迟|延后|延迟)";
const DELAY_LENGTH = String.raw`(半年|一年|${COUNT_IN_TEXT}\s*个?\s*月)`;
const NOT_ELECTION = "交|缴|转正|发放|报送|审批|毕业|入学|退休";

export interface NotePattern {
  kind: NoteFactKind;
  pattern: RegExp;
  /** Which capture holds the months or the date, when the fact has one. */
  months?: number;
  /** Which capture lists months of the year (4、5 / 4-6): the fact's `monthsOfYear`. */
  monthList?: number;
  date?: number;
  /** Words that must also be present for an exemption or a reduction to count as approved. */
  approvedBy?: RegExp;
  /** The months a fixed phrase means (半年 = 6). */
  fixedMonths?: Record<string, number>;
}

export const NOTE_PATTERNS: NotePattern[] = [
  { kind: "extension", pattern: new RegExp(String.raw`延长预备期\s*(?:为|了)?\s*(半年|一年|${COUNT_IN_TEXT}\s*个?\s*月)`), months: 1, fixedMonths: { 半年: 6, 一年: 12 } },
  {
    kind: "duesConsent",
    pattern:
      /(?:经|已经|已)?(?:(?:党)?支部(?:委员会|支委会|大会|党员大会)?|支委会|党员大会)[^。；;，,]{0,16}?(?:研究)?(?:同意|批准)[^。；;]*?(?:按|每)\s*(季度?|半年|年)|(?:按|每)\s*(季度?|半年|年)\s*(?:交纳|缴纳|交|缴)[^。；;]*?(?:经|已)?(?:党)?支部[^。；;]*?(?:同意|批准)|(?:党)?支部[^。；;]*?(?:同意|批准)[^。；;]*?一次(?:性)?(?:交清|交纳|缴清|缴纳|预交|交|缴)(全年|一年|半年|全学年|本学年|学年)|(?:党)?支部[^。；;]{0,16}?(?:同意|批准)[^。；;]*?(?:一并|合并|一起)\s*(?:交纳|缴纳|交清|缴清|交|缴)/,
  },
  { kind: "admitted", pattern: new RegExp(String.raw`${DATE_IN_TEXT}\s*(?:经)?(?:支部大会|党员大会)?(?:讨论)?(?:接收|吸收|发展)为(?:中共)?预备党员`), date: 1 },
  { kind: "transferIn", pattern: new RegExp(String.raw`${DATE_IN_TEXT}\s*(?:由\S{0,20}?)?(?:组织关系)?\s*(?:转入|调入|转来)|(?:转入|调入)(?:时间|日期)?\s*[:：（(]?\s*${DATE_IN_TEXT}`), date: 1 },
  { kind: "transferOut", pattern: new RegExp(String.raw`${DATE_IN_TEXT}\s*(?:组织关系)?\s*(?:已)?(?:转出|调出|转走)|(?:转出|调出)(?:时间|日期)?\s*[:：（(]?\s*${DATE_IN_TEXT}`), date: 1 },
  { kind: "exempt", pattern: /免交|免缴|免于交纳/, approvedBy: /批准|同意|审批/ },
  { kind: "reduced", pattern: /减交|减缴|少交/, approvedBy: /批准|同意|审批/ },
  // 补交2月 / 补交4、5月份: the months of the year paid late (3月补交2月); 补交2个月: how many.
  { kind: "backPay", pattern: new RegExp(String.raw`补(?:交|缴)\s*(?:了)?\s*(${MONTH_NUMBER}(?:\s*${MONTH_JOINER}\s*${MONTH_NUMBER})*)\s*月(?!\s*[个])`), monthList: 1 },
  { kind: "backPay", pattern: new RegExp(String.raw`补(?:交|缴)\s*(?:了)?\s*${COUNT_IN_TEXT}\s*个?\s*月`), months: 1 },
  { kind: "abroad", pattern: /出国|出境|国[（(]境[）)]外|境外/ },
  { kind: "mobile", pattern: /流动党员/ },
  { kind: "notAssessed", pattern: /不确定等次|不定等次|不评定等次|不予评定|不参评|未参评|免评|暂缓评议|不参加(?:本次|本年度|今年|当年)?(?:民主)?(?:评议|测评|考核)|未参加(?:本次|本年度|今年|当年)?(?:民主)?(?:评议|测评|考核)/ },
  {
    kind: "paysElsewhere",
    // Or to the organisation that still holds the membership (2008规定第九条: 组织关系未转入，在原单位党组织交纳).
    pattern:
      /(?:流入地|外地|异地|务工地|工作地|现居住地)[^。；;]{0,16}?(?:交纳|缴纳|交|缴)|(?:党费)[^。；;]{0,6}?(?:在|向|交至|交到|缴至)[^。；;]{0,16}?(?:流入地|外地|异地|务工地)|(?:在|向|交至|交到|缴至)\s*原[^。；;，,]{0,8}?(?:党组织|党支部|支部|党委)[^。；;，,]{0,4}?(?:交纳|缴纳|交|缴)/,
  },
  // With the month it happened where one is written before the words (2025年4月经支部大会决定停止党籍, 2025年9月病故).
  { kind: "suspended", pattern: new RegExp(String.raw`${DATE_IN_TEXT}\s*[^，。；,;\d]{0,16}?停止(?:其)?党籍`), date: 1 },
  { kind: "suspended", pattern: /停止党籍/ },
  { kind: "left", pattern: new RegExp(String.raw`${DATE_IN_TEXT}\s*[^，。；,;\d]{0,16}?(?:开除党籍|除名|出党|退党|自行脱党|去世|逝世|病故)`), date: 1 },
  // The whole note is the status (中共预备党员, 预备党员。): a clerk's 类别 kept in 备注.
  { kind: "probationary", pattern: /^\s*(?:系|为|是)?(?:中共)?预备党员\s*[。.]?\s*$/ },
  { kind: "left", pattern: /开除党籍|除名|出党|退党|自行脱党|已故|去世|逝世|病故|取消(?:其)?预备党员资格/ },
  { kind: "secondExtension", pattern: /再次延长预备期|第二次延长预备期|又延长预备期|两次延长预备期|预备期再延长/ },
  // 自愿多交 with the months it was paid in (12月自愿多交党费1200元), or without.
  { kind: "voluntaryExtra", pattern: new RegExp(String.raw`(${MONTH_NUMBER}(?:\s*${MONTH_JOINER}\s*${MONTH_NUMBER})*)\s*月份?\s*(?:份)?\s*自愿(?:多交|多缴|多交纳|交纳大额|缴纳大额)`), monthList: 1 },
  { kind: "voluntaryExtra", pattern: /自愿(?:多交|多缴|多交纳|交纳大额|缴纳大额)/ },
  // A postponed election, with how long (延期6个月换届, 经批准延期18个月, 换届推迟半年) or until when
  // (延期至2026年6月换届); a bare 延期 N 个月 is a postponed election only where it was approved and
  // names nothing else (not 延期交纳, 延期转正).
  {
    kind: "electionDelay",
    pattern: new RegExp(
      String.raw`(?:批准|同意)[^，。；,;]{0,4}?${DELAY}\s*${DELAY_LENGTH}(?!\s*(?:${NOT_ELECTION}))|${DELAY}\s*${DELAY_LENGTH}\s*(?:进行|举行|召开)?\s*(?:换届|选举)|换届(?:选举)?\s*${DELAY}\s*${DELAY_LENGTH}`,
    ),
    months: 1,
    fixedMonths: { 半年: 6, 一年: 12 },
    approvedBy: ELECTION_APPROVAL,
  },
  {
    kind: "electionDelay",
    pattern: new RegExp(
      String.raw`(?:批准|同意)[^，。；,;]{0,4}?${DELAY}\s*至\s*${DATE_IN_TEXT}\s*(?:前|底)?(?!\s*(?:${NOT_ELECTION}))|${DELAY}\s*至\s*${DATE_IN_TEXT}\s*(?:前|底)?\s*(?:进行|举行|召开)?\s*(?:换届|选举)|换届(?:选举)?\s*${DELAY}\s*至\s*${DATE_IN_TEXT}|${DELAY}\s*(?:换届|选举)\s*至\s*${DATE_IN_TEXT}`,
    ),
    date: 1,
    approvedBy: ELECTION_APPROVAL,
  },
  { kind: "electionDelay", pattern: /(?:延期|推迟|延后)(?:至[^，。；,;]{0,14})?(?:换届|选举)|换届延期/, approvedBy: ELECTION_APPROVAL },
  // 2025年6月换届后不再担任, 2025年6月18日完成换届: the day the committee was elected anew (not a postponed one).
  { kind: "renewed", pattern: new RegExp(String.raw`(?<!(?:延期|推迟|延后|延迟)\s*(?:至|到)\s*)${DATE_IN_TEXT}\s*(?:完成|进行|召开党员大会)?\s*换届(?!\s*(?:延期|推迟|延后))(?:选举)?(?:后|完成|结束)?`), date: 1 },
];
