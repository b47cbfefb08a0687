import { createRoute, z } from "@hono/zod-openapi";
import { router, security, errors, json } from "./common.js";
import { BranchBook } from "../../shared/api/schemas.js";
import { visibleOrg } from "../lib/access.js";
import { branchBookOf } from "../lib/branch-book.js";
import { prefersEnglish } from "../middleware/errors.js";

const BranchParam = z.object({ branchId: z.string().min(1).max(81) });
const BookQuery = z.object({ period: z.string().min(1).max(20).openapi({ example: "2025" }) });

/** A branch's ledgers as one book: an admin above the branch, or the branch's own clerk. */
export const branchesRouter = router().openapi(
  createRoute({
    method: "get",
    path: "/{branchId}/book",
    tags: ["branches"],
    security,
    summary: "支部本期台账相互对照（花名册、党费、三会一课…最新报送）/ a branch's book: its latest submissions of a period checked against each other",
    description:
      "Every 报送任务 of the period that asks the branch, with the branch's latest submission to each. The usable ones (not wrong_template) are read again and checked as one book, each with its own collection's template, rule set and mappings; `added` is what the book raises that no submission alone does (each on the offending cell, `related` naming the other ledger's cell, `file` naming the part by its collection's title), `withdrawn` what a submission alone raised that the book shows was not so. Fewer than two usable submissions: status not_checked, nothing compared.",
    request: { params: BranchParam, query: BookQuery },
    responses: { 200: json(BranchBook, "the branch's book"), ...errors(400, 403, 404) },
  }),
  async (c) => {
    const p = c.get("principal");
    const branch = await visibleOrg(c.env.DB, p, c.req.valid("param").branchId);
    const lang = prefersEnglish(c.req.header("accept-language")) ? "en" : "zh";
    return c.json(await branchBookOf(c.env, p, branch, c.req.valid("query").period, lang), 200);
  },
);
