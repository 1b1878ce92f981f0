#!/usr/bin/env node
// Resolve CSS selectors with document.querySelectorAll in ONE headless Chromium, page by page.
//
//   node tests/browser/select.mjs REQUESTS.json
//
// REQUESTS.json: [{"file": "/abs/page.html", "selectors": ["#main > p", ...]}, ...]. Prints
// {"pages": [{"file", "results": [{"selector", "count", "path"}]}]}: how many elements each selector
// matches and the /tag[n]/... position of the first (as axe.mjs writes it), or an "error" when the
// browser cannot read the selector. Requests that are not file:// are blocked.

import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openPage } from './chromium.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

function resolveAll(selectors) {
  const pathOf = (element) => {
    const parts = [];
    for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
      let index = 1;
      for (let s = node.previousElementSibling; s; s = s.previousElementSibling) {
        if (s.localName === node.localName) index++;
      }
      parts.unshift(`${node.localName}[${index}]`);
    }
    return '/' + parts.join('/');
  };
  return selectors.map((selector) => {
    try {
      const found = document.querySelectorAll(selector);
      return { selector, count: found.length, path: found.length ? pathOf(found[0]) : null };
    } catch (error) {
      return { selector, count: 0, path: null, error: String(error) };
    }
  });
}

async function main() {
  const requests = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const profile = mkdtempSync(join(tmpdir(), 'select-chromium-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  const pages = [];
  try {
    await context.route('**/*', (route) => (route.request().url().startsWith('file:') ? route.continue() : route.abort()));
    const page = context.pages()[0] || (await context.newPage());
    for (const { file, selectors } of requests) {
      await openPage(page, file);
      pages.push({ file, results: await page.evaluate(resolveAll, selectors) });
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify({ pages }) + '\n');
}

main().catch((error) => {
  process.stderr.write(`select.mjs: ${error.stack || error}\n`);
  process.exit(1);
});
