import { BookFindings, relatedOf } from "../emit.js";
import { personKeys, type BookLedger } from "../ledger.js";

/**
 * A roster kept on two sheets of one workbook (名册（一）, 名册（二）, a 总支's branch by branch):
 * a member whose ID number is on both is registered twice. Only a few repeats are read so: two
 * sheets sharing most of their members are two versions of one roster (a copy kept beside it), not
 * a roster in parts, and each of their members is not a mistake of its own.
 */
/** More repeats than this share of the smaller sheet's members: the sheets are copies, not parts (a reading, not a rule). */
const COPY_SHARE = 0.2;

export function checkRosterRepeats(rosters: BookLedger[], out: BookFindings, continues: (later: BookLedger, earlier: BookLedger) => boolean = () => false): void {
  const share = COPY_SHARE;
  const ids = rosters.map((l) => {
    const byId = new Map<string, (typeof l.records)[number]>();
    for (const rec of l.records) {
      const { id } = personKeys(l, rec);
      if (id !== null && /^\d{17}[\dX]$/.test(id) && !byId.has(id)) byId.set(id, rec);
    }
    return byId;
  });
  for (let b = 1; b < rosters.length; b++) {
    for (let a = 0; a < b; a++) {
      // Files of a book are a branch's ledgers of different kinds or periods: only sheets of one workbook are parts of one roster.
      if (rosters[a]!.file !== rosters[b]!.file) continue;
      // A sheet that continues the other (名册（续）) is one list with it: its own rules say where an ID repeats (value.duplicateAcross).
      if (continues(rosters[b]!, rosters[a]!)) continue;
      const repeats = [...ids[b]!].filter(([id]) => ids[a]!.has(id));
      const smaller = Math.min(ids[a]!.size, ids[b]!.size);
      if (repeats.length === 0 || repeats.length > Math.max(1, Math.floor(share * smaller))) continue;
      for (const [id, rec] of repeats) {
        const first = ids[a]!.get(id)!;
        out.at(rosters[b]!, rec, "idNumber", "book.memberOnTwoSheets", "warning", { name: personKeys(rosters[b]!, rec).name ?? id, row: first.row + 1 }, relatedOf(rosters[a]!, first, "idNumber"));
      }
    }
  }
}
