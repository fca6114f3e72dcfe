// What a screen reader finds in the page: Chromium's own accessibility tree over CDP
// (Accessibility.getFullAXTree), flattened to the nodes a reader announces, each with its role,
// name, value, states and the chain of roles above it. Used by the accessibility mirror's tests
// (issue 14): they check what is announced, not the mirror's DOM.

const SKIP = new Set(['generic', 'none', 'InlineTextBox', 'LineBreak']);
const STATES = ['focused', 'checked', 'expanded', 'disabled', 'level', 'hasPopup', 'live', 'modal', 'selected',
  'readonly', 'multiline', 'invalid', 'required', 'valuemin', 'valuemax', 'valuetext'];

export async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const out = [];
    const walk = (n, above) => {
      const role = n.role && n.role.value;
      const shown = !n.ignored && !SKIP.has(role);
      let path = above;
      if (shown) {
        const node = { role, name: (n.name && n.name.value) || '', value: n.value ? String(n.value.value) : '', path: above };
        for (const p of n.properties || []) if (STATES.includes(p.name)) node[p.name] = p.value.value;
        out.push(node);
        if (role !== 'StaticText') path = [...above, `${role}:${node.name}`];
      }
      for (const c of n.childIds || []) if (byId.has(c)) walk(byId.get(c), path);
    };
    walk(nodes[0], []);
    return out;
  } finally {
    await cdp.detach();
  }
}

// The node a screen reader is on: the focused one that is not the page itself.
export async function axFocused(page) {
  return (await axTree(page)).find((n) => n.focused && n.role !== 'RootWebArea');
}

// Moves the focus to a mirrored element as a screen reader does with its own commands (not
// Tab): the element of `role` whose text is `name`.
export async function focusMirrored(page, role, name) {
  await page.evaluate(([r, n]) => [...document.querySelectorAll(`#parley-mirror [role=${r}]`)].find((e) => e.textContent === n).focus(), [role, name]);
}

// Everything announced inside the landmark or container whose path entry starts with `container`.
export const inside = (tree, container) => tree.filter((n) => n.path.some((p) => p.startsWith(container)));
