#!/usr/bin/env node
// Opens the Web Chat page (server.js) in headless Chromium at phone width, sends each --say message through the
// send box, waits for the bot's answers, prints them and saves a screenshot.
//
//   node chat.js --url http://127.0.0.1:56170/ --say 帮助 --say "本周到期" --screenshot out/webchat.png [--width 390 --height 844]
'use strict';

const { chromium } = require('playwright-core');

function parseArgs(argv) {
  const o = { url: 'http://127.0.0.1:56170/', say: [], screenshot: 'out/webchat.png', width: 390, height: 844, chromium: process.env.CHROMIUM || '/usr/bin/chromium', quiet: 1500 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (key === 'say') o.say.push(argv[i + 1]);
    else if (key in o) o[key] = ['width', 'height', 'quiet'].includes(key) ? parseInt(argv[i + 1], 10) : argv[i + 1];
    else throw new Error(`unknown argument ${argv[i]}`);
  }
  return o;
}

async function main() {
  const o = parseArgs(process.argv.slice(2));
  const browser = await chromium.launch({ executablePath: o.chromium, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const page = await browser.newPage({ viewport: { width: o.width, height: o.height }, deviceScaleFactor: 2 });
  await page.route('**/*', (route) => (new URL(route.request().url()).hostname === '127.0.0.1' ? route.continue() : route.abort()));
  await page.goto(o.url, { waitUntil: 'domcontentloaded' });
  const input = page.locator('[data-id="webchat-sendbox-input"], textarea, input[type="text"]').first();
  await input.waitFor({ state: 'visible', timeout: 60000 });
  const activities = page.locator('.webchat__basic-transcript__activity');
  const settle = async () => {
    let last = -1;
    for (;;) {
      const count = await activities.count();
      if (count === last) return count;
      last = count;
      await page.waitForTimeout(o.quiet);
    }
  };
  await settle();
  for (const text of o.say) {
    const before = await activities.count();
    await input.fill(text);
    await input.press('Enter');
    await page.waitForFunction((n) => document.querySelectorAll('.webchat__basic-transcript__activity').length >= n + 2, before, { timeout: 20000 })
      .catch(() => {});
    const after = await settle();
    const texts = [];
    for (let i = before + 1; i < after; i++) texts.push((await activities.nth(i).innerText()).replace(/\s+/g, ' ').trim().slice(0, 300));
    process.stdout.write(JSON.stringify({ said: text, got: texts }) + '\n');
  }
  await page.screenshot({ path: o.screenshot, fullPage: false });
  process.stdout.write(JSON.stringify({ screenshot: o.screenshot }) + '\n');
  await browser.close();
}

main().catch((e) => { process.stderr.write(String(e.stack || e) + '\n'); process.exit(1); });
