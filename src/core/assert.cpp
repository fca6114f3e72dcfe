#include "assert.h"

#include <cstdio>
#include <cstdlib>

namespace parley {

static int g_failures = 0;

static void DefaultHandler(const char* expression, const char* file, int line)
{
    std::fprintf(stderr, "%s:%d: PARLEY_ASSERT(%s) failed\n", file, line, expression);
#ifndef NDEBUG
    std::abort();
#endif
}

static AssertHandler g_handler = DefaultHandler;

void assert_failed(const char* expression, const char* file, int line)
{
    g_failures++;
    g_handler(expression, file, line);
}

AssertHandler set_assert_handler(AssertHandler handler)
{
    AssertHandler previous = g_handler;
    g_handler = handler ? handler : DefaultHandler;
    return previous;
}

int assert_failures() { return g_failures; }

} // namespace parley
