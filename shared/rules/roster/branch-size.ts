import type { Rule } from "../context.js";

/** M12: a branch generally has at most 50 members (支部工作条例 第二章); the figure is a rule parameter. */
export const branchSizeRule: Rule = {
  needs: ["name"],
  run(ctx, params) {
    const max = Number(params.maxMembers);
    if (!Number.isFinite(max)) return;
    const members = ctx.records.filter((r) => ctx.get(r, "name") !== null).length;
    if (members > max) ctx.atColumn("name", "quota.branchSize", "warning", { members, max });
  },
};
