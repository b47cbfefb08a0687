import type { RuleSet } from "../ruleset/schema.js";

/**
 * Democratic appraisal (民主评议/民主测评): score = Σ weight·votes ÷ valid votes, and a
 * grade from the rule set's bands, with the 不称职 veto (more than a third of valid votes
 * 不称职 rules out 优秀 and 称职 by default).
 */
export interface Votes {
  excellent: number;
  competent: number;
  basic: number;
  incompetent: number;
}

export function validVotes(v: Votes): number {
  return v.excellent + v.competent + v.basic + v.incompetent;
}

/** Rounded half-up to the rule set's decimals; null when there are no valid votes. */
export function appraisalScore(v: Votes, rules: RuleSet["appraisal"]): number | null {
  const total = validVotes(v);
  if (!(total > 0)) return null;
  const w = rules.weights;
  const points = w.excellent * v.excellent + w.competent * v.competent + w.basic * v.basic + w.incompetent * v.incompetent;
  const factor = 10 ** rules.decimals;
  // Integer votes and weights: round the exact fraction points/total half-up in integers.
  if (Number.isInteger(points) && Number.isInteger(total) && points >= 0) {
    return Math.floor((2 * points * factor + total) / (2 * total)) / factor;
  }
  return roundHalfUp(points / total, rules.decimals);
}

/** Half-up rounding of a non-negative ratio, robust to binary representation (86.665 → 86.67). */
export function roundHalfUp(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = value * factor;
  // Nudge by a relative epsilon so 86.665 stored as 86.66499999 still rounds up.
  return Math.floor(scaled + 0.5 + Math.abs(scaled) * 1e-12) / factor;
}

export function gradeForScore(score: number, rules: RuleSet["appraisal"], incompetentShare = 0): string {
  let grade = rules.bands[rules.bands.length - 1]!.grade;
  for (const band of rules.bands) {
    if (score >= band.min) {
      grade = band.grade;
      break;
    }
  }
  if (incompetentShare > rules.incompetentVetoShare && rules.vetoedGrades.includes(grade)) return rules.vetoCeilingGrade;
  return grade;
}
