#!/usr/bin/env node
// Run axe-core on the ACT test cases in ONE headless Chromium: like tests/browser/axe.mjs, but a page
// that asks to navigate (a meta refresh, a script) is held where it is, so each case is judged as
// loaded, and a page axe-core cannot run on is reported as an error instead of stopping the run.
//
//   node tests/act/axe_runner.mjs [--enable rule,rule] FILE...
//
// Prints {"axe": "4.x", "pages": [{"file", "violations", "incomplete", "passes", "error"?}]}, rule ids only.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(join(dirname(fileURLToPath(import.meta.url)), '..', 'browser', 'package.json'));
const { chromium } = require('playwright-core');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

async function runAxe(enable) {
  const options = { iframes: false, resultTypes: ['violations', 'incomplete'], rules: {} };
  for (const id of enable) options.rules[id] = { enabled: true };
  const results = await window.axe.run(document, options);
  const ids = (rules) => rules.map((rule) => rule.id);
  return { violations: ids(results.violations), incomplete: ids(results.incomplete), passes: ids(results.passes) };
}

async function main() {
  const argv = process.argv.slice(2);
  const enable = argv[0] === '--enable' ? argv[1].split(',').filter(Boolean) : [];
  const files = (argv[0] === '--enable' ? argv.slice(2) : argv).map((file) => resolve(file));
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const axeVersion = JSON.parse(readFileSync(require.resolve('axe-core/package.json'), 'utf8')).version;
  const profile = mkdtempSync(join(tmpdir(), 'axe-act-'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  const pages = [];
  try {
    const page = context.pages()[0] || (await context.newPage());
    let current = null;
    await context.route('**/*', (route) => {
      const request = route.request();
      const url = request.url();
      const local = url.startsWith('file:') || url.startsWith('data:') || url.startsWith('about:');
      const leaving = request.isNavigationRequest() && request.frame() === page.mainFrame() && url !== current;
      if (leaving) return route.fulfill({ status: 204 }); // "No Content": the browser stays on the page
      return local ? route.continue() : route.abort();
    });
    for (const file of files) {
      current = pathToFileURL(file).href;
      try {
        await page.goto(current, { waitUntil: 'load', timeout: 30000 });
        current = null; // from now on, the page may not navigate away (a refresh, a redirect)
        await page.evaluate(axeSource);
        pages.push({ file, ...(await page.evaluate(runAxe, enable)) });
      } catch (error) {
        pages.push({ file, violations: [], incomplete: [], passes: [], error: String(error).split('\n')[0] });
      }
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify({ axe: axeVersion, pages }) + '\n');
}

main().catch((error) => {
  process.stderr.write(`axe_runner.mjs: ${error.stack || error}\n`);
  process.exit(1);
});
