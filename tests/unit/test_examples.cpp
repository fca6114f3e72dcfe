// The example drafts in assets/examples/ are what new users open first and what the format
// documentation points at: each must load with no error and no unknown field, and be in
// canonical form, so that loading and saving it gives back the very same bytes.
#include <doctest/doctest.h>
#include "core/document_json.h"

#include <dirent.h>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace parley;

static std::vector<std::string> example_files()
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
    return files;
}

TEST_CASE("every example loads cleanly and round-trips byte for byte")
{
    const std::vector<std::string> files = example_files();
    REQUIRE(files.size() >= 5);
    for (const std::string& path : files) {
        CAPTURE(path);
        std::ifstream f(path, std::ios::binary);
        std::stringstream s;
        s << f.rdbuf();
        const std::string text = s.str();
        ImportResult r = import_document(text);
        for (const ImportError& e : r.errors) FAIL_CHECK(format_error(e));
        REQUIRE(r.ok);
        CHECK(r.notices.empty());
        CHECK(count_document_words(r.document) > 1000);   // realistic drafts, not stubs
        CHECK(export_document(r.document) == text);
    }
}
