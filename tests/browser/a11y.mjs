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
        const node = { role, name: (n.name && n.name.value) || '', value: n.value ? String(n.value.value) : '', path: above,
          description: (n.description && n.description.value) || '' };
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

// WCAG 2.2 2.5.8 Target Size (Minimum), on the mirror's elements in view (each lies over its
// item): a target under 24 by 24 CSS pixels passes only if a 24 px circle on its centre meets
// no other target, and no other small target's circle. Answers the targets that fail, named.
// (`min` other than 24: to see that the check finds targets too close for a larger size.)
export async function targetSizeProblems(page, min = 24) {
  return page.evaluate((min) => {
    const ROLES = ['button', 'link', 'checkbox', 'radio', 'menuitem', 'menuitemcheckbox', 'menuitemradio', 'combobox', 'option', 'textbox', 'spinbutton'];
    const vw = window.innerWidth, vh = window.innerHeight;
    const targets = [...document.querySelectorAll('#parley-mirror [role]')]
      .filter((e) => ROLES.includes(e.getAttribute('role')) && e.getAttribute('aria-hidden') !== 'true')
      .map((e) => ({ r: e.getBoundingClientRect(), name: `${e.getAttribute('role')} "${(e.getAttribute('aria-label') || e.textContent).slice(0, 40)}"` }))
      .filter(({ r }) => r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < vh && r.right > 0 && r.left < vw);
    const small = (t) => t.r.width < min || t.r.height < min;
    const centre = (t) => [t.r.left + t.r.width / 2, t.r.top + t.r.height / 2];
    const circleMeetsRect = ([cx, cy], r) => {
      const dx = Math.max(r.left - cx, 0, cx - r.right), dy = Math.max(r.top - cy, 0, cy - r.bottom);
      return dx * dx + dy * dy < (min / 2) * (min / 2);
    };
    const problems = [];
    for (const t of targets) {
      if (!small(t)) continue;
      const c = centre(t);
      const other = targets.find((o) => o !== t && (circleMeetsRect(c, o.r) ||
        (small(o) && Math.hypot(c[0] - centre(o)[0], c[1] - centre(o)[1]) < min)));
      if (other) problems.push(`${t.name} ${Math.round(t.r.width)}x${Math.round(t.r.height)} at ${Math.round(t.r.left)},${Math.round(t.r.top)} is near ${other.name}`);
    }
    return problems;
  }, min);
}

// The status bar's live region (role status) and the text it says.
export async function liveRegion(page) {
  const tree = await axTree(page);
  const live = inside(tree, 'contentinfo').find((n) => n.role === 'status');
  const said = live ? tree.filter((n) => n.role === 'StaticText' && n.path.at(-1) === `status:${live.name}`).map((n) => n.name).join(' ') : '';
  return { live, said };
}
