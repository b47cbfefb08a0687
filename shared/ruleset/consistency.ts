import type { z } from "zod";
import type { RuleSetFields } from "./schema.js";

/**
 * Cross-field checks a per-field schema cannot express. A rule set that passes them can
 * never make a calculator return a wrong number (unsorted brackets, an alias to nowhere…).
 * Messages are Chinese first, then English, because clerks read them in the task pane.
 */
export function checkRuleSetConsistency(rs: RuleSetFields, ctx: z.RefinementCtx): void {
  const fail = (path: (string | number)[], zh: string, en: string) =>
    ctx.addIssue({ code: "custom", path, message: `${zh} / ${en}` });

  const { dues, meetings, appraisal, assessment, deductions, probation, branch, cadreGrades } = rs;
  for (const [name, category] of Object.entries(dues.categories)) {
    if (category.kind === "brackets") {
      const bounds = category.brackets.map((b) => b.upTo);
      if (bounds[bounds.length - 1] !== null) {
        fail(["dues", "categories", name, "brackets"], `党费类别「${name}」的最后一档上限须为 null（以上）`, `the last bracket of "${name}" must have upTo null`);
      }
      for (let i = 1; i < bounds.length; i++) {
        const prev = bounds[i - 1] ?? null;
        const cur = bounds[i] ?? null;
        if (prev === null || (cur !== null && cur <= prev)) {
          fail(["dues", "categories", name, "brackets", i], `党费类别「${name}」的档次上限须严格递增`, `brackets of "${name}" must have increasing bounds`);
        }
      }
    }
    if (category.kind === "range" && category.minYuan > category.maxYuan) {
      fail(["dues", "categories", name], `党费类别「${name}」的下限大于上限`, `range of "${name}" has min > max`);
    }
  }
  if (!(dues.defaultCategory in dues.categories)) {
    fail(["dues", "defaultCategory"], `默认党费类别「${dues.defaultCategory}」不存在`, `default category "${dues.defaultCategory}" is not defined`);
  }
  for (const [i, b] of dues.branchTitleCategories.entries()) {
    if (!(b.category in dues.categories)) fail(["dues", "branchTitleCategories", String(i)], `支部名称对应的类别「${b.category}」不存在`, `branch title category "${b.category}" is not defined`);
  }
  for (const [i, b] of dues.noteCategoryChanges.entries()) {
    if (!(b.category in dues.categories)) fail(["dues", "noteCategoryChanges", String(i)], `备注对应的类别「${b.category}」不存在`, `note category "${b.category}" is not defined`);
  }
  for (const [i, b] of dues.noteCategories.entries()) {
    if (!(b.category in dues.categories)) fail(["dues", "noteCategories", String(i)], `备注对应的类别「${b.category}」不存在`, `note category "${b.category}" is not defined`);
  }
  for (const [i, b] of dues.baseHeaderCategories.entries()) {
    if (!(b.category in dues.categories)) fail(["dues", "baseHeaderCategories", String(i)], `基数列名对应的类别「${b.category}」不存在`, `base header category "${b.category}" is not defined`);
  }
  for (const [alias, target] of Object.entries(dues.categoryAliases)) {
    if (!(target in dues.categories)) {
      fail(["dues", "categoryAliases", alias], `别名「${alias}」指向不存在的类别「${target}」`, `alias "${alias}" names unknown category "${target}"`);
    }
  }
  if (dues.unpaidWarningMonths > dues.unpaidErrorMonths) {
    fail(["dues", "unpaidWarningMonths"], "欠交提醒月数不能大于欠交错误月数", "unpaid warning months exceed error months");
  }

  const meetingNames = new Map<string, string>();
  meetings.requirements.forEach((req, i) => {
    for (const name of [req.type, ...req.synonyms]) {
      const owner = meetingNames.get(name);
      if (owner !== undefined && owner !== req.type) {
        fail(["meetings", "requirements", i], `会议名称「${name}」同时属于「${owner}」和「${req.type}」`, `meeting name "${name}" belongs to two types`);
      }
      meetingNames.set(name, req.type);
    }
  });

  if (probation.extensionMinMonths > probation.extensionMaxMonths) {
    fail(["probation", "extensionMinMonths"], "延长预备期下限大于上限", "extension min exceeds max");
  }
  if (dues.unpaidErrorMonths > 24 || meetings.requirements.some((r) => r.min > 100)) {
    fail(["meetings", "requirements"], "会议次数要求超出合理范围（每个周期不超过 100 次）", "a meeting requirement above 100 per period is not plausible");
  }
  if (!(branch.committeeMinSize <= branch.committeeNormalMaxSize && branch.committeeNormalMaxSize <= branch.committeeMaxSize)) {
    fail(["branch", "committeeMinSize"], "支委会人数上下限须满足 最少 ≤ 一般最多 ≤ 最多", "committee sizes must be min ≤ normal max ≤ max");
  }
  if (branch.termMinYears > branch.termMaxYears) fail(["branch", "termMinYears"], "任期年限下限大于上限", "term min years exceed max");
  for (const [i, t] of [{ years: branch.termYears }, ...branch.termYearsByType].entries()) {
    if (t.years < branch.termMinYears || t.years > branch.termMaxYears) {
      fail(["branch", i === 0 ? "termYears" : "termYearsByType"], `任期 ${t.years} 年不在 ${branch.termMinYears}–${branch.termMaxYears} 年之间`, `a term of ${t.years} years is outside ${branch.termMinYears}–${branch.termMaxYears}`);
    }
  }
  for (const g of [cadreGrades.failGrade, cadreGrades.excellentGrade, ...cadreGrades.sanctions.flatMap((x) => [...(x.allowed ?? []), ...(x.notAllowed ?? [])])]) {
    if (!cadreGrades.grades.includes(g)) fail(["cadreGrades", "grades"], `等次「${g}」不在干部考核等次中`, `grade "${g}" is not one of the cadre grades`);
  }

  const bandMins = appraisal.bands.map((b) => b.min);
  if (bandMins.some((m, i) => i > 0 && m >= bandMins[i - 1]!)) {
    fail(["appraisal", "bands"], "等次分数线须从高到低排列", "grade bands must be listed from the highest minimum down");
  }
  const grades = new Set(appraisal.bands.map((b) => b.grade));
  for (const g of [...appraisal.vetoedGrades, appraisal.vetoCeilingGrade]) {
    if (!grades.has(g)) fail(["appraisal", "vetoedGrades"], `等次「${g}」不在分数线中`, `grade "${g}" is not one of the bands`);
  }

  if (!assessment.parts.some((p) => p.weight > 0)) {
    fail(["assessment", "parts"], "考核各环节权重不能全为0", "at least one assessment weight must be positive");
  }
  if (new Set(assessment.parts.map((p) => p.key)).size !== assessment.parts.length) {
    fail(["assessment", "parts"], "考核环节的 key 重复", "assessment part keys must be unique");
  }
  if (new Set(deductions.items.map((d) => d.key)).size !== deductions.items.length) {
    fail(["deductions", "items"], "扣分项的 key 重复", "deduction item keys must be unique");
  }
  deductions.items.forEach((item, i) => {
    if (item.cap > deductions.base) {
      fail(["deductions", "items", i, "cap"], `扣分项「${item.label}」的上限超过总分`, `cap of "${item.key}" exceeds the base score`);
    }
  });
}
