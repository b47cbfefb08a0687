import type { NormProblem, NormValue } from "../normalise/value.js";
import type { FieldParsed } from "../template/schema.js";
import { countNamesListed, readAttendanceSentence, readVoteSentence } from "../normalise/attendance-sentence.js";

/**
 * A column whose cells are sentences (参会情况, 表决情况), and the fields it fills: the field's `fills`, in the
 * order its kind says them (attendance: 应到, 实到, 缺席; vote: 应到, 实到, 赞成). Only fields no column holds.
 */
export interface SentenceColumn {
  fieldIndex: number;
  col: number;
  kind: "attendance" | "vote";
  /** Field index of each figure the sentence says, or undefined where a column holds it (or the template has none). */
  fills: (number | undefined)[];
}

/** Cells of a sentence column that were not understood: said once per column, never passed over. */
export interface SentenceUnread {
  fieldIndex: number;
  col: number;
  count: number;
  example: string;
}

export function sentenceColumnsOf(fields: readonly FieldParsed[], colOf: readonly number[]): SentenceColumn[] {
  const byName = new Map(fields.map((f, i) => [f.name, i]));
  const free = (name: string): number | undefined => {
    const i = byName.get(name);
    return i !== undefined && colOf[i] === -1 ? i : undefined;
  };
  const out: SentenceColumn[] = [];
  fields.forEach((f, i) => {
    if (f.sentence === undefined || !f.fills || colOf[i]! < 0) return;
    const fills = f.fills.map(free);
    // Nothing to fill where the sheet has a column for those present.
    if (fills[1] === undefined) return;
    out.push({ fieldIndex: i, col: colOf[i]!, kind: f.sentence, fills });
  });
  return out;
}

export interface SentenceRead {
  /** Field index → value. */
  values: [number, NormValue][];
  /** What the sentence says that does not add up (缺席 that leaves someone unaccounted for). */
  problems: NormProblem[];
}

/** One cell's sentence: the values it gives, or null when it is not understood (or is empty). */
export function readSentenceCell(sc: SentenceColumn, raw: unknown): SentenceRead | null {
  if (typeof raw !== "string" || raw.trim() === "") return null;
  return sc.kind === "vote" ? voteOf(sc, raw) : attendanceOf(sc, raw);
}

function filled(sc: SentenceColumn, figures: (number | null)[]): [number, NormValue][] {
  const out: [number, NormValue][] = [];
  figures.forEach((v, i) => {
    const f = sc.fills[i];
    if (f !== undefined && v !== null) out.push([f, v]);
  });
  return out;
}

function voteOf(sc: SentenceColumn, raw: string): SentenceRead | null {
  const v = readVoteSentence(raw);
  if (!v || sc.fills[0] === undefined) return null;
  return { values: filled(sc, [v.expected, v.present, v.yes]), problems: [] };
}

function attendanceOf(sc: SentenceColumn, raw: string): SentenceRead | null {
  const a = readAttendanceSentence(raw);
  if (!a) {
    const listed = countNamesListed(raw);
    return listed === null ? null : { values: filled(sc, [null, listed]), problems: [] };
  }
  // 应到 and 实到 both come from the sentence, or neither: half a pair checks nothing.
  if (sc.fills[0] === undefined) return null;
  const problems: NormProblem[] = [];
  const value = raw.trim();
  // 缺席 counts everyone not there: with 实到 it makes 应到 (请假 may leave some away unexcused).
  if (a.absentWord === "缺席" && a.absent !== null && a.present + a.absent < a.expected) {
    problems.push({ code: "value.attendanceShort", severity: "warning", args: { value, present: a.present, absent: a.absent, sum: a.present + a.absent, expected: a.expected } });
  }
  if (a.absent !== null && a.accounted !== null && a.accounted !== a.absent) {
    problems.push({ code: "value.absentNames", severity: "warning", args: { value, word: a.absentWord ?? "缺席", absent: a.absent, accounted: a.accounted } });
  }
  return { values: filled(sc, [a.expected, a.present, a.absent]), problems };
}
