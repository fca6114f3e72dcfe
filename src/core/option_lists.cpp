#include "option_lists.h"

#include "catalogue.h"

#include <string_view>

namespace parley {

namespace {

size_t g_lookup_work = 0;

const NamedList* own_list(const std::vector<NamedList>& lists, const std::string& key)
{
    for (const NamedList& l : lists) {
        g_lookup_work++;
        if (l.key == key) return &l;
    }
    return nullptr;
}

// The one option lookup every question about a list goes through: calls `each(key, label)`
// for the options of `list` in order until it returns true; false when no list has that key.
// The document's own lists come first, then the catalogue's (import refuses an own list with
// a catalogue list's key, so the order only matters for documents built in code).
template <typename F>
bool for_each_option(const std::vector<NamedList>& lists, const std::string& list, F each)
{
    if (const NamedList* l = own_list(lists, list)) {
        for (const ListOption& o : l->options)
            if (g_lookup_work++, each(std::string_view(o.key), std::string_view(o.label.empty() ? o.key : o.label))) break;
        return true;
    }
    if (const CatalogueList* l = catalogue_find_list(list)) {
        for (int i = 0; i < l->option_count; i++)
            if (g_lookup_work++, each(std::string_view(l->options[i].key), std::string_view(l->options[i].label))) break;
        return true;
    }
    return false;
}

} // namespace

bool list_options(const std::vector<NamedList>& lists, const std::string& list, std::vector<OptionRef>* out)
{
    out->clear();
    return for_each_option(lists, list, [out](std::string_view key, std::string_view label) {
        out->push_back({std::string(key), std::string(label)});
        return false;
    });
}

bool list_has_option(const std::vector<NamedList>& lists, const std::string& list, const std::string& option)
{
    bool found = false;
    for_each_option(lists, list, [&](std::string_view key, std::string_view) { return found = key == option; });
    return found;
}

std::string list_option_label(const std::vector<NamedList>& lists, const std::string& list, const std::string& option)
{
    std::string label = option;
    for_each_option(lists, list, [&](std::string_view key, std::string_view l) {
        if (key != option) return false;
        label = std::string(l);
        return true;
    });
    return label;
}

std::string list_label(const std::vector<NamedList>& lists, const std::string& list)
{
    if (const NamedList* l = own_list(lists, list)) return l->label.empty() ? l->key : l->label;
    if (const CatalogueList* l = catalogue_find_list(list)) return l->label;
    return list;
}

std::vector<std::string> list_keys(const std::vector<NamedList>& lists, bool for_choice)
{
    std::vector<std::string> keys;
    for (const NamedList& l : lists)
        if (!l.key.empty() && (!for_choice || !l.options.empty())) keys.push_back(l.key);
    int n = 0;
    const CatalogueList* builtin = catalogue_lists(&n);
    for (int i = 0; i < n; i++) keys.push_back(builtin[i].key);
    return keys;
}

size_t& option_lookup_work() { return g_lookup_work; }

const OptionIndexList* OptionIndex::find(std::string_view list)
{
    g_lookup_work++;
    if (auto it = options_.find(list); it != options_.end()) return &it->second;
    if (!own_indexed_) {
        own_indexed_ = true;
        own_.reserve(lists_.size());
        for (const NamedList& l : lists_) {
            g_lookup_work++;
            own_.emplace(l.key, &l);   // emplace keeps the first of a key, as own_list() does
        }
    }
    OptionIndexList index;
    auto add = [&](std::string_view key) {
        g_lookup_work++;
        index.keys.push_back(key);
        index.has.insert(key);
    };
    if (auto own = own_.find(list); own != own_.end()) {
        index.keys.reserve(own->second->options.size());
        index.has.reserve(own->second->options.size());
        for (const ListOption& o : own->second->options) add(o.key);
        list = own->second->key;   // a key that lives as long as the lists
    } else if (const CatalogueList* l = catalogue_find_list(std::string(list))) {
        for (int i = 0; i < l->option_count; i++) add(l->options[i].key);
        list = l->key;
    } else {
        return nullptr;
    }
    return &options_.emplace(list, std::move(index)).first->second;
}

std::string options_in_words(const std::vector<std::string_view>& keys, size_t shown)
{
    std::string s;
    const size_t n = keys.size();
    const bool all = n <= shown;
    for (size_t i = 0; i < n && (all || i < shown); i++) {
        if (i) s += all && i + 1 == n ? " or " : ", ";
        s += keys[i];
    }
    if (!all) {
        std::string more = std::to_string(n - shown), grouped;   // 99992 -> "99,992"
        for (size_t i = 0; i < more.size(); i++) {
            if (i && (more.size() - i) % 3 == 0) grouped += ',';
            grouped += more[i];
        }
        s += " and " + grouped + " more";
    }
    return s;
}

} // namespace parley
