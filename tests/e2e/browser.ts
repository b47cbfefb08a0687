import { chromium, type Browser, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-background-networking", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-component-update", "--disable-sync", "--lang=zh-CN"],
  });
}

/** A zh-CN page that may only talk to 127.0.0.1 / localhost. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: "zh-CN", viewport: { width: 1360, height: 860 } });
  await context.route("**/*", (route) => {
    const host = new URL(route.request().url()).hostname;
    return host === "127.0.0.1" || host === "localhost" ? route.continue() : route.abort();
  });
  return context.newPage();
}
