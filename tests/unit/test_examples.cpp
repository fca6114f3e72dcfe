// The example drafts in assets/examples/ are what new users open first and what the format
// documentation points at: each must load with no error and no unknown field, and be in
// canonical form, so that loading and saving it gives back the very same bytes.
#include <doctest/doctest.h>
#include "examples.h"
#include "core/document_json.h"

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

using namespace parley;

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
