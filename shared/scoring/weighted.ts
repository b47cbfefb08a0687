import type { RuleSet } from "../ruleset/schema.js";
import { roundHalfUp } from "./appraisal.js";

/**
 * Five-part cadre assessment (目标考核, 专项述职, 民主测评, 民意调查, 述职评议; LOCAL, §4.3):
 * total = Σ score·weight ÷ Σ weight, half-up to the scheme's decimals. Dividing by the
 * weight sum keeps a 0..100 scale whatever the weights add up to.
 */
export type AssessmentScheme = RuleSet["assessment"];

export type WeightedScore =
  | { ok: true; score: number }
  | { ok: false; problem: "missingPart" | "outOfRange"; part: string };

/** `parts` maps a part key to its score on 0..maxPartScore; every weighted part must be present. */
export function weightedScore(parts: Readonly<Record<string, number>>, scheme: AssessmentScheme): WeightedScore {
  let points = 0;
  let weights = 0;
  for (const part of scheme.parts) {
    if (part.weight === 0) continue;
    const score = parts[part.key];
    if (score === undefined || !Number.isFinite(score)) return { ok: false, problem: "missingPart", part: part.key };
    if (score < 0 || score > scheme.maxPartScore) return { ok: false, problem: "outOfRange", part: part.key };
    points += score * part.weight;
    weights += part.weight;
  }
  return { ok: true, score: roundHalfUp(points / weights, scheme.decimals) };
}
