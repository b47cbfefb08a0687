/** What the browser tests do again and again: open the pane, pick a file, check, talk to the real Worker. */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { launch, newPage } from "./browser.js";

export const ROOT = new URL("../..", import.meta.url).pathname;
// The README's screenshots are rewritten on request only (UPDATE_SCREENSHOTS=1); other runs keep theirs in tests/out.
export const SHOTS = process.env.UPDATE_SCREENSHOTS === "1" ? join(ROOT, "docs", "screenshots") : join(ROOT, "tests", "out", "screenshots");
export const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export type PageWithErrors = Page & { errors?: string[] };

/** One chromium per test file: launched before its tests (screenshot folder made), closed after them. */
export function browserForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => browser!;
}

/** GET from the Worker, from Node (no Origin: CORS does not apply), with a Bearer token. */
export async function workerGet<T>(path: string, token: string): Promise<T> {
  const get = () => fetch(`${inject("worker").url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  // wrangler dev's proxy may close a kept-alive connection that sat idle while a slow step ran (the
  // CLI, on a busy machine); fetch then fails on the reused socket. A GET is safe to send again.
  const r = await get().catch((e: unknown) => {
    if ((e as { cause?: { code?: string } }).cause?.code !== "UND_ERR_SOCKET") throw e;
    return get();
  });
  if (!r.ok) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/** POST JSON to the Worker from Node. */
export async function workerPost<T>(path: string, token: string, body: unknown): Promise<T> {
  const r = await fetch(`${inject("worker").url}${path}`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!r.ok) throw new Error(`POST ${path}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
}

/** 设置: the Worker's address and a token, saved (the pane keeps them in localStorage). */
export async function useWorker(page: Page, token: string): Promise<void> {
  await page.getByTestId("tab-settings").click();
  await page.getByTestId("worker-url").fill(inject("worker").url);
  await page.getByTestId("token").fill(token);
  await page.getByTestId("save-settings").click();
}

/** A fresh page on web mode, collecting page errors (a test ends by asserting there were none). */
export async function openPaneIn(browser: Browser, viewport?: { width: number; height: number }): Promise<PageWithErrors> {
  const page: PageWithErrors = await newPage(browser);
  if (viewport) await page.setViewportSize(viewport);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(`${inject("siteUrl")}/index.html`);
  await page.getByTestId("file-input").waitFor();
  page.errors = errors;
  return page;
}

/** Pick a file (or, with null, wait for one already picked) until the pane has recognised it. */
export async function openFile(page: Page, name: string, buffer: Buffer | null): Promise<void> {
  if (buffer) await page.getByTestId("file-input").setInputFiles({ name, mimeType: XLSX, buffer });
  await page.getByTestId("file-name").filter({ hasText: name }).waitFor();
  await page.getByTestId("recognised-kind").waitFor();
  await page.waitForSelector('[data-testid="check-panel"][data-busy="no"]');
}

/** 设置 → English → 保存; back on the tab it was on is up to the caller. */
export async function switchToEnglish(page: Page): Promise<void> {
  await page.getByTestId("tab-settings").click();
  await page.getByTestId("lang-en").check();
  await page.getByTestId("save-settings").click();
  await page.getByTestId("tab-settings").filter({ hasText: "Settings" }).waitFor();
}

export async function check(page: Page): Promise<void> {
  await page.getByTestId("check").click();
  await page.waitForSelector('[data-testid="check-panel"][data-marked="yes"][data-busy="no"]');
  await page.getByTestId("summary").waitFor();
}

/** True when the element's box lies wholly inside the viewport (as the user sees the page, not scrolled away). */
export async function inViewport(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const vp = page.viewportSize()!;
  return box !== null && box.width > 0 && box.height > 0 && box.x >= -0.5 && box.y >= -0.5 && box.x + box.width <= vp.width + 0.5 && box.y + box.height <= vp.height + 0.5;
}
