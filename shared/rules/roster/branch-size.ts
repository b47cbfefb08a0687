import type { Rule } from "../context.js";

/** M12: a branch generally has at most 50 members (支部工作条例 第二章): the rule set's figure, or a template's own. */
export const branchSizeRule: Rule = {
  needs: ["name"],
  run(ctx, params) {
    const max = typeof params.maxMembers === "number" ? params.maxMembers : ctx.ruleSet.branch.maxMembers;
    const members = ctx.records.filter((r) => ctx.get(r, "name") !== null).length;
    if (members > max) ctx.atColumn("name", "quota.branchSize", "warning", { members, max });
  },
};
