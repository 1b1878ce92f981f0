#!/usr/bin/env node
// The accessible role and name Chromium gives each element, read from its accessibility tree over CDP.
//
//   node tests/browser/names.mjs FILES.json
//
// FILES.json: ["/abs/page.html", ...]. Prints {"pages": [{"file", "elements": {"/html[1]/body[1]/...":
// {"role", "name"}}}]}: for every element of the page's own document that has a node in Chromium's
// accessibility tree (frames' documents left out), its role and computed name, keyed by its /tag[n]/...
// position (n counting same-tag siblings, as select.mjs writes it). Requests that are not file:// are blocked.

import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

import { withPage } from './chromium.mjs';

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

async function main() {
  const files = JSON.parse(readFileSync(process.argv[2], 'utf8'));
  const pages = await withPage({}, async (page) => {
    const client = await page.context().newCDPSession(page);
    const found = [];
    for (const file of files) {
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 30000 });
      const { root } = await client.send('DOM.getDocument', { depth: -1 });
      const paths = pathsOf(root);
      const { nodes } = await client.send('Accessibility.getFullAXTree');
      const elements = {};
      for (const node of nodes) {
        const path = paths.get(node.backendDOMNodeId);
        if (!path || node.ignored) continue;
        elements[path] = { role: node.role ? node.role.value : '', name: node.name ? String(node.name.value) : '' };
      }
      found.push({ file, elements });
    }
    return found;
  });
  process.stdout.write(JSON.stringify({ pages }));
}

main().catch((error) => {
  process.stderr.write(`names.mjs: ${error.stack || error}\n`);
  process.exit(1);
});
