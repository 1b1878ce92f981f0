#!/usr/bin/env node
// Run axe-core on local HTML files in ONE headless Chromium and print the results as JSON.
//
//   node tests/browser/axe.mjs [--enable rule,rule] [--only rule,rule] [--context CSS] [--iframes] FILE|URL...
//   node tests/browser/axe.mjs [options] --pages PAGES.json    ([{"page": FILE|URL, "only": [rule, ...]}, ...])
//
// Prints {"axe": "4.x", "pages": [{"file", "violations", "incomplete", "passes", "inapplicable"}]}:
// violations and incomplete list each rule's nodes (axe's target, the element's HTML, and
// `path`, the element's /tag[n]/... position so other tools can name the same element);
// passes and inapplicable list rule ids. `--context` runs axe on the element a selector names
// (as axe's own rule tests run it on their fixture); `--iframes` runs it inside frames too, and
// a frame's node gets the paths of each frame and of the element joined by " >>> ". A page may
// be a http://localhost URL. With --pages, each page runs only its own rules (as axe-core's rule tests
// run one rule at a time: axe caches per element what one rule computed, and another reuses it). Requests that are not file:// or localhost are blocked, so a page
// under test never reaches the network.

import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openPage } from './chromium.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

function parseArguments(argv) {
  const options = { enable: [], only: null, context: null, iframes: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--enable') options.enable = argv[++i].split(',').filter(Boolean);
    else if (argv[i] === '--only') options.only = argv[++i].split(',').filter(Boolean);
    else if (argv[i] === '--context') options.context = argv[++i];
    else if (argv[i] === '--iframes') options.iframes = true;
    else if (argv[i] === '--pages') options.pages = JSON.parse(readFileSync(argv[++i], 'utf8'));
    else options.files.push(/^https?:\/\//.test(argv[i]) ? argv[i] : resolve(argv[i]));
  }
  options.pages ??= options.files.map((page) => ({ page, only: options.only }));
  if (!options.pages.length) {
    process.stderr.write('usage: axe.mjs [--enable rule,rule] [--only rule,rule] FILE...\n');
    process.exit(2);
  }
  return options;
}

function isLocal(url) {
  if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('about:')) return true;
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '127.0.0.1' || host === '[::1]';
  } catch {
    return false;
  }
}

// Runs inside the page: axe, then each reported node's position in the tree.
async function runAxe({ enable, only, context, iframes }) {
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
  // A target is a selector per frame, outermost first; a shadow-DOM step (an array) has no path.
  const pathOfTarget = (target) => {
    const paths = [];
    let root = document;
    for (const step of target) {
      const element = typeof step === 'string' && root ? root.querySelector(step) : null;
      if (!element) return null;
      paths.push(pathOf(element));
      root = element.contentDocument;
    }
    return paths.join(' >>> ');
  };
  const options = { iframes, resultTypes: ['violations', 'incomplete'], rules: {} };
  for (const id of enable) options.rules[id] = { enabled: true };
  if (only) options.runOnly = { type: 'rule', values: only };
  const results = await window.axe.run(context || document, options);
  const describe = (rule) => ({
    id: rule.id,
    impact: rule.impact,
    nodes: rule.nodes.map((node) => {
      return { target: node.target.join(' >>> '), html: node.html, path: pathOfTarget(node.target) };
    }),
  });
  return {
    violations: results.violations.map(describe),
    incomplete: results.incomplete.map(describe),
    passes: results.passes.map((rule) => rule.id),
    inapplicable: results.inapplicable.map((rule) => rule.id),
  };
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const require = createRequire(import.meta.url);
  const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  const axeVersion = JSON.parse(readFileSync(require.resolve('axe-core/package.json'), 'utf8')).version;
  const profile = mkdtempSync(join(tmpdir(), 'axe-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    offline: false,
  });
  const pages = [];
  try {
    await context.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort()));
    const page = context.pages()[0] || (await context.newPage());
    for (const { page: file, only } of options.pages) {
      await openPage(page, file);
      for (const frame of options.iframes ? page.frames() : [page.mainFrame()]) {
        await frame.evaluate(axeSource).catch(() => {}); // a frame that went away has nothing to check
      }
      const result = await page.evaluate(runAxe, {
        enable: options.enable, only: only || options.only, context: options.context, iframes: options.iframes,
      });
      pages.push({ file, ...result });
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify({ axe: axeVersion, pages }) + '\n');
}

main().catch((error) => {
  process.stderr.write(`axe.mjs: ${error.stack || error}\n`);
  process.exit(1);
});
