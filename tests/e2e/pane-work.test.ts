import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import type { Download, Page } from "playwright-core";
import { describe, expect, inject, it } from "vitest";
import type { Finding } from "../../shared/findings/types.js";
import { readWorkbook } from "../../shared/xlsx/index.js";
import { buildFunctions } from "../../addin/functions/build.js";
import { gzTotal, initialScripts } from "../../bench/initial-js.js";
import { SAMPLES_DIR } from "../fixtures/samples-dir.js";
import { seriousViolations } from "./axe.js";
import { bigRoster, plantedRoster } from "./fixtures.js";
import { SHOTS, XLSX, browserForFile, check, inViewport, openFile, openPaneIn, switchToEnglish, useWorker, workerGet, workerPost, type PageWithErrors } from "./pane-helpers.js";
import { fixableDues, fixableRoster, rosterAcrossYears, trainingRoster } from "./work-fixtures.js";

/**
 * The pane as a clerk works in it all day and an admin runs a collection from it, in Debian
 * chromium against the real Worker: narrow task-pane widths, expected values with 改为应为值 and
 * 撤销, the grid (frozen header, widths, blur commit, 下载), the as-of day shared with the Worker,
 * a sheet that is not a ledger, the keyboard, axe-core, and the admin's list, diff and 汇总.
 */
const worker = inject("worker");
const REALISTIC_FILES = new URL("../fixtures/realistic/files/", import.meta.url).pathname;
const browserOf = browserForFile();

const WIDTHS = [320, 360, 450, 1280];
const heightFor = (w: number) => (w < 900 ? 740 : 820);

const noPageErrors = (page: PageWithErrors) => expect(page.errors).toEqual([]);

/** Scroll an element into view the way a user would (inside its own scroll container) and say whether it is then on screen. */
async function reachable(page: Page, testId: string): Promise<boolean> {
  const el = page.getByTestId(testId).first();
  await el.scrollIntoViewIfNeeded();
  return inViewport(page, el);
}

/** Every finding the pane lists (cell findings in their groups, period findings), as code|cell-or-period. */
async function paneFindings(page: Page): Promise<string[]> {
  const expand = page.getByTestId("expand-all");
  if ((await expand.count()) && (await expand.textContent()) === "全部展开") await expand.click();
  const cells = await page.getByTestId("finding").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-code")}|${e.getAttribute("data-finding-cell")}`));
  const periods = await page.getByTestId("period-finding").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-code")}|${e.getAttribute("data-period")}`));
  return [...cells, ...periods].sort();
}

async function download(page: Page, testId: string): Promise<Uint8Array> {
  const [dl] = (await Promise.all([page.waitForEvent("download"), page.getByTestId(testId).click()])) as [Download, void];
  return new Uint8Array(readFileSync((await dl.path())!));
}

const gridValues = (page: Page, sheet: number) =>
  page.evaluate((i) => (window as unknown as { __ledgerHost: { getState(): { workbook: { sheets: { values: unknown[][] }[] } } } }).__ledgerHost.getState().workbook.sheets[i]!.values, sheet);

describe("the pane at task-pane widths (320, 360, 450) and on a desktop (1280)", () => {
  for (const width of WIDTHS) {
    it(`${width} px: file picker, findings and the selected cell in view; nothing off-screen; axe finds nothing serious`, async () => {
      const page = await openPaneIn(browserOf(), { width, height: heightFor(width) });
      expect(await inViewport(page, page.getByTestId("file-input"))).toBe(true);
      expect(await page.getByTestId("layout").getAttribute("data-layout")).toBe(width < 900 ? "stacked" : "side-by-side");
      await openFile(page, "花名册-有错误.xlsx", plantedRoster().bytes);
      await check(page);
      expect(await page.getByTestId("summary").textContent()).toBe("5 处错误，1 处提醒");
      expect(await reachable(page, "summary")).toBe(true);
      expect(await reachable(page, "finding")).toBe(true);
      expect(await paneFindings(page)).toHaveLength(6);
      const d6 = page.locator('[data-testid="finding"][data-finding-cell="D6"]').getByTestId("finding-select");
      await d6.scrollIntoViewIfNeeded();
      await d6.click();
      const cell = page.locator('[data-cell="D6"][data-selected="true"]');
      await cell.waitFor();
      expect(await inViewport(page, cell)).toBe(true);
      // The whole 18-digit ID shows in its column (no ellipsis).
      expect(await cell.evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
      // Nothing wider than the window: no sideways scrolling of the page itself.
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `pane-${width}-zh.png`) });

      await switchToEnglish(page);
      await page.getByTestId("tab-check").click();
      await page.waitForSelector('[data-testid="check-panel"][data-busy="no"]');
      expect(await page.getByTestId("summary").textContent()).toMatch(/^5 errors, 1 warning$/);
      expect(await reachable(page, "finding")).toBe(true);
      expect(await inViewport(page, page.getByTestId("file-input"))).toBe(true);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      expect(await seriousViolations(page)).toEqual([]);
      await page.screenshot({ path: join(SHOTS, `pane-${width}-en.png`) });
      noPageErrors(page);
      await page.context().close();
    });
  }

  it("320 and 1280 px: every real sample template is recognised, checked and readable", async () => {
    const samples = readdirSync(SAMPLES_DIR).filter((f) => f.endsWith(".xlsx"));
    expect(samples.length).toBeGreaterThan(0);
    for (const width of [320, 1280]) {
      const page = await openPaneIn(browserOf(), { width, height: heightFor(width) });
      let blank = 0;
      for (const file of samples) {
        await openFile(page, file, readFileSync(join(SAMPLES_DIR, file)));
        if ((await page.getByTestId("recognition").getAttribute("data-status")) === "skipped") {
          blank++;
          // A blank form (headers only): recognised, said to be unchecked, and readable at this width.
          expect(await page.getByTestId("sheet-status").textContent()).toBe("已跳过");
          expect(await reachable(page, "not-checked")).toBe(true);
          expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
          continue;
        }
        await check(page);
        expect(await reachable(page, "recognised-kind")).toBe(true);
        expect(await reachable(page, "summary")).toBe(true);
        expect(await page.getByTestId("sheet-status").textContent()).toBe("已检查");
        // Every finding the summary counts is listed and reachable (all groups expanded).
        const counted = ((await page.getByTestId("summary").textContent()) ?? "").match(/[\d,]+/g)?.reduce((n, x) => n + Number(x.replace(/,/g, "")), 0) ?? 0;
        expect((await paneFindings(page)).length, file).toBe(counted);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
      }
      // Three of the six real templates are blank forms (干部考核测评, 评议结果, 党费补缴): no line filled in.
      expect(blank).toBe(3);
      noPageErrors(page);
      await page.context().close();
    }
  });
});

describe("what the pane costs at start", () => {
  it("loads at most 300 KB of gzipped JavaScript in Excel (taskpane.html's scripts and preloads, functions.js included)", async () => {
    // A production build of its own: this test process runs with NODE_ENV=test, under which React and Fluent build their development variants.
    const root = new URL("../..", import.meta.url).pathname;
    const tmp = mkdtempSync(join(tmpdir(), "pl-initial-js-"));
    try {
      const vite = join(root, "node_modules", "vite", "bin", "vite.js");
      const r = spawnSync(process.execPath, [vite, "build", "--config", join(root, "addin", "vite.config.ts"), "--outDir", tmp, "--emptyOutDir", "--logLevel", "error"], {
        cwd: root,
        env: { ...process.env, NODE_ENV: "production" },
        encoding: "utf8",
      });
      expect(r.status, r.stderr).toBe(0);
      await buildFunctions(tmp);
      const files = initialScripts(tmp, "taskpane.html");
      expect(files.some((f) => f.endsWith("/functions.js"))).toBe(true);
      const total = gzTotal(files);
      console.log(`[measure] initial JavaScript of the Excel pane: ${(total / 1024).toFixed(1)} KB gzipped (${files.length} files)`);
      expect(total).toBeLessThanOrEqual(300 * 1024);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe("the clerk's working day in web mode", () => {
  it("shows expected values; 改为应为值 writes the value the rules determine, 撤销 puts the old one back; never for an ID number", async () => {
    const page = await openPaneIn(browserOf());
    const { bytes, fullDate } = fixableRoster();
    await openFile(page, "花名册-可改正.xlsx", bytes);
    await check(page);
    expect(await page.getByTestId("summary").textContent()).toBe("3 处错误");
    const full = page.locator('[data-testid="finding"][data-finding-cell="F3"]');
    expect(await full.getByTestId("expected").textContent()).toBe("应为：2025-02-28");
    // The ID number's check digit: its right value is shown, but never written for the clerk.
    const id = page.locator('[data-testid="finding"][data-finding-cell="D4"]');
    expect(await id.getByTestId("expected").count()).toBe(1);
    expect(await id.getByTestId("fix").count()).toBe(0);
    expect(await page.getByTestId("fix").count()).toBe(1);

    await full.getByTestId("fix").click();
    await page.waitForSelector('[data-cell="F3"]:not([data-mark])');
    expect(await page.locator('[data-cell="F3"]').textContent()).toBe("2025-02-28");
    expect(await page.getByTestId("summary").textContent()).toBe("2 处错误");
    expect(await page.getByTestId("fix-note").textContent()).toContain("已把 F3 改为 2025-02-28");
    await page.screenshot({ path: join(SHOTS, "pane-fix-zh.png") });

    await page.getByTestId("undo").click();
    await page.waitForSelector('[data-cell="F3"][data-mark="error"]');
    expect(await page.locator('[data-cell="F3"]').textContent()).toBe(fullDate);
    expect(await page.getByTestId("summary").textContent()).toBe("3 处错误");
    expect(await page.getByTestId("fix-note").count()).toBe(0);

    // A dues ledger: 月应缴党费 from the base is a number, written as a number.
    await openFile(page, "党费-可改正.xlsx", fixableDues());
    await check(page);
    const dues = page.locator('[data-testid="finding"][data-finding-cell="D3"]');
    expect(await dues.getByTestId("expected").textContent()).toBe("应为：76.50");
    await dues.getByTestId("fix").click();
    await page.waitForSelector('[data-cell="D3"]:not([data-mark])');
    expect(await page.evaluate(() => (window as unknown as { __ledgerHost: { valueAt(s: string, c: string): unknown } }).__ledgerHost.valueAt("党费", "D3"))).toBe(76.5);
    expect(await page.locator('[data-testid="finding"][data-code="dues.amountMismatch"]').count()).toBe(0);
    // The months paid at 80 now disagree with the corrected 76.50: the pane says so rather than hiding it.
    expect(await page.locator('[data-testid="finding"][data-code="dues.paidMismatch"][data-finding-cell="E3"]').count()).toBe(1);
    noPageErrors(page);
    await page.context().close();
  });

  it("keeps the header row in view, commits an edit when the cell loses focus, and 下载 gives back the edited workbook marked", async () => {
    const page = await openPaneIn(browserOf(), { width: 1280, height: 500 });
    const big = plantedRoster();
    await openFile(page, "花名册-有错误.xlsx", big.bytes);
    await check(page);
    // Edit A4 (the missing name) and leave the cell by clicking the pane: the edit is kept and re-checked.
    await page.locator('[data-cell="A4"]').dblclick();
    await page.getByTestId("cell-editor").fill("王五");
    await page.locator("h1").click();
    await page.waitForSelector('[data-cell="A4"]:not([data-mark])', { timeout: 2000 });
    expect(await page.locator('[data-cell="A4"]').textContent()).toBe("王五");
    expect(await page.getByTestId("summary").textContent()).toBe("4 处错误，1 处提醒");
    // Escape drops an edit.
    await page.locator('[data-cell="B5"]').dblclick();
    await page.getByTestId("cell-editor").fill("女");
    await page.getByTestId("cell-editor").press("Escape");
    expect(await page.locator('[data-cell="B5"]').textContent()).toBe("男性");

    const bytes = await download(page, "download");
    const back = readWorkbook(bytes);
    expect(back.sheets[0]!.name).toBe("花名册");
    expect(back.sheets[0]!.values).toEqual(await gridValues(page, 0));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet("花名册")!.getCell("D6").fill).toMatchObject({ fgColor: { argb: "FFFFC7CE" } });
    expect(wb.getWorksheet("花名册")!.getCell("A4").value).toBe("王五");
    const results = wb.getWorksheet("检查结果")!;
    expect(results.rowCount - 1).toBe(5);

    // A long roster scrolled down: the header row stays under the column letters.
    await openFile(page, "花名册-300.xlsx", bigRoster(300));
    expect(await page.getByTestId("frozen-header").count()).toBe(0);
    await page.getByTestId("grid-scroller").evaluate((e) => (e.scrollTop = 2400));
    await page.locator('[data-frozen-cell="D1"]').waitFor();
    expect(await page.locator('[data-frozen-cell="D1"]').textContent()).toBe("身份证号码");
    expect(await inViewport(page, page.locator('[data-frozen-cell="D1"]'))).toBe(true);
    noPageErrors(page);
    await page.context().close();
  });

  it("checks a sheet against the workbook's other ledgers: names them, jumps to the entry compared with, re-checks when that entry is edited", async () => {
    const page = await openPaneIn(browserOf(), { width: 1280, height: 820 });
    const name = "东湖村党支部2025年台账（合订本）.xlsx";
    await openFile(page, name, readFileSync(join(REALISTIC_FILES, name)));
    await page.getByTestId("sheet-tab").filter({ hasText: "党费" }).click();
    await page.getByTestId("check").click();
    await page.waitForSelector('[data-testid="check-panel"][data-marked="yes"][data-busy="no"]');
    await page.getByTestId("recognised-kind").filter({ hasText: "党费" }).waitFor();
    // The other four ledgers of the workbook, named.
    expect((await page.getByTestId("compared").getAttribute("data-sheets"))!.split("|").sort()).toEqual(["三会一课", "发展党员", "支委会成员", "花名册"].sort());
    expect(await page.getByTestId("compared").textContent()).toContain("「花名册」（党员花名册）");
    // 吴八 transferred out in June (花名册!G11) and still has dues for August (党费!L10).
    const found = await paneFindings(page);
    expect(found).toContain("book.duesAfterTransferOut|L10");
    expect(found).toContain("book.notOnRoster|A12");
    const row = page.locator('[data-testid="finding"][data-code="book.duesAfterTransferOut"]');
    const related = row.getByTestId("related");
    expect(await related.textContent()).toBe("对照 花名册!G11");
    await related.click();
    await page.waitForSelector('[data-cell="G11"][data-selected="true"]');
    expect(await page.getByTestId("sheet-tab").filter({ hasText: "花名册" }).getAttribute("aria-selected")).toBe("true");
    // Clearing the transfer-out date on the roster re-checks the dues ledger the pane shows: 吴八 is a member all year.
    await page.locator('[data-cell="G11"]').click();
    await page.keyboard.press("Delete");
    await page.waitForSelector('[data-testid="check-panel"][data-rechecks="1"]', { timeout: 3000 });
    const after = await paneFindings(page);
    expect(after).not.toContain("book.duesAfterTransferOut|L10");
    expect(after).toContain("book.notOnRoster|A12");
    noPageErrors(page);
    await page.context().close();
  });

  it("clears the old grid and findings when a bad file is opened after a good one", async () => {
    const page = await openPaneIn(browserOf());
    await openFile(page, "花名册-有错误.xlsx", plantedRoster().bytes);
    await check(page);
    // A zip that stops after its first header: no reader can make a workbook of it.
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60)]);
    await page.getByTestId("file-input").setInputFiles({ name: "名单.xlsx", mimeType: XLSX, buffer: broken });
    await page.getByTestId("open-error").waitFor();
    await expect.poll(() => page.getByTestId("grid").count()).toBe(0);
    expect(await page.getByTestId("summary").count()).toBe(0);
    expect(await page.getByTestId("recognition").count()).toBe(0);
    expect(await page.getByTestId("finding").count()).toBe(0);
    expect(await page.getByTestId("file-name").count()).toBe(0);
    noPageErrors(page);
    await page.context().close();
  });

  it("says 未识别 for a sheet that is not a ledger, names the closest candidates and what they lack, offers the template picker, and never 未发现问题", async () => {
    const page = await openPaneIn(browserOf(), { width: 360, height: 740 });
    await openFile(page, "参训人员.xlsx", trainingRoster());
    expect(await page.getByTestId("sheet-status").textContent()).toBe("未识别");
    expect(await page.getByTestId("recognition").getAttribute("data-status")).toBe("unrecognised");
    expect(await page.getByTestId("candidate").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("candidates").textContent()).toContain("缺少");
    expect(await reachable(page, "template-picker")).toBe(true);
    await page.getByTestId("check").click();
    await page.waitForSelector('[data-testid="summary"][data-status="unrecognised"]');
    expect(await page.getByTestId("summary").textContent()).toBe("未检查：未识别出台账类型");
    expect(await page.getByTestId("pane").textContent()).not.toContain("未发现问题");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "pane-unrecognised-zh.png") });
    await switchToEnglish(page);
    await page.getByTestId("tab-check").click();
    expect(await page.getByTestId("sheet-status").textContent()).toBe("Not recognised");
    expect(await page.getByTestId("pane").textContent()).not.toContain("No problems found");
    await page.screenshot({ path: join(SHOTS, "pane-unrecognised-en.png") });
    // Chosen by hand, the template checks the sheet: now it is checked, whatever it finds.
    await page.getByTestId("template-picker").selectOption("roster@1");
    await page.waitForSelector('[data-testid="recognition"][data-status="checked"]');
    noPageErrors(page);
    await page.context().close();
  });

  it("reaches every action from the keyboard, with the focus visible", async () => {
    const page = await openPaneIn(browserOf());
    /** Tab until the focus is on an element matching `selector`; it must show a focus indicator. */
    const tabTo = async (selector: string) => {
      for (let i = 0; i < 80; i++) {
        await page.keyboard.press("Tab");
        if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) {
          const visible = await page.evaluate(() => {
            const el = document.activeElement as HTMLElement;
            const style = getComputedStyle(el);
            return el.matches(":focus-visible") && (style.outlineStyle !== "none" || el.hasAttribute("data-fui-focus-visible") || getComputedStyle(el, "::after").borderStyle !== "none");
          });
          expect(visible, `focus visible on ${selector}`).toBe(true);
          return;
        }
      }
      throw new Error(`Tab never reached ${selector}`);
    };
    await tabTo('[data-testid="file-input"]');
    await page.getByTestId("file-input").setInputFiles({ name: "花名册-可改正.xlsx", mimeType: XLSX, buffer: fixableRoster().bytes });
    await page.waitForSelector('[data-testid="recognised-kind"]');
    await tabTo('[data-testid="check"]');
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-testid="check-panel"][data-marked="yes"][data-busy="no"]');
    await tabTo('[data-testid="finding-select"]');
    await page.keyboard.press("Enter");
    await page.waitForSelector("[data-cell][data-selected]");
    await tabTo('[data-testid="fix"]');
    await page.keyboard.press("Enter");
    await page.getByTestId("fix-note").waitFor();
    // The fixed finding is gone: the focus moves to 撤销, one Enter away.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute("data-testid"))).toBe("undo");
    await page.keyboard.press("Enter");
    await page.waitForSelector('[data-cell="F3"][data-mark="error"]');
    // The grid: arrows move the selection, typing edits, Enter commits.
    await tabTo('[data-testid="grid-scroller"]');
    const selectedCell = () => page.locator("[data-cell][data-selected]").getAttribute("data-cell");
    const start = await selectedCell();
    await page.keyboard.press("ArrowDown");
    await expect.poll(selectedCell).not.toBe(start);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    const at = await selectedCell();
    expect(at).toMatch(/^A\d+$/);
    // Enter (or F2) edits the selected cell; Enter again commits.
    await page.keyboard.press("Enter");
    await page.getByTestId("cell-editor").waitFor();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText("赵六");
    await page.keyboard.press("Enter");
    expect(await page.locator(`[data-cell="${at}"]`).textContent()).toBe("赵六");
    // Typing a character starts an edit with it; Escape drops it.
    await page.keyboard.press("X");
    expect(await page.getByTestId("cell-editor").inputValue()).toBe("X");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByTestId("cell-editor").count()).toBe(0);
    expect(await page.getByTestId("grid-selection").textContent()).toContain("：");
    // Tabs of the pane.
    await tabTo('[data-testid="tab-check"]');
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Enter");
    await page.getByTestId("submit-panel").waitFor();
    noPageErrors(page);
    await page.context().close();
  });
});

interface StoredDetail {
  id: string;
  version: number;
  asOf: string;
  status: string;
  findings: Finding[];
}

describe("a collection: the clerk sees the department's verdict, the admin runs it from the pane", () => {
  it("checks for a collection on its as-of day with its template (pane findings = stored findings); the admin lists, opens, compares and 汇总s", async () => {
    const clerk = worker.clerkTokens["demo-b1"]!;
    const col = await workerPost<{ id: string; asOf: string }>("/v1/collections", worker.adminToken, {
      title: "2024 年度花名册",
      template: { id: "roster" },
      period: "2024",
      dueAt: "2099-12-31",
      branchIds: ["demo-b1", "demo-b2"],
    });
    expect(col.asOf).toBe("2024-12-31");

    const page = await openPaneIn(browserOf(), { width: 450, height: 740 });
    await useWorker(page, clerk);
    await page.getByTestId("tab-check").click();
    await openFile(page, "花名册-跨年.xlsx", rosterAcrossYears());
    await check(page);
    // On the clerk's own day (today) the roster is clean…
    expect(await page.getByTestId("basis").getAttribute("data-kind")).toBe("date");
    expect(await page.getByTestId("summary").textContent()).toBe("未发现问题");
    // …for the 2024 collection it is judged as of 2024-12-31, and says so.
    await page.getByTestId("check-collection").selectOption(col.id);
    await page.waitForSelector(`[data-testid="basis"][data-kind="collection"][data-as-of="2024-12-31"]`);
    expect(await page.getByTestId("basis-text").textContent()).toContain("按报送任务「2024 年度花名册」检查：检查日期 2024-12-31");
    await page.waitForSelector('[data-testid="check-panel"][data-busy="no"]');
    await expect.poll(() => page.getByTestId("summary").textContent()).toBe("1 处错误");
    const shown = await paneFindings(page);
    expect(shown).toEqual(["date.future|F4"]);
    await page.locator('[data-testid="finding"][data-finding-cell="F4"]').getByTestId("finding-select").click();
    await page.getByTestId("basis").evaluate((e) => e.scrollIntoView({ block: "start" }));
    await page.screenshot({ path: join(SHOTS, "pane-collection-zh.png") });

    // Submitted, the Worker stores the very same findings.
    await page.getByTestId("tab-submit").click();
    expect(await page.getByTestId("collection-id").inputValue()).toBe(col.id);
    await page.getByTestId("submit").click();
    const v1 = page.locator('[data-testid="verdict"][data-version="1"]');
    await v1.waitFor();
    const stored = await workerGet<StoredDetail>(`/v1/submissions/${await v1.getAttribute("data-submission-id")}`, clerk);
    expect(stored.asOf).toBe("2024-12-31");
    expect(stored.findings.map((f) => `${f.code}|${f.cell ?? f.period}`).sort()).toEqual(shown);

    // The clerk clears F4 in the grid (still on probation at the end of 2024) and submits version 2.
    await page.locator('[data-cell="F4"]').dblclick();
    await page.getByTestId("cell-editor").fill("");
    await page.getByTestId("cell-editor").press("Enter");
    await page.getByTestId("submit").click();
    await page.locator('[data-testid="verdict"][data-version="2"]').waitFor();
    expect(await page.getByTestId("verdict").textContent()).toContain("已提交（无错误）");

    // The admin: the organisation's collections to choose from, each branch's state, findings, diff, 汇总.
    await useWorker(page, worker.adminToken);
    await page.getByTestId("tab-admin").click();
    await page.waitForSelector('[data-testid="admin-collection"]:not([disabled])');
    const titles = await page.getByTestId("admin-collection").locator("option").allTextContents();
    expect(titles).toEqual(expect.arrayContaining(["2024 年度花名册（2024）"]));
    expect(titles.length).toBeGreaterThanOrEqual(2);
    await page.getByTestId("admin-collection").selectOption(col.id);
    const b1 = page.locator('[data-testid="admin-branch"][data-branch-id="demo-b1"]');
    await b1.waitFor();
    expect(await b1.getByTestId("branch-status").textContent()).toBe("已提交（无错误）");
    expect(await b1.getByTestId("branch-facts").textContent()).toMatch(/^第 2 版 · \d{4}-\d{2}-\d{2} \d{2}:\d{2} 提交 · 未发现问题$/);
    expect(await page.locator('[data-testid="admin-branch"][data-branch-id="demo-b2"]').getByTestId("branch-status").textContent()).toBe("未提交");
    await b1.getByTestId("compare").click();
    await b1.getByTestId("run-diff").click();
    const diff = b1.getByTestId("admin-diff");
    await diff.waitFor();
    expect(await diff.getAttribute("data-cells")).toBe("1");
    expect(await diff.getAttribute("data-fixed")).toBe("1");
    expect(await diff.getAttribute("data-new")).toBe("0");
    expect(await diff.textContent()).toContain("第 1 版 → 第 2 版：改动了 1 个单元格；改正 1 处问题，新出现 0 处问题");
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "pane-admin-collection-zh.png") });

    // 汇总 in web mode: an .xlsx with the table and a native chart.
    const summary = unzipSync(await download(page, "summarise"));
    expect(Object.keys(summary)).toEqual(expect.arrayContaining(["xl/charts/chart1.xml", "xl/drawings/drawing1.xml"]));
    expect(strFromU8(summary["xl/charts/chart1.xml"]!)).toContain("<c:barChart>");
    const table = readWorkbook(await download(page, "summarise")).sheets[0]!;
    expect(table.values[0]).toEqual(["支部", "错误", "提醒", "状态", "最新版本", "提交时间", "逾期"]);
    expect(table.values.slice(1).map((r) => [r[0], r[1], r[3]])).toEqual(
      expect.arrayContaining([
        ["第一党支部", 0, "已提交（无错误）"],
        ["第二党支部", 0, "未提交"],
      ]),
    );
    expect(table.values.find((r) => r[0] === "第一党支部")![4]).toBe(2);
    expect(await page.getByTestId("admin-note").textContent()).toBe("已下载汇总表");
    noPageErrors(page);
    await page.context().close();
  });

  it("shows the admin a branch's book: its ledgers of the period compared, each disagreement naming its ledger", async () => {
    const dir = new URL("../fixtures/realistic/book/", import.meta.url).pathname;
    const open = (title: string, template: string) =>
      workerPost<{ id: string }>("/v1/collections", worker.adminToken, { title, template: { id: template }, period: "2025-H2", dueAt: "2099-12-31", branchIds: ["demo-b3"] });
    const roster = await open("下半年花名册", "roster");
    const dues = await open("下半年党费", "dues-monthly");
    for (const [col, file] of [
      [roster.id, "东湖村党支部2025年花名册.xlsx"],
      [dues.id, "东湖村党支部2025年党费.xlsx"],
    ] as const) {
      await workerPost(`/v1/collections/${col}/submissions`, worker.clerkTokens["demo-b3"]!, { grid: readWorkbook(new Uint8Array(readFileSync(join(dir, file)))), fileName: file });
    }
    const page = await openPaneIn(browserOf());
    await useWorker(page, worker.adminToken);
    await page.getByTestId("tab-admin").click();
    await page.waitForSelector('[data-testid="admin-collection"]:not([disabled])');
    await page.getByTestId("admin-collection").selectOption(roster.id);
    const b3 = page.locator('[data-testid="admin-branch"][data-branch-id="demo-b3"]');
    await b3.getByTestId("open-book").click();
    const book = b3.getByTestId("admin-book");
    await book.waitFor();
    expect(await book.getAttribute("data-status")).toBe("checked");
    expect(await b3.getByTestId("book-message").textContent()).toMatch(/^本期 2 份台账已相互对照，台账之间发现 \d+ 处错误、\d+ 处提醒。$/);
    // 吴八 paid for August after transferring out in June; 赵六 pays but is on no roster: both in the dues ledger.
    const shown = await b3.getByTestId("book-finding").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-file")}!${e.getAttribute("data-cell")}`));
    expect(shown).toEqual(expect.arrayContaining(["下半年党费!L10", "下半年党费!A12", "下半年花名册!A9"]));
    expect(await b3.getByTestId("book-finding").filter({ hasText: "对照花名册!G11" }).count()).toBe(1);
    expect(await seriousViolations(page)).toEqual([]);
    noPageErrors(page);
    await page.context().close();
  });

  it("opens a branch's stored findings for the admin, at 360 px", async () => {
    const { bytes, planted } = plantedRoster();
    const col = await workerPost<{ id: string }>("/v1/collections", worker.adminToken, { title: "2023 年度花名册", template: { id: "roster" }, period: "2023", dueAt: "2099-12-31", branchIds: ["demo-b2"] });
    await workerPost(`/v1/collections/${col.id}/submissions`, worker.clerkTokens["demo-b2"]!, { grid: readWorkbook(new Uint8Array(bytes)) });
    const page = await openPaneIn(browserOf(), { width: 360, height: 740 });
    await useWorker(page, worker.adminToken);
    await page.getByTestId("tab-admin").click();
    await page.waitForSelector('[data-testid="admin-collection"]:not([disabled])');
    await page.getByTestId("admin-collection").selectOption(col.id);
    const submitted = page.locator('[data-testid="admin-branch"][data-branch-id="demo-b2"]');
    await submitted.waitFor();
    expect(await submitted.getByTestId("branch-status").textContent()).toBe("已提交（有错误）");
    await submitted.first().getByTestId("open-findings").click();
    await submitted.first().getByTestId("admin-finding").first().waitFor();
    const cells = await submitted.first().getByTestId("admin-finding").evaluateAll((els) => els.map((e) => e.getAttribute("data-cell")));
    expect(cells).toEqual(expect.arrayContaining(planted));
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SHOTS, "pane-admin-360-zh.png") });
    noPageErrors(page);
    await page.context().close();
  });
});
