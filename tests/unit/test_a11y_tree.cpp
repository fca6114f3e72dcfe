// The accessibility mirror sends the page only what changed between frames (src/ui/a11y_tree.h):
// an idle frame writes nothing to the DOM, a scroll only moves elements, and a screen reader
// keeps its place because unchanged nodes are never sent again.
#include <doctest/doctest.h>

#include "ui/a11y_tree.h"

#include <nlohmann/json.hpp>

static A11yNode Node(uint32_t id, uint32_t parent, A11yRole role, const char* name, int y = 0)
{
    A11yNode n;
    n.id = id; n.parent = parent; n.role = role; n.name = name;
    n.x = 10; n.y = y; n.w = 100; n.h = 28;
    return n;
}

static std::vector<A11yNode> Page()
{
    return {Node(1, 0, A11yRole::Menubar, "Menu bar"), Node(2, 1, A11yRole::MenuItem, "File"),
            Node(3, 0, A11yRole::Main, ""), Node(4, 3, A11yRole::Button, "Add a question", 100),
            Node(5, 3, A11yRole::Textbox, "Title", 140)};
}

TEST_CASE("a11y diff: the first frame brings every node, in reading order, and the focus")
{
    const std::string out = A11y_Diff({}, 0, Page(), 4);
    const auto j = nlohmann::json::parse(out);
    CHECK(j["put"].size() == 5);
    CHECK(j["put"][1][2] == "menuitem");
    CHECK(j["put"][1][3] == "File");
    CHECK(j["order"] == nlohmann::json({1, 2, 3, 4, 5}));
    CHECK(j["focus"] == 4);
    CHECK_FALSE(j.contains("del"));
}

TEST_CASE("a11y diff: an unchanged frame is nothing at all")
{
    CHECK(A11y_Diff(Page(), 4, Page(), 4) == "");
}

TEST_CASE("a11y diff: a scroll moves nodes without sending their content or their order")
{
    std::vector<A11yNode> after = Page();
    after[3].y -= 40;
    after[4].y -= 40;
    const auto j = nlohmann::json::parse(A11y_Diff(Page(), 0, after, 0));
    CHECK_FALSE(j.contains("put"));
    CHECK_FALSE(j.contains("order"));
    REQUIRE(j["pos"].size() == 2);
    CHECK(j["pos"][0] == nlohmann::json({4, 10, 60, 100, 28}));
}

TEST_CASE("a11y diff: moves and changes in one frame are two lists")
{
    std::vector<A11yNode> after = Page();
    after[3].y -= 40;             // moved
    after[4].name = "Subtitle";   // changed (and moved: its rectangle goes with its content)
    after[4].y -= 40;
    const auto j = nlohmann::json::parse(A11y_Diff(Page(), 0, after, 0));
    REQUIRE(j["put"].size() == 1);
    CHECK(j["put"][0][3] == "Subtitle");
    CHECK(j["put"][0][9] == 100);
    REQUIRE(j["pos"].size() == 1);
    CHECK(j["pos"][0][0] == 4);
}

TEST_CASE("a11y diff: a changed state or name is sent again; a removed node is deleted and the order given")
{
    std::vector<A11yNode> after = Page();
    after[1].states |= A11yState_Expanded | A11yState_Expandable;   // File opened
    after.erase(after.begin() + 3);                                  // the button went
    const auto j = nlohmann::json::parse(A11y_Diff(Page(), 4, after, 2));
    REQUIRE(j["put"].size() == 1);
    CHECK(j["put"][0][0] == 2);
    CHECK(j["put"][0][6] == (A11yState_Expanded | A11yState_Expandable));
    CHECK(j["del"] == nlohmann::json({4}));
    CHECK(j["order"] == nlohmann::json({1, 2, 3, 5}));
    CHECK(j["focus"] == 2);
}

TEST_CASE("a11y diff: a tooltip's text, given or changed, is sent as the node's description (last field)")
{
    std::vector<A11yNode> after = Page();
    after[3].description = "Remove ADCS (Undo brings it back)";
    auto j = nlohmann::json::parse(A11y_Diff(Page(), 0, after, 0));
    REQUIRE(j["put"].size() == 1);
    CHECK(j["put"][0][0] == 4);
    CHECK(j["put"][0].size() == 18);
    CHECK(j["put"][0][17] == "Remove ADCS (Undo brings it back)");
    CHECK(A11y_Diff(after, 0, after, 0).empty());   // the same description: nothing to send
    j = nlohmann::json::parse(A11y_Diff(Page(), 0, Page(), 1));
    CHECK_FALSE(j.contains("put"));
}

TEST_CASE("a11y diff: a node moved to another container is re-ordered; names are escaped JSON")
{
    std::vector<A11yNode> after = Page();
    after[4].parent = 1;
    after[4].name = "Say \"no\"\n\\ \xE2\x80\x94 \x01";
    const std::string out = A11y_Diff(Page(), 0, after, 0);
    const auto j = nlohmann::json::parse(out);   // throws if the text were not JSON
    CHECK(j["put"][0][3] == "Say \"no\"\n\\ \xE2\x80\x94 \x01");
    CHECK(j["order"] == nlohmann::json({1, 2, 3, 4, 5}));
}

TEST_CASE("a11y text is cut at a character boundary, with an ellipsis")
{
    std::string text(kA11yMaxText - 1, 'a');
    text += "\xE2\x80\x94 and more";   // a three-byte character across the limit
    const std::string cut = A11y_CutText(text.data(), text.size());
    CHECK(cut.size() == kA11yMaxText - 1 + 3);
    CHECK(cut.substr(cut.size() - 3) == "\xE2\x80\xA6");
    CHECK(A11y_CutText("short", 5) == "short");
}

TEST_CASE("a11y roles: a table's rows and cells hold what is drawn in them; only controls take the focus")
{
    for (A11yRole r : {A11yRole::Table, A11yRole::Row, A11yRole::Cell, A11yRole::ColumnHeader, A11yRole::RowHeader, A11yRole::RadioGroup})
        CHECK_MESSAGE(A11y_IsContainer(r), A11y_RoleName(r));
    for (A11yRole r : {A11yRole::Text, A11yRole::Heading, A11yRole::Button, A11yRole::Radio})
        CHECK_MESSAGE(!A11y_IsContainer(r), A11y_RoleName(r));
    CHECK(A11y_IsFocusable(A11yRole::Radio));
    CHECK(!A11y_IsFocusable(A11yRole::Cell));
    CHECK(std::string(A11y_RoleName(A11yRole::ColumnHeader)) == "columnheader");
}
