import { readFileSync } from "node:fs";
import { join } from "node:path";
import { utils, write } from "@e965/xlsx";
import type { Download, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import { checkWorkbook } from "../../shared/index.js";
import { Template } from "../../shared/template/schema.js";
import { readWorkbook } from "../../shared/xlsx/index.js";
import { MORE_SAMPLES_DIR } from "../fixtures/samples-dir.js";
import { seriousViolations } from "./axe.js";
import { idNumber } from "./fixtures.js";
import { SHOTS, browserForFile, openFile, openPaneIn, switchToEnglish, useWorker, workerGet, workerPost, type PageWithErrors } from "./pane-helpers.js";

/**
 * A department teaches the pane its own forms, in chromium against the real Worker: a branch's
 * sheet with unfamiliar headers is not recognised and the pane asks about each column; the admin
 * confirms the columns and the values (党员 → 正式党员), the check runs at once, and 保存给本组织
 * keeps the mapping on the Worker; the next branch's sheet with those headers is recognised
 * without a question and the pane says the saved mapping was used. An admin also turns a real
 * form into a template (「从此表生成模板」), publishes it, and downloads its Excel form.
 */
const worker = inject("worker");
const browserOf = browserForFile();
const noPageErrors = (page: PageWithErrors) => expect(page.errors).toEqual([]);

/**
 * A county department of its own under the demo department, with two branches and a collection:
 * what it saves and publishes applies to its subtree only, so the other browser tests keep theirs.
 */
interface County {
  admin: string;
  clerks: string[];
  collectionId: string;
}
let county: Promise<County> | null = null;
function countyDept(): Promise<County> {
  return (county ??= (async () => {
    const dept = await workerPost<{ id: string }>("/v1/orgs/demo-dept/children", worker.adminToken, { id: "forms", name: "示范县委组织部", kind: "department" });
    const admin = (await workerPost<{ token: string }>(`/v1/orgs/${dept.id}/tokens`, worker.adminToken, { label: "county admin" })).token;
    const clerks: string[] = [];
    const branches: string[] = [];
    for (const n of [1, 2]) {
      const b = await workerPost<{ id: string }>(`/v1/orgs/${dept.id}/children`, admin, { id: `forms-b${n}`, name: `县第${n}党支部`, kind: "branch" });
      branches.push(b.id);
      clerks.push((await workerPost<{ token: string }>(`/v1/orgs/${b.id}/tokens`, admin, { label: "clerk" })).token);
    }
    const col = await workerPost<{ id: string }>("/v1/collections", admin, { title: "县花名册报送", template: { id: "roster", orgId: "demo-dept" }, period: "2025", dueAt: "2099-12-31", branchIds: branches });
    return { admin, clerks, collectionId: col.id };
  })());
}

const HEADERS = ["同志姓名", "证件号码(公民)", "男女别", "组织身份", "吸收入党日", "成为正式党员日", "所属小组"];
/** A roster in a branch's own words: 党员 for 正式党员, 男的 for 男. Row 3's 男的 disagrees with a woman's ID. */
function ownRoster(names: string[]): Buffer {
  const rows: (string | number | null)[][] = [HEADERS];
  names.forEach((name, i) => {
    const birth = `19${70 + i}-0${1 + (i % 9)}-1${i % 9}`;
    rows.push([name, idNumber(birth, i % 2 ? 2 : 1), i === 1 ? "男的" : i % 2 ? "女" : "男的", "党员", `20${10 + i}-07-01`, `20${11 + i}-07-01`, `第${i + 1}小组`]);
  });
  const wb = utils.book_new();
  utils.book_append_sheet(wb, utils.aoa_to_sheet(rows), "我们支部");
  return write(wb, { type: "buffer", bookType: "xlsx" }) as Buffer;
}

async function mapColumns(page: Page): Promise<void> {
  await page.getByTestId("map-template").selectOption("roster");
  await page.locator('[data-testid="map-column"][data-column="A"]').waitFor();
  const fields: Record<string, string> = { A: "name", B: "idNumber", C: "sex", D: "status", E: "joinDate", F: "fullDate", G: "" };
  for (const [col, field] of Object.entries(fields)) await page.getByTestId(`map-field-${col}`).selectOption(field);
  await page.getByTestId("map-value-C-男的").selectOption("男");
  await page.getByTestId("map-value-D-党员").selectOption("正式党员");
}

describe("confirm a mapping once, save it for the organisation, and the next branch is not asked", () => {
  it("asks about each column of an unfamiliar sheet, checks at once with the answers, and keeps them on the Worker", async () => {
    const { admin } = await countyDept();
    const page = await openPaneIn(browserOf(), { width: 1280, height: 1000 });
    await useWorker(page, admin);
    await page.getByTestId("tab-check").click();
    await openFile(page, "我们支部名单.xlsx", ownRoster(["张伟", "王芳", "李娜", "赵敏"]));
    expect(await page.getByTestId("sheet-status").textContent()).toBe("未识别");
    // Not recognised: the mapping step is there unasked, each column with its values and how sure.
    const panel = page.getByTestId("mapping-panel");
    await panel.waitFor();
    // The panel may show before its columns are drawn (a busy machine): wait for the seventh, then count.
    await page.getByTestId("map-column").nth(6).waitFor();
    expect(await page.getByTestId("map-column").count()).toBe(7);
    expect(await page.locator('[data-testid="map-column"][data-column="A"]').textContent()).toContain("如：张伟、王芳、李娜");
    await mapColumns(page);
    expect(await seriousViolations(page)).toEqual([]);
    await panel.screenshot({ path: join(SHOTS, "pane-mapping-zh.png") });

    await page.getByTestId("map-apply").click();
    // Checked at once with the mapping: a roster, the clerk's own words quoted in the findings.
    await page.waitForSelector('[data-testid="recognition"][data-status="checked"]');
    await page.waitForSelector('[data-testid="check-panel"][data-marked="yes"][data-busy="no"]');
    expect(await page.getByTestId("recognised-kind").textContent()).toContain("党员花名册");
    expect(await page.getByTestId("mapping-used").textContent()).toBe("按你确认的表头对应检查");
    const sexFinding = page.locator('[data-testid="finding"][data-finding-cell="C3"]');
    await sexFinding.waitFor();
    expect(await sexFinding.textContent()).toContain("“男的”");

    await page.getByTestId("map-open").click();
    await page.getByTestId("map-save").click();
    await page.getByTestId("map-note").waitFor();
    expect(await page.getByTestId("map-note").textContent()).toContain("已保存为本组织的表头对应（第 1 版）");
    const saved = await workerGet<{ items: { meta: { id: string; version: number; orgId: string }; mapping: { columns: Record<string, string | null>; values: Record<string, Record<string, string>> } }[] }>("/v1/mappings", admin);
    const roster = saved.items.find((i) => i.meta.id === "roster")!;
    expect(roster.meta).toMatchObject({ version: 1, orgId: "demo-dept.forms" });
    expect(roster.mapping.columns).toMatchObject({ 同志姓名: "name", 组织身份: "status", 所属小组: null });
    expect(roster.mapping.values).toEqual({ sex: { 男的: "男" }, status: { 党员: "正式党员" } });
    // Saved, it applies as the Worker applies it: the pane says the saved mapping was used.
    await page.locator('[data-testid="mapping-used"][data-saved="roster@1"]').waitFor();
    noPageErrors(page);
    await page.context().close();
  });

  it("recognises the next branch's sheet with those headers without a question, and the Worker stores the same", async () => {
    const { admin, clerks, collectionId } = await countyDept();
    const page = await openPaneIn(browserOf(), { width: 360, height: 900 });
    await useWorker(page, clerks[1]!);
    await page.getByTestId("tab-check").click();
    await openFile(page, "第二支部名单.xlsx", ownRoster(["刘洋", "陈静", "杨勇"]));
    await page.waitForSelector('[data-testid="recognition"][data-status="checked"]');
    expect(await page.getByTestId("recognised-kind").textContent()).toContain("党员花名册");
    expect(await page.getByTestId("mapping-panel").count()).toBe(0);
    expect(await page.getByTestId("mapping-used").textContent()).toBe("已使用本组织保存的表头对应（roster 第 1 版）");
    await page.screenshot({ path: join(SHOTS, "pane-mapping-saved-zh.png") });
    // Submitted to the demo collection, the Worker's own check used the same saved mapping.
    await page.getByTestId("tab-submit").click();
    await page.getByTestId("collection-id").fill(collectionId);
    await page.getByTestId("submit").click();
    const verdict = page.locator('[data-testid="verdict"]');
    await verdict.waitFor();
    const id = await verdict.getAttribute("data-submission-id");
    const stored = await workerGet<{ sheets: { status: string; mapping?: { saved: { id: string; version: number }[] } }[] }>(`/v1/submissions/${id}`, admin);
    expect(stored.sheets[0]).toMatchObject({ status: "checked", mapping: { saved: [{ id: "roster", version: 1 }] } });
    noPageErrors(page);
    await page.context().close();
  });

  it("shows the mapping step in English, at a task pane's width", async () => {
    // Not connected to the Worker: nothing saved applies, so the sheet is asked about again.
    const page = await openPaneIn(browserOf(), { width: 360, height: 1400 });
    await switchToEnglish(page);
    await page.getByTestId("tab-check").click();
    await openFile(page, "our-branch.xlsx", ownRoster(["张伟", "王芳", "李娜"]));
    await page.getByTestId("mapping-panel").waitFor();
    expect(await page.getByTestId("mapping-panel").textContent()).toContain("Confirm the columns");
    await mapColumns(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.getByTestId("mapping-panel").screenshot({ path: join(SHOTS, "pane-mapping-en.png") });
    await page.getByTestId("map-apply").click();
    await page.waitForSelector('[data-testid="recognition"][data-status="checked"]');
    expect(await page.getByTestId("mapping-used").textContent()).toBe("Checked with the mapping you confirmed");
    noPageErrors(page);
    await page.context().close();
  });
});

describe("从此表生成模板: a department's own form becomes a template version and an Excel form", () => {
  it("proposes the template, publishes it once (the same content again is that version), and hands out its form", async () => {
    const { admin, clerks } = await countyDept();
    const page = await openPaneIn(browserOf(), { width: 1280, height: 1000 });
    await useWorker(page, admin);
    await page.getByTestId("tab-check").click();
    const file = "[sample_member_history]历史党员导入样表.xlsx";
    await openFile(page, file, readFileSync(join(MORE_SAMPLES_DIR, file)));
    await page.getByTestId("tab-admin").click();
    await page.getByTestId("make-template").click();
    const review = page.getByTestId("template-review");
    await review.waitFor();
    expect(await review.getAttribute("data-fields")).toBe("24");
    expect(await page.getByTestId("template-kind").textContent()).toContain("党员花名册");
    // Red headers (学工号 …) read from the file itself: required.
    expect(await page.getByTestId("tpl-required-A").isChecked()).toBe(true);
    expect(await page.getByTestId("tpl-required-D").isChecked()).toBe(false);
    await page.getByTestId("tpl-title").fill("历史党员名册");
    await page.getByTestId("tpl-required-D").check();
    // The top of the review: the template's name and its first columns.
    await page.getByTestId("template-maker").evaluate((e) => e.scrollIntoView({ block: "start" }));
    const box = (await page.getByTestId("template-maker").boundingBox())!;
    const height = Math.min(box.height, page.viewportSize()!.height - box.y, 860);
    await page.screenshot({ path: join(SHOTS, "pane-template-zh.png"), clip: { x: box.x, y: box.y, width: box.width, height } });
    await page.getByTestId("publish-template").click();
    await page.getByTestId("template-note").filter({ hasText: "已发布模板 member-history 第 1 版" }).waitFor();
    await page.getByTestId("publish-template").click();
    await page.getByTestId("template-note").filter({ hasText: "内容与最新版本相同，模板 member-history 仍为第 1 版" }).waitFor();
    const published = await workerGet<{ template: unknown }>("/v1/templates/member-history@1", admin);
    const template = Template.parse(published.template);
    expect(template.title).toBe("历史党员名册");
    expect(template.fields.find((f) => f.title === "性别")!.constraints).toMatchObject({ required: true, enum: ["男", "女"] });
    const [dl] = (await Promise.all([page.waitForEvent("download"), page.getByTestId("download-form").click()])) as [Download, void];
    expect(dl.suggestedFilename()).toBe("历史党员名册.xlsx");
    const formBytes = readFileSync((await dl.path())!);
    const form = readWorkbook(new Uint8Array(formBytes));
    expect(form.sheets[0]!.values[0]![0]).toBe("历史党员名册（模板 member-history 第 1 版）");
    const report = checkWorkbook(form, { templates: [template], asOf: "2025-12-31" });
    expect(report.sheets.map((s) => `${s.status}:${s.template?.id ?? s.skipReason}`)).toEqual(["skipped:member-history", "skipped:instructions"]);
    // The handed-out form is blank: recognised as that template, and not checked until filled in.
    expect(report.sheets[0]!.skipReason).toBe("noData");
    expect(await seriousViolations(page)).toEqual([]);
    noPageErrors(page);
    await page.context().close();

    // A branch of the department opens the form it was handed: that very template version, not the built-in roster.
    const clerk = await openPaneIn(browserOf(), { width: 1280, height: 900 });
    await useWorker(clerk, clerks[0]!);
    await clerk.getByTestId("tab-check").click();
    await openFile(clerk, "历史党员名册.xlsx", formBytes);
    // Still blank as handed out: recognised as that version, and not checked until filled in.
    await clerk.waitForSelector('[data-testid="recognition"][data-status="skipped"]');
    expect(await clerk.getByTestId("recognised-kind").textContent()).toContain("(member-history v1)");
    noPageErrors(clerk);
    await clerk.context().close();
  });
});
