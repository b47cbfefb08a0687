import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { checkWorkbook } from "../../shared/index.js";
import { Template } from "../../shared/template/schema.js";
import { readWorkbook } from "../../shared/xlsx/index.js";
import { MORE_SAMPLES_DIR } from "../fixtures/samples-dir.js";
import { runCli, tempDir } from "../unit/cli/run-cli.js";
import { workerGet, workerPost } from "./pane-helpers.js";

/**
 * The command line against the real Worker (wrangler dev, as `npm start` runs it): a department's
 * form inferred, published as version 1 (publishing it again makes no version 2), and the Excel
 * form of the published version fetched with --from and recognised as exactly that version.
 */
const worker = inject("worker");

describe("party-ledger template publish and xlsx --from, with the local Worker", () => {
  it("infers, publishes once, and hands out the published version's form", async () => {
    // A department of its own under the demo one: what it publishes stays out of the other tests' way.
    const dept = await workerPost<{ id: string }>("/v1/orgs/demo-dept/children", worker.adminToken, { id: "cli-forms", name: "命令行测试部", kind: "department" });
    const admin = (await workerPost<{ token: string }>(`/v1/orgs/${dept.id}/tokens`, worker.adminToken, { label: "cli admin" })).token;
    const dir = tempDir();
    const json = join(dir, "template.json");
    const form = join(MORE_SAMPLES_DIR, "[sample_ow_branchOrganizer]组织员信息录入样表.xlsx");
    const inferred = runCli(["template", "infer", form, "--id", "organizers"]);
    expect(inferred.code, inferred.stderr).toBe(0);
    writeFileSync(json, inferred.stdout);
    const first = runCli(["template", "publish", json, "--to", worker.url, "--token", admin]);
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ id: "organizers", version: 1, orgId: "demo-dept.cli-forms" });
    expect(first.stderr).toContain("已发布模板 organizers 第 1 版");
    const again = runCli(["template", "publish", json, "--to", worker.url, "--token", admin]);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).version).toBe(1);
    expect(again.stderr).toContain("没有产生新版本");
    // A clerk may not publish: the Worker's own words, exit code 2.
    const clerk = runCli(["template", "publish", json, "--to", worker.url, "--token", worker.clerkTokens["demo-b1"]!]);
    expect(clerk.code).toBe(2);
    expect(clerk.stderr).toContain("仅组织部门管理员可执行此操作");

    const out = join(dir, "组织员信息.xlsx");
    const got = runCli(["template", "xlsx", "organizers@1", "--from", worker.url, "--token", admin, "-o", out]);
    expect(got.code, got.stderr).toBe(0);
    const wb = readWorkbook(new Uint8Array(readFileSync(out)));
    expect(wb.sheets[0]!.values[0]![0]).toBe("组织员信息（模板 organizers 第 1 版）");
    const template = Template.parse((await workerGet<{ template: unknown }>("/v1/templates/organizers@1", admin)).template);
    const report = checkWorkbook(wb, { templates: [template], asOf: "2025-12-31" });
    expect(report.sheets.map((s) => `${s.status}:${s.template ? `${s.template.id}@${s.template.version}` : s.skipReason}`)).toEqual(["skipped:organizers@1", "skipped:instructions"]);
    expect(report.sheets[0]!.skipReason).toBe("noData");
  });
});
