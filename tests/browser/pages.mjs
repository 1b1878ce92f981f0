#!/usr/bin/env node
// Look at built pages in ONE headless Chromium, for tests. Reads a JSON request on stdin,
// prints a JSON answer on stdout:
//
//   {"measure": [{"file", "needles": [...]}], "width": 1280}
//       -> {"measure": [{"file", "needles": {needle: [[{char, x, y, width, height}...] per occurrence]}}]}
//       where each character of each occurrence of a needle in the page's text is drawn
//       (Range.getBoundingClientRect), so a test can tell whether it reads in order.
//   {"crawl": FILE or http://127.0.0.1:PORT/...}
//       -> {"crawl": {"reached": [{url, lang, status}], "broken": [{href, error}]}}
//       every page reached from the start by following its links as a reader would, from disk
//       (file://) or from a local server; links elsewhere are not followed.
//   {"boxes": [{"file", "selector"}]}
//       -> {"boxes": [{"file", "elements": [{tag, text, direction, box, content, textBox}]}]}: each matched
//       element's border box, content box (inside padding and border) and the box its text is drawn in.
//   {"screenshots": [{"file", "width", "out"}]}
//       -> {"screenshots": [out...]}: full-page PNGs.
//
// Requests that are not file:// or to 127.0.0.1 are blocked, so a page under test never reaches the network.

import { chromium } from 'playwright-core';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

// Runs inside the page: where each character of each occurrence of each needle is drawn.
function measureNeedles(needles) {
  const nodes = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push({ node, start: text.length });
    text += node.data;
  }
  const at = (index) => {
    let low = 0;
    let high = nodes.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (nodes[middle].start <= index) low = middle; else high = middle - 1;
    }
    return { node: nodes[low].node, offset: index - nodes[low].start };
  };
  const result = {};
  for (const needle of needles) {
    result[needle] = [];
    for (let found = text.indexOf(needle); found !== -1; found = text.indexOf(needle, found + needle.length)) {
      const chars = [];
      for (let i = 0; i < needle.length; i++) {
        const { node, offset } = at(found + i);
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        const box = range.getBoundingClientRect();
        chars.push({ char: needle[i], x: box.x, y: box.y, width: box.width, height: box.height });
      }
      result[needle].push(chars);
    }
  }
  return result;
}

// Runs inside the page: the boxes of the elements a selector matches.
function measureBoxes(selector) {
  const plain = (box) => ({ left: box.left, right: box.right, top: box.top, bottom: box.bottom });
  return [...document.querySelectorAll(selector)].map((element) => {
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    const px = (name) => parseFloat(style.getPropertyValue(name)) || 0;
    const range = document.createRange();
    range.selectNodeContents(element);
    return {
      tag: element.localName,
      text: element.textContent,
      direction: style.direction,
      box: plain(box),
      content: {
        left: box.left + px('border-left-width') + px('padding-left'),
        right: box.right - px('border-right-width') - px('padding-right'),
      },
      textBox: plain(range.getBoundingClientRect()),
    };
  });
}

const isLocal = (url) => url.startsWith('file:') || url.startsWith('http://127.0.0.1:');

async function crawl(page, start) {
  const startUrl = start.startsWith('http://') ? start : pathToFileURL(start).href;
  const origin = startUrl.slice(0, startUrl.lastIndexOf('/') + 1);  // only what is below the start's folder
  const seen = new Set([startUrl]);
  const queue = [startUrl];
  const reached = [];
  const broken = [];
  while (queue.length) {
    const url = queue.shift();
    let response;
    try {
      response = await page.goto(url, { waitUntil: 'load', timeout: 30000 });
    } catch (error) {
      broken.push({ href: url, error: String(error.message || error).split('\n')[0] });
      continue;
    }
    const facts = await page.evaluate(() => ({
      lang: document.documentElement.getAttribute('lang'),
      links: [...document.querySelectorAll('a[href]')].map((a) => ({ href: a.getAttribute('href'), url: a.href })),
    }));
    reached.push({ url: page.url(), lang: facts.lang, status: response && response.status() });
    for (const link of facts.links) {
      const target = link.url.split('#')[0];
      if (!target.startsWith(origin) || seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return { reached, broken };
}

async function main() {
  const request = JSON.parse(readFileSync(0, 'utf8'));
  const profile = mkdtempSync(join(tmpdir(), 'pages-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, args: FLAGS,
    viewport: { width: request.width || 1280, height: 800 },
  });
  const answer = {};
  try {
    await context.route('**/*', (route) => (isLocal(route.request().url()) ? route.continue() : route.abort()));
    const page = context.pages()[0] || (await context.newPage());
    if (request.measure) {
      answer.measure = [];
      for (const { file, needles } of request.measure) {
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 30000 });
        answer.measure.push({ file, needles: await page.evaluate(measureNeedles, needles) });
      }
    }
    if (request.boxes) {
      answer.boxes = [];
      for (const { file, selector } of request.boxes) {
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 30000 });
        answer.boxes.push({ file, elements: await page.evaluate(measureBoxes, selector) });
      }
    }
    if (request.crawl) answer.crawl = await crawl(page, request.crawl);
    if (request.screenshots) {
      answer.screenshots = [];
      for (const { file, width, out } of request.screenshots) {
        await page.setViewportSize({ width, height: 800 });
        await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 30000 });
        await page.screenshot({ path: out, fullPage: true });
        answer.screenshots.push(out);
      }
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  process.stdout.write(JSON.stringify(answer) + '\n');
}

main().catch((error) => {
  process.stderr.write(`pages.mjs: ${error.stack || error}\n`);
  process.exit(1);
});
