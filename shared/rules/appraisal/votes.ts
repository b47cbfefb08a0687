import { appraisalScore, gradeForScore, validVotes, type Votes } from "../../scoring/appraisal.js";
import { quotaByGroup } from "../../scoring/quota.js";
import type { LedgerRecord } from "../../records/build.js";
import type { Rule, RuleContext } from "../context.js";
import { rateDisagrees, statedPercent } from "../derived/stated-rate.js";
import { toHalfWidth, unspacedHalfWidth } from "../../normalise/text.js";
import { isNothingMarker } from "../../normalise/markers.js";
import { assessedVerdicts, verdictSaysNotAssessed } from "./not-taking-part.js";
import { appraisalRulesOf } from "./stated-conversion.js";

/**
 * A 民主测评 row with vote counts: the votes do not exceed those who took part, the score
 * is (100·优秀 + 80·称职 + 60·基本称职 + 0·不称职) ÷ valid votes (weights from the rule
 * set), and the grade follows the bands, with the 不称职 one-third veto.
 */
export function votesOf(ctx: RuleContext, rec: LedgerRecord): Votes | null {
  const v = {
    excellent: ctx.num(rec, "votesExcellent"),
    competent: ctx.num(rec, "votesCompetent"),
    basic: ctx.num(rec, "votesBasic"),
    incompetent: ctx.num(rec, "votesIncompetent"),
  };
  if (v.excellent === null && v.competent === null && v.basic === null && v.incompetent === null) return null;
  return { excellent: v.excellent ?? 0, competent: v.competent ?? 0, basic: v.basic ?? 0, incompetent: v.incompetent ?? 0 };
}

/** The columns of votes per grade the vote rule needs, all four. */
export const VOTE_FIELDS = ["votesExcellent", "votesCompetent", "votesBasic", "votesIncompetent"];

export const appraisalVotesRule: Rule = {
  needs: VOTE_FIELDS,
  run(ctx) {
    const rules = appraisalRulesOf(ctx);
    // A column of the valid votes (有效票) is what the grades' votes add up to; one of those taking part (参评人数) may be more.
    const validHeader = ctx.has("voters") && VALID_VOTES_HEADER.test(unspacedHalfWidth(ctx.headerOf("voters")));
    const returnedCounted = !validHeader && votesCountReturned(ctx);
    for (const rec of ctx.records) {
      // 有效34张 said in the cell of votes is the valid ballots, as a 有效票 column is.
      const stated = validBallotsStated(ctx, rec);
      const validColumn = validHeader || stated === "cell";
      if (ballotsDisagree(ctx, rec, validColumn)) continue;
      const votes = votesOf(ctx, rec);
      if (!votes) continue;
      const valid = validVotes(votes);
      // Ballots said once above the table are checked against the row's votes below, at the row.
      if (votesMiscounted(ctx, rec, valid, validColumn || stated === "cover", returnedCounted)) continue;
      const total = ctx.num(rec, "voters");
      // Against a column of 有效票 the one written count is what the clerk fixes, more or fewer; against
      // those taking part, more votes than people is the votes' fault.
      // 有效票28张 said once above the table: every row's votes add up to it, and a row that does not is the row's fault.
      if (total !== null && stated === "cover" && valid !== total) {
        ctx.atCell(rec, "votesExcellent", "appraisal.votesBelowValid", "error", { sum: valid, valid: total });
        continue;
      }
      if (total !== null && validColumn && valid !== total) {
        ctx.atCell(rec, "voters", "appraisal.votesBelowValid", "error", { sum: valid, valid: total });
        continue;
      }
      if (total !== null && valid > total) {
        ctx.atCell(rec, "votesExcellent", "appraisal.votesOverTotal", "error", { valid, total });
        continue;
      }
      checkExcellentRate(ctx, rec, votes.excellent, total ?? valid);
      checkGoodRate(ctx, rec, votes.excellent, votes.competent, total ?? valid);
      checkVoteRates(ctx, rec, votes, total ?? valid);
      const score = appraisalScore(votes, rules);
      if (score === null) continue;
      const given = ctx.num(rec, "score");
      if (given !== null && Math.abs(given - score) > 0.5 / 10 ** rules.decimals) {
        ctx.atCell(rec, "score", "appraisal.scoreMismatch", "error", { value: given, expected: score.toFixed(rules.decimals) }, score.toFixed(rules.decimals));
      }
      const grade = gradeForScore(score, rules, votes.incompetent / valid);
      const givenGrade = ctx.str(rec, "grade");
      if (givenGrade !== null && givenGrade !== grade && rules.bands.some((b) => b.grade === givenGrade)) {
        ctx.atCell(rec, "grade", "appraisal.gradeMismatch", "error", { value: givenGrade, expected: grade, score: score.toFixed(rules.decimals) }, grade);
      }
      vetoOfResult(ctx, rec, votes.incompetent, valid);
    }
  },
};

const VALID_VOTES_HEADER = /有效/;

const VALID_BALLOTS_LINE = /有效(?:测评)?票?\s*[:：]?\s*\d+\s*张/;

/** Where the row's count of voters is the valid ballots a sentence states: its cell of votes, or a line above the table. */
function validBallotsStated(ctx: RuleContext, rec: LedgerRecord): "cell" | "cover" | null {
  const voters = ctx.set.fields.findIndex((f) => f.name === "voters");
  const text = ctx.set.fields.findIndex((f) => f.name === "votesText");
  const source = voters < 0 ? undefined : rec.sources?.get(voters);
  if (source?.from === "span" && text >= 0 && source.col === ctx.set.colOf[text]) return "cell";
  const line = source?.from === "cover" ? ctx.view.merged(source.row, source.col) : null;
  return typeof line === "string" && VALID_BALLOTS_LINE.test(toHalfWidth(line)) ? "cover" : null;
}

/** The sheet's rows count every returned ballot: most rows' votes add up to their 收回票 (rule set share and rows). */
function votesCountReturned(ctx: RuleContext): boolean {
  if (!ctx.has("ballotsReturned")) return false;
  const { votesMatchReturnedShare, votesMatchReturnedMinRows } = ctx.ruleSet.appraisal;
  let rows = 0;
  let equal = 0;
  for (const rec of ctx.records) {
    const returned = ctx.num(rec, "ballotsReturned");
    const votes = votesOf(ctx, rec);
    if (returned === null || !votes) continue;
    rows++;
    if (validVotes(votes) === returned) equal++;
  }
  return equal >= votesMatchReturnedMinRows && equal >= votesMatchReturnedShare * rows;
}

/**
 * The votes against the 收回票 of their row (no 有效票 column): more votes than ballots returned is always wrong;
 * fewer is wrong where the sheet's other rows count every returned ballot. Said at the 收回票 cell; the row's rates and
 * score are then not judged on a count that is itself wrong.
 */
function votesMiscounted(ctx: RuleContext, rec: LedgerRecord, sum: number, validColumn: boolean, returnedCounted: boolean): boolean {
  if (validColumn) return false;
  const returned = ctx.num(rec, "ballotsReturned");
  if (returned === null || sum === returned) return false;
  if (sum > returned) ctx.atCell(rec, "ballotsReturned", "appraisal.votesOverReturned", "error", { sum, returned });
  else if (returnedCounted) ctx.atCell(rec, "ballotsReturned", "appraisal.votesBelowReturned", "error", { sum, returned });
  else return false;
  return true;
}

/**
 * The ballots of a row: 收回票 ≤ 发出票, and 有效票 ≤ 收回票. True when one is broken (said at the larger count's
 * cell): the votes of that row are then not judged against a count that is itself wrong.
 */
export function ballotsDisagree(ctx: RuleContext, rec: LedgerRecord, validColumn: boolean): boolean {
  const issued = ctx.num(rec, "ballotsIssued");
  const returned = ctx.num(rec, "ballotsReturned");
  if (issued !== null && returned !== null && returned > issued) {
    ctx.atCell(rec, "ballotsReturned", "appraisal.returnedOverIssued", "error", { returned, issued });
    return true;
  }
  const valid = validColumn ? ctx.num(rec, "voters") : null;
  if (valid !== null && returned !== null && valid > returned) {
    ctx.atCell(rec, "voters", "appraisal.validOverReturned", "error", { valid, returned });
    return true;
  }
  return false;
}

/**
 * LOCAL (the rule set says how, or not at all): a 预备党员 takes part in 民主评议 but in many places is given no 等次.
 */
export const probationaryGradedRule: Rule = {
  needs: ["status", "result"],
  run(ctx) {
    const severity = ctx.ruleSet.appraisal.probationaryGradedSeverity;
    if (severity === null) return;
    const ungraded = ctx.ruleSet.appraisal.ungradedResults;
    for (const rec of ctx.records) {
      const status = ctx.str(rec, "status");
      const result = ctx.str(rec, "result")?.trim() ?? "";
      if (status === null || !status.includes("预备") || result === "" || ungraded.includes(result) || isNothingMarker(result)) continue;
      ctx.atCell(rec, "result", "appraisal.probationaryGraded", severity, { value: result });
    }
  },
};

/**
 * A 民主评议党员 verdict (评议结果, on the 优秀/合格/基本合格/不合格 scale) is not worked out from the
 * votes, but the veto holds for it too: more than a third 不合格 rules out the grades the rule set
 * vetoes, read on its scale through `gradeEquivalents` (合格 is 称职).
 */
function vetoOfResult(ctx: RuleContext, rec: LedgerRecord, incompetent: number, valid: number): void {
  if (ctx.has("grade") || !ctx.has("result") || valid === 0) return;
  const rules = ctx.ruleSet.appraisal;
  const result = ctx.str(rec, "result");
  if (result === null || incompetent / valid <= rules.incompetentVetoShare) return;
  const grade = rules.gradeEquivalents[result] ?? result;
  if (!rules.vetoedGrades.includes(grade)) return;
  ctx.atCell(rec, "result", "appraisal.vetoedResult", "error", { value: result, votes: incompetent, valid, share: shareText(rules.incompetentVetoShare, ctx.lang) });
}

function shareText(share: number, lang: string): string {
  if (Math.abs(share - 1 / 3) < 1e-9) return lang === "zh" ? "三分之一" : "one third";
  return `${Math.round(share * 100)}%`;
}

/**
 * A 民主评议党员 verdict is one the rule set names (优秀/合格/基本合格/不合格, or a band's grade):
 * 良好 is a 领导班子's grade, not a member's. The sheet's own drop-down list, where it has one, decides instead.
 */
/** The facts that say a member is no longer the branch's to appraise. */
const LEFT_KINDS = ["transferOut", "left", "suspended"] as const;

/**
 * A dash (—, /) where the row says why there is no grade: a 预备党员 (评议 but not 评定等次, LOCAL practice the
 * rule set allows) or a note that the member was not graded. Left on purpose, not a grade of another scale.
 */
function notGradedOnPurpose(ctx: RuleContext, rec: LedgerRecord, value: string): boolean {
  if (verdictSaysNotAssessed(value)) return true;
  if (!isNothingMarker(value)) return false;
  const probationary = (ctx.str(rec, "status") ?? "").includes("预备") || ctx.facts(rec, "probationary").length > 0;
  return (probationary && ctx.ruleSet.appraisal.probationaryGradedSeverity !== null) || ctx.facts(rec, "notAssessed").length > 0;
}

export const resultGradeRule: Rule = {
  needs: ["result"],
  run(ctx) {
    if (ctx.set.listOf[ctx.field("result")]) return;
    const rules = ctx.ruleSet.appraisal;
    const values = ctx.records.map((rec) => ctx.str(rec, "result"));
    const main = [...rules.resultGrades, ...rules.bands.map((b) => b.grade).filter((g) => !rules.resultGrades.includes(g))];
    // A sheet graded on another scale the rule set accepts (好/较好/一般/差) is held to that scale, whole.
    const scales = [main, ...rules.resultScales];
    const used = (scale: readonly string[]) => values.filter((v) => v !== null && scale.includes(v)).length;
    const allowed = scales.reduce((best, scale) => (used(scale) > used(best) ? scale : best), main);
    const shown = allowed === main ? rules.resultGrades : allowed;
    ctx.records.forEach((rec, i) => {
      const v = values[i] ?? null;
      if (v !== null && !allowed.includes(v) && !rules.ungradedResults.includes(v) && !notGradedOnPurpose(ctx, rec, v)) ctx.atCell(rec, "result", "appraisal.resultUnknown", "error", { value: v, allowed: shown.join("、") });
      // Graded though 状态 or 备注 says the member left (the receiving branch appraises one who transferred out).
      const gone = v === null ? undefined : LEFT_KINDS.flatMap((k) => ctx.facts(rec, k)).find((f) => f.day === undefined || f.day <= ctx.asOf);
      if (gone) ctx.atCell(rec, "result", "appraisal.gradedAfterLeaving", "warning", { value: v!, note: gone.text });
    });
  },
};

/**
 * 优秀 at most the rule set's share (20%) of those assessed: in each branch of a sheet that lists several (LOCAL, the
 * rule set says), else in the sheet. Said once for the sheet (or the branch), and at each 优秀 past the limit: those
 * with the lowest scores where the sheet gives scores, else the last in sheet order.
 */
export const excellentQuotaRule: Rule = {
  needs: [],
  run(ctx) {
    const field = ctx.has("grade") ? "grade" : ctx.has("result") ? "result" : null;
    if (!field) return;
    const rules = ctx.ruleSet.appraisal;
    const grades = assessedVerdicts(
      ctx.records.map((rec) => ctx.str(rec, field)),
      rules.resultGrades,
    );
    const branches = rules.excellentQuotaPer === "branch" && ctx.has("branch") ? ctx.records.map((rec) => ctx.str(rec, "branch")) : null;
    const several = branches !== null && new Set(branches.filter((b) => b !== null && b.trim() !== "")).size > 1;
    const scores = ctx.has("score") ? ctx.records.map((rec) => ctx.num(rec, "score")) : null;
    const share = `${Math.round(rules.excellentQuotaShare * 100)}%`;
    for (const q of quotaByGroup(grades, several ? branches : null, rules.bands[0]!.grade, rules.excellentQuotaShare, rules.ungradedResults, scores)) {
      const args = { excellent: q.excellent, assessed: q.assessed, allowed: q.limit, share, ...(q.group !== null ? { branch: q.group } : {}) };
      ctx.atColumn(field, q.group !== null ? "quota.excellentInBranch" : "quota.excellent", rules.excellentQuotaSeverity, args);
      const where = { ...args, branch: q.group ?? (ctx.lang === "zh" ? "本表" : "this sheet") };
      for (const i of q.past) ctx.atCell(ctx.records[i]!, field, "quota.excellentPast", rules.excellentQuotaSeverity, where);
    }
  },
};

/**
 * Rank-based sheets (干部年终考核测评): 1 ≤ 排名 ≤ 总人数. Where no column gives the number
 * ranked (none, or the column counts votes: 有效票数), it is the number of people the sheet ranks.
 * A 总人数 smaller than the number the sheet itself ranks is the wrong count, not every rank
 * wrong: it is said once, on that cell, and the ranks are checked against the people ranked.
 * A larger one stands (the sheet may list some of those ranked).
 */
const VOTE_COUNT_HEADER = /票/;

export const rankRule: Rule = {
  needs: ["rank"],
  run(ctx) {
    const ownTotal = ctx.has("voters") && !VOTE_COUNT_HEADER.test(unspacedHalfWidth(ctx.headerOf("voters")));
    const ranked = ctx.records.filter((rec) => ctx.num(rec, "rank") !== null).length;
    const saidShort = new Set<number>();
    for (const rec of ctx.records) {
      const rank = ctx.num(rec, "rank");
      const stated = ownTotal ? ctx.num(rec, "voters") : null;
      if (stated !== null && stated < ranked && !saidShort.has(stated)) {
        saidShort.add(stated);
        ctx.atCell(rec, "voters", "assessment.totalBelowRanked", "warning", { total: stated, ranked });
      }
      const total = stated !== null ? Math.max(stated, ranked) : ranked;
      if (rank === null) continue;
      if (rank < 1 || rank > total) ctx.atCell(rec, "rank", "assessment.rankRange", "error", { rank, total });
    }
  },
};

/**
 * A stated 优秀率 agrees with the 优秀 votes over those who took part (else the valid votes), to the
 * decimals it is written with: 35.7% for 10 of 28 (35.71…) is right, 25.0% for 5 of 28 is not.
 */
/** A stated 优秀和称职率 agrees with the 优秀 and 称职 votes together, over the same count as the 优秀率 (基本称职 not among them). */
function checkGoodRate(ctx: RuleContext, rec: LedgerRecord, excellent: number, competent: number, of: number): void {
  const stated = statedPercent(ctx, rec, "goodRate");
  if (stated === null) return;
  const want = rateDisagrees(stated, excellent + competent, of);
  if (want !== null) ctx.atCell(rec, "goodRate", "appraisal.goodRateMismatch", "error", { value: stated.text, excellent, competent, of, expected: want }, want);
}

function checkExcellentRate(ctx: RuleContext, rec: LedgerRecord, excellent: number, of: number): void {
  const stated = statedPercent(ctx, rec, "excellentRate");
  if (stated === null) return;
  const want = rateDisagrees(stated, excellent, of);
  if (want !== null) ctx.atCell(rec, "excellentRate", "appraisal.excellentRateMismatch", "error", { value: stated.text, excellent, of, expected: want }, want);
}

/**
 * 称职率 and 不称职率 as the rule set defines them (称职率 counts 优秀 + 称职 by default, as sheets' notes do: 称职率＝
 * （优秀＋称职）票数÷收回票数), on the same base as 优秀率, to the decimals they are written with.
 */
function checkVoteRates(ctx: RuleContext, rec: LedgerRecord, votes: Votes, of: number): void {
  const counted = ctx.ruleSet.appraisal.competentRateCounts.reduce((n, k) => n + votes[k], 0);
  for (const [field, count, code] of [
    ["competentRate", counted, "appraisal.competentRateMismatch"],
    ["incompetentRate", votes.incompetent, "appraisal.incompetentRateMismatch"],
  ] as const) {
    const stated = statedPercent(ctx, rec, field);
    if (stated === null) continue;
    const want = rateDisagrees(stated, count, of);
    if (want !== null) ctx.atCell(rec, field, code, "error", { value: stated.text, count, of, expected: want }, want);
  }
}
