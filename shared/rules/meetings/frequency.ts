import { fromYmd, toYmd } from "../../calendar/days.js";
import { periodBounds } from "../../calendar/periods.js";
import { titleYear } from "../../records/title-year.js";
import { titleYearRange } from "../../records/title-years.js";
import type { RuleSet } from "../../ruleset/schema.js";
import type { Args, Rule, RuleContext } from "../context.js";
import type { LedgerRecord } from "../../records/build.js";
import { shortPeriods } from "../../scoring/meetings.js";
import { ownsPeriodEnd, partContexts } from "../../book/register-parts.js";
import { alsoHeld, meetingOf } from "./meeting-of.js";
import { groupOfRow } from "./group-of-row.js";
import { describePeriod } from "./period-words.js";
import { maxOf } from "../../util/append-all.js";
import { contextMentions } from "../../detect/sheet-context.js";

type Requirement = RuleSet["meetings"]["requirements"][number];
/** A meeting held: its day, and the 党小组 its row names. */
type Held = { day: number; group: string | null };

/**
 * Frequencies (M1–M7): every period the register claims to cover has at least the rule
 * set's count of each type. A register covers the year its title names (「2025年三会一课
 * 登记簿」), else the months from its first meeting to its last — never more than up to the
 * as-of day, and only whole periods. A register of one type (one sheet per type, or a
 * 主题党日 register named so by its sheet, title or file) is judged for that type only.
 * 支委会 is required where the branch has a committee (a 支委会 on record, or a general
 * meeting expecting at least `committeeFromMembers`); 党小组会 where groups exist, per
 * group when the sheet names them. A run of missing periods is said once. A register kept in
 * parts (one sheet per quarter or month) is judged over all its parts; each part says the
 * periods that end in its months.
 */
export const meetingFrequencyRule: Rule = {
  needs: ["date"],
  run(ctx) {
    const m = ctx.ruleSet.meetings;
    const byType = new Map<string, Held[]>();
    let first = Infinity;
    let last = -Infinity;
    let largestGeneral = 0;
    // The rows' own types: a type only their words also name (开展民主评议党员) makes no register of two types.
    const primaryTypes = new Set<string>();
    for (const part of partContexts(ctx)) {
      for (const rec of part.records) {
        const day = part.num(rec, "date");
        const req = meetingOf(part, rec);
        if (day === null || req === null) continue;
        first = Math.min(first, day);
        last = Math.max(last, day);
        primaryTypes.add(req.type);
        for (const held of [req, ...alsoHeld(part, rec, req)]) {
          const list = byType.get(held.type) ?? [];
          list.push({ day, group: held.type === "党小组会" ? groupOfRow(part, rec) : part.str(rec, "group") });
          byType.set(held.type, list);
        }
        if (req === m.requirements[0]) largestGeneral = Math.max(largestGeneral, part.num(rec, "expected") ?? 0);
      }
    }
    if (first === Infinity) return;
    // One type only: the register names its type and its rows name no other.
    const oneType = ctx.sheetMeetingType !== null && !ctx.has("type") && [...primaryTypes].every((t) => t === ctx.sheetMeetingType!.type) ? ctx.sheetMeetingType : null;
    const year = titleYear(ctx.view, ctx.headerRow);
    const a = toYmd(first);
    const b = toYmd(last);
    // A title of several years (2024—2025年) covers them all; of one, that year; of none, the months held.
    const years = titleYearRange(ctx.view, ctx.headerRow) ?? (year !== null ? { from: year, to: year } : null);
    const scopeFirst = years !== null ? fromYmd(years.from, 1, 1) : fromYmd(a.y, a.m, 1);
    const scopeLast = Math.min(years !== null ? fromYmd(years.to, 12, 31) : fromYmd(b.y, b.m + 1, 1) - 1, ctx.asOf);
    // M2: a branch of `committeeFromMembers` 正式党员 has a committee. The roster of the book says;
    // without one, a 支委会 on record or a general meeting expecting that many does.
    const full = ctx.book?.fullMembers ?? null;
    const hasCommittee = full !== null ? full >= m.committeeFromMembers : byType.has("支部委员会") || largestGeneral >= m.committeeFromMembers;
    const listed = m.requirements.filter((req) => (!oneType || req === oneType) && (!ctx.listedMeetingTypes || ctx.listedMeetingTypes.has(req.type)));
    const judged = listed.filter((req) => !req.needsCommittee || hasCommittee);
    // A 党总支's register or a 党委's summary naming each row's branch: each branch is judged as its own.
    const branches = branchRows(ctx);
    if (branches) {
      judgeBranches(ctx, listed, branches, scopeFirst, scopeLast, full);
      return;
    }
    for (const req of judged) {
      const held = byType.get(req.type) ?? [];
      if (req.type === "党小组会") {
        if (held.length > 0) checkGroups(ctx, req, held, scopeFirst, scopeLast);
        continue;
      }
      reportMissing(ctx, req, held.map((h) => h.day), scopeFirst, scopeLast, null);
    }
    // M6: the 组织生活会 is usually held in the fourth quarter (the rule set's months).
    const life = byType.get("组织生活会");
    const usual = new Set(m.lifeMeetingMonths);
    if (life && life.length > 0) {
      for (const y of new Set(life.map((l) => toYmd(l.day).y))) {
        if (!ownsPeriodEnd(ctx, fromYmd(y, 12, 31))) continue;
        if (!life.some((l) => toYmd(l.day).y === y && usual.has(toYmd(l.day).m))) ctx.atPeriod("meetings.lifeNotQ4", "warning", String(y));
      }
    }
  },
};

function checkGroups(ctx: RuleContext, req: Requirement, held: Held[], first: number, last: number): void {
  if (!ctx.has("group") && !held.some((h) => h.group !== null)) {
    reportMissing(ctx, req, held.map((h) => h.day), first, last, null);
    return;
  }
  const groups = new Map<string, number[]>();
  for (const h of held) {
    const g = h.group ?? "";
    groups.set(g, [...(groups.get(g) ?? []), h.day]);
  }
  for (const [group, days] of groups) reportMissing(ctx, req, days, first, last, group || null);
}

/** Only periods that lie wholly inside the register's scope are judged. */
function inside(period: string, first: number, last: number): boolean {
  const b = periodBounds(period);
  return b !== null && b.first >= first && b.last <= last;
}

/** Where the register names each row's branch and there are two branches or more (not a register kept in parts): the rows of each. */
function branchRows(ctx: RuleContext): Map<string, LedgerRecord[]> | null {
  if (!ctx.has("branch") || ctx.book?.register) return null;
  const out = new Map<string, LedgerRecord[]>();
  for (const rec of ctx.records) {
    const b = ctx.str(rec, "branch");
    if (b === null) continue;
    const list = out.get(b) ?? [];
    list.push(rec);
    out.set(b, list);
  }
  return out.size >= MIN_BRANCHES ? out : null;
}
const MIN_BRANCHES = 2;

/**
 * Each branch's meetings against each requirement (党小组 aside), and M6's fourth quarter. 支委会
 * is asked of a branch with a committee: the book's roster says, else the branch's own 支委会 or a
 * general meeting of its expecting `committeeFromMembers`. A summary of one row per branch is told at
 * that row; a register of many rows per branch at the period, the branch named (a missing meeting
 * has no cell).
 */
function judgeBranches(ctx: RuleContext, listed: Requirement[], branches: Map<string, LedgerRecord[]>, first: number, last: number, bookFull: number | null): void {
  const m = ctx.ruleSet.meetings;
  const usual = new Set(m.lifeMeetingMonths);
  for (const [branch, recs] of branches) {
    const held = recs.flatMap((rec) => {
      const day = ctx.num(rec, "date");
      const req = meetingOf(ctx, rec);
      return day === null || req === null ? [] : [req, ...alsoHeld(ctx, rec, req)].map((r) => ({ rec, day, req: r }));
    });
    const general = m.requirements[0];
    const largestGeneral = Math.max(0, maxOf(held.filter((h) => h.req === general).map((h) => ctx.num(h.rec, "expected") ?? 0)));
    const hasCommittee = bookFull !== null ? bookFull >= m.committeeFromMembers : held.some((h) => h.req.type === "支部委员会") || largestGeneral >= m.committeeFromMembers;
    for (const req of listed) {
      if (req.needsCommittee && !hasCommittee) continue;
      const own = held.filter((h) => h.req === req);
      // 党小组会 only where the branch has groups: where it records one.
      if (req.type === "党小组会" && own.length === 0) continue;
      // A summary's row of that type, else its only row (a row that says it was not held).
      const at = recs.length > 1 ? null : own.length > 0 ? own[own.length - 1]!.rec : recs[0]!;
      reportMissing(ctx, req, own.map((h) => h.day), first, last, branch, at);
      if (req.type !== "组织生活会" || own.length === 0) continue;
      for (const y of new Set(own.map((h) => toYmd(h.day).y))) {
        const inYear = own.filter((h) => toYmd(h.day).y === y);
        if (!inYear.some((h) => usual.has(toYmd(h.day).m))) ctx.atCell(inYear[inYear.length - 1]!.rec, "date", "meetings.lifeNotQ4Branch", "warning", { period: String(y), branch });
      }
    }
  }
}

function reportMissing(ctx: RuleContext, req: Requirement, days: number[], first: number, last: number, group: string | null, at: LedgerRecord | null = null): void {
  const short = shortPeriods(days, req, first, last, ctx.asOf).filter((s) => inside(s.period, first, last) && ownsPeriodEnd(ctx, periodBounds(s.period)!.last));
  const zh = ctx.lang === "zh";
  const common = {
    type: req.type,
    min: req.min,
    group: group === null ? "" : zh ? `（${group}）` : ` (${group})`,
    source: req.source === "national" ? (zh ? "全国规定" : "national rule") : zh ? "本地做法" : "local practice",
  };
  // Consecutive short periods are one finding: "2019年2月至12月没有召开支部委员会（共 11 个月）".
  let i = 0;
  while (i < short.length) {
    let j = i;
    // A year's obligation is that year's (each year's 民主评议, each year's report): said year by year.
    while (req.per !== "year" && j + 1 < short.length && consecutive(short[j]!.period, short[j + 1]!.period)) j++;
    const run = short.slice(i, j + 1);
    const severity = shortfallSeverity(ctx, req, at);
    const say = (code: string, period: string, args: Args) => (at ? ctx.atCell(at, "date", code, severity, { period, ...args }) : ctx.atPeriod(code, severity, period, args));
    if (run.length === 1) {
      say("meetings.missing", run[0]!.period, { ...common, count: run[0]!.count });
    } else {
      say("meetings.missingRun", run[0]!.period, {
        ...common,
        from: describePeriod(run[0]!.period, ctx.lang),
        to: describePeriod(run[run.length - 1]!.period, ctx.lang),
        count: run.length,
        unit: req.per === "month" ? (zh ? "月" : "month") : req.per === "quarter" ? (zh ? "季度" : "quarter") : zh ? "年" : "year",
        periods: run.map((r) => r.period).join(zh ? "、" : ", "),
        lastPeriod: run[run.length - 1]!.period,
      });
    }
    i = j + 1;
  }
}

/** A row that says its meeting was moved (推迟至2025年1月召开): the branch's account, worth a look rather than wrong. */
const POSTPONED = /推迟|延期|改期|顺延/;

/**
 * The rule set's severity for a shortfall where the register says it records the type, unless the
 * branch's own row says the meeting was postponed; else a warning.
 */
function shortfallSeverity(ctx: RuleContext, req: Requirement, at: LedgerRecord | null): "error" | "warning" {
  if (req.shortfallSeverity === "warning") return "warning";
  if (at && POSTPONED.test(`${ctx.str(at, "date") ?? ""} ${ctx.str(at, "note") ?? ""}`)) return "warning";
  return contextMentions(ctx.sheet, [req.type, ...req.synonyms, ...req.recordedIn]) !== null ? req.shortfallSeverity : "warning";
}

function consecutive(a: string, b: string): boolean {
  const x = periodBounds(a);
  const y = periodBounds(b);
  return x !== null && y !== null && y.first === x.last + 1;
}
