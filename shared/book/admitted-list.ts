import { toYmd } from "../calendar/days.js";
import { branchKey, type AdmittedList } from "../rules/summary/development-plan.js";
import type { BookLedger } from "./ledger.js";

/**
 * Those admitted per branch, from a book's 发展党员 list that names each one's branch: the list a
 * plan of admissions (计划执行情况) is held to. Where it gives the day of the 支部大会, only those
 * admitted in the plan's year count. Null when no list names branches the plan has.
 */
export function admittedListOf(ledgers: BookLedger[], year: number | null, branches: string[]): AdmittedList | null {
  const wanted = new Set(branches.map(branchKey));
  for (const ledger of ledgers) {
    if (ledger.kind !== "development" || !ledger.has("branch")) continue;
    const byBranch = new Map<string, number>();
    for (const rec of ledger.records) {
      const branch = ledger.str(rec, "branch");
      if (branch === null) continue;
      const joined = ledger.date(rec, "joinDate");
      if (year !== null && joined !== null && toYmd(joined.day).y !== year) continue;
      if (year !== null && ledger.has("joinDate") && joined === null) continue;
      const key = branchKey(branch);
      byBranch.set(key, (byBranch.get(key) ?? 0) + 1);
    }
    // The list is of these branches: most of its branches are the plan's.
    const known = [...byBranch.keys()].filter((b) => wanted.has(b)).length;
    if (byBranch.size > 0 && known >= MATCH_SHARE * byBranch.size) return { sheet: ledger.name, byBranch };
  }
  return null;
}
const MATCH_SHARE = 0.8;
