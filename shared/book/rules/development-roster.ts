import { addMonths, toIso } from "../../calendar/days.js";
import { datesDiffer as differ, shownDate as show } from "../dates-agree.js";
import { BookFindings, relatedOf } from "../emit.js";
import { personKeys, type BookLedger } from "../ledger.js";
import type { RosterIndex } from "../roster-index.js";

/** What splits the names in one 入党介绍人 cell: 杨思琪、魏天宇 / 杨思琪,魏天宇 / 杨思琪 魏天宇. */
const SPONSOR_SEPARATOR = /[、,，;；/\s]+/;

/**
 * The development record against the roster (§6.3 #8): the same person's admission and
 * full-membership dates agree (to the precision both are written), and the roster's 正式 /
 * 预备 status follows the record's dates (an error: 党员类别 against the dates, §6.3 #8). One
 * admitted by the 支部大会 on or before the as-of day is on the branch's roll (细则第二十九条),
 * so a record of a workbook with a roster names a roster member; and a 入党介绍人 the roster
 * holds was a full member on the day of the 支部大会 (细则第十四条: two 正式党员), never one
 * still within the probation year of their own admission.
 */
export function checkDevelopmentAgainstRoster(development: BookLedger[], roster: RosterIndex, asOf: number, out: BookFindings, probationMonths = 12): void {
  if (roster.rosters.length === 0) return;
  for (const ledger of development) {
    const sameFile = roster.rosters.some((r) => r.file === ledger.file);
    for (const rec of ledger.records) {
      checkSponsors(ledger, rec, roster, probationMonths, out);
      const p = roster.find(personKeys(ledger, rec));
      if (!p) {
        const joined = ledger.date(rec, "joinDate");
        const keys = personKeys(ledger, rec);
        const left = rec.facts?.some((f) => f.kind === "transferOut" || f.kind === "left");
        if (sameFile && joined && joined.day <= asOf && keys.name !== null && !left) {
          out.at(ledger, rec, "name", "book.admittedNotOnRoster", "error", { name: keys.name, date: show(joined) }, relatedOf(roster.rosters.find((r) => r.file === ledger.file)!, null, null));
        }
        continue;
      }
      for (const field of ["joinDate", "fullDate"] as const) {
        const mine = ledger.date(rec, field);
        const theirs = field === "joinDate" ? p.joinDate : p.fullDate;
        if (mine && theirs && differ(mine, theirs)) {
          out.at(ledger, rec, field, "book.dateDiffers", "error", { value: show(mine), other: show(theirs) }, relatedOf(p.ledger, p.rec, field), show(theirs));
        }
      }
      const full = ledger.date(rec, "fullDate");
      if (full && full.day <= asOf && p.status !== null && p.status.includes("预备")) {
        out.at(p.ledger, p.rec, "status", "book.statusBehindDevelopment", "error", { value: p.status, date: show(full) }, relatedOf(ledger, rec, "fullDate"));
      }
    }
  }
}

/** Each sponsor the roster holds, on the day of the 支部大会 that admitted the record's person. */
function checkSponsors(ledger: BookLedger, rec: BookLedger["records"][number], roster: RosterIndex, probationMonths: number, out: BookFindings): void {
  const day = ledger.date(rec, "joinDate");
  const text = ledger.str(rec, "introducers");
  if (!day || day.precision !== "day" || text === null) return;
  for (const name of text.split(SPONSOR_SEPARATOR).filter((n) => n.length >= 2)) {
    const s = roster.find({ id: null, name });
    // Admitted before the meeting but within their own probation year (or before their 转正): still 预备党员 that day.
    const joined = s?.joinDate;
    if (!s || !joined || joined.precision !== "day" || joined.day > day.day) continue;
    const fullBy = s.fullDate?.day ?? addMonths(joined.day, probationMonths);
    if (day.day >= fullBy) continue;
    out.at(ledger, rec, "introducers", "book.sponsorProbationary", "error", { name, date: toIso(day.day), joined: toIso(joined.day) }, relatedOf(s.ledger, s.rec, "joinDate"));
    return;
  }
}
