import type { Lang } from "../../shared/index.js";

type Counts = { errors: number; warnings: number; infos: number };

const list = (titles: string[], lang: Lang) => (lang === "en" ? titles.map((t) => `"${t}"`).join(", ") : titles.map((t) => `“${t}”`).join("、"));

/**
 * What a branch's book says in one sentence. Only the ledgers that were compared are spoken of
 * as compared; missing ones are named, and with fewer than two nothing is called consistent.
 */
export function bookMessage(lang: Lang, status: "checked" | "incomplete" | "not_checked", missing: string[], used: number, counts: Counts | null): string {
  if (lang === "en") {
    const gap = missing.length ? `${list(missing, lang)} not submitted (or not the ledger asked for)` : "";
    if (status === "not_checked") return `Not compared: fewer than two ledgers of this period can be compared${gap ? ` (${gap})` : ""}.`;
    const found = counts && counts.errors + counts.warnings > 0 ? `${counts.errors} error(s) and ${counts.warnings} warning(s) between the ledgers` : "no disagreement between them";
    return status === "incomplete" ? `${gap}; the other ${used} ledgers were compared: ${found}.` : `The ${used} ledgers of this period were compared: ${found}.`;
  }
  const gap = missing.length ? `${list(missing, lang)}还没有报送（或报送的不是要求的台账）` : "";
  if (status === "not_checked") return `没有做台账之间的对照：本期能相互对照的台账不足两份${gap ? `，${gap}` : ""}。`;
  const found = counts && counts.errors + counts.warnings > 0 ? `台账之间发现 ${counts.errors} 处错误、${counts.warnings} 处提醒` : "台账之间没有发现不一致";
  return status === "incomplete" ? `${gap}；其余 ${used} 份台账已相互对照，${found}。` : `本期 ${used} 份台账已相互对照，${found}。`;
}
