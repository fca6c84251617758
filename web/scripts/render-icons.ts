/**
 * Renders the app's PNG icons (web/public/icons/*.png, for the web app manifest) from their SVGs
 * with the Chromium the browser tests use. Run once after changing an SVG, then commit the PNGs:
 * `npx tsx web/scripts/render-icons.ts`.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const DIR = fileURLToPath(new URL("../public/icons/", import.meta.url));
const ICONS = [
  { svg: "icon.svg", size: 192, png: "icon-192.png" },
  { svg: "icon.svg", size: 512, png: "icon-512.png" },
  { svg: "icon-maskable.svg", size: 512, png: "icon-maskable-512.png" },
  { svg: "icon-maskable.svg", size: 180, png: "apple-touch-icon.png" },
];

const browser = await chromium.launch({
  executablePath: process.env.GUATU_TEST_BROWSER ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage();
  for (const icon of ICONS) {
    const data = readFileSync(`${DIR}${icon.svg}`).toString("base64");
    await page.setViewportSize({ width: icon.size, height: icon.size });
    await page.setContent(
      `<body style="margin:0"><img src="data:image/svg+xml;base64,${data}" width="${icon.size}" height="${icon.size}"></body>`,
    );
    await page.locator("img").evaluate((img: HTMLImageElement) => img.decode());
    await page.screenshot({ path: `${DIR}${icon.png}`, omitBackground: true });
  }
} finally {
  await browser.close();
}
