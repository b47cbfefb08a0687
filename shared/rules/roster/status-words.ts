/**
 * What a roster's 党籍状态 / 政治面貌 cell says of membership. A 政治面貌 column writes the national code
 * list's words (GB/T 4762: 01 中共党员, 02 中共预备党员, so 中共党员 is the full member), a 党籍 column
 * 正式党员 / 预备党员. A bare 党员 may be any member, full or not: only a confirmed mapping says which.
 * Anything else (群众, 共青团员, 已转出) is neither.
 */
const FULL_WORDS = /^(?:中共党员|中国共产党党员)$/;

export function isProbationaryStatus(status: string): boolean {
  return status.includes("预备");
}

export function isFullStatus(status: string): boolean {
  if (isProbationaryStatus(status)) return false;
  return status.includes("正式") || FULL_WORDS.test(status.replace(/\s+/g, ""));
}
