import { z } from "zod";

const Words = z.array(z.string().trim().min(1).max(20)).min(1).max(20);

/**
 * What a committee list's 政治面貌 says: a Party member (中共党员), one on probation (中共预备党员), or neither
 * (群众, 共青团员: a 村委会 member on a 两委 list). Plain words, not patterns.
 */
export const CommitteeStatus = z.object({ memberWords: Words, probationaryWords: Words }).strict();
export type CommitteeStatus = z.infer<typeof CommitteeStatus>;
export const DEFAULT_COMMITTEE_STATUS: CommitteeStatus = { memberWords: ["党员", "中共"], probationaryWords: ["预备"] };
