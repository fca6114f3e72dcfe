#include "a11y_tree.h"

#include "core/json_writer.h"

#include <unordered_map>

static const char* const kRoleNames[] = {
    "",
    "menubar", "menu", "navigation", "main", "contentinfo", "dialog", "listbox", "radiogroup", "group", "region", "table", "row",
    "button", "link", "checkbox", "radio", "menuitem", "menuitemcheckbox", "menuitemradio", "combobox", "option", "textbox",
    "spinbutton", "heading", "text", "status", "cell", "columnheader", "rowheader",
};
static_assert(sizeof(kRoleNames) / sizeof(kRoleNames[0]) == (size_t)A11yRole::Count, "a name for every role");

const char* A11y_RoleName(A11yRole role)
{
    return (size_t)role < (size_t)A11yRole::Count ? kRoleNames[(size_t)role] : "";
}

bool A11y_IsContainer(A11yRole role)
{
    // A table's cells hold what is drawn in them (text, a button, a group of radio buttons).
    return (role >= A11yRole::Menubar && role <= A11yRole::Row) ||
           role == A11yRole::Cell || role == A11yRole::ColumnHeader || role == A11yRole::RowHeader;
}

bool A11y_IsFocusable(A11yRole role)
{
    return role >= A11yRole::Button && role <= A11yRole::SpinButton;
}

bool A11yNode::SameContent(const A11yNode& o) const
{
    return id == o.id && parent == o.parent && role == o.role && states == o.states && level == o.level &&
           value_now == o.value_now && value_min == o.value_min && value_max == o.value_max &&
           caret == o.caret && anchor == o.anchor &&
           name == o.name && value == o.value && hint == o.hint && description == o.description;
}

std::string A11y_CutText(const char* text, size_t len)
{
    if (len <= kA11yMaxText) return std::string(text, len);
    size_t cut = kA11yMaxText;
    while (cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80) cut--;   // not inside a character
    return std::string(text, cut) + "\xE2\x80\xA6";
}

static void AppendNumber(std::string& out, double v)
{
    out += parley::json_format_number(v);
}

static void AppendPut(std::string& out, const A11yNode& n)
{
    out += '[';
    out += std::to_string(n.id); out += ',';
    out += std::to_string(n.parent); out += ',';
    parley::json_quote(out, A11y_RoleName(n.role)); out += ',';
    parley::json_quote(out, n.name); out += ',';
    parley::json_quote(out, n.value); out += ',';
    parley::json_quote(out, n.hint); out += ',';
    out += std::to_string(n.states); out += ',';
    out += std::to_string(n.level); out += ',';
    out += std::to_string(n.x); out += ','; out += std::to_string(n.y); out += ',';
    out += std::to_string(n.w); out += ','; out += std::to_string(n.h); out += ',';
    AppendNumber(out, n.value_now); out += ',';
    AppendNumber(out, n.value_min); out += ',';
    AppendNumber(out, n.value_max); out += ',';
    out += std::to_string(n.caret); out += ',';
    out += std::to_string(n.anchor); out += ',';
    parley::json_quote(out, n.description);
    out += ']';
}

static void AppendPos(std::string& out, const A11yNode& n)
{
    out += '[';
    out += std::to_string(n.id); out += ',';
    out += std::to_string(n.x); out += ','; out += std::to_string(n.y); out += ',';
    out += std::to_string(n.w); out += ','; out += std::to_string(n.h);
    out += ']';
}

// Opens `"key":[` the first time a list is written to, a comma before each next entry.
static void OpenList(std::string& out, bool& open, const char* key)
{
    if (!open) {
        out += out.size() > 1 ? ",\"" : "\"";
        out += key;
        out += "\":[";
        open = true;
    } else {
        out += ',';
    }
}

std::string A11y_Diff(const std::vector<A11yNode>& before, uint32_t focus_before,
                      const std::vector<A11yNode>& after, uint32_t focus_after)
{
    std::unordered_map<uint32_t, size_t> old_at;
    old_at.reserve(before.size() * 2);
    for (size_t i = 0; i < before.size(); i++) old_at.emplace(before[i].id, i);

    std::string out = "{", pos;   // moves gather apart: both lists fill in the same pass
    bool put_open = false, del_open = false;
    bool order_changed = before.size() != after.size();
    for (size_t i = 0; i < after.size(); i++) {
        const A11yNode& n = after[i];
        if (!order_changed && (before[i].id != n.id || before[i].parent != n.parent)) order_changed = true;
        const auto found = old_at.find(n.id);
        if (found == old_at.end() || !before[found->second].SameContent(n)) {
            OpenList(out, put_open, "put");
            AppendPut(out, n);
        } else if (!before[found->second].SameRect(n)) {
            pos += pos.empty() ? "" : ",";
            AppendPos(pos, n);
        }
    }
    if (put_open) out += ']';
    if (!pos.empty()) {
        out += out.size() > 1 ? ",\"pos\":[" : "\"pos\":[";
        out += pos;
        out += ']';
    }

    if (order_changed) {
        std::unordered_map<uint32_t, size_t> new_at;
        new_at.reserve(after.size() * 2);
        for (size_t i = 0; i < after.size(); i++) new_at.emplace(after[i].id, i);
        for (const A11yNode& n : before)
            if (!new_at.count(n.id)) { OpenList(out, del_open, "del"); out += std::to_string(n.id); }
        if (del_open) out += ']';
        bool order_open = false;
        for (const A11yNode& n : after) { OpenList(out, order_open, "order"); out += std::to_string(n.id); }
        if (!order_open) out += out.size() > 1 ? ",\"order\":[" : "\"order\":[";
        out += ']';
    }
    if (focus_before != focus_after) {
        out += out.size() > 1 ? "," : "";
        out += "\"focus\":" + std::to_string(focus_after);
    }
    if (out.size() == 1) return "";
    out += '}';
    return out;
}
