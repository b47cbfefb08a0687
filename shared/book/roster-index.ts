import type { DateValue } from "../calendar/precision.js";
import { isFullStatus } from "../rules/roster/status-words.js";
import type { DayNumber } from "../calendar/days.js";
import type { LedgerRecord } from "../records/build.js";
import { personKeys, type BookLedger } from "./ledger.js";

/** A member as the book's rosters know them. */
export interface RosterPerson {
  ledger: BookLedger;
  rec: LedgerRecord;
  id: string | null;
  name: string | null;
  status: string | null;
  joinDate: DateValue | null;
  fullDate: DateValue | null;
  transferIn: DateValue | null;
  transferOut: DateValue | null;
  /** A note says the person is no longer a member (出党, 除名, 去世 …). */
  left: boolean;
  /** The day the note gives for it (2025年4月16日病故), where it gives one. */
  leftOn: DateValue | null;
}

/** Every member on the book's rosters, found by ID number or by name. */
export class RosterIndex {
  readonly people: RosterPerson[] = [];
  private readonly byId = new Map<string, RosterPerson>();
  private readonly byName = new Map<string, RosterPerson[]>();

  constructor(readonly rosters: BookLedger[]) {
    for (const ledger of rosters) {
      for (const rec of ledger.records) {
        const { id, name } = personKeys(ledger, rec);
        if (id === null && name === null) continue;
        const transferOutNote = rec.facts?.find((f) => f.kind === "transferOut" && f.day !== undefined);
        const transferInNote = rec.facts?.find((f) => f.kind === "transferIn" && f.day !== undefined);
        const leftNote = rec.facts?.find((f) => f.kind === "left" && f.day !== undefined);
        const p: RosterPerson = {
          ledger,
          rec,
          id,
          name,
          status: ledger.str(rec, "status"),
          joinDate: ledger.date(rec, "joinDate"),
          fullDate: ledger.date(rec, "fullDate"),
          transferIn: ledger.date(rec, "transferIn") ?? (transferInNote ? { day: transferInNote.day!, precision: "day" } : null),
          transferOut: ledger.date(rec, "transferOut") ?? (transferOutNote ? { day: transferOutNote.day!, precision: "day" } : null),
          left: rec.facts?.some((f) => f.kind === "left") ?? false,
          leftOn: leftNote ? { day: leftNote.day!, precision: "day" } : null,
        };
        this.people.push(p);
        if (id !== null && !this.byId.has(id)) this.byId.set(id, p);
        if (name !== null) this.byName.set(name, [...(this.byName.get(name) ?? []), p]);
      }
    }
  }

  /** The roster entry of a person another ledger names: by ID number, else by a name the roster holds once. */
  find(keys: { id: string | null; name: string | null }): RosterPerson | null {
    if (keys.id !== null) {
      const p = this.byId.get(keys.id);
      if (p) return p;
    }
    if (keys.name === null) return null;
    const named = this.byName.get(keys.name) ?? [];
    return named.length === 1 ? named[0]! : null;
  }

  /** The day the person stopped being the branch's member (转出, or 去世 / 出党 with its day), or null. */
  endedOn(p: RosterPerson): DateValue | null {
    const ends = [p.transferOut, p.leftOn].filter((d): d is DateValue => d !== null);
    return ends.length === 0 ? null : ends.reduce((a, b) => (b.day < a.day ? b : a));
  }

  /** A member of the branch on `day`: admitted by then, not yet transferred out, still a member. */
  isMemberOn(p: RosterPerson, day: DayNumber): boolean {
    if (p.left && (p.leftOn === null || p.leftOn.day <= day)) return false;
    if (p.joinDate !== null && p.joinDate.day > day) return false;
    if (p.transferIn !== null && p.transferIn.day > day) return false;
    if (p.transferOut !== null && p.transferOut.day <= day) return false;
    return true;
  }

  /** A full member (who has a vote) on `day`: full membership on or before it, else a 正式 status with no date to say otherwise. */
  isFullMemberOn(p: RosterPerson, day: DayNumber): boolean {
    if (!this.isMemberOn(p, day)) return false;
    if (p.fullDate !== null) return p.fullDate.day <= day;
    return p.status !== null && isFullStatus(p.status);
  }

  /** How many members (full and probationary) the rosters had on `day`. */
  membersOn(day: DayNumber): number {
    return this.people.filter((p) => this.isMemberOn(p, day)).length;
  }

  private readonly fullOn = new Map<DayNumber, number>();

  /** How many full members the rosters had on `day` (remembered: a register asks for the same days). */
  fullMembersOn(day: DayNumber): number {
    let n = this.fullOn.get(day);
    if (n === undefined) {
      n = this.people.filter((p) => this.isFullMemberOn(p, day)).length;
      this.fullOn.set(day, n);
    }
    return n;
  }
}
