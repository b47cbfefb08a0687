import { datesDiffer, shownDate } from "../dates-agree.js";
import { BookFindings, relatedOf } from "../emit.js";
import type { ChangeEntry, ListEntry } from "../member-lists.js";
import type { RosterIndex } from "../roster-index.js";

/** A list the book reads beside its roster, with the file it came from. */
export interface ReadList<T> {
  file: string | undefined;
  entries: T[];
}

/**
 * The roster against the book's register of changes (§6.3 #11; 党章第九条): a member who
 * transferred in is on the roster; one who transferred out, died or left the Party is taken off it
 * or marked (a 备注 with the change), never still listed as a member; and where both write the
 * change's day, it is one day. Changes after the as-of day are not yet the roster's to show.
 */
export function checkRosterAgainstChanges(registers: ReadList<ChangeEntry>[], roster: RosterIndex, asOf: number, out: BookFindings): void {
  if (roster.rosters.length === 0) return;
  for (const { file, entries } of registers) {
    for (const e of entries) {
      if (e.day && e.day.day > asOf) continue;
      const p = roster.find({ id: e.id, name: e.name });
      const here = { sheet: e.sheet, cell: e.dayCell ?? e.nameCell, ...(file ? { file } : {}) };
      if (e.change === "transferIn") {
        if (!p) out.onSheet({ sheet: e.sheet, file }, e.nameCell, "book.transferInNotOnRoster", "error", { name: e.name, date: e.day ? shownDate(e.day) : "" }, relatedOf(roster.rosters[0]!, null, null));
        else if (e.day && p.transferIn && datesDiffer(e.day, p.transferIn)) dateDiffers(p, e, p.transferIn, "transferIn", here, out);
        continue;
      }
      if (!p) continue;
      const theirs = e.change === "transferOut" ? p.transferOut : p.leftOn;
      const marked = e.change === "transferOut" ? p.transferOut !== null || p.left : p.left || p.transferOut !== null;
      if (!marked) {
        const field = e.change === "left" && p.ledger.has("status") ? "status" : "name";
        const code = e.change === "left" ? "book.leftStillListed" : "book.transferOutStillListed";
        out.at(p.ledger, p.rec, field, code, "error", { name: e.name, date: e.day ? shownDate(e.day) : "", change: e.change }, here);
      } else if (e.day && theirs && datesDiffer(e.day, theirs)) {
        dateDiffers(p, e, theirs, e.change === "transferOut" ? "transferOut" : "note", here, out);
      }
    }
  }
}

function dateDiffers(p: NonNullable<ReturnType<RosterIndex["find"]>>, e: ChangeEntry, theirs: NonNullable<ChangeEntry["day"]>, field: string, here: { sheet: string; cell: string; file?: string }, out: BookFindings): void {
  // At the roster's cell that writes the day: its own column, else the 备注 that says it.
  const at = p.ledger.has(field) ? field : "note";
  out.at(p.ledger, p.rec, at, "book.changeDateDiffers", "error", { name: e.name, value: shownDate(theirs), other: e.day ? shownDate(e.day) : "" }, here);
}

/**
 * The book's list of 流动党员 against the roster (2008规定第九条: a 流动党员 stays on the roll of the
 * branch holding the 组织关系): each is on the roster, and the ID number the list gives is the roster's.
 */
export function checkMobileAgainstRoster(lists: ReadList<ListEntry>[], roster: RosterIndex, out: BookFindings): void {
  if (roster.rosters.length === 0) return;
  for (const { file, entries } of lists) {
    for (const e of entries) {
      const p = roster.find({ id: null, name: e.name }) ?? roster.find({ id: e.id, name: null });
      if (!p) {
        out.onSheet({ sheet: e.sheet, file }, e.nameCell, "book.mobileNotOnRoster", "error", { name: e.name }, relatedOf(roster.rosters[0]!, null, null));
        continue;
      }
      if (e.id && e.idCell && p.id && e.id !== p.id) {
        out.onSheet({ sheet: e.sheet, file }, e.idCell, "book.idDiffers", "error", { name: e.name, value: e.id, other: p.id }, relatedOf(p.ledger, p.rec, "idNumber"));
      }
    }
  }
}
