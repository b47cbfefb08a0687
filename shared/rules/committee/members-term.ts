import { addMonths, toIso } from "../../calendar/days.js";
import { latestDay } from "../../calendar/precision.js";
import { readDateText } from "../../normalise/dates.js";
import { COUNT_IN_TEXT, DATE_IN_TEXT } from "../../notes/patterns.js";
import { chineseCount } from "../../normalise/chinese-count.js";
import { readNotes } from "../../notes/read-notes.js";
import type { LedgerRecord } from "../../records/build.js";
import type { Rule, RuleContext } from "../context.js";
import { termYearsFor } from "./term.js";
import { judgeTermForName } from "./term-for-type.js";

/**
 * The term of the committee a member list shows (M13): its end as its rows write it (本届任期届满时间),
 * or as the lines above the table state it (本届任期：2022年4月—2025年4月), or its election (选举时间：…, else the day most
 * members took their posts) plus the term in years. Once the term is over with most members
 * still from that election and no approved postponement within its limit, the election is due.
 */
const TERM_SPAN = new RegExp(String.raw`(?:本届)?任期\s*[:：]?\s*${DATE_IN_TEXT}\s*(?:—|-|－|至|到|~|～)+\s*${DATE_IN_TEXT}`);
const ELECTED_ON = new RegExp(String.raw`(?:选举|换届|当选)(?:时间|日期)\s*[:：]\s*${DATE_IN_TEXT}`);
/** The term in years the lines above the table state (任期：三年, 每届任期5年). */
const TERM_YEARS = new RegExp(String.raw`任期\s*[:：]?\s*${COUNT_IN_TEXT}\s*年(?![\d一二三四五六七八九十]*月)`);

/**
 * Whether the list gives a field at all: a column, or a line above the table that every row
 * shares (选举日期：2022年11月18日, read as a cover fact).
 */
function given(ctx: RuleContext, name: string): boolean {
  return ctx.has(name) || ctx.records.some((rec) => ctx.get(rec, name) !== null);
}

function electionDay(ctx: RuleContext): { day: number; rec: LedgerRecord } | null {
  const counts = new Map<number, LedgerRecord[]>();
  for (const rec of ctx.records) {
    const d = ctx.date(rec, "appointedDate");
    if (d !== null) counts.set(d.day, [...(counts.get(d.day) ?? []), rec]);
  }
  const best = [...counts].sort((a, b) => b[1].length - a[1].length || a[0] - b[0])[0];
  return best && best[1].length >= 2 ? { day: best[0], rec: best[1][0]! } : null;
}

/** The term's end as the rows write it (本届任期届满时间 on each member's row): the day most rows give. */
function termDueOfRows(ctx: RuleContext): number | null {
  const counts = new Map<number, number>();
  for (const rec of ctx.records) {
    const d = ctx.date(rec, "termDueDate");
    if (d !== null) counts.set(latestDay(d), (counts.get(latestDay(d)) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return best ? best[0] : null;
}

/**
 * The term a list writes (当选时间 and 届满时间 on the rows) lies within the 党章's 三至五年: judged on
 * the first row of each committee (each branch, in a 党总支's list) that took its post on the day
 * most of that committee did, so a member elected later in the term is not taken for a short term.
 */
function judgeWrittenTerms(ctx: RuleContext): void {
  const b = ctx.ruleSet.branch;
  const byBranch = new Map<string, LedgerRecord[]>();
  for (const rec of ctx.records) {
    const key = ctx.str(rec, "branch") ?? "";
    byBranch.set(key, [...(byBranch.get(key) ?? []), rec]);
  }
  for (const recs of byBranch.values()) {
    const days = new Map<number, LedgerRecord[]>();
    for (const rec of recs) {
      const d = ctx.date(rec, "appointedDate");
      if (d !== null && ctx.date(rec, "termDueDate") !== null) days.set(d.day, [...(days.get(d.day) ?? []), rec]);
    }
    const best = [...days].sort((x, y) => y[1].length - x[1].length || x[0] - y[0])[0];
    if (!best) continue;
    // The term most of that election's rows write stands for the committee; a row of the same election that
    // writes another end (届满 2024.04 beside 2026.04) has a term of its own, judged too.
    const dueOf = (r: LedgerRecord) => latestDay(ctx.date(r, "termDueDate")!);
    const dues = new Map<number, LedgerRecord[]>();
    for (const r of best[1]) dues.set(dueOf(r), [...(dues.get(dueOf(r)) ?? []), r]);
    const groups = [...dues.values()].sort((x, y) => y.length - x.length);
    const ownTerms = groups[0]!.length > 1 ? groups.slice(1).map((g) => g[0]!) : [];
    for (const rec of [groups[0]![0]!, ...ownTerms]) {
      const months = Math.round((dueOf(rec) - best[0]) / 30.44);
      if (months < b.termMinYears * 12 - 1 || months > b.termMaxYears * 12 + 1) {
        ctx.atCell(rec, "termDueDate", "committee.termLength", "warning", { years: (months / 12).toFixed(1), min: b.termMinYears, max: b.termMaxYears });
      } else {
        // Within the 党章's bounds, the term of the organisation's type: the row's branch, else the list's title.
        const branch = ctx.str(rec, "branch");
        const name = branch ?? `${ctx.sheet.titles.join(" ")} ${ctx.sheet.sheetName}`;
        judgeTermForName(ctx, rec, "termDueDate", months, name);
      }
    }
  }
}

/** Where a list has no 任职时间 but its rows write the term's end (任期 2021.06-2024.06): the first such row stands for the election. */
function firstWithTermDue(ctx: RuleContext): { day: number; rec: LedgerRecord } | null {
  const rec = ctx.records.find((r) => ctx.date(r, "termDueDate") !== null);
  return rec ? { day: ctx.date(rec, "termDueDate")!.day, rec } : null;
}

/**
 * A postponement approved until a day past the longest the rule set allows after the term's end (延期换届至2027年6月
 * for a term ending 2026-04: 14 months, more than a year): too long as approved, said at the note that states it
 * whether or not the term has run out yet.
 */
function approvedTooLong(ctx: RuleContext, due: number): void {
  const max = ctx.ruleSet.branch.electionDelayMaxMonths;
  const limit = addMonths(due, max);
  for (const rec of ctx.records) {
    const delay = ctx.facts(rec, "electionDelay").find((f) => f.approved && (f.day !== undefined || f.months !== undefined));
    if (!delay) continue;
    const until = delay.day !== undefined ? delay.day : addMonths(due, delay.months!);
    // 延期至2027年6月 allows the election from the month's first day at the earliest: past the limit, too long.
    if (until > limit) ctx.atColumnIndex(delay.row, delay.col, "note", "committee.delayTooLong", "error", { value: delay.text, due: toIso(due), months: max });
  }
}

export const committeeMembersTermRule: Rule = {
  needs: [],
  run(ctx) {
    if (ctx.has("termDueDate")) judgeWrittenTerms(ctx);
    const b = ctx.ruleSet.branch;
    const titles = ctx.sheet.titles.join(" ");
    if (!given(ctx, "appointedDate") && !given(ctx, "termDueDate")) return;
    // Members who took their posts on different days (one elected, one 补选) share the term their rows write.
    const election = electionDay(ctx) ?? (ctx.has("appointedDate") && termDueOfRows(ctx) === null ? null : firstWithTermDue(ctx));
    if (!election) return;
    let due: number | null = termDueOfRows(ctx);
    const span = due === null ? TERM_SPAN.exec(titles) : null;
    if (span) {
      const end = readDateText(span[2]!);
      if (end) due = latestDay(end);
    }
    if (due === null) {
      const said = ELECTED_ON.exec(titles);
      const on = said ? readDateText(said[1]!) : null;
      const stated = TERM_YEARS.exec(titles);
      const written = stated ? chineseCount(stated[1]!) : null;
      // The term the list states, where the 党章 allows it (三至五年); else the rule set's for its type.
      const years = written !== null && written >= b.termMinYears && written <= b.termMaxYears ? written : termYearsFor(b, `${titles} ${ctx.sheet.sheetName}`);
      due = addMonths(on ? on.day : election.day, years * 12);
    }
    approvedTooLong(ctx, due);
    if (due >= ctx.asOf) return;
    // Re-elected: most members took their posts after the term ended.
    const after = ctx.records.filter((rec) => (ctx.date(rec, "appointedDate")?.day ?? -Infinity) > due!).length;
    if (after * 2 > ctx.records.length) return;
    // Renewed, the new committee written elsewhere: a note dates the 换届 by a month after the term's end (2025年6月换届后不再担任).
    const renewed = ctx.records.flatMap((rec) => ctx.facts(rec, "renewed")).some((f) => f.day !== undefined && f.day <= addMonths(due, 1) && addMonths(f.day, 1) > due);
    if (renewed) return;
    const delays = [...readNotes(titles), ...ctx.records.flatMap((rec) => ctx.facts(rec, "electionDelay"))].filter((f) => f.kind === "electionDelay");
    if (delays.some((f) => f.approved) && ctx.asOf <= addMonths(due, b.electionDelayMaxMonths)) return;
    const overdue = Math.max(1, Math.round((ctx.asOf - due) / 30.44));
    const at = ctx.date(election.rec, "termDueDate") !== null ? "termDueDate" : "appointedDate";
    ctx.atCell(election.rec, at, "committee.termExpired", "error", { due: toIso(due), months: overdue });
  },
};
