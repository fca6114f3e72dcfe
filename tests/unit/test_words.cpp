// Word counts are shown per field and per document, and drive word limits on answers:
// they must match what a person counts, including non-English letters and punctuation.
#include <doctest/doctest.h>
#include "core/document.h"

using parley::count_words;

TEST_CASE("an empty or blank text has no words")
{
    CHECK(count_words("") == 0);
    CHECK(count_words("   \n\t  ") == 0);
}

TEST_CASE("words are separated by any run of whitespace")
{
    CHECK(count_words("broadly welcomes") == 2);
    CHECK(count_words("  broadly\n\nwelcomes,\twith reservations  ") == 4);
}

TEST_CASE("letters outside ASCII belong to their word")
{
    CHECK(count_words("café ŵyn “Ofsted’s”") == 3);
    CHECK(count_words("£5 – €10") == 3);
}

TEST_CASE("a document has words as soon as any counted field has one, and not for blank space")
{
    parley::Document d;
    CHECK_FALSE(parley::document_has_words(d));
    d.title = "  \n ";
    CHECK_FALSE(parley::document_has_words(d));
    d.answers.emplace_back();
    d.answers.back().signatories.push_back({"org", parley::Position::Agree, "Agreed.", {}});
    CHECK(parley::document_has_words(d));
    CHECK(parley::count_document_words(d) == 1);
}
