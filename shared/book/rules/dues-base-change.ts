import { titleYear } from "../../records/title-year.js";
import { fenToYuanText } from "../../scoring/money.js";
import { BookFindings, relatedOf } from "../emit.js";
import { personKeys, type BookLedger } from "../ledger.js";

/**
 * A member's 缴费基数 in two dues ledgers of one year (October's table beside November's, one sheet a
 * month): the monthly amount is fixed at the start of the year and generally not changed within it
 * (2017通知 年初核定; D10). A base that changes with no 备注 on either entry (a pay change, 重新核定)
 * is a warning at the later entry, naming the earlier.
 */
export function checkDuesBaseChanges(dues: BookLedger[], out: BookFindings): void {
  const withBase = dues.filter((l) => l.has("base"));
  if (withBase.length < 2) return;
  const first = new Map<string, { ledger: BookLedger; rec: BookLedger["records"][number]; base: number }>();
  for (const ledger of withBase) {
    const year = titleYear(ledger.sheet.view, ledger.sheet.layout.headerRow);
    for (const rec of ledger.records) {
      const base = ledger.get(rec, "base");
      const keys = personKeys(ledger, rec);
      const who = keys.id ?? keys.name;
      if (typeof base !== "number" || who === null) continue;
      const key = `${year ?? ""}\u0000${who}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, { ledger, rec, base });
        continue;
      }
      if (earlier.ledger === ledger || earlier.base === base) continue;
      if (ledger.str(rec, "note") !== null || earlier.ledger.str(earlier.rec, "note") !== null) continue;
      out.at(ledger, rec, "base", "book.duesBaseChanged", "warning", { base: fenToYuanText(base), before: fenToYuanText(earlier.base) }, relatedOf(earlier.ledger, earlier.rec, "base"));
      first.set(key, { ledger, rec, base });
    }
  }
}
