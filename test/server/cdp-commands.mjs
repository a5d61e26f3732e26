// Test-runner commands that talk to Chromium over the DevTools protocol, for what the page
// itself cannot do: emulate media features (forced colours, a coarse pointer), and read the
// accessibility tree as assistive technology gets it.
//   executeServerCommand('cdp-emulated-media', { features: [{ name: 'forced-colors', value: 'active' }] })
//   executeServerCommand('cdp-touch', { enabled: true })
//   executeServerCommand('cdp-ax-tree') -> [{ role, name, depth }] of the page's unignored nodes
const sessions = new WeakMap();

async function cdp(page) {
  if (!sessions.has(page)) sessions.set(page, await page.context().newCDPSession(page));
  return sessions.get(page);
}

/** The full tree flattened in document order, ignored nodes left out and their children lifted. */
function outline(nodes) {
  const byId = new Map(nodes.map((node) => [node.nodeId, node]));
  const rows = [];
  const walk = (node, depth) => {
    const shown = !node.ignored;
    if (shown) rows.push({ role: node.role?.value ?? '', name: node.name?.value ?? '', depth });
    for (const id of node.childIds ?? []) {
      const child = byId.get(id);
      if (child) walk(child, shown ? depth + 1 : depth);
    }
  };
  const root = nodes.find((node) => !node.parentId);
  if (root) walk(root, 0);
  return rows;
}

export function cdpCommands() {
  return {
    name: 'cdp-commands',
    async executeCommand({ command, payload, session }) {
      if (!['cdp-emulated-media', 'cdp-touch', 'cdp-ax-tree'].includes(command)) return undefined;
      if (session.browser.type !== 'playwright') throw new Error(`${command} needs the Playwright launcher`);
      const client = await cdp(session.browser.getPage(session.id));
      if (command === 'cdp-emulated-media') {
        await client.send('Emulation.setEmulatedMedia', { features: payload?.features ?? [] });
        return true;
      }
      if (command === 'cdp-touch') {
        await client.send('Emulation.setTouchEmulationEnabled', { enabled: !!payload?.enabled, maxTouchPoints: 5 });
        return true;
      }
      const { nodes } = await client.send('Accessibility.getFullAXTree');
      return outline(nodes);
    },
  };
}
