import { titleYear } from "../../records/title-year.js";
import { isFullStatus } from "../../rules/roster/status-words.js";
import { BookFindings, relatedOf } from "../emit.js";
import { personKeys, type BookLedger } from "../ledger.js";

/** The share of the smaller sheet's members both must hold to be one roster kept year by year (a reading, not a rule). */
const VERSION_SHARE = 0.7;

type Rec = BookLedger["records"][number];

/**
 * A roster kept one sheet per year in one workbook (2024年, 2025年, the second copied from the first):
 * each year's sheet is the next version of the year's before. A member leaves the roster only by a
 * recorded change (§6.3 #11: 转出, 去世, 出党 in 备注): one on the earlier year's sheet, absent from the
 * later with no such note, is a warning at the earlier row (whether the change is noted there or in
 * another ledger is practice). A 正式党员 does not go back to 预备 (党章第七条: full membership once
 * granted stands; §6.3 #8): an error at the later year's 党员类别.
 */
export function checkRosterVersions(rosters: BookLedger[], out: BookFindings): void {
  for (const [earlier, later] of versionPairs(rosters)) compare(earlier, later, out);
}

/** Each roster sheet and the next year's version of it in the same workbook. */
function versionPairs(rosters: BookLedger[]): [BookLedger, BookLedger][] {
  const dated = rosters.flatMap((l) => {
    const year = titleYear(l.sheet.view, l.sheet.layout.headerRow);
    return year === null ? [] : [{ ledger: l, year }];
  });
  const pairs: [BookLedger, BookLedger][] = [];
  for (const later of dated) {
    const earlier = dated.filter((d) => d.ledger.file === later.ledger.file && d.year === later.year - 1);
    if (earlier.length === 1 && versionsOfOne(earlier[0]!.ledger, later.ledger)) pairs.push([earlier[0]!.ledger, later.ledger]);
  }
  return pairs;
}

/** The rosters that say who the members are now: an earlier year's version gives way to the later. */
export function currentRosters(rosters: BookLedger[]): BookLedger[] {
  const superseded = new Set(versionPairs(rosters).map(([earlier]) => earlier));
  return rosters.filter((l) => !superseded.has(l));
}

function versionsOfOne(earlier: BookLedger, later: BookLedger): boolean {
  const before = keyed(earlier);
  const after = keyed(later);
  const shared = [...before.keys()].filter((k) => after.has(k)).length;
  return shared >= VERSION_SHARE * Math.min(before.size, after.size);
}

function keyed(l: BookLedger): Map<string, Rec> {
  const m = new Map<string, Rec>();
  for (const rec of l.records) {
    const { id, name } = personKeys(l, rec);
    const key = name ?? id;
    if (key !== null && !m.has(key)) m.set(key, rec);
  }
  return m;
}

function compare(earlier: BookLedger, later: BookLedger, out: BookFindings): void {
  const before = keyed(earlier);
  const after = keyed(later);
  for (const [key, rec] of before) {
    const next = after.get(key);
    if (!next) {
      const noted = rec.facts?.some((f) => f.kind === "transferOut" || f.kind === "left");
      if (!noted) out.at(earlier, rec, "name", "book.goneWithoutChange", "warning", { name: key, year: later.name }, relatedOf(later, null, null));
      continue;
    }
    const was = earlier.str(rec, "status");
    const now = later.str(next, "status");
    if (was !== null && now !== null && isFullStatus(was) && now.includes("预备")) {
      out.at(later, next, "status", "book.statusWentBack", "error", { name: key, value: now, before: was }, relatedOf(earlier, rec, "status"));
    }
  }
}
