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
    NOW = 12, MIN = 13, MAX = 14, CARET = 15, ANCHOR = 16, DESCRIPTION = 17;
  // A11yState bits (src/ui/a11y_tree.h).
  const S = { disabled: 1, checked: 2, selected: 4, expanded: 8, expandable: 16, haspopup: 32, invalid: 64, required: 128,
    multiline: 256, readonly: 512, modal: 1024, range: 4096, live: 8192 };
  const FOCUSABLE = new Set(['button', 'link', 'checkbox', 'radio', 'menuitem', 'menuitemcheckbox', 'menuitemradio',
    'combobox', 'option', 'textbox', 'spinbutton']);
  const CHECKABLE = new Set(['checkbox', 'radio', 'menuitemcheckbox', 'menuitemradio']);
  // Landmarks are real HTML elements, so every screen reader lists them the same way.
  const TAGS = { navigation: 'nav', main: 'main', contentinfo: 'footer', heading: 'h2' };
  const CONTAINERS = new Set(['menubar', 'menu', 'navigation', 'main', 'contentinfo', 'dialog', 'listbox', 'radiogroup',
    'group', 'region', 'table', 'row', 'cell', 'columnheader', 'rowheader']);

  // `textInput` is the page's hidden text input (shell.js): typing into one of the app's text
  // fields goes through it, so it has the focus, and the field's name, while one is edited.
  // The DOM work a frame of the app's may take (ms), and a frame of the mirror's own. A scroll
  // moves every element and brings a dozen new ones; doing it all in the app's frame costs a
  // slow laptop milliseconds. In the app's frame: what changed, new elements in view (within
  // the budget), the reading order and the focus. Elements out of view (or past the budget)
  // and every move but the focus's are left to the mirror's own animation frames, nearest the
  // view first, so a screen reader's browse mode and highlight catch up a frame or two after
  // the scroll; then nothing runs (an idle page stays idle).
  const FRAME_BUDGET_MS = 0.4;
  const LATE_BUDGET_MS = 0.3;

  // `onLateWork(ms)` hears of the work done after a frame (for window.parley.stats()).
  function createParleyMirror({ textInput, onFocus, onActivate, onText, onLateWork }) {
    const root = document.createElement('div');
    root.id = 'parley-mirror';
    document.body.appendChild(root);
    const nodes = new Map();       // id -> { el, data }
    let focusId = 0;
    let focusingFromApp = false;   // a focus() of ours, not the user's: not sent back
    let standIn = null;            // the text field node the page's text input stands in for
    let lastFocused = null;        // the mirrored element that had the focus last
    const pendingPlaces = new Map();   // node -> [x, y, w, h] still to be written
    const pendingMakes = new Map();    // id -> node data: new nodes out of view, made in a late frame
    let lastOrder = null;              // the reading order last sent, for the nodes made late
    let lateFrame = 0;                 // the animation frame that writes them, when asked for
    let placedWaiters = [];            // placed()'s promises, resolved once none are left
    // The window's height, kept from its resize events: reading window.innerHeight after a DOM
    // write makes the browser lay the page out there and then (a forced layout of every
    // element of the mirror), once for each new node a frame when read in the loop.
    let viewH = window.innerHeight;
    window.addEventListener('resize', () => { viewH = window.innerHeight; });

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
        if (textInput.nextSibling !== node.el && node.el.parentNode) node.el.parentNode.insertBefore(textInput, node.el);   // (placed: in the page)
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
      el.setAttribute('data-id', String(data[ID]));
      if (!TAGS[role] && role !== 'text') el.setAttribute('role', role);
      if (role === 'main') el.tabIndex = -1;   // takes the focus while no item has it
      // Focus is moved by the app (Tab is Parley's), never by the browser's Tab.
      if (FOCUSABLE.has(role)) el.tabIndex = -1;
      return el;
    }

    // One listener each for the whole mirror (not one per element: a scroll brings a dozen new
    // elements a frame). The user's (or a screen reader's) focus, not ours; and not the element
    // that had the focus last: the browser focuses it again when the tab comes back to the
    // front, which must not take the keyboard from a menu opened (with the mouse) since.
    const focusableTarget = (e) => {
      const el = e.target;
      return el && el !== root && el.classList && el.classList.contains('pm') && FOCUSABLE.has(el.getAttribute('role')) ? el : null;
    };
    root.addEventListener('focusin', (e) => {
      const el = focusableTarget(e);
      if (!el) return;
      const again = el === lastFocused;
      lastFocused = el;
      if (!focusingFromApp && !again) onFocus(Number(el.getAttribute('data-id')));
    });
    root.addEventListener('click', (e) => {
      const el = focusableTarget(e);
      if (!el) return;
      e.preventDefault();
      onActivate(Number(el.getAttribute('data-id')));
    });

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
      setAttr(el, 'aria-description', data[DESCRIPTION] || null);   // the item's tooltip
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

    // A new node whose element can wait for a late frame: not a container (it holds others),
    // not the focus, and out of the view or past the frame's budget.
    function canWait(data, focus, t0) {
      if (CONTAINERS.has(data[ROLE]) || data[ID] === focus) return false;
      const y = data[Y];
      return y + data[H] < 0 || y > viewH || performance.now() - t0 > FRAME_BUDGET_MS;
    }

    function applyChanges(changes) {
      const t0 = performance.now();
      const focusNow = 'focus' in changes ? changes.focus : focusId;
      for (const data of changes.put || []) {
        let node = nodes.get(data[ID]);
        if (!node && canWait(data, focusNow, t0)) { pendingMakes.set(data[ID], data); continue; }
        pendingMakes.delete(data[ID]);
        // A node whose role changed gets a new element (its tag may differ), in the old one's
        // place: no order comes with it (the same id in the same container).
        let replaced = null;
        if (node && node.data[ROLE] !== data[ROLE]) {
          if (node === standIn || node.el.contains(textInput)) standFor(null);
          replaced = node.el;
          nodes.delete(data[ID]);
          pendingPlaces.delete(node);
          node = null;
        }
        if (!node) { node = { el: make(data), data, container: false }; nodes.set(data[ID], node); }
        if (replaced) replaced.replaceWith(node.el);
        node.data = data;
        pendingPlaces.delete(node);   // placed now, where this frame has it
        fill(node, data);
        if (node === standIn) showValue(node);
      }
      for (const [id, x, y, w, h] of changes.pos || []) {
        const node = nodes.get(id);
        if (node && !node.container) pendingPlaces.set(node, [x, y, w, h]);
        const waiting = node ? null : pendingMakes.get(id);
        if (waiting) { waiting[X] = x; waiting[Y] = y; waiting[W] = w; waiting[H] = h; }
      }
      for (const id of changes.del || []) {
        pendingMakes.delete(id);
        const node = nodes.get(id);
        if (!node) continue;
        pendingPlaces.delete(node);
        if (node === standIn || node.el.contains(textInput)) standFor(null);
        node.el.remove();
        nodes.delete(id);
      }
      if (changes.order) {
        lastOrder = changes.order;
        arrange(changes.order);
        if (standIn) standFor(standIn);   // back before its field, if the order moved it
      }
      if ('focus' in changes) focusId = changes.focus;
      if ('focus' in changes || (changes.order && !focusStillRight())) followFocus();
      // Only the focused element is moved now (a screen reader's highlight follows it); the
      // rest in the mirror's own frame.
      const focused = focusId ? nodes.get(focusId) : null;
      if (focused && pendingPlaces.has(focused)) { place(focused, ...pendingPlaces.get(focused), false); pendingPlaces.delete(focused); }
      lateWorkOrSettle();
    }

    // Another late frame while work waits; else placed()'s promises are kept.
    function lateWorkOrSettle() {
      if (pendingPlaces.size || pendingMakes.size) {
        if (!lateFrame) lateFrame = requestAnimationFrame(lateWork);
        return;
      }
      if (!placedWaiters.length) return;
      const waiters = placedWaiters;
      placedWaiters = [];
      for (const resolve of waiters) resolve();
    }

    // Makes the elements of nodes out of view that waited (the nearest to the view first),
    // until the budget is spent, and puts them in their place in the reading order.
    function makePending(t0) {
      if (pendingMakes.size === 0) return;
      const distance = (d) => (d[Y] > viewH ? d[Y] - viewH : -(d[Y] + d[H]));
      const waiting = [...pendingMakes.values()].sort((a, b) => distance(a) - distance(b));
      let made = 0;
      for (const data of waiting) {
        const node = { el: make(data), data, container: false };
        nodes.set(data[ID], node);
        pendingMakes.delete(data[ID]);
        fill(node, data);
        if ((++made & 3) === 0 && performance.now() - t0 > LATE_BUDGET_MS) break;
      }
      if (lastOrder) {
        arrange(lastOrder);
        if (standIn) standFor(standIn);
        if (!focusStillRight()) followFocus();
      }
    }

    function lateWork() {
      lateFrame = 0;
      const t0 = performance.now();
      makePending(t0);
      placePending(t0);
      if (onLateWork) onLateWork(performance.now() - t0);
      lateWorkOrSettle();
    }

    // Writes moved positions until the budget is spent: those in the window's view first, then
    // the rest.
    function placePending(t0) {
      for (const pass of [true, false]) {
        let n = 0;
        for (const [node, r] of pendingPlaces) {
          if (pass && (r[1] + r[3] < 0 || r[1] > viewH)) continue;
          place(node, r[0], r[1], r[2], r[3], false);
          pendingPlaces.delete(node);
          if ((++n & 7) === 0 && performance.now() - t0 > LATE_BUDGET_MS) break;
        }
        if (performance.now() - t0 > LATE_BUDGET_MS) break;
      }
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

    // After a frame that only moved elements around: is the focus still where followFocus put
    // it (an element moved in the DOM loses the focus), with the text input in place?
    function focusStillRight() {
      const node = focusId ? nodes.get(focusId) : null;
      if (!node) return false;
      const active = document.activeElement;
      if (node.data[ROLE] === 'textbox') return standIn === node && active === textInput && textInput.nextSibling === node.el;
      return active === node.el && !standIn;
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

    // The text input has the focus though no field stands in it (a character typed on a
    // button was given to it, to be delivered): the focus goes back to where the app's is, so a
    // screen reader does not announce a nameless text field.
    function focusBackFromInput() {
      if (standIn || composing || document.activeElement !== textInput) return;
      followFocus();
    }

    return {
      apply,
      focusBackFromInput,
      takeTyped,
      root,
      contains: (el) => !!el && root.contains(el),
      focusedId: () => focusId,
      size: () => nodes.size,
      // Resolves once every element is where the app last drew its item (tests wait for it).
      placed: () => (pendingPlaces.size || pendingMakes.size ? new Promise((resolve) => placedWaiters.push(resolve)) : Promise.resolve()),
    };
  }

  window.createParleyMirror = createParleyMirror;
})();
