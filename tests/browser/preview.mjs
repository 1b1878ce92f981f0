#!/usr/bin/env node
// Drive `pipeline serve` in headless Chromium the way an editor would, and print what happened as JSON.
//
//   node tests/browser/preview.mjs URL SOURCE_FILE OLD_TEXT NEW_TEXT
//
// Opens URL, reads the findings panel, shows a finding with the keyboard (Tab, Enter), edits
// SOURCE_FILE (OLD_TEXT -> NEW_TEXT) and times until the page shows NEW_TEXT without a manual
// reload, then breaks the file's front matter, waits for the error on the page, and restores it.

import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const [url, sourceFile, oldText, newText] = process.argv.slice(2);

// Poll a condition on whatever page is loaded now (the page reloads itself between polls).
async function until(page, condition, argument = null, timeout = 15000) {
  const started = Date.now();
  while (Date.now() - started < timeout) {
    try {
      if (await page.evaluate(condition, argument)) return Date.now() - started;
    } catch {
      // the page is reloading
    }
    await new Promise((done) => setTimeout(done, 25));
  }
  return null;
}

const profile = mkdtempSync(join(tmpdir(), 'pipeline-preview-'));
const browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, args: FLAGS });
const result = {};
try {
  const page = browser.pages()[0] || (await browser.newPage());
  await page.goto(url);
  await page.waitForSelector('#pipeline-findings');
  result.title = await page.textContent('#pipeline-findings-title');
  result.findings = await page.locator('#pipeline-findings button').count();

  // The keyboard reaches a finding that quotes a sentence, and Enter highlights it on the page.
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const quoted = await page.evaluate(() => {
      const active = document.activeElement;
      return Boolean(active && active.closest('#pipeline-findings') && active.dataset.target
        && JSON.parse(active.dataset.target).quote);
    });
    if (quoted) {
      await page.keyboard.press('Enter');
      result.tabs = i + 1;
      break;
    }
  }
  result.highlighted = await page.evaluate(() => Boolean(CSS.highlights && CSS.highlights.has('pipeline')));
  result.status = await page.textContent('#pipeline-status');

  const original = readFileSync(sourceFile, 'utf8');
  const edited = original.replace(oldText, newText);
  if (edited === original) throw new Error(`${sourceFile} does not hold ${JSON.stringify(oldText)}`);
  writeFileSync(sourceFile, edited);
  result.editShownAfterMs = await until(page, (text) => document.body.innerText.includes(text), newText);

  writeFileSync(sourceFile, '---\ntitle: [not closed\n---\n' + edited);
  if (await until(page, () => Boolean(document.getElementById('pipeline-error'))) !== null) {
    result.error = await page.textContent('#pipeline-error');
  }
  writeFileSync(sourceFile, edited);
  result.recovered = (await until(page, () => !document.getElementById('pipeline-error'))) !== null;
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
process.stdout.write(JSON.stringify(result) + '\n');
