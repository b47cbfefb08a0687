import type { NormProblem, NormValue } from "../normalise/value.js";
import type { FieldParsed } from "../template/schema.js";
import { countNamesListed, readAttendanceSentence } from "../normalise/attendance-sentence.js";

/** A column whose cells are sentences (参会情况), and the fields it may fill. */
export interface SentenceColumn {
  fieldIndex: number;
  col: number;
  kind: "attendance";
  /** Fields filled from the sentence, by what the sentence says; only those no column holds. */
  fills: { expected?: number; present?: number; leave?: number };
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
    if (f.sentence !== "attendance" || colOf[i]! < 0) return;
    const fills = { expected: free("expected"), present: free("present"), leave: free("leave") };
    // Nothing to fill where the sheet has a column for 实到.
    if (fills.present === undefined) return;
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
  const a = readAttendanceSentence(raw);
  if (!a) {
    const listed = countNamesListed(raw);
    return listed === null ? null : { values: [[sc.fills.present!, listed]], problems: [] };
  }
  // 应到 and 实到 both come from the sentence, or neither: half a pair checks nothing.
  if (sc.fills.expected === undefined) return null;
  const values: [number, NormValue][] = [
    [sc.fills.expected, a.expected],
    [sc.fills.present!, a.present],
  ];
  if (sc.fills.leave !== undefined && a.absent !== null) values.push([sc.fills.leave, a.absent]);
  const problems: NormProblem[] = [];
  const value = raw.trim();
  // 缺席 counts everyone not there: with 实到 it makes 应到 (请假 may leave some away unexcused).
  if (a.absentWord === "缺席" && a.absent !== null && a.present + a.absent < a.expected) {
    problems.push({ code: "value.attendanceShort", severity: "warning", args: { value, present: a.present, absent: a.absent, sum: a.present + a.absent, expected: a.expected } });
  }
  if (a.absent !== null && a.accounted !== null && a.accounted !== a.absent) {
    problems.push({ code: "value.absentNames", severity: "warning", args: { value, word: a.absentWord ?? "缺席", absent: a.absent, accounted: a.accounted } });
  }
  return { values, problems };
}
