#!/usr/bin/env node
// Open local HTML files in ONE headless Chromium at a viewport width and say how they are drawn.
//
//   node tests/browser/layout.mjs --width 375 [--screenshots DIR] FILE...
//
// Prints {"pages": [{"file", "width", "scrollWidth", "clipped"}]}: the viewport's width, how wide
// the page is drawn (wider means the reader scrolls sideways), and the text of every SVG <text>
// drawn outside its chart's viewBox. With --screenshots, a full-page PNG per file and width.
// Requests that are not file:// are blocked, so a page under test never reaches the network.

import { basename, join, resolve } from 'node:path';

import { openPage, withPage } from './chromium.mjs';

function parseArguments(argv) {
  const options = { width: 1280, screenshots: null, files: [] };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--width') options.width = Number(argv[++i]);
    else if (argv[i] === '--screenshots') options.screenshots = resolve(argv[++i]);
    else options.files.push(resolve(argv[i]));
  }
  if (!options.files.length || !(options.width > 0)) {
    process.stderr.write('usage: layout.mjs --width N [--screenshots DIR] FILE...\n');
    process.exit(2);
  }
  return options;
}

// Runs inside the page.
function measure() {
  const clipped = [];
  for (const svg of document.querySelectorAll('svg')) {
    const width = svg.viewBox.baseVal.width;
    const height = svg.viewBox.baseVal.height;
    for (const text of svg.querySelectorAll('text')) {
      const box = text.getBBox();
      if (box.x < 0 || box.y < 0 || box.x + box.width > width || box.y + box.height > height) {
        clipped.push(text.textContent);
      }
    }
  }
  return { width: window.innerWidth, scrollWidth: document.documentElement.scrollWidth, clipped };
}

async function main() {
  const options = parseArguments(process.argv.slice(2));
  const pages = await withPage({ viewport: { width: options.width, height: 900 } }, async (page) => {
    const drawn = [];
    for (const file of options.files) {
      await openPage(page, file);
      drawn.push({ file, ...(await page.evaluate(measure)) });
      if (options.screenshots) {
        const name = `${basename(file, '.html')}-${options.width}.png`;
        await page.screenshot({ path: join(options.screenshots, name), fullPage: true });
      }
    }
    return drawn;
  });
  process.stdout.write(JSON.stringify({ pages }) + '\n');
}

main().catch((error) => {
  process.stderr.write(`layout.mjs: ${error.stack || error}\n`);
  process.exit(1);
});
