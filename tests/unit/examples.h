// The example drafts in assets/examples/, for tests that run on realistic documents. Every
// example loads (test_examples.cpp checks it), so these REQUIRE it.
#pragma once
#include <doctest/doctest.h>
#include "core/document_json.h"

#include <algorithm>
#include <dirent.h>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

inline std::string read_example_text(const std::string& path)
{
    std::ifstream f(path, std::ios::binary);
    std::stringstream s;
    s << f.rdbuf();
    return s.str();
}

// Every example's path, in name order.
inline std::vector<std::string> example_files()
{
    std::vector<std::string> files;
    const std::string dir = PARLEY_SOURCE_DIR "/assets/examples";
    if (DIR* d = opendir(dir.c_str())) {
        while (dirent* e = readdir(d)) {
            const std::string name = e->d_name;
            if (name.size() > 12 && name.compare(name.size() - 12, 12, ".parley.json") == 0) files.push_back(dir + "/" + name);
        }
        closedir(d);
    }
    std::sort(files.begin(), files.end());
    return files;
}

// One example by its file name ("jtai-joint-response.parley.json").
inline parley::Document load_example(const std::string& name)
{
    parley::ImportResult r = parley::import_document(read_example_text(PARLEY_SOURCE_DIR "/assets/examples/" + name));
    REQUIRE(r.ok);
    return std::move(r.document);
}

inline std::vector<parley::Document> example_documents()
{
    std::vector<parley::Document> docs;
    for (const std::string& path : example_files()) {
        parley::ImportResult r = parley::import_document(read_example_text(path));
        REQUIRE(r.ok);
        docs.push_back(std::move(r.document));
    }
    REQUIRE(docs.size() >= 5);
    return docs;
}
