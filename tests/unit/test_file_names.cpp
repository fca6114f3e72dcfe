// File names made from titles travel by email and onto councils' file shares, which refuse or
// mangle curly quotes and symbols (issue 15): the name keeps its words and letters, in plain
// punctuation.
#include <doctest/doctest.h>

#include "core/file_names.h"

using parley::file_base_name;

TEST_CASE("file names: curly quotes and dashes become plain, a colon a dash, & the word")
{
    CHECK(file_base_name("Children\xE2\x80\x99s services: the \xE2\x80\x9C" "new\xE2\x80\x9D framework \xE2\x80\x93 draft") ==
          "Children's services - the new framework - draft");
    CHECK(file_base_name("Health & care") == "Health and care");
    CHECK(file_base_name("Health&care") == "Health and care");
    CHECK(file_base_name("Notes\xE2\x80\xA6") == "Notes");   // the dots of an ellipsis do not end a name
}

TEST_CASE("file names: characters file shares and mail systems refuse, and symbols, go")
{
    CHECK(file_base_name("a/b\\c*d?e\"f<g>h|i#j%k") == "abcdefghijk");
    CHECK(file_base_name("Agreed \xE2\x9C\x94 \xF0\x9F\x91\x8D \xC2\xA3" "5m") == "Agreed 5m");   // ✔ 👍 £
    CHECK(file_base_name("Tab\there\nnewline") == "Tab here newline");
}

TEST_CASE("file names: letters of any script stay as typed")
{
    CHECK(file_base_name("Ymateb ar y cyd \xC5\xB5") == "Ymateb ar y cyd \xC5\xB5");                  // Welsh ŵ
    CHECK(file_base_name("Caf\xC3\xA9 r\xC3\xA9sum\xC3\xA9") == "Caf\xC3\xA9 r\xC3\xA9sum\xC3\xA9");
    CHECK(file_base_name("\xD8\xAC\xD9\x88\xD8\xA7\xD8\xA8") == "\xD8\xAC\xD9\x88\xD8\xA7\xD8\xA8");   // Urdu/Arabic
    CHECK(file_base_name("\xE4\xB8\xAD\xE6\x96\x87") == "\xE4\xB8\xAD\xE6\x96\x87");                   // Chinese
}

TEST_CASE("file names: no empty name, no leading or trailing space or dot, at most 100 bytes on a character boundary")
{
    CHECK(file_base_name("") == "Untitled draft");
    CHECK(file_base_name("\xE2\x9C\x94\xE2\x9C\x94") == "Untitled draft");
    CHECK(file_base_name("  .. a   b ..  ") == "a b");
    CHECK(file_base_name("x\xFF\xFEy") == "xy");   // invalid UTF-8 is dropped
    std::string welsh;
    for (int i = 0; i < 80; i++) welsh += "\xC5\xB5";   // 160 bytes of ŵ
    const std::string cut = file_base_name(welsh);
    CHECK(cut.size() == 100);
    CHECK(cut == welsh.substr(0, 100));
}
