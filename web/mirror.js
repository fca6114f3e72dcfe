// The accessibility mirror's DOM: an element for each node the app lists (src/ui/a11y_mirror.h)
// with its ARIA role, name and states, laid over the canvas where the item is drawn, so screen
// readers (NVDA, JAWS, VoiceOver, Orca) find menus, buttons, fields, headings and landmarks in
// a canvas they could not otherwise read. The app sends only what changed since the last frame
// (src/ui/a11y_tree.h, A11y_Diff); an idle page sends nothing and nothing here runs.
//
// Focus goes both ways. The node the app's keyboard is on gets the DOM focus (so a screen
// reader announces it); a screen reader that focuses or activates a node (its own commands, a
// click) calls back into the app, which gives that item the keyboard or presses it.
(function () {
  'use strict';

  // Node fields as A11y_Diff writes them in "put".
  const ID = 0, PARENT = 1, ROLE = 2, NAME = 3, VALUE = 4, HINT = 5, STATES = 6, LEVEL = 7, X = 8, Y = 9, W = 10, H = 11,
    NOW = 12, MIN = 13, MAX = 14, CARET = 15, ANCHOR = 16;
  // A11yState bits (src/ui/a11y_tree.h).
  const S = { disabled: 1, checked: 2, selected: 4, expanded: 8, expandable: 16, haspopup: 32, invalid: 64, required: 128,
    multiline: 256, readonly: 512, modal: 1024, offscreen: 2048, range: 4096, live: 8192 };
  const FOCUSABLE = new Set(['button', 'link', 'checkbox', 'radio', 'menuitem', 'menuitemcheckbox', 'menuitemradio',
    'combobox', 'option', 'textbox', 'spinbutton']);
  const CHECKABLE = new Set(['checkbox', 'radio', 'menuitemcheckbox', 'menuitemradio']);
  // Landmarks are real HTML elements, so every screen reader lists them the same way.
  const TAGS = { navigation: 'nav', main: 'main', contentinfo: 'footer', heading: 'h2' };
  const CONTAINERS = new Set(['menubar', 'menu', 'navigation', 'main', 'contentinfo', 'dialog', 'listbox', 'radiogroup',
    'group', 'region', 'table', 'row']);

  // `textInput` is the page's hidden text input (shell.js): typing into one of the app's text
  // fields goes through it, so it has the focus, and the field's name, while one is edited.
  function createParleyMirror({ textInput, onFocus, onActivate, onText }) {
    const root = document.createElement('div');
    root.id = 'parley-mirror';
    document.body.appendChild(root);
    const nodes = new Map();       // id -> { el, data }
    let focusId = 0;
    let focusingFromApp = false;   // a focus() of ours, not the user's: not sent back
    let standIn = null;            // the text field node the page's text input stands in for
    let lastFocused = null;        // the mirrored element that had the focus last

    // The text input holds the field's text while it stands in for it, with the caret where
    // the app has it, so a screen reader reads the field, what is typed, and where the caret
    // goes. What the browser adds to it is what was typed (takeTyped); the app's text is put
    // back each frame it changes, except while an IME is composing.
    let shows = '';            // what the text input holds on the app's behalf
    let composing = false;
    textInput.addEventListener('compositionstart', () => { composing = true; });
    textInput.addEventListener('compositionend', () => { composing = false; });
    // Typed characters go to the app as what they are (the browser's beforeinput says), and
    // the input's text is left to the app's next frame: a change read back from the input
    // cannot tell typing "2" over a selected "2" from typing nothing.
    textInput.addEventListener('beforeinput', (e) => {
      if (!standIn || composing || e.isComposing || !e.data) return;
      if (e.inputType !== 'insertText' && e.inputType !== 'insertReplacementText') return;
      e.preventDefault();
      onText(e.data);
    });
    // A value the app cut (a11y_tree.h: kA11yMaxText bytes and an ellipsis) is not the field's
    // text: the input is left empty then, and gets only what is typed, as before the mirror.
    const MAX_TEXT = 4096;
    const utf8 = new TextEncoder();
    const wasCut = (v) => v.endsWith('\u2026') && utf8.encode(v).length > MAX_TEXT;

    function showValue(node) {
      if (composing) return;
      const data = node ? node.data : null;
      const value = data && !wasCut(data[VALUE]) ? data[VALUE] : '';
      if (textInput.value !== value) textInput.value = value;
      shows = value;
      if (data && data[CARET] >= 0 && document.activeElement === textInput) {
        const at = (chars) => { let i = 0; for (const ch of value) { if (chars-- <= 0) break; i += ch.length; } return i; };
        const caret = at(data[CARET]), anchor = at(data[ANCHOR]);
        const start = Math.min(caret, anchor), end = Math.max(caret, anchor);
        const dir = caret < anchor ? 'backward' : 'forward';
        if (textInput.selectionStart !== start || textInput.selectionEnd !== end) textInput.setSelectionRange(start, end, dir);
      }
    }

    // What was typed into the text input since the app's text was put there, where beforeinput
    // did not send it already (an input method's composed text): its change, as the text
    // inserted (the caret was put where the app's is, so the app inserts it there too).
    function takeTyped() {
      const now = textInput.value;
      let p = 0;
      while (p < shows.length && p < now.length && shows[p] === now[p]) p++;
      let q = 0;
      while (q < shows.length - p && q < now.length - p && shows[shows.length - 1 - q] === now[now.length - 1 - q]) q++;
      const typed = now.slice(p, now.length - q);
      if (standIn) shows = now;
      else { textInput.value = ''; shows = ''; }
      return typed;
    }

    function focusQuietly(el) {
      focusingFromApp = true;
      try { el.focus({ preventScroll: true }); } finally { focusingFromApp = false; }
    }

    // While one of the app's text fields is typed in, the page's text input takes its place in
    // the mirror (the field's own element hidden): read in order, in its dialog or landmark,
    // once. Moving a focused element loses its focus: it is given back.
    function standFor(node) {
      const hadFocus = document.activeElement === textInput;
      if (standIn && standIn !== node) setAttr(standIn.el, 'aria-hidden', null);
      standIn = node;
      if (node) {
        setAttr(node.el, 'aria-hidden', 'true');
        setAttr(textInput, 'aria-multiline', node.data[STATES] & S.multiline ? null : 'false');
        if (textInput.nextSibling !== node.el) node.el.parentNode.insertBefore(textInput, node.el);
      } else if (textInput.parentNode !== document.body) {
        document.body.insertBefore(textInput, root);
      }
      if (hadFocus && document.activeElement !== textInput) focusQuietly(textInput);
      showValue(node);
    }

    function make(data) {
      const role = data[ROLE];
      let tag = TAGS[role] || 'div';
      if (role === 'heading') tag = 'h' + Math.min(6, Math.max(1, data[LEVEL] || 2));
      const el = document.createElement(tag);
      el.className = CONTAINERS.has(role) ? 'pm pm-box' : 'pm';
      el.dataset.id = String(data[ID]);
      if (!TAGS[role] && role !== 'text') el.setAttribute('role', role);
      if (role === 'main') el.tabIndex = -1;   // takes the focus while no item has it
      if (FOCUSABLE.has(role)) {
        el.tabIndex = -1;   // focus is moved by the app (Tab is Parley's), never by the browser's Tab
        // The user's (or a screen reader's) focus, not ours; and not the element that had the
        // focus last: the browser focuses it again when the tab comes back to the front, which
        // must not take the keyboard from a menu opened (with the mouse) since.
        el.addEventListener('focus', () => {
          const again = el === lastFocused;
          lastFocused = el;
          if (!focusingFromApp && !again) onFocus(Number(el.dataset.id));
        });
        el.addEventListener('click', (e) => { e.preventDefault(); onActivate(Number(el.dataset.id)); });
      }
      return el;
    }

    function setAttr(el, name, value) {
      if (value === null || value === undefined) { if (el.hasAttribute(name)) el.removeAttribute(name); }
      else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
    }

    function fill(node, data) {
      const { el } = node;
      const role = data[ROLE], s = data[STATES];
      const container = CONTAINERS.has(role);
      if (role === 'text' || role === 'heading' || role === 'status') {
        if (el.textContent !== data[NAME]) el.textContent = data[NAME];
      } else if (role === 'textbox' || role === 'combobox' || role === 'spinbutton') {
        setAttr(el, 'aria-label', data[NAME] || null);
        // The text shows as the element's content, so a reader in browse mode reads it too.
        const shown = data[VALUE] || '';
        if (el.textContent !== shown) el.textContent = shown;
      } else if (container) {
        setAttr(el, 'aria-label', data[NAME] || null);
      } else if (el.textContent !== data[NAME]) {
        el.textContent = data[NAME];
      }
      setAttr(el, 'aria-disabled', s & S.disabled ? 'true' : null);
      setAttr(el, 'aria-checked', CHECKABLE.has(role) ? (s & S.checked ? 'true' : 'false') : null);
      setAttr(el, 'aria-selected', role === 'option' ? (s & S.selected ? 'true' : 'false') : null);
      setAttr(el, 'aria-expanded', s & S.expandable ? (s & S.expanded ? 'true' : 'false') : null);
      setAttr(el, 'aria-haspopup', s & S.haspopup ? (role === 'combobox' ? 'listbox' : 'menu') : null);
      setAttr(el, 'aria-invalid', s & S.invalid ? 'true' : null);
      setAttr(el, 'aria-required', s & S.required ? 'true' : null);
      setAttr(el, 'aria-multiline', role === 'textbox' ? (s & S.multiline ? 'true' : 'false') : null);
      setAttr(el, 'aria-readonly', s & S.readonly ? 'true' : null);
      setAttr(el, 'aria-modal', s & S.modal ? 'true' : null);
      setAttr(el, 'aria-placeholder', data[HINT] || null);
      setAttr(el, 'aria-live', s & S.live ? 'polite' : null);
      if (s & S.range) {
        setAttr(el, 'aria-valuenow', String(data[NOW]));
        setAttr(el, 'aria-valuemin', String(data[MIN]));
        setAttr(el, 'aria-valuemax', String(data[MAX]));
      }
      node.container = container;
      place(node, data[X], data[Y], data[W], data[H], container);
    }

    // Items sit where the canvas draws them (a screen reader's highlight and touch exploration
    // match what is seen); containers cover the page and position nothing themselves.
    // Only what changed is written (a scroll moves every element, but resizes none).
    function place(node, x, y, w, h, container) {
      if (container) return;
      const st = node.el.style, r = node.rect || (node.rect = [NaN, NaN, NaN, NaN]);
      if (r[0] !== x || r[1] !== y) st.transform = `translate(${x}px,${y}px)`;
      if (r[2] !== w) st.width = w + 'px';
      if (r[3] !== h) st.height = h + 'px';
      r[0] = x; r[1] = y; r[2] = w; r[3] = h;
    }

    // Never throws into the app's frame: a mistake here is reported, and the app goes on.
    function apply(text) {
      try { applyChanges(JSON.parse(text)); } catch (err) { console.error('Parley accessibility mirror: ' + (err && err.message)); }
    }

    function applyChanges(changes) {
      for (const data of changes.put || []) {
        let node = nodes.get(data[ID]);
        if (node && node.data[ROLE] !== data[ROLE]) {
          if (node === standIn || node.el.contains(textInput)) standFor(null);
          node.el.remove();
          nodes.delete(data[ID]);
          node = null;
        }
        if (!node) { node = { el: make(data), data, container: false }; nodes.set(data[ID], node); }
        node.data = data;
        fill(node, data);
        if (node === standIn) showValue(node);
      }
      for (const [id, x, y, w, h] of changes.pos || []) {
        const node = nodes.get(id);
        if (node) place(node, x, y, w, h, node.container);
      }
      for (const id of changes.del || []) {
        const node = nodes.get(id);
        if (!node) continue;
        if (node === standIn || node.el.contains(textInput)) standFor(null);
        node.el.remove();
        nodes.delete(id);
      }
      if (changes.order) {
        arrange(changes.order);
        if (standIn) standFor(standIn);   // back before its field, if the order moved it
      }
      if ('focus' in changes) focusId = changes.focus;
      if ('focus' in changes || changes.order) followFocus();
    }

    // Puts every element under its container, in reading order. Moves only elements out of
    // place, so an unchanged tree is not rebuilt (a screen reader would lose its position).
    function arrange(order) {
      const expected = new Map();   // parent element -> children in order
      for (const id of order) {
        const node = nodes.get(id);
        if (!node) continue;
        const parentNode = nodes.get(node.data[PARENT]);
        const parent = parentNode ? parentNode.el : root;
        if (!expected.has(parent)) expected.set(parent, []);
        expected.get(parent).push(node.el);
      }
      for (const [parent, children] of expected) {
        let at = parent.firstChild;
        for (const child of children) {
          if (at === child) { at = at.nextSibling; continue; }
          parent.insertBefore(child, at);
        }
        while (at) { const next = at.nextSibling; if (at.classList && at.classList.contains('pm')) at.remove(); at = next; }
      }
    }

    // The app's keyboard focus, as the DOM's: only when the page's own keyboard holder (or an
    // element of the mirror) has the focus, so a dialog of the page or the prose editor keeps it.
    function followFocus() {
      const node = focusId ? nodes.get(focusId) : null;
      const active = document.activeElement;
      const ours = active === null || active === document.body || root.contains(active) || active === textInput ||
        (active && active.id === 'canvas');
      const typing = !!node && node.data[ROLE] === 'textbox';
      // The text input stands for the field being typed in: named as it, read as a text field.
      if (typing) {
        setAttr(textInput, 'aria-label', node.data[NAME]);
        setAttr(textInput, 'aria-placeholder', node.data[HINT] || null);
        setAttr(textInput, 'aria-hidden', null);
        standFor(node);
      } else {
        setAttr(textInput, 'aria-label', null);
        setAttr(textInput, 'aria-placeholder', null);
        setAttr(textInput, 'aria-hidden', 'true');
        standFor(null);
      }
      if (!ours) return;
      // Nothing has the app's keyboard (just loaded, a menu closed): the page's main part has
      // the focus, so a screen reader says where it is rather than "edit text, blank".
      const main = root.querySelector('main');
      const target = node ? (typing ? textInput : node.el) : (active === textInput || active === document.body ? main : null);
      if (!target) return;
      if (active === target) return;
      focusQuietly(target);
      if (typing) showValue(node);   // the caret, now that the text input has the focus
    }

    return {
      apply,
      takeTyped,
      root,
      contains: (el) => !!el && root.contains(el),
      focusedId: () => focusId,
      size: () => nodes.size,
    };
  }

  window.createParleyMirror = createParleyMirror;
})();
