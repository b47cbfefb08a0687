import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkWorkbook } from "../../../shared/index.js";
import { readWorkbook } from "../../../shared/xlsx/index.js";
import { MORE_SAMPLES_DIR, SAMPLES_DIR } from "../../fixtures/samples-dir.js";

/**
 * All 83 real templates of the organisation-work system (../shared/samples and samples-more):
 * every one is read without a crash; the ledgers among them are recognised as their kind; none
 * of the others (training, cadre files, democratic parties, units, accounts) is taken for one of
 * our ledgers; and their sample rows raise no error, except the ones the sample itself breaks.
 */
const OURS = new Set(["roster", "development", "dues", "meetings", "appraisal", "assessment", "committee", "organisation-assessment", "cadre-grades"]);

const kinds = JSON.parse(readFileSync(join(MORE_SAMPLES_DIR, "kinds.json"), "utf8")).kinds as Record<string, string>;
const firstSix: Record<string, string> = {
  "[sample_cesResult1]干部年终考核测评数据录入样表.xlsx": "assessment",
  "[sample_memberApply]党员发展信息录入样表.xlsx": "development",
  "[sample_member_inSchool]党员信息（校内人员）录入样表.xlsx": "roster",
  "[sample_pm_Meeting]三会一课录入样表.xlsx": "meetings",
  "[sample_pm_eva_result]组织生活管理-评议结果导入样表.xlsx": "appraisal",
  "[sample_pmdFee]党费补缴录入样表.xlsx": "dues",
};
/**
 * Sample rows that break a rule: the placeholder ID 140511000000000921 has no real birth date; the
 * two committees' terms were due on 2020-05-19 and show no election (实际换届时间) by 2025-12-31.
 */
const ALLOWED_ERRORS: Record<string, string[]> = {
  "[sample_member_outSchool]党员信息（校外人员）录入样表.xlsx": ["G2 id.birthDate"],
  "[sample_branchMemberGroup]支部委员会录入样表.xlsx": ["D2 committee.termExpired"],
  "[sample_partyMemberGroup]基层党组织领导班子录入样表.xlsx": ["D2 committee.termExpired"],
};

const all = [
  ...Object.entries(firstSix).map(([file, kind]) => ({ dir: SAMPLES_DIR, file, kind })),
  ...Object.entries(kinds).map(([file, kind]) => ({ dir: MORE_SAMPLES_DIR, file, kind })),
];

function check(dir: string, file: string) {
  return checkWorkbook(readWorkbook(new Uint8Array(readFileSync(join(dir, file)))), { asOf: "2025-12-31", fileName: file });
}

describe("all 83 real templates of the organisation-work system", () => {
  it("are all there and all named in kinds.json", () => {
    const files = readdirSync(MORE_SAMPLES_DIR).filter((f) => f.endsWith(".xlsx"));
    expect(files.sort()).toEqual(Object.keys(kinds).sort());
    expect(all.length).toBe(83);
  });

  it.each(all.map((s) => [s.file, s] as const))("%s", (_, { dir, file, kind }) => {
    const report = check(dir, file);
    const checked = report.sheets.filter((s) => s.status === "checked").map((s) => s.kind!);
    if (kind === "none") expect(checked.filter((k) => OURS.has(k)), report.sheets.map((s) => s.reason).join(" | ")).toEqual([]);
    else if (OURS.has(kind)) expect(checked, report.sheets.map((s) => s.reason).join(" | ")).toContain(kind);
    // Never a false all-clear: every sheet says what became of it.
    for (const s of report.sheets) expect(["checked", "unrecognised", "skipped"]).toContain(s.status);
    const errors = report.findings.filter((f) => f.severity === "error").map((f) => `${f.cell} ${f.code}`);
    expect(errors).toEqual(ALLOWED_ERRORS[file] ?? []);
  });
});
