import { toIso } from "../../calendar/days.js";
import type { NoteCount } from "../count-note.js";
import { BookFindings, relatedOf } from "../emit.js";
import type { RosterIndex } from "../roster-index.js";

/**
 * A book's note of counts against the roster on the as-of day (a count disagreeing with the rows it
 * counts, §6.3): 党员总数 the members on the roll, 正式党员 the full members, 预备党员 the rest. An
 * error at the count.
 */
export function checkNoteCounts(notes: { file: string | undefined; counts: NoteCount[] }[], roster: RosterIndex, asOf: number, out: BookFindings): void {
  if (roster.rosters.length === 0) return;
  const members = roster.membersOn(asOf);
  const full = roster.fullMembersOn(asOf);
  const expected = { members, full, probationary: members - full };
  for (const { file, counts } of notes) {
    const first = roster.rosters.find((r) => r.file === file);
    if (!first) continue;
    for (const c of counts) {
      const want = expected[c.of];
      if (c.value === want) continue;
      out.onSheet({ sheet: c.sheet, file }, c.cell, "book.noteCountDiffers", "error", { label: c.label, value: c.value, expected: want, date: toIso(asOf) }, relatedOf(first, null, null));
    }
  }
}
