// The example drafts from assets/examples/, compiled into the app (tools/embed_examples.cmake).
#pragma once

struct EmbeddedExample {
    const char* file_name;   // "jtai-joint-response.parley.json"
    const char* json;        // the whole file, NUL-terminated
};

extern const EmbeddedExample g_examples[];
extern const int g_example_count;
