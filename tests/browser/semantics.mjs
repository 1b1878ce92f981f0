#!/usr/bin/env node
// What Chromium makes of each element: its accessible role and name, read from the accessibility tree over
// CDP, and its computed colour, font size and weight, in a 1280 x 800 viewport.
//
//   node tests/browser/semantics.mjs FILES.json
//
// FILES.json: ["/abs/page.html", ...]. Prints {"pages": [{"file", "elements": {"/html[1]/body[1]/...":
// {"role", "name"}}, "styles": {"/html[1]/body[1]/...": [color, fontSize, fontWeight]} or null}]}: names for
// every element of the page's own document that has a node in Chromium's accessibility tree (frames' documents
// left out), styles for every element of its body that is drawn (display is not none), each keyed by its
// /tag[n]/... position (n counting same-tag siblings, as select.mjs writes it). `styles` is null when the page
// navigated away as it loaded (a refresh). Requests that are not file:// are blocked.

import { readFileSync } from 'node:fs';

import { openPage, withPage } from './chromium.mjs';

// backendNodeId -> /tag[n]/... for every element of the document (not inside frames, templates or shadow roots).
function pathsOf(root) {
  const paths = new Map();
  const walk = (node, prefix) => {
    const counts = new Map();
    for (const child of node.children || []) {
      if (child.nodeType !== 1) continue;
      const tag = child.localName;
      const index = (counts.get(tag) || 0) + 1;
      counts.set(tag, index);
      const path = `${prefix}/${tag}[${index}]`;
      paths.set(child.backendNodeId, path);
      walk(child, path);
    }
  };
  walk(root, '');
  return paths;
}

// The computed styles of the body's drawn elements, by /tag[n]/... position (run in the page).
function computedStyles() {
  const styles = {};
  const pathOf = (element) => {
    const parts = [];
    for (let node = element; node && node.nodeType === 1; node = node.parentElement) {
      let index = 1;
      for (let s = node.previousElementSibling; s; s = s.previousElementSibling) if (s.localName === node.localName) index++;
      parts.unshift(`${node.localName}[${index}]`);
    }
    return '/' + parts.join('/');
  };
  for (const element of document.body ? document.body.querySelectorAll('*') : []) {
    const style = getComputedStyle(element);
    if (style.display !== 'none') styles[pathOf(element)] = [style.color, style.fontSize, style.fontWeight];
  }
  return styles;
}

async function main() {
  const files = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const pages = await withPage({ viewport: { width: 1280, height: 800 } }, async (page) => {
    const client = await page.context().newCDPSession(page);
    const found = [];
    for (const file of files) {
      await openPage(page, file);
      const { root } = await client.send('DOM.getDocument', { depth: -1 });
      const paths = pathsOf(root);
      const { nodes } = await client.send('Accessibility.getFullAXTree');
      const elements = {};
      for (const node of nodes) {
        const path = paths.get(node.backendDOMNodeId);
        if (!path || node.ignored) continue;
        elements[path] = { role: node.role ? node.role.value : '', name: node.name ? String(node.name.value) : '' };
      }
      let styles = null;
      try {
        styles = await page.evaluate(computedStyles);
      } catch (error) {  // the page went elsewhere (meta refresh): its own styles are gone
        styles = null;
      }
      found.push({ file, elements, styles });
    }
    return found;
  });
  process.stdout.write(JSON.stringify({ pages }));
}

main().catch((error) => {
  process.stderr.write(`semantics.mjs: ${error.stack || error}\n`);
  process.exit(1);
});
