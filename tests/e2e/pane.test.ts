import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import type { Submission } from "../../shared/api/schemas.js";
import { formatCounts } from "../../shared/findings/summary.js";
import type { z } from "zod";
import { newPage } from "./browser.js";
import { ROOT, SHOTS, XLSX, browserForFile, check, openFile, openPaneIn, switchToEnglish, useWorker, workerGet } from "./pane-helpers.js";
import { bigRoster, plantedRoster, rosterWithNotes } from "./fixtures.js";
import { SAMPLES_DIR } from "../fixtures/samples-dir.js";
import { PICKER_ACCEPT } from "../../shared/reader/file-kinds.js";

const SAMPLES = SAMPLES_DIR;

/** Served and started by global-setup.ts: the built pane, and the real Worker (wrangler dev, seeded). */
const site = { url: inject("siteUrl") };
const worker = inject("worker");

const browserOf = browserForFile();

type StoredSubmission = z.infer<typeof Submission>;

const openPane = () => openPaneIn(browserOf());

const storedVersionsOf = async (collection: string, token: string) =>
  (await workerGet<{ items: StoredSubmission[] }>(`/v1/collections/${collection}/submissions`, token)).items.map((i) => i.version).sort();

/** A fresh collection (报送任务) of the demo's three branches, opened by the demo admin from Node. */
async function openCollection(title: string): Promise<string> {
  const r = await fetch(`${worker.url}/v1/collections`, {
    method: "POST",
    headers: { authorization: `Bearer ${worker.adminToken}`, "content-type": "application/json" },
    body: JSON.stringify({ title, template: { id: "roster" }, period: "2025", dueAt: "2099-12-31", branchIds: ["demo-b1", "demo-b2", "demo-b3"] }),
  });
  if (r.status !== 201) throw new Error(`open collection: ${r.status} ${await r.text()}`);
  return ((await r.json()) as { id: string }).id;
}

/** A pane with the planted roster open, set to `token`, on the 提交 tab of `collection`. */
async function paneOnCollection(collection: string, token: string): Promise<Page> {
  const page = await openPane();
  await openFile(page, "花名册-有错误.xlsx", plantedRoster().bytes);
  await useWorker(page, token);
  await page.getByTestId("tab-submit").click();
  await page.getByTestId("collection-id").fill(collection);
  return page;
}

const storedVersions = async (token: string) =>
  (await workerGet<{ items: StoredSubmission[] }>(`/v1/collections/${worker.collectionId}/submissions`, token)).items.map((i) => i.version).sort();

const SUBMISSIONS = "**/v1/collections/*/submissions";

/**
 * The Worker cannot fail on demand: submissions from this page fail in the browser's network
 * layer instead, with a 503 (carrying the CORS headers the Worker would send) or as if offline.
 * Preflights and other requests still reach the real Worker. `page.unroute(SUBMISSIONS)` ends it.
 */
async function failSubmissions(page: Page, how: () => "503" | "offline"): Promise<void> {
  await page.route(SUBMISSIONS, (route) => {
    if (route.request().method() !== "POST") return route.fallback();
    if (how() === "offline") return route.abort("internetdisconnected");
    return route.fulfill({
      status: 503,
      headers: { "access-control-allow-origin": site.url, "content-type": "application/json" },
      body: JSON.stringify({ error: { code: "unavailable", message: "服务暂不可用", messageEn: "Service unavailable" } }),
    });
  });
}

const outboxLength = (page: Page) => page.evaluate(() => (JSON.parse(localStorage.getItem("party-ledger.outbox") ?? "[]") as unknown[]).length);

const KINDS: Record<string, string> = {
  cesResult1: "干部考核测评",
  memberApply: "发展党员",
  member_inSchool: "党员花名册",
  pm_Meeting: "三会一课",
  pm_eva_result: "民主评议",
  pmdFee: "党费台账",
};

/** Samples that are blank forms: headers (and a notice), no line filled in. */
const BLANK_FORMS = new Set(["cesResult1", "pm_eva_result", "pmdFee"]);

describe("task pane in web mode (Debian chromium)", () => {
  const samples = readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx"));

  for (const file of samples) {
    it(`recognises and checks ${file}`, async () => {
      const page = await openPane();
      await openFile(page, file, readFileSync(join(SAMPLES, file)));
      const key = /\[sample_(.+?)\]/.exec(file)![1]!;
      await expect.poll(() => page.getByTestId("recognised-kind").textContent()).toContain(KINDS[key]);
      expect(await page.getByTestId("matched-headers").locator("> *").count()).toBeGreaterThan(2);
      if (BLANK_FORMS.has(key)) {
        // A blank form is recognised and not checked: 已跳过, never 未发现问题.
        expect(await page.getByTestId("recognition").getAttribute("data-status")).toBe("skipped");
        expect(await page.getByTestId("recognised-kind").textContent()).toContain("空白");
        await page.getByTestId("check").click();
        await page.waitForSelector('[data-testid="check-panel"][data-busy="no"]');
        expect(await page.getByTestId("not-checked").count()).toBe(1);
        expect(await page.getByText("未发现问题").count()).toBe(0);
        expect((page as Page & { errors?: string[] }).errors).toEqual([]);
        await page.context().close();
        return;
      }
      await check(page);
      // The valid sample rows raise no error.
      expect(await page.locator('[data-testid="finding"][data-severity="error"]').count()).toBe(0);
      expect(await page.locator('[data-cell][data-mark="error"]').count()).toBe(0);
      if (key === "pm_Meeting") {
        // Months without a meeting have no cell: listed by period.
        expect(await page.getByTestId("period-finding").count()).toBeGreaterThan(0);
        await page.screenshot({ path: join(SHOTS, "pane-meetings-periods-zh.png") });
      }
      expect((page as Page & { errors?: string[] }).errors).toEqual([]);
      await page.context().close();
    });
  }

  it("marks planted errors, selects a finding's cell, filters, re-checks an edit, clears marks", async () => {
    const page = await openPane();
    const { bytes, planted } = plantedRoster();
    await openFile(page, "花名册-有错误.xlsx", bytes);
    await expect.poll(() => page.getByTestId("recognised-kind").textContent()).toContain("党员花名册");
    await check(page);
    expect(await page.getByTestId("summary").textContent()).toBe("5 处错误，1 处提醒");
    for (const cell of planted) expect(await page.locator(`[data-cell="${cell}"]`).getAttribute("data-mark")).not.toBeNull();
    expect(await page.locator('[data-cell="A4"]').getAttribute("data-mark")).toBe("error");
    expect(await page.locator('[data-cell="G8"]').getAttribute("data-mark")).toBe("warning");
    expect(await page.locator('[data-cell="A3"]').getAttribute("data-mark")).toBeNull();
    // Grouped by rule with counts, headed by the finding's title; no rule code in the clerk's face.
    expect(await page.getByTestId("rule-group").count()).toBe(6);
    const checkDigit = page.locator('[data-testid="rule-group"][data-code="id.checkDigit"]');
    expect(await checkDigit.getByTestId("rule-title").textContent()).toBe("身份证校验位错误");
    expect(await page.getByTestId("rule-code").count()).toBe(0);
    expect(await page.getByTestId("check-panel").textContent()).not.toMatch(/\b(id|value|phone|dues|meetings)\.[A-Za-z]+/);
    expect(await page.getByTestId("rule-title").evaluateAll((els) => els.filter((e) => /^[a-z]+\.[A-Za-z]+$/.test(e.textContent ?? "")).length)).toBe(0);
    await page.screenshot({ path: join(SHOTS, "pane-check-zh.png") });

    // Click a finding: its cell is selected in the grid.
    await page.locator('[data-testid="finding"][data-finding-cell="D6"]').getByTestId("finding-select").click();
    await page.waitForSelector('[data-cell="D6"][data-selected="true"]');

    // Filters: severity, then column.
    await page.getByTestId("filter-severity").selectOption("warning");
    expect(await page.getByTestId("finding").evaluateAll((els) => els.map((e) => e.getAttribute("data-finding-cell")))).toEqual(["G8"]);
    await page.getByTestId("filter-severity").selectOption("all");
    await page.getByTestId("filter-column").selectOption("D");
    expect((await page.getByTestId("finding").evaluateAll((els) => els.map((e) => e.getAttribute("data-finding-cell")))).sort()).toEqual(["D6", "D7"]);
    await page.getByTestId("filter-column").selectOption("all");

    // Live re-check: fill in the missing name; the mark goes within a second.
    await page.locator('[data-cell="A4"]').dblclick();
    await page.getByTestId("cell-editor").fill("王五");
    const t0 = Date.now();
    await page.getByTestId("cell-editor").press("Enter");
    await page.waitForSelector('[data-cell="A4"]:not([data-mark])', { timeout: 1000 });
    const liveMs = Date.now() - t0;
    expect(await page.getByTestId("summary").textContent()).toBe("4 处错误，1 处提醒");
    // ...and a new error appears when a valid cell is broken.
    await page.locator('[data-cell="B10"]').dblclick();
    await page.getByTestId("cell-editor").fill("未知");
    await page.getByTestId("cell-editor").press("Enter");
    await page.waitForSelector('[data-cell="B10"][data-mark="error"]', { timeout: 1000 });
    console.log(`[measure] live re-check after an edit: ${liveMs} ms to mark removal (debounce 300 ms)`);

    // 清除标记 removes every mark.
    await page.getByTestId("clear").click();
    await page.waitForSelector('[data-testid="check-panel"][data-marked="no"]');
    expect(await page.locator("[data-mark]").count()).toBe(0);
    await page.context().close();
  });

  it("marks another sheet's edits stale instead of re-checking them against the sheet shown", async () => {
    const page = await openPane();
    await openFile(page, "花名册-两表.xlsx", rosterWithNotes());
    await check(page);
    const summary = await page.getByTestId("summary").textContent();
    await page.getByTestId("sheet-tab").filter({ hasText: "说明" }).click();
    await page.locator('[data-cell="A2"]').dblclick();
    await page.getByTestId("cell-editor").fill("第二季度待核对");
    await page.getByTestId("cell-editor").press("Enter");
    await page.waitForSelector('[data-testid="stale-sheets"][data-sheets="说明"]', { timeout: 2000 });
    expect(await page.getByTestId("stale-sheets").textContent()).toContain("其他工作表有改动：说明");
    // The roster's findings stay as they were: the edit was not checked as if it were the roster.
    expect(await page.getByTestId("check-panel").getAttribute("data-rechecks")).toBe("0");
    expect(await page.getByTestId("summary").textContent()).toBe(summary);
    // 检查 on that sheet reads it: no longer stale.
    await page.getByTestId("check").click();
    await page.waitForSelector('[data-testid="check-panel"][data-busy="no"]');
    await expect.poll(() => page.getByTestId("stale-sheets").count()).toBe(0);
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.context().close();
  });

  it("submits to the real Worker: the pane shows the verdict the Worker stored, version 1 then 2", async () => {
    const page = await openPane();
    const { bytes, planted } = plantedRoster();
    await openFile(page, "花名册-有错误.xlsx", bytes);
    const token = worker.clerkTokens["demo-b1"]!;
    await useWorker(page, token);
    await page.getByTestId("tab-submit").click();
    await page.getByTestId("collection-id").fill(worker.collectionId);
    for (const version of [1, 2]) {
      const t0 = Date.now();
      await page.getByTestId("submit").click();
      const verdict = page.locator(`[data-testid="verdict"][data-version="${version}"]`);
      await verdict.waitFor();
      const ms = Date.now() - t0;
      const id = await verdict.getAttribute("data-submission-id");
      const stored = await workerGet<StoredSubmission & { findings: { cell: string | null; severity: string }[] }>(`/v1/submissions/${id}`, token);
      expect(stored).toMatchObject({ id, collectionId: worker.collectionId, branchId: "demo-b1", version, source: "json", status: "errors", late: false });
      // The pane shows what the Worker stored, not its own check.
      expect(await verdict.getAttribute("data-accepted")).toBe("false");
      const counts = formatCounts({ error: stored.counts.errors, warning: stored.counts.warnings, info: 0 }, "zh");
      // A stored submission is 已提交, with or without errors: never 「未通过」.
      expect(await verdict.textContent()).toContain(`已提交（有错误） — ${counts} · 版本 ${version}`);
      expect(await verdict.textContent()).not.toContain("未通过");
      // ...and the Worker's own check found the planted errors.
      expect(stored.counts).toMatchObject({ errors: 5, warnings: 1 });
      for (const cell of planted) expect(stored.findings.some((f) => f.cell === cell)).toBe(true);
      console.log(`[measure] submit to the real Worker → verdict v${version} shown in ${ms} ms`);
    }
    expect(await storedVersions(token)).toEqual([1, 2]);
    await page.screenshot({ path: join(SHOTS, "pane-submit-zh.png") });

    // Admin: the branch's status as the Worker reports it.
    await useWorker(page, worker.adminToken);
    await page.getByTestId("tab-admin").click();
    await page.getByTestId("admin-refresh").click();
    await page.getByTestId("admin-table").waitFor();
    const row = page.locator('[data-testid="admin-branch"][data-branch-id="demo-b1"]');
    expect(await row.getByTestId("branch-status").textContent()).toBe("已提交（有错误）");
    expect(await row.getByTestId("branch-facts").textContent()).toContain("第 2 版");
    expect(await row.getByTestId("branch-facts").textContent()).toContain("5 处错误，1 处提醒");
    await page.screenshot({ path: join(SHOTS, "pane-admin-zh.png") });
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.context().close();
  });

  it("outbox: a queued old copy is superseded by the fixed sheet, so the Worker stores only the fixed one (version 1)", async () => {
    const collection = await openCollection("离线后改正");
    const token = worker.clerkTokens["demo-b2"]!;
    const page = await paneOnCollection(collection, token);

    let how: "503" | "offline" = "offline";
    await failSubmissions(page, () => how);
    await page.getByTestId("submit").click();
    await page.locator('[data-testid="outbox-item"][data-state="queued"]').waitFor();
    expect(await page.getByTestId("submit-error").textContent()).toContain("network");
    how = "503";
    await page.getByTestId("submit").click();
    await page.getByTestId("submit-note").waitFor();
    expect(await page.getByTestId("submit-error").textContent()).toContain("503");
    // one item per collection and branch: the second try replaced the first
    expect(await outboxLength(page)).toBe(1);
    expect(await page.getByTestId("outbox").textContent()).toContain("待重试 1 份");
    await page.screenshot({ path: join(SHOTS, "pane-outbox-zh.png") });

    // The clerk fixes the missing name (A4) and submits again, now online: stored as version 1.
    await page.unroute(SUBMISSIONS);
    await page.getByTestId("tab-check").click();
    await page.locator('[data-cell="A4"]').dblclick();
    await page.getByTestId("cell-editor").fill("王五");
    await page.getByTestId("cell-editor").press("Enter");
    await page.getByTestId("tab-submit").click();
    await page.getByTestId("submit").click();
    await page.locator('[data-testid="verdict"][data-version="1"]').waitFor();
    expect(await page.getByTestId("submit-note").textContent()).toContain("已被这次提交取代");
    expect(await outboxLength(page)).toBe(0);

    // A restart flushes the outbox: nothing old is left to land as version 2.
    await page.reload();
    await page.getByTestId("tab-submit").click();
    await page.waitForTimeout(500);
    const items = (await workerGet<{ items: StoredSubmission[] }>(`/v1/collections/${collection}/submissions`, token)).items;
    expect(items.map((i) => i.version)).toEqual([1]);
    const stored = await workerGet<{ grid: { sheets: { values: unknown[][] }[] } }>(`/v1/submissions/${items[0]!.id}?include=grid`, token);
    expect(stored.grid.sheets[0]!.values[3]![0]).toBe("王五");
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.context().close();
  });

  it("outbox: failures retrying cannot fix are shown at once and never queued; a queued item is sent with the settings it was queued under", async () => {
    const collection = await openCollection("设置变更");
    const page = await paneOnCollection(collection, "plt_not_set_yet");
    const finalFailure = async (token: string, collectionId: string, status: string) => {
      await useWorker(page, token);
      await page.getByTestId("tab-submit").click();
      await page.getByTestId("collection-id").fill(collectionId);
      await page.getByTestId("submit").click();
      await page.getByTestId("submit-error").filter({ hasText: status }).waitFor();
      expect(await page.getByTestId("submit-error").textContent()).toContain("重试也无法解决");
      expect(await outboxLength(page)).toBe(0);
    };
    await finalFailure("plt_wrong_token", collection, "401");
    await finalFailure(worker.adminToken, collection, "403");
    await finalFailure(worker.clerkTokens["demo-b3"]!, "c-no-such-collection", "404");
    expect(await page.getByTestId("outbox").count()).toBe(0);

    // Offline, queued under demo-b3's token; then the settings change to demo-b1's.
    await failSubmissions(page, () => "offline");
    await useWorker(page, worker.clerkTokens["demo-b3"]!);
    await page.getByTestId("tab-submit").click();
    await page.getByTestId("collection-id").fill(collection);
    await page.getByTestId("submit").click();
    await page.locator('[data-testid="outbox-item"][data-state="queued"]').waitFor();
    await useWorker(page, worker.clerkTokens["demo-b1"]!);
    await page.unroute(SUBMISSIONS);
    await page.getByTestId("tab-submit").click();
    await page.getByTestId("retry").click();
    await expect.poll(() => outboxLength(page), { timeout: 15_000 }).toBe(0);
    const all = (await workerGet<{ items: StoredSubmission[] }>(`/v1/collections/${collection}/submissions`, worker.adminToken)).items;
    expect(all.map((i) => [i.branchId, i.version])).toEqual([["demo-b3", 1]]);
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.context().close();
  });

  it("outbox: two panes open on one queue (shared localStorage) send a queued item once", async () => {
    const collection = await openCollection("两个窗口");
    const token = worker.clerkTokens["demo-b1"]!;
    const page = await paneOnCollection(collection, token);
    await failSubmissions(page, () => "503");
    await page.getByTestId("submit").click();
    await page.locator('[data-testid="outbox-item"][data-state="queued"]').waitFor();
    await page.unroute(SUBMISSIONS);
    // A second pane in the same browser profile starts (and flushes) while the first retries.
    const second = await page.context().newPage();
    await Promise.all([second.goto(`${site.url}/index.html`), page.getByTestId("retry").click()]);
    await expect.poll(() => outboxLength(page), { timeout: 15_000 }).toBe(0);
    await second.waitForTimeout(500);
    expect(await storedVersionsOf(collection, token)).toEqual([1]);
    await page.context().close();
  });

  it("checks a 20,000-row ledger and reports the time to findings", async () => {
    const page = await openPane();
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    const bytes = bigRoster(20_000);
    const t0 = Date.now();
    await page.getByTestId("file-input").setInputFiles({ name: "花名册-20000.xlsx", mimeType: XLSX, buffer: bytes });
    // The file is read (and later checked) in the ledger worker: the page still paints and answers meanwhile.
    await page.getByTestId("reading").waitFor();
    const answered = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))));
    expect(answered).toBeGreaterThan(0);
    await openFile(page, "花名册-20000.xlsx", null);
    const tRead = Date.now() - t0;
    const t1 = Date.now();
    await check(page);
    const tCheck = Date.now() - t1;
    console.log(`[measure] 20,000-row roster in web mode: open+read+recognise ${tRead} ms, 检查 (engine + marks + list) ${tCheck} ms, total ${tRead + tCheck} ms`);
    expect(workers.some((u) => /ledger\.worker/.test(u))).toBe(true);
    expect(await page.getByTestId("summary").textContent()).toBeTruthy();
    await page.context().close();
  });

  it("offers exactly the formats it reads, and checks a GBK CSV, an .xls, a WPS .et and an .ods alike", async () => {
    const page = await openPane();
    expect(await page.getByTestId("file-input").getAttribute("accept")).toBe(PICKER_ACCEPT);
    const name = "东湖村党支部党员花名册";
    const cases = [
      ["csv-gbk", "csv", "CSV 文本（GBK 编码，逗号分隔）"],
      ["xls", "xls", "Excel 97–2003 工作簿（.xls）"],
      ["et", "et", "WPS 表格文件（.et）"],
      ["ods", "ods", "OpenDocument 表格（.ods）"],
    ] as const;
    // What the pane lists for a file: each finding's cell and severity (the as-of day is today's in the pane).
    const listed = () => page.locator('[data-testid="finding"]').evaluateAll((els) => els.map((e) => `${e.getAttribute("data-finding-cell")}|${e.getAttribute("data-severity")}`).sort());
    await openFile(page, `${name}.xlsx`, readFileSync(join(ROOT, "tests/fixtures/formats/original", `${name}.xlsx`)));
    await check(page);
    const fromXlsx = await listed();
    expect(fromXlsx.filter((f) => f.endsWith("|error"))).toHaveLength(6);
    for (const [folder, ext, read] of cases) {
      await openFile(page, `${name}.${ext}`, readFileSync(join(ROOT, "tests/fixtures/formats", folder, `${name}.${ext}`)));
      expect(await page.getByTestId("file-source").textContent()).toBe(read);
      await check(page);
      expect(await listed()).toEqual(fromXlsx);
    }
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.context().close();
  });

  it("shows the reader's refusal, in the pane's language, for a file that is not a workbook", async () => {
    const page = await openPane();
    await page.getByTestId("file-input").setInputFiles({ name: "名单.xlsx", mimeType: XLSX, buffer: Buffer.from(new Uint8Array(256).map((_, i) => (i * 37) & 0xff)) });
    await page.getByTestId("open-error").waitFor();
    expect(await page.getByTestId("open-error").textContent()).toContain("不是能读取的表格文件");
    await switchToEnglish(page);
    expect(await page.getByTestId("open-error").textContent()).toContain("not a spreadsheet file");
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.context().close();
  });

  it("reads the file in the page where a worker cannot start", async () => {
    const page = await newPage(browserOf());
    await page.addInitScript(() => {
      // A host that refuses module workers (e.g. an old webview): the constructor throws.
      window.Worker = class {
        constructor() {
          throw new Error("no workers here");
        }
      } as unknown as typeof Worker;
    });
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    await page.goto(`${site.url}/index.html`);
    await openFile(page, "花名册-有错误.xlsx", plantedRoster().bytes);
    await check(page);
    expect(await page.getByTestId("summary").textContent()).toBe("5 处错误，1 处提醒");
    expect(workers).toEqual([]);
    await page.context().close();
  });

  it("runs in English once switched in 设置 (screenshots beside the zh ones)", async () => {
    const page = await openPane();
    await switchToEnglish(page);
    expect(await page.locator("h1").textContent()).toBe("Party Ledger");
    expect(await page.getByText("Open a ledger file").count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, "pane-settings-en.png") });

    await page.getByTestId("tab-check").click();
    await openFile(page, "roster-with-errors.xlsx", plantedRoster().bytes);
    await check(page);
    expect(await page.getByTestId("summary").textContent()).toMatch(/^5 errors?, 1 warnings?$/);
    expect(await page.locator('[data-testid="rule-group"][data-code="id.checkDigit"]').getByTestId("rule-title").textContent()).toBe("ID check digit wrong");
    await page.screenshot({ path: join(SHOTS, "pane-check-en.png") });

    // Before a collection is chosen (a 报送任务 would check every sheet against its own template).
    const meetings = readdirSync(SAMPLES).find((f) => f.includes("[sample_pm_Meeting]"));
    if (meetings) {
      await openFile(page, meetings, readFileSync(join(SAMPLES, meetings)));
      await check(page);
      expect(await page.getByTestId("period-finding").count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(SHOTS, "pane-meetings-periods-en.png") });
      await openFile(page, "roster-with-errors.xlsx", plantedRoster().bytes);
      await check(page);
    }

    await useWorker(page, worker.clerkTokens["demo-b3"]!);
    await page.getByTestId("tab-submit").click();
    await page.getByTestId("collection-id").fill(worker.collectionId);
    await page.getByTestId("submit").click();
    await page.locator('[data-testid="verdict"][data-version="1"]').waitFor();
    expect(await page.getByTestId("verdict").textContent()).toContain("Submitted with errors — 5 errors, 1 warning · Version 1");
    await page.screenshot({ path: join(SHOTS, "pane-submit-en.png") });
    await failSubmissions(page, () => "503");
    await page.getByTestId("submit").click();
    await page.getByTestId("outbox").waitFor();
    expect(await page.getByTestId("submit-error").textContent()).toContain("503 Service unavailable");
    await page.screenshot({ path: join(SHOTS, "pane-outbox-en.png") });
    await page.unroute(SUBMISSIONS);

    await useWorker(page, worker.adminToken);
    await page.getByTestId("tab-admin").click();
    await page.getByTestId("admin-refresh").click();
    await page.getByTestId("admin-table").waitFor();
    await page.screenshot({ path: join(SHOTS, "pane-admin-en.png") });

    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.context().close();
  });
});
