// Debian's Chromium as the browser tests start it: headless, offline, a fresh profile each run.

import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// Run `work(page)` in one browser whose requests other than file:// are blocked; then clean up.
export async function withPage(options, work) {
  const profile = mkdtempSync(join(tmpdir(), 'chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS, ...options,
  });
  try {
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    return await work(context.pages()[0] || (await context.newPage()));
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

// Open a file (or an address) and wait for its load. The page before it may have redirected (an immediate
// meta refresh to an address the blocked network cannot reach) and land on Chromium's error page while this
// one loads, which interrupts this navigation: it is made again, up to three times.
export async function openPage(page, target) {
  const url = target.includes('://') ? target : pathToFileURL(target).href;
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await page.goto(url, { waitUntil: 'load', timeout: 30000 });
    } catch (error) {
      if (attempt === 3 || !String(error.message || error).includes('interrupted by another navigation')) throw error;
    }
  }
}
