// Autosave's storage: a copy of each unsaved draft, per draft and per tab, kept by the browser
// so that no tab closing, crashing or reloading loses work, and no tab ever overwrites,
// offers or deletes another live tab's copy.
//
//   - A copy belongs to one draft (the document's `id`) and one tab (an id kept in the tab's
//     sessionStorage, so a reload is the same tab). Its key is "tab:draft". Only that tab
//     writes it; it goes when that draft is saved to a file or the user discards it.
//   - Texts live in IndexedDB (no 5 MB limit: a 10 MB draft is kept); localStorage holds only
//     a small index of the copies (title, organisation, size, time), under the key the first
//     version used for the whole draft. The index is what is offered: clearing the site's
//     local storage clears the offers, and texts left without an entry are tidied away.
//   - A live tab holds a Web Lock named after its tab id for as long as it is open. At start
//     a tab offers every copy whose tab holds no lock: closed, crashed, or this tab before a
//     reload. Where Web Locks are missing every copy is offered (restoring one takes it over;
//     nothing is deleted without the user's say).
//   - Every write says at once how it went: 0 kept, 1 storage unavailable, 2 storage full
//     (web_main.cpp's AutosaveResult), so a failure is reported without waiting for input.
// Everything runs through one queue, in the order asked: a write, then the clear of a save that
// followed it, can never land the other way round.
(function () {
  'use strict';

  const INDEX_KEY = 'parley.autosave.v1';
  const TAB_KEY = 'parley.tab.v1';
  const LOCK_PREFIX = 'parley.tab.';
  const DB_NAME = 'parley-autosave';
  const STORE = 'copies';
  const KEPT = 0, UNAVAILABLE = 1, FULL = 2;

  let tabId = null;
  let haveLock = false;
  let dbPromise = null;
  let queue = Promise.resolve();

  function enqueue(job) {
    const run = queue.then(job, job);
    queue = run.catch(() => {});
    return run;
  }

  function newTabId() {
    const bytes = new Uint8Array(8);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function resultOf(err) {
    return err && (err.name === 'QuotaExceededError' || err.code === 22) ? FULL : UNAVAILABLE;
  }

  // ---- the index in localStorage: { copies: { key: {tab, draft, title, organisation, size, time} } }

  function readIndex() {
    const raw = window.localStorage.getItem(INDEX_KEY);   // throws where storage is blocked
    let index = null;
    try { index = JSON.parse(raw || 'null'); } catch (err) { index = null; }
    if (!index || typeof index !== 'object') return { copies: {} };
    if (typeof index.text === 'string') return { copies: {}, legacy: index };   // the first version's one copy
    if (!index.copies || typeof index.copies !== 'object') index.copies = {};
    return index;
  }

  function writeIndex(index) {
    const keys = Object.keys(index.copies);
    if (!keys.length) window.localStorage.removeItem(INDEX_KEY);
    else window.localStorage.setItem(INDEX_KEY, JSON.stringify({ copies: index.copies }));
  }

  // ---- IndexedDB

  function openDb() {
    if (dbPromise) return dbPromise;
    dbPromise = new Promise((resolve, reject) => {
      let request;
      try { request = window.indexedDB.open(DB_NAME, 1); } catch (err) { reject(err); return; }
      request.onupgradeneeded = () => request.result.createObjectStore(STORE, { keyPath: 'key' });
      request.onsuccess = () => {
        const db = request.result;
        db.onversionchange = () => { db.close(); dbPromise = null; };   // never block another tab's upgrade or deletion
        resolve(db);
      };
      request.onerror = () => reject(request.error);
      request.onblocked = () => reject(new DOMException('IndexedDB is blocked by another tab', 'InvalidStateError'));
    });
    dbPromise.catch(() => { dbPromise = null; });   // try again at the next write
    return dbPromise;
  }

  // Runs fn(store) in one transaction; resolves with fn's request result once it has committed.
  async function transact(mode, fn) {
    const db = await openDb();
    return new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      let result;
      const request = fn(tx.objectStore(STORE));
      if (request) request.onsuccess = () => { result = request.result; };
      tx.oncomplete = () => resolve(result);
      tx.onabort = tx.onerror = () => reject(tx.error || (request && request.error) || new DOMException('aborted', 'AbortError'));
    });
  }

  // ---- tabs

  async function liveTabs() {
    if (!navigator.locks || !navigator.locks.query) return new Set();
    try {
      const state = await navigator.locks.query();
      return new Set(state.held.filter((l) => l.name.startsWith(LOCK_PREFIX)).map((l) => l.name.slice(LOCK_PREFIX.length)));
    } catch (err) {
      return new Set();
    }
  }

  // Holds this tab's lock until the page goes; false when another live tab holds it (a tab
  // duplicated by the browser starts with a copy of this one's sessionStorage).
  function holdLock(id) {
    if (!navigator.locks || !navigator.locks.request) return Promise.resolve(false);
    return new Promise((resolve) => {
      navigator.locks.request(LOCK_PREFIX + id, { ifAvailable: true }, (lock) => {
        resolve(!!lock);
        return lock ? new Promise(() => {}) : undefined;
      }).catch(() => resolve(false));
    });
  }

  async function start() {
    let stored = null;
    try { stored = window.sessionStorage.getItem(TAB_KEY); } catch (err) { stored = null; }
    tabId = stored || newTabId();
    haveLock = await holdLock(tabId);
    if (!haveLock && navigator.locks && navigator.locks.request) {   // that id is another live tab's
      tabId = newTabId();
      haveLock = await holdLock(tabId);
    }
    try { window.sessionStorage.setItem(TAB_KEY, tabId); } catch (err) { /* a new id after each reload: still works */ }
    return tabId;
  }

  // ---- what the app asks

  // Keeps this tab's copy of a draft. Resolves with KEPT, UNAVAILABLE or FULL.
  function write(draft, title, organisation, text) {
    return enqueue(async () => {
      const key = tabId + ':' + draft;
      const entry = { tab: tabId, draft, title, organisation, size: text.length, time: Date.now() };
      try {
        readIndex();   // storage blocked: say so before writing anything
        await transact('readwrite', (store) => store.put(Object.assign({ key, text }, entry)));
        const index = readIndex();
        index.copies[key] = entry;
        writeIndex(index);
        return KEPT;
      } catch (err) {
        return resultOf(err);
      }
    });
  }

  async function remove(key) {
    try {
      const index = readIndex();
      if (index.copies[key]) { delete index.copies[key]; writeIndex(index); }
    } catch (err) { /* blocked: the text below is what matters */ }
    try { await transact('readwrite', (store) => store.delete(key)); } catch (err) { /* nothing was kept */ }
  }

  // This tab's copy of a draft: its work is in a file now, or was discarded when asked.
  function clear(draft) {
    return enqueue(() => remove(tabId + ':' + draft));
  }

  // Copies no live tab is writing, newest first: [{key, title, organisation, size, time}].
  function recoverable() {
    return enqueue(async () => {
      let index;
      try { index = readIndex(); } catch (err) { return []; }
      if (index.legacy) await adoptLegacy(index);
      const live = await liveTabs();
      let keys;
      try { keys = new Set(await transact('readonly', (store) => store.getAllKeys())); } catch (err) { return []; }
      const list = [];
      for (const [key, entry] of Object.entries(index.copies)) {
        if (!keys.has(key)) { delete index.copies[key]; continue; }   // its text was cleared with the site's data
        keys.delete(key);
        if (entry.tab !== tabId && live.has(entry.tab)) continue;   // another tab is still writing it
        list.push({ key, title: String(entry.title || ''), organisation: String(entry.organisation || ''),
                    size: Number(entry.size) || 0, time: Number(entry.time) || 0 });
      }
      try { writeIndex(index); } catch (err) { /* tidied next time */ }
      // Texts with no entry: the index was cleared (or never written). Unless a live tab is
      // between its two writes, nothing offers them again: remove them.
      for (const key of keys) {
        const tab = String(key).split(':')[0];
        if (tab !== tabId && !live.has(tab)) { try { await transact('readwrite', (store) => store.delete(key)); } catch (err) { /* next time */ } }
      }
      list.sort((a, b) => b.time - a.time);
      return list;
    });
  }

  // The first version kept one copy in localStorage: move it to IndexedDB, offered like any other.
  async function adoptLegacy(index) {
    const { text, time } = index.legacy;
    let title = '', draft = 'legacy';
    try { const doc = JSON.parse(text); title = String(doc.title || ''); draft = String(doc.id || draft); } catch (err) { /* offered untitled */ }
    const key = 'legacy:' + draft;
    const entry = { tab: 'legacy', draft, title, organisation: '', size: text.length, time: Number(time) || Date.now() };
    try {
      await transact('readwrite', (store) => store.put(Object.assign({ key, text }, entry)));
      index.copies = { [key]: entry };
      delete index.legacy;
      writeIndex(index);
    } catch (err) { /* left where it was: offered again next time */ }
  }

  // The text of a copy, or null when it is gone.
  function read(key) {
    return enqueue(async () => {
      const record = await transact('readonly', (store) => store.get(key));
      return record && typeof record.text === 'string' ? record : null;
    });
  }

  // A copy restored in this tab becomes this tab's copy of its draft, so only this tab offers,
  // writes and removes it from now on.
  function adopt(key) {
    return enqueue(async () => {
      const record = await transact('readonly', (store) => store.get(key));
      if (!record) return;
      const mine = tabId + ':' + record.draft;
      if (mine === key) return;
      const moved = Object.assign({}, record, { key: mine, tab: tabId });
      await transact('readwrite', (store) => { store.put(moved); return store.delete(key); });
      try {
        const index = readIndex();
        const entry = index.copies[key] || {};
        delete index.copies[key];
        index.copies[mine] = Object.assign(entry, { tab: tabId, draft: record.draft });
        writeIndex(index);
      } catch (err) { /* the text is kept; its entry is written with the next autosave */ }
    });
  }

  function discard(key) {
    return enqueue(() => remove(key));
  }

  window.ParleyAutosave = { start, write, clear, recoverable, read, adopt, discard,
                            tabId: () => tabId, KEPT, UNAVAILABLE, FULL };
})();
