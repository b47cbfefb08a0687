import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launch, newPage } from "./browser.js";
import { bigRoster, plantedRoster } from "./fixtures.js";
import { serveStatic } from "./static-server.js";
import { TOKEN, startStubWorker, type StubWorker } from "./stub-worker.js";

const ROOT = new URL("../..", import.meta.url).pathname;
const SAMPLES = "/work/shared/samples";
const SHOTS = join(ROOT, "docs", "screenshots");
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

let browser: Browser;
let site: { url: string; close(): Promise<void> };
let worker: StubWorker;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  site = await serveStatic(join(ROOT, "dist", "addin"));
  worker = await startStubWorker();
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await worker?.close();
});

async function openPane(): Promise<Page> {
  const page = await newPage(browser);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${site.url}/index.html`);
  await page.getByTestId("file-input").waitFor();
  (page as Page & { errors?: string[] }).errors = errors;
  return page;
}

/** Pick a file (or, with null, wait for one already picked) until the pane has recognised it. */
async function openFile(page: Page, name: string, buffer: Buffer | null): Promise<void> {
  if (buffer) await page.getByTestId("file-input").setInputFiles({ name, mimeType: XLSX, buffer });
  await page.getByTestId("file-name").filter({ hasText: name }).waitFor();
  await page.getByTestId("recognised-kind").waitFor();
  await page.waitForSelector('[data-testid="check-panel"][data-busy="no"]');
}

/** 设置 → English → 保存; back on the tab it was on is up to the caller. */
async function switchToEnglish(page: Page): Promise<void> {
  await page.getByTestId("tab-settings").click();
  await page.getByTestId("lang-en").check();
  await page.getByTestId("save-settings").click();
  await page.getByTestId("tab-settings").filter({ hasText: "Settings" }).waitFor();
}

async function check(page: Page): Promise<void> {
  await page.getByTestId("check").click();
  await page.waitForSelector('[data-testid="check-panel"][data-marked="yes"][data-busy="no"]');
  await page.getByTestId("summary").waitFor();
}

const KINDS: Record<string, string> = {
  cesResult1: "干部考核测评",
  memberApply: "发展党员",
  member_inSchool: "党员花名册",
  pm_Meeting: "三会一课",
  pm_eva_result: "民主评议",
  pmdFee: "党费台账",
};

describe("task pane in web mode (Debian chromium)", () => {
  const samples = readdirSync(SAMPLES).filter((f) => f.endsWith(".xlsx"));

  for (const file of samples) {
    it(`recognises and checks ${file}`, async () => {
      const page = await openPane();
      await openFile(page, file, readFileSync(join(SAMPLES, file)));
      const key = /\[sample_(.+?)\]/.exec(file)![1]!;
      await expect.poll(() => page.getByTestId("recognised-kind").textContent()).toContain(KINDS[key]);
      expect(await page.getByTestId("matched-headers").locator("> *").count()).toBeGreaterThan(2);
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
    // Grouped by rule code with counts.
    expect(await page.getByTestId("rule-group").count()).toBe(6);
    await page.screenshot({ path: join(SHOTS, "pane-check-zh.png") });

    // Click a finding: its cell is selected in the grid.
    await page.locator('[data-testid="finding"][data-finding-cell="D6"]').click();
    await page.waitForSelector('[data-cell="D6"][aria-selected="true"]');

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

  it("submits to the Worker, shows the verdict, keeps a failed submission and retries it", async () => {
    const page = await openPane();
    await openFile(page, "花名册-有错误.xlsx", plantedRoster().bytes);
    await page.getByTestId("tab-settings").click();
    await page.getByTestId("worker-url").fill(worker.url);
    await page.getByTestId("token").fill(TOKEN);
    await page.getByTestId("save-settings").click();
    await page.getByTestId("tab-submit").click();
    await page.getByTestId("collection-id").fill("c2026q1");
    await page.getByTestId("submit").click();
    await page.getByTestId("verdict").waitFor();
    expect(await page.getByTestId("verdict").getAttribute("data-accepted")).toBe("false");
    expect(await page.getByTestId("verdict").textContent()).toContain("5 处错误");
    expect(worker.submissions.at(-1)).toMatchObject({ collectionId: "c2026q1", sheets: ["花名册"] });

    // The Worker fails: the submission is kept in the outbox, then retried.
    worker.failNext(1);
    await page.getByTestId("submit").click();
    await page.getByTestId("outbox").waitFor();
    expect(await page.getByTestId("submit-error").textContent()).toContain("503");
    expect(await page.evaluate(() => JSON.parse(localStorage.getItem("party-ledger.outbox") ?? "[]").length)).toBe(1);
    await page.screenshot({ path: join(SHOTS, "pane-outbox-zh.png") });
    // It survives a reload, and is retried when the pane starts.
    const before = worker.submissions.length;
    await page.reload();
    await page.getByTestId("tab-submit").waitFor();
    await page.getByTestId("tab-submit").click();
    await page.waitForFunction(() => JSON.parse(localStorage.getItem("party-ledger.outbox") ?? "[]").length === 0, null, { timeout: 10_000 });
    expect(worker.submissions.length).toBe(before + 1);
    await page.getByTestId("verdict").waitFor();
    await page.screenshot({ path: join(SHOTS, "pane-submit-zh.png") });

    // Admin: status per branch.
    await page.getByTestId("tab-admin").click();
    await page.getByTestId("admin-refresh").click();
    await page.getByTestId("admin-table").waitFor();
    expect(await page.getByTestId("admin-table").textContent()).toContain("第一党支部");
    await page.screenshot({ path: join(SHOTS, "pane-admin-zh.png") });
    await page.context().close();
  });

  it("checks a 20,000-row ledger and reports the time to findings", async () => {
    const page = await openPane();
    const workers: string[] = [];
    page.on("worker", (w) => workers.push(w.url()));
    const bytes = bigRoster(20_000);
    const t0 = Date.now();
    await page.getByTestId("file-input").setInputFiles({ name: "花名册-20000.xlsx", mimeType: XLSX, buffer: bytes });
    // The file is read in a worker: the page still paints and answers while SheetJS parses.
    await page.getByTestId("reading").waitFor();
    const answered = await page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => r(performance.now()))));
    expect(answered).toBeGreaterThan(0);
    await openFile(page, "花名册-20000.xlsx", null);
    const tRead = Date.now() - t0;
    const t1 = Date.now();
    await check(page);
    const tCheck = Date.now() - t1;
    console.log(`[measure] 20,000-row roster in web mode: open+read+recognise ${tRead} ms, 检查 (engine + marks + list) ${tCheck} ms, total ${tRead + tCheck} ms`);
    expect(workers.some((u) => /reader\.worker/.test(u))).toBe(true);
    expect(await page.getByTestId("summary").textContent()).toBeTruthy();
    await page.context().close();
  });

  it("shows the reader's refusal, in the pane's language, for a file that is not a workbook", async () => {
    const page = await openPane();
    await page.getByTestId("file-input").setInputFiles({ name: "名单.xlsx", mimeType: XLSX, buffer: Buffer.from("姓名,性别\n张三,男\n") });
    await page.getByTestId("open-error").waitFor();
    expect(await page.getByTestId("open-error").textContent()).toContain("不是 Excel 工作簿");
    await switchToEnglish(page);
    expect(await page.getByTestId("open-error").textContent()).toContain("not an Excel workbook");
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.context().close();
  });

  it("reads the file in the page where a worker cannot start", async () => {
    const page = await newPage(browser);
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
    expect(await page.getByText("Open an Excel ledger").count()).toBe(1);
    await page.screenshot({ path: join(SHOTS, "pane-settings-en.png") });

    await page.getByTestId("tab-check").click();
    await openFile(page, "roster-with-errors.xlsx", plantedRoster().bytes);
    await check(page);
    expect(await page.getByTestId("summary").textContent()).toMatch(/^5 errors?, 1 warnings?$/);
    await page.screenshot({ path: join(SHOTS, "pane-check-en.png") });

    await page.getByTestId("tab-settings").click();
    await page.getByTestId("worker-url").fill(worker.url);
    await page.getByTestId("token").fill(TOKEN);
    await page.getByTestId("save-settings").click();
    await page.getByTestId("tab-submit").click();
    await page.getByTestId("collection-id").fill("c2026q1-en");
    await page.getByTestId("submit").click();
    await page.getByTestId("verdict").waitFor();
    expect(await page.getByTestId("verdict").textContent()).toContain("5 error");
    await page.screenshot({ path: join(SHOTS, "pane-submit-en.png") });
    worker.failNext(1);
    await page.getByTestId("submit").click();
    await page.getByTestId("outbox").waitFor();
    await page.screenshot({ path: join(SHOTS, "pane-outbox-en.png") });

    await page.getByTestId("tab-admin").click();
    await page.getByTestId("admin-refresh").click();
    await page.getByTestId("admin-table").waitFor();
    await page.screenshot({ path: join(SHOTS, "pane-admin-en.png") });

    const meetings = readdirSync(SAMPLES).find((f) => f.includes("[sample_pm_Meeting]"));
    if (meetings) {
      await page.getByTestId("tab-check").click();
      await openFile(page, meetings, readFileSync(join(SAMPLES, meetings)));
      await check(page);
      expect(await page.getByTestId("period-finding").count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(SHOTS, "pane-meetings-periods-en.png") });
    }
    expect((page as Page & { errors?: string[] }).errors).toEqual([]);
    await page.context().close();
  });
});
