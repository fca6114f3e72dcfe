// PARLEY_ASSERT: a contract check for programmer errors, in the spirit of Dear ImGui's IM_ASSERT.
//
// It guards what the code relies on by convention - every edit goes through the edit session,
// the JSON writer's opens and closes match, an undo entry is applied to a member of its own
// type, references kept across frames still point into the document - not what users or files
// can get wrong (those get messages). A failed check calls the handler: the default one
// prints where and, in builds without NDEBUG (the sanitizer build), aborts so tests fail
// loudly. The app installs its own, which keeps the draft (autosave) and says so, because in a
// user's tab a dead page would lose their work.
#pragma once

namespace parley {

using AssertHandler = void (*)(const char* expression, const char* file, int line);
void assert_failed(const char* expression, const char* file, int line);
AssertHandler set_assert_handler(AssertHandler handler);   // returns the previous one; null restores the default
int  assert_failures();                                    // how many checks have failed so far (tests)

} // namespace parley

#define PARLEY_ASSERT(expr) ((expr) ? (void)0 : ::parley::assert_failed(#expr, __FILE__, __LINE__))
