import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/** Refreshes docs/editor.png from a running app: `npm start`, then `npx tsx scripts/screenshot.ts`. */
const baseURL = process.env.APP_URL ?? "http://localhost:3000";
const browser = await chromium.launch({
  executablePath: existsSync("/usr/bin/chromium") ? "/usr/bin/chromium" : undefined,
  args: ["--no-sandbox", "--disable-gpu"],
});
const page = await browser.newPage({ viewport: { width: 1680, height: 820 }, deviceScaleFactor: 1 });
const { automations } = await (await fetch(`${baseURL}/api/automations`)).json();
await page.goto(`${baseURL}/automations/${automations.at(-1).id}`);
await page.locator(".react-flow__node").first().waitFor();
await page.locator(".react-flow__node[data-id='wait']").click();
await page.waitForTimeout(500);
await page.screenshot({ path: "docs/editor.png" });
await browser.close();
console.log("wrote docs/editor.png");
