/**
 * Traditional characters that ledger vocabulary uses, each with its Simplified form. Old ledgers and
 * offices in Hong Kong, Macao or Taiwan style write 入黨時間, 身份證號碼, 評定等次; header text is folded
 * through this table before it is matched, so no template lists Traditional spellings. Kept as data:
 * a character is added here, not in code. Only characters that are never Simplified text of their own
 * (not 乾, 著, 藉, 瞭) are listed, so folding cannot turn a Simplified header into another word.
 */
const PAIRS =
  "黨党員员時时間间號号碼码證证別别轉转組组織织關关係系審审結结論论議议評评費费繳缴實实應应額额計计總总歲岁齡龄" +
  "職职務务單单屬属類类種种態态況况請请書书談谈話话確确發发對对積积極极預预備备標标準准數数據据記记錄录會会課课" +
  "題题參参與与達达簽签歷历學学業业電电聯联繫系絡络戶户區区縣县鄉乡鎮镇換换屆届選选舉举離离狀状現现從从開开滿满" +
  "長长認认為为經经過过簡简紹绍導导師师養养訓训練练讀读覈核檢检報报個个體体優优稱称級级順顺貫贯齊齐寫写冊册統统" +
  "帳账賬账納纳補补減减無无決决贊赞棄弃權权處处罰罚紀纪違违銷销負负責责擔担崗岗專专講讲內内見见範范圍围歸归動动" +
  "調调進进遷迁註注說说條条項项層层幹干團团隊队週周場场點点機机醫医護护園园廠厂礦矿門门診诊財财稅税銀银設设劃划" +
  "續续線线網网測测驗验領领頭头銜衔榮荣譽誉獎奖懲惩義义產产執执華华國国際际東东車车軍军農农婦妇後后於于裡里餘余" +
  "徵征齒齿壽寿蘇苏馬马張张陳陈劉刘楊杨趙赵黃黄吳吴鄭郑謝谢羅罗許许習习親亲寬宽攜携幫帮災灾貧贫難难" +
  "臺台灣湾邊边遠远舊旧買买賣卖價价錢钱";

const TO_SIMPLIFIED: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  const chars = [...PAIRS];
  for (let i = 0; i + 1 < chars.length; i += 2) if (chars[i] !== chars[i + 1]) map.set(chars[i]!, chars[i + 1]!);
  return map;
})();

const CLASS = `[${[...TO_SIMPLIFIED.keys()].join("")}]`;
const TRADITIONAL = new RegExp(CLASS, "g");
const HAS_TRADITIONAL = new RegExp(CLASS);

/** The text with the Traditional characters of the table written in Simplified. */
export function toSimplified(text: string): string {
  // Nearly every text is Simplified already: no copy for it.
  if (!HAS_TRADITIONAL.test(text)) return text;
  return text.replace(TRADITIONAL, (c) => TO_SIMPLIFIED.get(c) ?? c);
}
