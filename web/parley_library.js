// Functions the C++ side calls in the page (linked with --js-library). Each forwards to the
// page's shell (web/shell.js), which it finds on the module as `parleyShell`.
mergeInto(LibraryManager.library, {
  parley_js_clipboard_write: function (ptr) {
    Module.parleyShell.clipboardWrite(UTF8ToString(ptr));
  },
  parley_js_set_cursor: function (cursor) {
    Module.parleyShell.setCursor(cursor);
  },
  parley_js_set_text_input: function (active, x, y, lineHeight) {
    Module.parleyShell.setTextInput(!!active, x, y, lineHeight);
  },
  parley_js_set_title: function (ptr) {
    Module.parleyShell.setTitle(UTF8ToString(ptr));
  },
  // Autosave (web/autosave.js): this tab's copy of one draft. The page answers with
  // parley_autosave_finished: 0 kept, 1 storage unavailable (private window, policy), 2 full.
  parley_js_autosave: function (textPtr, textLength, draftPtr, titlePtr, organisationPtr) {
    Module.parleyShell.autosave(UTF8ToString(textPtr, textLength), UTF8ToString(draftPtr), UTF8ToString(titlePtr),
                                UTF8ToString(organisationPtr));
  },
  // A kept copy the user chose to restore (0), download (1) or discard (2) in the list offered
  // at start-up (src/ui/autosave_ui.h's RecoveryAction, less one).
  parley_js_autosave_copy: function (action, keyPtr) {
    Module.parleyShell.autosaveCopy(action, UTF8ToString(keyPtr));
  },
  parley_js_store_identity: function (namePtr, organisationPtr) {
    Module.parleyShell.storeIdentity(UTF8ToString(namePtr), UTF8ToString(organisationPtr));
  },
  parley_js_autosave_clear: function (draftPtr) {
    Module.parleyShell.autosaveClear(UTF8ToString(draftPtr));
  },
  parley_js_download: function (namePtr, mimePtr, textPtr) {
    Module.parleyShell.download(UTF8ToString(namePtr), UTF8ToString(mimePtr), UTF8ToString(textPtr));
  },
  parley_js_prose: function (jsonPtr) {
    Module.parleyShell.prose(JSON.parse(UTF8ToString(jsonPtr)));
  },
  parley_js_out_of_memory: function () {
    Module.parleyShell.outOfMemory();
  },
  parley_js_open_file: function () {
    Module.parleyShell.openFile();
  },
  parley_js_save_file: function (namePtr, textPtr, fileToken) {
    Module.parleyShell.saveFile(UTF8ToString(namePtr), UTF8ToString(textPtr), fileToken);
  },
  // File > Copy share link: the page makes the link from the draft's text (web/share_link.js)
  // and answers with parley_share_link_ready.
  parley_js_share_link: function (textPtr) {
    Module.parleyShell.shareLink(UTF8ToString(textPtr));
  },
  // The accessibility mirror's changes since the last frame (src/ui/a11y_tree.h, A11y_Diff).
  parley_js_mirror: function (changesPtr) {
    Module.parleyShell.mirror(UTF8ToString(changesPtr));
  },
});
