// Parley's page shell.
// Loads the WebAssembly app, shows progress and failures in plain words, turns DOM events
// into calls to the app, runs the frame loop only while the app needs frames, and exposes
// window.parley for tests and integrators. Everything browser-specific lives here or in
// src/platform/; the app itself never touches the DOM.
(function () {
  'use strict';

  // Index of this file
  //   Failures and progress
  //   Strings across the wasm boundary
  //   Frame loop
  //   Canvas size
  //   Mouse and touch
  //   Keyboard and text
  //   Prose
  //   What the app calls back (see web/parley_library.js)
  //   Files
  //   Share links
  //   window.parley: the automation interface
  //   Start-up

  const canvas = document.getElementById('canvas');
  const input = document.getElementById('parley-input');
  const loader = document.getElementById('loader');
  const loaderText = document.getElementById('loader-text');
  const loaderProgress = document.getElementById('loader-progress');
  const failure = document.getElementById('failure');
  const failureTitle = document.getElementById('failure-title');
  const failureText = document.getElementById('failure-text');
  const failureRescue = document.getElementById('failure-rescue');
  const failureDownload = document.getElementById('failure-download');
  const failureNote = document.getElementById('failure-note');

  const isMac = /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent);

  let M = null;            // the Emscripten module once loaded
  let running = false;
  let mirror = null;       // the accessibility mirror (web/mirror.js), once running
  const mirrorStats = { lastMs: 0, maxMs: 0, applies: 0, lateMs: 0, lates: 0 };
  let failed = false;
  // The last copy of the draft the app handed to autosave (and when), kept here as well as in
  // storage: if the app stops, this page can still give the draft back even where storage is blocked.
  let lastDraft = null;   // {text, time}
  let outOfMemory = false;   // the app said an allocation failed, just before it stopped
  let resolveReady, rejectReady;
  const ready = new Promise((resolve, reject) => { resolveReady = resolve; rejectReady = reject; });
  ready.catch(() => {});   // a failed start is shown on the page; do not also log it as unhandled

  // ---------------------------------------------------------------------------------------
  // Failures and progress

  function fail(title, detail) {
    if (failed) return;
    failed = true;
    running = false;
    loader.hidden = true;
    canvas.hidden = true;
    failureTitle.textContent = title;
    failureText.textContent = detail;
    failure.hidden = false;
    rejectReady(new Error(title + ': ' + detail));
  }

  // The app stopped while running (most often: it ran out of memory). The draft is not lost:
  // the last autosaved copy is in storage (offered back after a reload) and here to download.
  function stopped(what) {
    outOfMemory = outOfMemory || /memory|OOM|enlarge/i.test(String(what));
    const title = outOfMemory ? 'Parley ran out of memory' : 'Parley stopped unexpectedly';
    let detail = outOfMemory
      ? 'The last thing asked of Parley needed more memory than this page is allowed (1 GB). '
      : 'An internal error stopped Parley (' + what + '). ';
    if (lastDraft) {
      const at = new Date(lastDraft.time).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
      detail += 'Your unsaved draft as it was at ' + at + ' is kept: reload the page and Parley offers it back, or download it now.';
      const url = URL.createObjectURL(new Blob([lastDraft.text], { type: 'application/json' }));
      failureDownload.href = url;
      failureDownload.download = 'Recovered draft.parley.json';
      failureDownload.textContent = 'Download your draft as it was at ' + at;
      failureRescue.hidden = false;
      failureNote.textContent = 'Work typed in the last second before it stopped may be missing.';
    } else {
      detail += 'Reload the page to start again: your draft had no changes that were not in a file.';
    }
    fail(title, detail);
  }

  function setProgress(text, fraction) {
    loaderText.textContent = text;
    if (fraction === null) loaderProgress.removeAttribute('value');
    else loaderProgress.value = fraction;
  }

  function onEarlyError(e) {
    if (running) return;
    fail('Parley could not start', 'A script on this page failed while loading: ' + (e.message || e.reason || e) +
      '. Try reloading the page; if it keeps happening, ask whoever sent you Parley for a fresh copy.');
  }
  window.addEventListener('error', onEarlyError);
  window.addEventListener('unhandledrejection', onEarlyError);

  // ---------------------------------------------------------------------------------------
  // Strings across the wasm boundary

  // User text goes with its length, as UTF-8 from the browser's own encoder: every character
  // arrives, U+0000 included (a NUL-terminated copy would end the text there).
  const utf8Encoder = new TextEncoder();
  function withBytes(text, fn) {
    const bytes = utf8Encoder.encode(text);
    const ptr = M._malloc(Math.max(1, bytes.length));
    if (!ptr) throw new Error('out of memory copying ' + bytes.length + ' bytes of text');
    try {
      M.HEAPU8.set(bytes, ptr);
      return fn(ptr, bytes.length);
    } finally {
      M._free(ptr);
    }
  }

  function withString(text, fn) {
    const size = M.lengthBytesUTF8(text) + 1;
    const ptr = M._malloc(size);
    if (!ptr) throw new Error('out of memory copying ' + size + ' bytes of text');
    try {
      M.stringToUTF8(text, ptr, size);
      return fn(ptr);
    } finally {
      M._free(ptr);
    }
  }

  // ---------------------------------------------------------------------------------------
  // Frame loop: draw only while the app says it needs frames (after input, while animating,
  // while a caret blinks). An idle Parley costs no CPU.

  let rafId = 0;
  let timerId = 0;
  let firstFrameDrawn = false;
  let readyResolved = false;
  const stats = { frames: 0, lastFrameMs: 0, totalMs: 0, maxUiMs: 0 };

  function requestFrame() {
    if (!running) return;
    if (timerId) { clearTimeout(timerId); timerId = 0; }
    if (!rafId) rafId = requestAnimationFrame(frame);
  }

  function frame(now) {
    rafId = 0;
    soonPending = false;
    if (!running) return;
    if ((window.devicePixelRatio || 1) !== lastDpr) resize();   // belt and braces for missed events
    const t0 = performance.now();
    const next = M._parley_frame(now);
    const dt = performance.now() - t0;
    stats.frames++;
    stats.lastFrameMs = dt;
    stats.totalMs += dt;
    stats.maxUiMs = Math.max(stats.maxUiMs, M._parley_ui_ms());
    if (!firstFrameDrawn) {
      firstFrameDrawn = true;
      loader.hidden = true;
    }
    // Ready once the first frames have settled, not at the first one: ImGui places windows
    // below the menu bar only from the second frame, so items() of frame one are 32 px off.
    if ((next !== 0 || stats.frames >= 10) && !readyResolved && autosaveOffered) {
      readyResolved = true;
      resolveReady();
    }
    // A character typed on a mirrored button went to the text input (onKeyDown), and no field
    // took it: once the app has had it, the focus goes back to the item the keyboard is on.
    if (next !== 0 && mirror && M._parley_input_pending() === 0) mirror.focusBackFromInput();
    // web_main.cpp's FrameWait: 0 the next animation frame, -1 not until input, N > 0 after N ms.
    if (next === 0) requestFrame();
    else if (next > 0 && !timerId) timerId = setTimeout(() => { timerId = 0; requestFrame(); }, next);
    if (next !== 0 && settleWaiters.length) {
      for (const resolve of settleWaiters.splice(0)) resolve();
    }
  }

  // The next frame drawn in full, not only where it changed (src/platform/present.h).
  function redrawInFull() {
    M._parley_redraw();
    requestFrame();
  }

  // Resolves once every input given so far has been processed and drawn.
  const settleWaiters = [];
  function settled() {
    if (!running) return ready;
    const frames = !rafId && !soonPending && M._parley_input_pending() === 0 ? Promise.resolve()
                 : new Promise((resolve) => settleWaiters.push(resolve));
    return mirror ? frames.then(() => mirror.placed()) : frames;   // and the mirror's late positions
  }

  // Draws frames right now, inside the current event handler, until the app has processed
  // every queued input event (ImGui takes one key change per frame). Used for copy and cut:
  // the app must see the typed text, the selection and the shortcut, and hand over the
  // selected text while the browser's copy event can still take it.
  function drainInputNow(done) {
    if (rafId) { cancelAnimationFrame(rafId); rafId = 0; }
    let guard = 0;
    do frame(performance.now()); while (M._parley_input_pending() > 0 && ++guard < 256);
    // Shortcut routing is resolved from the previous frame's widgets, so a chord can take
    // effect one frame after its events leave the queue.
    for (let extra = 0; extra < 2 && done && !done(); extra++) frame(performance.now());
  }

  // ---------------------------------------------------------------------------------------
  // Canvas size: the backbuffer follows CSS size x devicePixelRatio so text stays crisp at
  // any screen density and browser zoom.

  let lastDpr = window.devicePixelRatio || 1;
  function resize() {
    if (!M) return;
    const dpr = window.devicePixelRatio || 1;
    lastDpr = dpr;
    const rect = canvas.getBoundingClientRect();
    const cssW = Math.max(1, rect.width), cssH = Math.max(1, rect.height);
    const fbW = Math.max(1, Math.round(cssW * dpr)), fbH = Math.max(1, Math.round(cssH * dpr));
    if (canvas.width !== fbW) canvas.width = fbW;
    if (canvas.height !== fbH) canvas.height = fbH;
    M._parley_resize(cssW, cssH, fbW, fbH, dpr);
    requestFrame();
  }

  function watchPixelRatio() {
    // Fires when the window moves to a screen with another density, or on browser zoom.
    const query = matchMedia('(resolution: ' + (window.devicePixelRatio || 1) + 'dppx)');
    query.addEventListener('change', () => { resize(); watchPixelRatio(); }, { once: true });
  }

  // ---------------------------------------------------------------------------------------
  // Mouse and touch

  // Modifier bits, as web_main.cpp's PageModifier reads them (1 Ctrl, 2 Shift, 4 Alt, 8 Meta).
  function modsOf(e) {
    return (e.ctrlKey ? 1 : 0) | (e.shiftKey ? 2 : 0) | (e.altKey ? 4 : 0) | (e.metaKey ? 8 : 0);
  }

  function pointerPos(e) {
    const r = canvas.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  }

  const DOM_TO_IMGUI_BUTTON = [0, 2, 1, 3, 4];   // DOM: left, middle, right; ImGui: left, right, middle

  function onPointerMove(e) {
    if (!running) return;
    const [x, y] = pointerPos(e);
    M._parley_mouse_move(x, y);
    requestFrame();
  }

  function onPointerDown(e) {
    if (!running) return;
    canvas.setPointerCapture(e.pointerId);
    onPointerMove(e);
    M._parley_mouse_button(DOM_TO_IMGUI_BUTTON[e.button] ?? 0, 1, modsOf(e));
    focusInput();
    e.preventDefault();
    requestFrame();
  }

  function onPointerUp(e) {
    if (!running) return;
    onPointerMove(e);
    M._parley_mouse_button(DOM_TO_IMGUI_BUTTON[e.button] ?? 0, 0, modsOf(e));
    requestFrame();
  }

  function onWheel(e) {
    if (!running) return;
    e.preventDefault();   // no page scroll, no browser zoom on Ctrl+wheel
    // ImGui scrolls about five lines per unit; one mouse notch is ~100 px or 3 lines.
    const scale = e.deltaMode === 1 ? 1 / 3 : e.deltaMode === 2 ? 3 : 1 / 100;
    M._parley_mouse_wheel(-e.deltaX * scale, -e.deltaY * scale, modsOf(e));
    requestFrame();
  }

  // ---------------------------------------------------------------------------------------
  // Keyboard and text. A hidden <textarea> keeps the focus: the browser then delivers typed
  // text (dead keys, IME, on-screen keyboards) to it as input events, and clipboard events
  // fire on it with the user's gesture, which is what browsers require.

  function focusInput() {
    if (document.activeElement !== input) input.focus({ preventScroll: true });
  }

  // Shortcuts that belong to Parley, not the browser (Ctrl or Cmd + key).
  const APP_SHORTCUTS = new Set(['s', 'o', 'z', 'y', 'a', 'p', 'f', '=', '+', '-', '0']);
  // Keys whose browser default (scrolling, focus moves, history) would fight the app.
  const APP_KEYS = new Set(['Tab', 'Enter', 'Backspace', 'Delete', 'Escape', 'ArrowLeft', 'ArrowRight',
    'ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End', 'F1', 'F3', 'F5', 'F6', 'F7', 'F10', 'F12', 'Alt']);

  const MODIFIERS = new Set(['Control', 'Shift', 'Alt', 'Meta', 'AltGraph']);
  const keysDown = new Map();   // code -> key, so we can release them all when needed
  let copyArmed = false;        // true while a copy/cut keydown is being handled
  let pendingCopy = null;       // text the app copied, waiting for the browser's copy event

  function sendKey(e, down) {
    withString(e.code || '', (c) => withString(e.key || '', (k) => M._parley_key(c, k, down, modsOf(e))));
  }

  function releaseAllKeys(mods) {
    for (const [code, key] of keysDown)
      withString(code, (c) => withString(key, (k) => M._parley_key(c, k, 0, mods)));
    keysDown.clear();
  }

  function isTyping(e) {
    const oneChar = [...e.key].length === 1;
    const altGraph = e.getModifierState && e.getModifierState('AltGraph');
    return oneChar && (!(e.ctrlKey || e.metaKey) || altGraph);
  }

  function ownsKeyboard() {
    const a = document.activeElement;
    return running && (a === input || a === document.body || a === canvas || a === null || (mirror && mirror.contains(a)));
  }

  function onKeyDown(e) {
    if (!ownsKeyboard()) return;
    if (e.isComposing || e.keyCode === 229) return;   // an IME is composing: its text comes as input events
    const primary = isMac ? e.metaKey : e.ctrlKey;
    const letter = e.key.length === 1 ? e.key.toLowerCase() : '';
    // A character typed while the focus is on a mirrored element (a button the keyboard is on):
    // the text input takes the focus first, so the browser delivers the text (and a paste) there.
    if (mirror && mirror.contains(document.activeElement) &&
        (e.key === 'Dead' || e.key === 'Process' || isTyping(e) || (primary && letter === 'v'))) focusInput();
    // Let the browser fire 'paste' with the OS clipboard; onPaste replays the shortcut into the app.
    if (primary && !e.altKey && letter === 'v') return;
    // A character typed into one of the app's text fields reaches it as text (the input event):
    // the key itself would only make ImGui take an extra pass for its press and its release,
    // and a burst of keys (a fast typist, a barcode reader, a remote desktop catching up)
    // would be shown a pass at a time.
    if (isTyping(e) && !e.altKey && M._parley_wants_text()) { requestFrame(); return; }
    keysDown.set(e.code, e.key);

    if (primary && !e.altKey && (letter === 'c' || letter === 'x')) {
      sendKey(e, 1);
      copyArmed = true;
      try { drainInputNow(() => pendingCopy !== null); } finally { copyArmed = false; }
      // If the browser fires no copy event (nothing selected in the hidden textarea, in some
      // browsers), fall back to the asynchronous clipboard API while the gesture is fresh.
      setTimeout(() => {
        if (pendingCopy !== null) { writeClipboard(pendingCopy); pendingCopy = null; }
      }, 0);
      return;
    }

    sendKey(e, 1);
    if (e.key === 'Dead' || isTyping(e)) { requestFrame(); return; }   // the text arrives as an input event
    if ((primary && APP_SHORTCUTS.has(letter || e.key)) || APP_KEYS.has(e.key)) e.preventDefault();
    requestFrame();
  }

  function onKeyUp(e) {
    if (!running) return;
    // macOS sends no keyup for keys pressed while Cmd was held: release everything with Cmd.
    if (isMac && e.key === 'Meta') releaseAllKeys(modsOf(e));
    // Keys the app never saw go down (typed into the prose textarea or one of its text fields)
    // need no release, nor the run of frames a key event brings. A modifier does: the app took
    // Ctrl as held from the shortcut it was given (Ctrl+= in the textarea), and would otherwise
    // hold it for ever, drawing frames for a key it thinks is down.
    if (!keysDown.has(e.code) && !MODIFIERS.has(e.key)) return;
    keysDown.delete(e.code);
    sendKey(e, 0);
    // Alt or F10 alone puts the keyboard on Parley's menu bar (keyboard_entry.h), not the browser's.
    if (e.key === 'Alt' || e.key === 'F10') e.preventDefault();
    requestFrame();
  }

  function flushTypedText() {
    // While the text input stands in for one of the app's fields it holds that field's text
    // (web/mirror.js): what was typed is its change, not all of it.
    const text = mirror ? mirror.takeTyped() : input.value;
    if (!mirror) input.value = '';
    if (!text) return;
    withString(text, (p) => M._parley_text(p));
    requestFrame();
  }

  function onInput(e) {
    if (!running || e.isComposing) return;
    flushTypedText();
  }

  function onPaste(e) {
    if (!ownsKeyboard()) return;
    e.preventDefault();
    const text = e.clipboardData ? e.clipboardData.getData('text/plain') : '';
    if (text) withString(text, (p) => M._parley_paste(p));
    requestFrame();
  }

  function onCopyOrCut(e) {
    if (pendingCopy === null || !e.clipboardData) return;
    e.clipboardData.setData('text/plain', pendingCopy);
    e.preventDefault();
    pendingCopy = null;
  }

  function writeClipboard(text) {
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).catch((err) =>
        console.warn('Parley could not write to the clipboard: ' + err.message));
    }
  }

  function onBlur() {
    if (!running) return;
    releaseAllKeys(0);
    M._parley_focus(0);
    requestFrame();
  }

  function onFocus() {
    if (!running) return;
    M._parley_focus(1);
    requestFrame();
  }

  // ---------------------------------------------------------------------------------------
  // Prose: long text is edited in a real <textarea> laid exactly over the field the app drew
  // (src/ui/prose_field.h), so the browser's own spell-checker (British English), dead keys,
  // IME, clipboard, selection and tablet keyboards all work as in any web form. Each change
  // goes to the app as the field's whole text; the app owns undo. A clipping box the size of
  // the document's window keeps the part scrolled out of view hidden, as on the canvas.

  const proseClip = document.createElement('div');
  proseClip.id = 'parley-prose-clip';
  proseClip.hidden = true;
  const prose = document.createElement('textarea');
  prose.id = 'parley-prose';
  prose.spellcheck = true;
  prose.lang = 'en-GB';
  prose.setAttribute('autocapitalize', 'sentences');
  proseClip.appendChild(prose);
  // A copy of the textarea's text up to the caret, laid out the same way, tells where the
  // caret is, so the app can scroll it into view while typing runs past the window's bottom.
  const proseMirror = document.createElement('div');
  proseMirror.id = 'parley-prose-mirror';
  proseMirror.setAttribute('aria-hidden', 'true');
  let proseShown = false;
  let proseReported = '';
  // A field longer than the app's kProseWindowFrom is edited through a window of it around the
  // caret (src/ui/prose_field.h, ProseOverlay): Chromium takes seconds to lay out a paragraph
  // of megabytes at each change. The app draws the lines before and after the window; the
  // textarea, transparent and borderless then, holds the window's lines. Near either edge the
  // window is taken again around the caret.
  let proseWindow = { on: false, top: 0, atStart: true, atEnd: true };
  let proseAll = false;         // Ctrl+A in a windowed field: the whole text is selected
  const PROSE_WINDOW_MARGIN = 3000;   // UTF-16 units from an edge that take a new window
  const PROSE_PASTE_DIRECT = 32768;   // a paste longer than this goes to the app, not the textarea

  function proseUpdate(m) {
    if (!m.show) {
      if (!proseShown) return;
      proseShown = false;
      proseAll = false;
      proseClip.hidden = true;
      if (document.activeElement === prose) focusInput();
      return;
    }
    const r = canvas.getBoundingClientRect();
    const [cx0, cy0, cx1, cy1] = m.clip;
    Object.assign(proseClip.style, { left: (r.left + cx0) + 'px', top: (r.top + cy0) + 'px',
      width: Math.max(0, cx1 - cx0) + 'px', height: Math.max(0, cy1 - cy0) + 'px' });
    const font = `${m.fontSize * proseEmScale}px/${m.lineHeight}px ParleyText, Inter, system-ui, sans-serif`;
    const windowed = !!m.windowed;
    // Windowed, the field's box and border are the app's: the textarea holds only lines of text.
    const border = windowed ? 0 : m.border;
    const padding = windowed ? `0px ${m.padX}px` : `${Math.max(0, m.padY - m.border)}px ${Math.max(0, m.padX - m.border)}px`;
    for (const el of [prose, proseMirror]) {
      Object.assign(el.style, { width: m.w + 'px', font, padding, borderWidth: border + 'px' });
    }
    Object.assign(prose.style, { left: (m.x - cx0) + 'px', top: (m.y + (windowed ? m.windowTop : 0) - cy0) + 'px',
      borderRadius: windowed ? '0px' : m.radius + 'px', background: windowed ? 'transparent' : m.background,
      color: m.color, caretColor: m.color, borderColor: m.borderColor });
    if (!windowed) prose.style.height = m.h + 'px';
    proseWindow.on = windowed;
    proseWindow.top = m.windowTop || 0;
    if (typeof m.text === 'string') { proseWindow.atStart = m.atStart !== false; proseWindow.atEnd = m.atEnd !== false; }
    prose.style.setProperty('--parley-selection', m.selection);
    prose.setAttribute('aria-label', m.label);
    if (typeof m.text === 'string') {
      if (prose.value !== m.text) prose.value = m.text;
      const caret = Math.min(m.caret ?? prose.value.length, prose.value.length);
      const anchor = Math.min(m.anchor ?? caret, prose.value.length);
      prose.setSelectionRange(Math.min(caret, anchor), Math.max(caret, anchor), anchor > caret ? 'backward' : 'forward');
      // The app now holds m.text for the textarea; if the textarea changed it (line breaks
      // "\r\n" become "\n"), the app takes what the textarea really holds.
      proseValue = m.text;
      if (prose.value !== m.text) proseSend(prose.value);
      proseReported = '';
    }
    proseClip.hidden = false;
    proseShown = true;
    if (m.focus) {
      prose.focus({ preventScroll: true });
      proseReported = '';
    }
    proseMeasure();
  }

  // Past this many characters the textarea is not laid out again at height 0, nor copied into
  // the mirror, at each key: for a text of megabytes each costs the browser a second or more.
  // Its height only grows then, and the app's own lines say where the caret is. (A windowed
  // field's textarea never holds that much.)
  const PROSE_LONG = 100000;
  function proseMeasure() {
    if (!proseShown) return;
    const border = 2 * (parseFloat(prose.style.borderWidth) || 0);
    const long = prose.value.length > PROSE_LONG;
    let needed, caretY = -1;
    if (long) {
      needed = prose.scrollHeight + border;
      if (proseMirror.firstChild) proseMirror.textContent = '';
    } else {
      const height = prose.style.height;
      prose.style.height = '0px';
      needed = prose.scrollHeight + border;
      prose.style.height = height;
      proseMirror.textContent = prose.value.slice(0, prose.selectionEnd);
      const mark = document.createElement('span');
      mark.textContent = '\u200b';
      proseMirror.appendChild(mark);
      caretY = mark.offsetTop + (proseWindow.on ? proseWindow.top : 0);
    }
    // Grow at once (the app's layout follows at the next frame): no line is ever hidden. A
    // window is exactly as tall as its lines: the app draws what follows below it.
    if (proseWindow.on || needed > parseFloat(prose.style.height)) prose.style.height = needed + 'px';
    const caret = caretOf(prose);
    const report = needed + ',' + caretY + ',' + caret;
    if (report === proseReported) return;
    proseReported = report;
    M._parley_prose_metrics(needed, caretY, caret);
    requestFrameSoon();
    proseKeepWindow();
  }

  // The end of the selection the user moves (the caret).
  function caretOf(el) {
    return el.selectionDirection === 'backward' ? el.selectionStart : el.selectionEnd;
  }

  // The caret came near an edge of the window (arrows, Page Up/Down, typing): take a new one
  // around it, keeping the selection. The app sends it at once.
  let proseMoving = false;
  function proseKeepWindow() {
    if (!proseShown || !proseWindow.on || proseAll || proseMoving) return;
    const caret = caretOf(prose);
    const nearStart = !proseWindow.atStart && caret < PROSE_WINDOW_MARGIN;
    const nearEnd = !proseWindow.atEnd && prose.value.length - caret < PROSE_WINDOW_MARGIN;
    if (!nearStart && !nearEnd) return;
    const anchor = caret === prose.selectionStart ? prose.selectionEnd : prose.selectionStart;
    proseMoving = true;
    try { M._parley_prose_window(caret, anchor); } finally { proseMoving = false; }
    requestFrame();
  }

  // While typing, the canvas only shows the word count and the field's height: redraw it at
  // most every 120 ms. On a machine drawing in software (no GPU), a frame per keystroke would
  // make typing lag.
  const PROSE_FRAME_MS = 120;
  let soonPending = false;   // a frame is due soon: settled() waits for it
  function requestFrameSoon() {
    soonPending = true;
    if (!rafId && !timerId) timerId = setTimeout(() => { timerId = 0; requestFrame(); }, PROSE_FRAME_MS);
  }

  // What the app last knew the textarea to hold: each change is sent as what replaced what
  // (the part between the unchanged start and end), never the whole text again. With `whole`
  // (Ctrl+A in a windowed field) the new text replaces the whole field.
  let proseValue = '';
  function proseSend(value, caret = -1, whole = false) {
    if (whole) {
      proseValue = value;
      withBytes(value, (p, len) => M._parley_prose_splice(0, 0, p, len, 1, 1));
      return;
    }
    const old = proseValue;
    const n = Math.min(old.length, value.length);
    let prefix = 0, suffix = 0;
    // Typing and deleting change the text just before the caret: try that first, checked with
    // the engine's own string comparison (a loop over megabytes here would cost a key press).
    const guess = caret - Math.max(0, value.length - old.length);
    if (guess >= 0 && guess <= n && value.length - caret <= n - guess &&
        old.slice(0, guess) === value.slice(0, guess) && old.endsWith(value.slice(caret))) {
      prefix = guess;
      suffix = value.length - caret;
    }
    while (prefix < n - suffix && old.charCodeAt(prefix) === value.charCodeAt(prefix)) prefix++;
    while (suffix < n - prefix && old.charCodeAt(old.length - 1 - suffix) === value.charCodeAt(value.length - 1 - suffix)) suffix++;
    // Never split a character beyond U+FFFF (two UTF-16 units) between kept and replaced.
    if (prefix > 0 && (value.charCodeAt(prefix - 1) & 0xFC00) === 0xD800) prefix--;
    if (suffix > 0 && (value.charCodeAt(value.length - suffix) & 0xFC00) === 0xDC00) suffix--;
    proseValue = value;
    if (prefix === old.length && prefix === value.length) return;
    withBytes(value.slice(prefix, value.length - suffix), (p, len) => M._parley_prose_splice(prefix, suffix, p, len, 0, 0));
  }

  function setProseAll(on) {
    if (proseAll === on) return;
    proseAll = on;
    M._parley_prose_select_all(on ? 1 : 0);
    requestFrame();
  }

  function onProseInput() {
    if (!proseShown) return;
    const whole = proseAll;
    setProseAll(false);
    proseSend(prose.value, prose.selectionEnd, whole);
    proseMeasure();
    requestFrameSoon();
  }

  // A long paste (or any paste into a windowed field) goes to the app as one change, never
  // through the textarea: the app then takes the window around the end of what was pasted.
  function onProsePaste(e) {
    if (!proseShown || !e.clipboardData) return;
    const text = e.clipboardData.getData('text/plain');
    if (!proseWindow.on && !proseAll && prose.value.length + text.length <= PROSE_PASTE_DIRECT) return;
    e.preventDefault();
    const whole = proseAll;
    setProseAll(false);
    const pasted = text.replace(/\r\n?/g, '\n');   // as the textarea would keep it
    const prefix = prose.selectionStart, suffix = prose.value.length - prose.selectionEnd;
    withBytes(pasted, (p, len) => M._parley_prose_splice(whole ? 0 : prefix, whole ? 0 : suffix, p, len, whole ? 1 : 0, 1));
    M._parley_prose_window(-3, -1);
    requestFrame();
  }

  // Copy and cut after Ctrl+A in a windowed field take the whole text from the app.
  function onProseCopy(e, cut) {
    if (!proseAll || !e.clipboardData) return;
    e.preventDefault();
    const ptr = M._parley_prose_text(), size = M._parley_prose_text_size();
    e.clipboardData.setData('text/plain', new TextDecoder().decode(M.HEAPU8.subarray(ptr, ptr + size)));
    if (!cut) return;
    setProseAll(false);
    withBytes('', (p, len) => M._parley_prose_splice(0, 0, p, len, 1, 1));
    M._parley_prose_window(-3, -1);
    requestFrame();
  }

  const NAVIGATION_KEYS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown'];
  function onProseKeyDown(e) {
    const primary = isMac ? e.metaKey : e.ctrlKey;
    const letter = e.key.length === 1 ? e.key.toLowerCase() : '';
    if (proseWindow.on && primary && !e.altKey && letter === 'a' && !(proseWindow.atStart && proseWindow.atEnd)) {
      // The whole text, not only the window: the app shows the rest selected.
      e.preventDefault();
      prose.select();
      setProseAll(true);
      return;
    }
    if (NAVIGATION_KEYS.includes(e.key)) setProseAll(false);
    if (proseWindow.on && primary && !e.altKey && !e.shiftKey && (e.key === 'Home' || e.key === 'End')) {
      // To the field's start or end, beyond the window: the app takes the window there.
      const home = e.key === 'Home';
      if (!(home ? proseWindow.atStart : proseWindow.atEnd)) {
        e.preventDefault();
        M._parley_prose_window(home ? -1 : -2, -1);
        requestFrame();
        return;
      }
    }
    if (primary && !e.altKey && (letter === 'z' || letter === 'y')) {
      // One undo list for the whole document: the textarea's own would undo behind the app's back.
      e.preventDefault();
      onProseInput();
      M._parley_prose_undo(letter === 'y' || e.shiftKey ? 1 : 0);
      requestFrame();
      return;
    }
    if (primary && !e.altKey && ['s', 'o', '=', '+', '-', '0'].includes(letter || e.key)) {
      e.preventDefault();   // the app's shortcuts (save, open, zoom) work while writing too
      keysDown.set(e.code, e.key);
      sendKey(e, 1);
      requestFrame();
      return;
    }
    if (e.key === 'Escape' || (e.key === 'Tab' && !primary && !e.altKey)) {
      // Leave the field; Tab then moves on to the next field as everywhere else in the app.
      e.preventDefault();
      if (e.key === 'Tab') M._parley_prose_tab();
      focusInput();
      if (e.key === 'Tab') { sendKey(e, 1); sendKey(e, 0); }
      requestFrame();
    }
  }

  function onProseBlur() {
    // Switching to another window keeps the field open; a click elsewhere in Parley ends it.
    if (!proseShown || !document.hasFocus()) return;
    M._parley_prose_blur();
    requestFrame();
  }

  // Draw the app in the same font the canvas uses, from the bytes compiled into the wasm.
  // ImGui sizes a font by the height from its ascender to its descender (stb_truetype's
  // ScaleForPixelHeight); CSS by its em. The textarea's font-size is the app's times this, so
  // its glyphs are the size of those drawn on the canvas around it.
  let proseEmScale = 1;
  function emScale(bytes) {
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const tables = {};
    for (let i = 0, n = view.getUint16(4); i < n && 12 + i * 16 + 16 <= bytes.length; i++) {
      const at = 12 + i * 16;
      tables[String.fromCharCode(...bytes.subarray(at, at + 4))] = view.getUint32(at + 8);
    }
    if (tables.head === undefined || tables.hhea === undefined) return 1;
    const unitsPerEm = view.getUint16(tables.head + 18);
    const height = view.getInt16(tables.hhea + 4) - view.getInt16(tables.hhea + 6);
    return unitsPerEm > 0 && height > 0 ? unitsPerEm / height : 1;
  }

  function loadProseFont() {
    if (typeof FontFace !== 'function' || !document.fonts) return;
    const bytes = M.HEAPU8.slice(M._parley_font_data(), M._parley_font_data() + M._parley_font_size());
    try { proseEmScale = emScale(bytes); } catch { proseEmScale = 1; }
    const face = new FontFace('ParleyText', bytes.buffer);
    face.load().then((f) => document.fonts.add(f)).catch(() => { /* the fallback fonts are close enough */ });
  }

  // ---------------------------------------------------------------------------------------
  // What the app calls back (see web/parley_library.js)

  const CURSORS = ['default', 'text', 'move', 'ns-resize', 'ew-resize', 'nesw-resize', 'nwse-resize', 'pointer', 'not-allowed'];

  const shellForApp = {
    mirror(changes) {
      if (!mirror) return;
      const t0 = performance.now();
      mirror.apply(changes);
      mirrorStats.applies++;
      mirrorStats.lastMs = performance.now() - t0;
      mirrorStats.maxMs = Math.max(mirrorStats.maxMs, mirrorStats.lastMs);
    },
    clipboardWrite(text) {
      if (copyArmed) pendingCopy = text;   // the copy event that follows will take it
      else writeClipboard(text);
    },
    setCursor(cursor) {
      canvas.style.cursor = cursor < 0 ? 'none' : (CURSORS[cursor] || 'default');
    },
    setTextInput(active, x, y, lineHeight) {
      // Keep the textarea under the caret: IME candidate windows open beside it, and tablets
      // only raise their keyboard while a text field is being edited.
      const r = canvas.getBoundingClientRect();
      input.style.left = Math.round(r.left + x) + 'px';
      input.style.top = Math.round(r.top + y) + 'px';
      input.style.height = Math.max(1, Math.round(lineHeight)) + 'px';
      input.inputMode = active ? 'text' : 'none';
    },
    prose(message) {
      proseUpdate(message);
    },
    setTitle(title) {
      document.title = title;
    },
    openFile() {
      fileInput.value = '';
      fileInput.click();   // allowed: the app asks within the user's click or key press
    },
    saveFile(name, text, token) {
      saveFile(name, text, token).catch((err) => saveFinished(false, 'Not saved: ' + err.message));
    },
    download(name, mime, text) {
      download(name, text, mime);
    },
    shareLink(text) {
      makeShareLink(text);
    },
    outOfMemory() {
      outOfMemory = true;
    },
    // This tab's copy of one draft (web/autosave.js). The app hears at once how it went:
    // web_main.cpp's AutosaveResult, 0 kept, 1 storage unavailable, 2 storage full.
    autosave(text, draft, title, organisation) {
      lastDraft = { text, draft, time: Date.now() };
      const A = window.ParleyAutosave;
      const written = A ? A.write(draft, title, organisation, text) : Promise.resolve(1);
      written.then((result) => { if (running) { M._parley_autosave_finished(result); requestFrame(); } });
    },
    autosaveCopy(action, key) {
      autosaveCopy(action, key);
    },
    storeIdentity(name, organisation) {
      try { window.localStorage.setItem(IDENTITY_KEY, JSON.stringify({ name, organisation })); } catch (err) { /* asked again next visit */ }
    },
    autosaveClear(draft) {
      if (lastDraft && lastDraft.draft === draft) lastDraft = null;
      if (window.ParleyAutosave) window.ParleyAutosave.clear(draft);
    },
  };

  // Who is using this browser (src/ui/identity.h): a name and an organisation, kept by the
  // browser and never by the draft. A blocked storage just means being asked again next visit.
  const IDENTITY_KEY = 'parley.identity.v1';
  function loadIdentity() {
    let me = null;
    try { me = JSON.parse(window.localStorage.getItem(IDENTITY_KEY) || 'null'); } catch (err) { return; }
    if (!me || typeof me.name !== 'string' || typeof me.organisation !== 'string') return;
    withString(me.name.slice(0, 200), (n) => withString(me.organisation.slice(0, 200), (o) => M._parley_set_identity(n, o)));
  }

  // Drafts kept from earlier visits (a crash, a closed tab, a reload) that no open tab is
  // writing: the app lists them, each to restore, download or discard (src/ui/autosave_ui.h).
  let autosaveOffered = false;   // ready waits for the list, so nothing is asked before it
  async function offerAutosavedDrafts() {
    const A = window.ParleyAutosave;
    try {
      if (!A) return;
      await A.start();
      const list = await A.recoverable();
      if (!list.length || !running) return;
      for (const c of list) c.when = new Date(c.time).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' });
      withString(JSON.stringify(list), (p) => M._parley_offer_recovery(p));
    } catch (err) {
      console.warn('Parley could not list the drafts this browser kept: ' + (err && err.message || err));
    } finally {
      autosaveOffered = true;
      requestFrame();
    }
  }

  // What the user chose for a kept copy (0 restore, 1 download, 2 discard).
  async function autosaveCopy(action, key) {
    const A = window.ParleyAutosave;
    if (!A) return;
    if (action === 2) { await A.discard(key); return; }
    let record = null;
    try { record = await A.read(key); } catch (err) { record = null; }
    if (!record) {   // the app says so and lists it no more
      withString(key, (k) => M._parley_restore_copy(k, 0, -1));
      requestFrame();
      return;
    }
    if (action === 1) {
      const name = withString(record.title || 'Recovered draft', (t) => M.UTF8ToString(M._parley_file_base_name(t)));   // as Save names it
      download(name + '.parley.json', record.text);
      return;
    }
    const bytes = M.lengthBytesUTF8(record.text);
    const restored = withString(record.text, (t) => withString(key, (k) => M._parley_restore_copy(k, t, bytes)));
    if (restored) {
      lastDraft = { text: record.text, draft: record.draft, time: record.time };
      await A.adopt(key);   // this tab's copy now: only this tab writes, offers or removes it
    }
    requestFrame();
  }

  // ---------------------------------------------------------------------------------------
  // Files: open (picker, drop), save (back to the same file where the browser allows it,
  // else a download). Bytes go to the app undecoded, so invalid UTF-8 is reported, not mended.

  const MAX_FILE_BYTES = 64 * 1024 * 1024;   // the core's limit; refuse before reading more
  const fileInput = document.createElement('input');
  fileInput.type = 'file';
  fileInput.accept = '.json,application/json';
  fileInput.hidden = true;
  // File System Access handles of files Parley may write back to, by token. The app keeps
  // the token with its document, so Save writes to the file that document came from and never
  // into the file of a draft that was offered but not opened.
  const fileHandles = new Map();
  let nextFileToken = 1;
  function tokenFor(handle) {
    if (!handle) return 0;
    fileHandles.set(nextFileToken, handle);
    return nextFileToken++;
  }

  function openFailed(name, message) {
    withString(name, (n) => withString(message, (m) => M._parley_open_failed(n, m)));
    requestFrame();
  }

  // Opening a file of ordinary density needs at most OPEN_MEMORY_MULTIPLE times its size in
  // memory (the bytes, the import and the document: docs/architecture.md, "Memory"). A file
  // that would not fit is refused before it is read, so the open draft is never at risk; one
  // dense in small values, which costs more, is refused by the import's own memory budget
  // (App_ImportBudget) where reading reaches it.
  const OPEN_MEMORY_MULTIPLE = 10;
  const megabytes = (n) => (n / 1048576).toFixed(1) + ' MB';

  async function openFileObject(file, handle) {
    if (file.size > MAX_FILE_BYTES) {
      openFailed(file.name, `the file is ${megabytes(file.size)}; Parley opens files of up to 64 MB`);
      return;
    }
    const available = M._parley_memory_available ? M._parley_memory_available() : Infinity;
    if (file.size * OPEN_MEMORY_MULTIPLE > available) {
      openFailed(file.name, `the file is ${megabytes(file.size)}, and opening it needs up to ${megabytes(file.size * OPEN_MEMORY_MULTIPLE)} ` +
        `of memory; this page has ${megabytes(available)} left. Your open draft is unchanged. Reload Parley (after saving) and open the file first.`);
      return;
    }
    let bytes;
    try {
      bytes = new Uint8Array(await file.arrayBuffer());
    } catch (err) {
      openFailed(file.name, 'the file could not be read: ' + err.message);
      return;
    }
    const ptr = M._malloc(bytes.length + 1);
    if (!ptr) {
      openFailed(file.name, 'there is not enough memory to open this file');
      return;
    }
    M.HEAPU8.set(bytes, ptr);
    M.HEAPU8[ptr + bytes.length] = 0;
    withString(file.name, (n) => M._parley_open_bytes(ptr, bytes.length, n, tokenFor(handle)));
    M._free(ptr);
    requestFrame();
  }

  fileInput.addEventListener('change', () => {
    const file = fileInput.files && fileInput.files[0];
    if (file) openFileObject(file, null);
  });

  function saveFinished(ok, message, token = 0) {
    withString(message, (m) => M._parley_save_finished(ok ? 1 : 0, m, token));
    requestFrame();
  }

  function download(name, text, mime = 'application/json') {
    const url = URL.createObjectURL(new Blob([text], { type: mime + ';charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10000);
  }

  async function writeHandle(handle, text) {
    const writable = await handle.createWritable();
    await writable.write(text);
    await writable.close();
  }

  async function saveFile(name, text, token) {
    const known = fileHandles.get(token);
    if (known) {
      try {
        await writeHandle(known, text);
        saveFinished(true, 'Saved to ' + known.name, token);
        return;
      } catch (err) {
        fileHandles.delete(token);   // permission withdrawn or file gone: ask where instead
      }
    }
    if (window.showSaveFilePicker) {
      let handle;
      try {
        handle = await window.showSaveFilePicker({ suggestedName: name,
          types: [{ description: 'Parley draft', accept: { 'application/json': ['.json'] } }] });
      } catch (err) {
        if (err.name === 'AbortError') { saveFinished(false, 'Not saved: you cancelled'); return; }
        handle = null;   // not allowed here (e.g. from a file:// page): download instead
      }
      if (handle) {
        await writeHandle(handle, text);
        saveFinished(true, 'Saved to ' + handle.name, tokenFor(handle));
        return;
      }
    }
    download(name, text);
    saveFinished(true, 'Saved as ' + name + ' in your downloads');
  }

  function onDragOver(e) {
    if (!running || !e.dataTransfer || ![...e.dataTransfer.types].includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  }

  async function onDrop(e) {
    if (!running || !e.dataTransfer) return;
    e.preventDefault();
    const item = [...(e.dataTransfer.items || [])].find((it) => it.kind === 'file');
    // Ask for a handle first (it must be taken during the event) so Save can write back.
    const handlePromise = item && item.getAsFileSystemHandle ? item.getAsFileSystemHandle().catch(() => null) : null;
    const file = e.dataTransfer.files && e.dataTransfer.files[0];
    if (!file) return;
    const handle = handlePromise ? await handlePromise : null;
    openFileObject(file, handle && handle.kind === 'file' ? handle : null);
  }

  function onBeforeUnload(e) {
    if (running && M._parley_has_unsaved()) {   // the browser asks "Leave site?"
      e.preventDefault();
      e.returnValue = '';
    }
  }

  // ---------------------------------------------------------------------------------------
  // Share links: File > Copy share link puts the whole draft in a link's fragment, and a link
  // opened in this page (at start-up, or pasted into the address bar: hashchange) opens its
  // draft through the same import as a file. web/share_link.js holds the format and the checks.

  // What happened, as src/ui/share_link_modal.h's ShareLinkStatus numbers it.
  const SHARE_COPIED = 0, SHARE_NOT_COPIED = 1, SHARE_TOO_LONG = 2, SHARE_FAILED = 3;

  function shareLinkReady(status, link, length, detail = '') {
    withString(link, (l) => withString(detail, (d) => M._parley_share_link_ready(status, l, length, d)));
    requestFrame();
  }

  async function makeShareLink(text) {
    const S = window.ParleyShareLink;
    let link;
    try {
      // The page's own address without its fragment: the served app or parley.html on disk alike.
      link = await S.makeLink(text, location.href);
    } catch (err) {
      shareLinkReady(SHARE_FAILED, '', 0, String(err && err.message || err));
      return;
    }
    if (link.length > S.MAX_LINK_CHARS) { shareLinkReady(SHARE_TOO_LONG, '', link.length); return; }
    let copied = false;
    try {
      // Still within the click's user activation (compressing takes milliseconds).
      if (navigator.clipboard && navigator.clipboard.writeText) { await navigator.clipboard.writeText(link); copied = true; }
    } catch (err) {
      console.warn('Parley could not write the share link to the clipboard: ' + err.message);
    }
    shareLinkReady(copied ? SHARE_COPIED : SHARE_NOT_COPIED, link, link.length);
  }

  async function openShareLinkFromAddress() {
    if (!running || !window.ParleyShareLink) return;
    const hash = location.hash;
    if (!hash.startsWith('#' + window.ParleyShareLink.PREFIX)) return;   // an ordinary anchor: not ours, nothing to say
    // Taken off the address at once, so a reload does not ask again (the link itself is still
    // wherever it was sent from).
    history.replaceState(history.state, '', location.href.split('#')[0]);
    const result = await window.ParleyShareLink.readFragment(hash, MAX_FILE_BYTES);
    if (!result) return;
    if (!result.bytes) {
      withString(result.message, (m) => M._parley_open_link_failed(m));
      requestFrame();
      return;
    }
    const ptr = M._malloc(result.bytes.length + 1);
    if (!ptr) {
      withString('There is not enough memory to open the draft in this link.', (m) => M._parley_open_link_failed(m));
      requestFrame();
      return;
    }
    M.HEAPU8.set(result.bytes, ptr);
    M.HEAPU8[ptr + result.bytes.length] = 0;
    M._parley_open_link(ptr, result.bytes.length);
    M._free(ptr);
    requestFrame();
  }

  // ---------------------------------------------------------------------------------------
  // window.parley: the automation interface

  function items() {
    if (!running) return [];
    const r = canvas.getBoundingClientRect();
    const list = JSON.parse(M.UTF8ToString(M._parley_items_json()));
    for (const it of list) { it.x += r.left; it.y += r.top; }
    return list;
  }

  function documentText() {
    if (!running) throw new Error('Parley is not running');
    return M.UTF8ToString(M._parley_document_json());
  }

  function load(text) {
    if (!running) return { ok: false, errors: [{ pointer: '', line: 0, column: 0, message: 'Parley is not running', text: 'Parley is not running' }] };
    if (typeof text !== 'string') {
      const message = 'load() expects the document as a string of JSON text';
      return { ok: false, errors: [{ pointer: '', line: 0, column: 0, message, text: message }] };
    }
    const result = JSON.parse(withString(text, (p) => M.UTF8ToString(M._parley_load_json(p))));
    // Draw the loaded document now, so items() describes it (not the one it replaced) as soon
    // as load() returns: the page's layout changes with the document. Two frames: ImGui sizes
    // new windows on the first.
    if (result.ok) { drainInputNow(); frame(performance.now()); }
    requestFrame();
    return result;
  }

  function missingGlyphs(text) {
    const s = withString(String(text), (p) => M.UTF8ToString(M._parley_missing_glyphs(p)));
    return s ? s.split(' ') : [];
  }

  window.parley = {
    ready,
    items,
    document: documentText,
    load,
    settled,
    // stats(true) also starts the slowest frame's count afresh (after the returned figures), so a
    // benchmark can time one step's slowest frame without the frames before it.
    stats: (restartSlowest) => {
      const figures = { frames: stats.frames, lastFrameMs: stats.lastFrameMs,
                    framesDrawn: M._parley_frames_drawn(),      // frames put on screen: a frame like the last is not drawn again
                    drawnPart: M._parley_drawn_part(),          // the part of the canvas the last one drew (only what changed)
                    meanFrameMs: stats.frames ? stats.totalMs / stats.frames : 0,
                    lastUiMs: M._parley_ui_ms(),      // the app's layout and drawing, without the GPU
                    charsMeasured: M._parley_chars_measured(),  // characters measured to wrap prose, so far
                    blocksDrawn: M._parley_blocks_drawn(),      // cards of the page laid out in the last frame
                    blocksSkipped: M._parley_blocks_skipped(),  // cards out of view, spacers of their height
                    itemsDropped: M._parley_items_dropped(),    // items() entries left out past its cap
                    mirrorMs: M._parley_mirror_ms(),            // the accessibility mirror's build and diff, last frame
                    mirrorNodes: M._parley_mirror_nodes(),      // its nodes, last frame
                    mirrorApplyMs: mirrorStats.lastMs,          // applying its changes to the DOM, last time
                    mirrorApplyMaxMs: mirrorStats.maxMs,
                    mirrorApplies: mirrorStats.applies,         // changes applied so far (none while idle)
                    mirrorLateMs: mirrorStats.lateMs,           // elements made and moved in a frame of the mirror's own, last time
                    mirrorLates: mirrorStats.lates,             // such frames so far (a few after a scroll, none while idle)
                    maxUiMs: stats.maxUiMs };   // the slowest of those so far
      if (restartSlowest) stats.maxUiMs = 0;
      return figures;
    },
    missingGlyphs,
    // For the browser tests of running out of memory: holds on to `megabytes` more of the
    // app's memory each call, until it has none left. Never called by the app.
    testing: {
      // The next frame drawn in full, whatever changed (for the test that a frame drawn in part
      // looks exactly like one drawn in full).
      redraw: redrawInFull,
      holdMemory: (megabytes) => M._parley_test_hold_memory(megabytes),
      // For make bench (bench/typing-bench.mjs): draws `n` frames in full, one after another,
      // and waits for the graphics (software or not) to finish each (a pixel read back).
      // Returns the mean time of the app's part (layout, draw lists, GL calls) and of the
      // drawing itself, in ms, and how many times over the frame covers the canvas.
      frameCost: (n) => {
        const gl = canvas.getContext('webgl2');
        const pixel = new Uint8Array(4);
        let app = 0, draw = 0;
        for (let i = 0; i < n; i++) {
          const t0 = performance.now();
          M._parley_frame_full(t0);
          const t1 = performance.now();
          gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);   // waits until drawn (finish() need not)
          draw += performance.now() - t1;
          app += t1 - t0;
        }
        requestFrame();
        return { appMs: app / n, drawMs: draw / n, overdraw: M._parley_overdraw() };
      },
    },
  };

  // ---------------------------------------------------------------------------------------
  // Start-up

  function checkBrowser() {
    if (typeof WebAssembly !== 'object' || typeof WebAssembly.instantiate !== 'function') {
      return 'Parley needs WebAssembly, which this browser does not offer or has switched off. ' +
        'Open Parley in a current version of Edge, Chrome, Firefox or Safari, or ask your IT team ' +
        'whether WebAssembly is blocked by policy.';
    }
    const probe = document.createElement('canvas').getContext('webgl2');
    if (!probe) {
      return 'Parley draws its window with WebGL 2, which this browser does not offer or has switched off ' +
        '(sometimes by policy, sometimes after a graphics driver problem). Open Parley in a current version ' +
        'of Edge, Chrome, Firefox or Safari, or ask your IT team whether hardware acceleration is disabled.';
    }
    const lose = probe.getExtension('WEBGL_lose_context');
    if (lose) lose.loseContext();
    return null;
  }

  async function fetchWasm(url) {
    let response;
    try {
      response = await fetch(url);
    } catch (err) {
      throw new Error('the file ' + url + ' could not be downloaded (' + err.message + ')');
    }
    if (!response.ok) throw new Error('the file ' + url + ' could not be downloaded (the server answered ' + response.status + ')');
    const total = Number(response.headers.get('Content-Length')) || 0;
    if (!response.body || !total) return new Uint8Array(await response.arrayBuffer());
    const reader = response.body.getReader();
    const data = new Uint8Array(total);
    let received = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (received + value.length > total) throw new Error('the file ' + url + ' was longer than announced');
      data.set(value, received);
      received += value.length;
      setProgress('Loading Parley\u2026 ' + Math.round((100 * received) / total) + '%', received / total);
    }
    return data.subarray(0, received);
  }

  async function start() {
    const problem = checkBrowser();
    if (problem) { fail('This browser cannot run Parley', problem); return; }
    if (typeof window.createParley !== 'function') {
      fail('Parley could not be loaded', 'The program file parley.js is missing or could not be read. ' +
        'If you opened Parley from a folder, keep parley.js and parley.wasm beside this page, or use the single-file parley.html.');
      return;
    }
    const moduleArg = {
      canvas,
      parleyShell: shellForApp,
      print: (t) => console.log(t),
      printErr: (t) => console.warn(t),
      onAbort: stopped,
    };
    try {
      if (!window.PARLEY_SINGLE_FILE) {
        setProgress('Loading Parley\u2026', 0);
        moduleArg.wasmBinary = await fetchWasm('parley.wasm');
      }
      setProgress('Starting Parley\u2026', null);
      // Some browsers, or policies, leave WebAssembly present but unable to compile: start-up
      // then never finishes. Say so rather than spin forever.
      const watchdog = setTimeout(() => {
        if (!running && !failed) {
          setProgress('Parley is taking much longer than usual to start. If this does not change, this browser ' +
            'may be blocking WebAssembly (sometimes by an IT policy): try another browser, or ask your IT team.', null);
        }
      }, 20000);
      ready.then(() => clearTimeout(watchdog), () => clearTimeout(watchdog));
      M = await window.createParley(moduleArg);
    } catch (err) {
      fail('Parley could not be loaded', 'Parley could not load its program: ' + (err && err.message ? err.message : err) +
        '. Check your connection to where Parley is served and reload the page.');
      return;
    }
    if (failed) return;

    const dpr = window.devicePixelRatio || 1;
    const rect = canvas.getBoundingClientRect();
    const fbW = Math.max(1, Math.round(rect.width * dpr)), fbH = Math.max(1, Math.round(rect.height * dpr));
    canvas.width = fbW;
    canvas.height = fbH;
    if (!M._parley_init(rect.width, rect.height, fbW, fbH, dpr, isMac ? 1 : 0)) {
      fail('This browser cannot run Parley', 'Parley could not create its WebGL 2 drawing surface. ' +
        'Check that hardware acceleration is on in your browser settings, or try another browser.');
      return;
    }
    // Before the first frame, whose changes bring the whole mirror.
    mirror = window.createParleyMirror({
      textInput: input,
      onFocus: (id) => { M._parley_mirror_focus(id); requestFrame(); },
      onActivate: (id) => { M._parley_mirror_activate(id); requestFrame(); },
      onText: (text) => { withString(text, (p) => M._parley_text(p)); requestFrame(); },
      onLateWork: (ms) => { mirrorStats.lateMs = ms; mirrorStats.maxMs = Math.max(mirrorStats.maxMs, ms); mirrorStats.lates++; },
    });
    running = true;
    window.removeEventListener('error', onEarlyError);
    window.removeEventListener('unhandledrejection', onEarlyError);

    // The canvas fills the window: observing it covers window resizes and browser zoom.
    if (typeof ResizeObserver === 'function') new ResizeObserver(resize).observe(canvas);
    else window.addEventListener('resize', resize);
    watchPixelRatio();
    canvas.addEventListener('pointermove', onPointerMove);
    canvas.addEventListener('pointerdown', onPointerDown);
    canvas.addEventListener('pointerup', onPointerUp);
    canvas.addEventListener('pointercancel', onPointerUp);
    canvas.addEventListener('pointerleave', (e) => { if (running && !e.buttons) { M._parley_mouse_leave(); requestFrame(); } });
    canvas.addEventListener('mousedown', (e) => e.preventDefault());   // keep the focus on the textarea
    canvas.addEventListener('contextmenu', (e) => e.preventDefault());
    canvas.addEventListener('wheel', onWheel, { passive: false });
    // Frames that look like the last are not drawn again (src/platform/present.h): when the
    // tab comes back, draw once in full in case the browser let go of what the canvas showed.
    document.addEventListener('visibilitychange', () => { if (!document.hidden && running) redrawInFull(); });
    document.addEventListener('keydown', onKeyDown, true);
    document.addEventListener('keyup', onKeyUp, true);
    document.addEventListener('paste', onPaste);
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    window.addEventListener('beforeunload', onBeforeUnload);
    document.body.appendChild(fileInput);
    document.addEventListener('copy', onCopyOrCut);
    document.addEventListener('cut', onCopyOrCut);
    input.addEventListener('input', onInput);
    input.addEventListener('compositionend', flushTypedText);
    window.addEventListener('blur', onBlur);
    window.addEventListener('focus', onFocus);
    document.body.appendChild(proseClip);
    document.body.appendChild(proseMirror);
    prose.addEventListener('input', onProseInput);
    prose.addEventListener('keydown', onProseKeyDown);
    prose.addEventListener('keyup', proseMeasure);
    prose.addEventListener('pointerdown', () => setProseAll(false));
    prose.addEventListener('pointerup', proseMeasure);
    prose.addEventListener('paste', onProsePaste);
    // A key held down moves the caret without a keyup: the window follows it all the same.
    document.addEventListener('selectionchange', () => { if (document.activeElement === prose) proseKeepWindow(); });
    prose.addEventListener('copy', (e) => onProseCopy(e, false));
    prose.addEventListener('cut', (e) => onProseCopy(e, true));
    prose.addEventListener('blur', onProseBlur);
    prose.addEventListener('wheel', onWheel, { passive: false });
    loadProseFont();
    focusInput();
    loadIdentity();
    // The list of kept drafts first: a link's draft is offered after it (web_main.cpp, OpenLinkWhenFree).
    offerAutosavedDrafts().then(() => {
      window.addEventListener('hashchange', openShareLinkFromAddress);
      openShareLinkFromAddress();
    });
    requestFrame();
  }

  start();
})();
