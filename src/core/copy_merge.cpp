// merge_copies (copy_merge.h): refuse, find the original, merge, record.
#include "copy_merge.h"

#include "paths.h"
#include "revision_changes.h"

#include <unordered_map>

namespace parley {

std::string copy_from(const Document& doc)
{
    if (doc.revisions.empty()) return "";
    const Revision& r = doc.revisions.back();
    return !r.organisation.empty() ? r.organisation : r.author;
}

CopyMerge merge_copies(const Document& ours, const Document& ours_saved, const Document& theirs, IdGenerator& ids, const CopyMergeOptions& options)
{
    CopyMerge m;
    if (theirs.id != ours.id || theirs.kind != ours.kind) {
        m.message = "this file is not a copy of this draft: it is " + std::string(theirs.title.empty() ? "an untitled document" : "\"" + theirs.title + "\"") +
                    " (id " + theirs.id + "), and this draft is " + (ours.title.empty() ? "untitled" : "\"" + ours.title + "\"") + " (id " + ours.id + ")";
        return m;
    }
    if (!ours.merge.conflicts.empty()) {
        m.message = "this draft still has " + std::to_string(ours.merge.conflicts.size()) + " open conflicts from an earlier merge: settle them first";
        return m;
    }
    if (!theirs.merge.conflicts.empty()) {
        m.message = "that copy has a merge of its own still open (" + std::to_string(theirs.merge.conflicts.size()) +
                    " conflicts): ask whoever sent it to finish it first";
        return m;
    }
    {   // One id for two kinds of thing (never from Parley, whose ids are random): refuse, or the result would not open.
        std::unordered_map<std::string, std::string> lists;
        for (auto& [id, list] : ids_and_lists(ours)) lists.emplace(id, list);
        for (const auto& [id, list] : ids_and_lists(theirs)) {
            auto it = lists.find(id);
            if (it != lists.end() && it->second != list) {
                m.message = "the two copies use the id \"" + id + "\" for different things (in \"" + it->second + "\" here, in \"" + list + "\" there), so they cannot be lined up";
                return m;
            }
        }
    }
    const std::string ours_head = head_revision(ours), theirs_head = head_revision(theirs);
    // A copy whose last revision this draft grew from has nothing new, unless it was changed
    // after that revision was saved (by hand, by a script): then what it says is its revision
    // is the original, and its changes come in like any other.
    Document claimed;
    bool from_claimed = false;
    if (!options.original && !options.without_original && !theirs_head.empty() && revision_is_ancestor(ours, theirs_head, ours_head)) {
        std::string why;
        if (!rebuild_revision(ours_saved, theirs_head, &claimed, &why) || changes_between(theirs, claimed).empty()) {
            m.status = CopyMergeStatus::AlreadyMerged;
            m.message = "everything in that copy is in this draft already";
            return m;
        }
        from_claimed = true;
    }

    if (from_claimed) {
        m.original = theirs_head;
        m.result = merge_documents(claimed, ours, theirs);
    } else if (options.original) {
        m.result = merge_documents(*options.original, ours, theirs);
    } else if (options.without_original) {
        m.result = merge_without_base(ours, theirs);
    } else {
        SharedOriginal shared;
        if (!find_shared_original(ours_saved, theirs, &shared)) {
            m.status = CopyMergeStatus::NoOriginal;
            m.message = "the two copies share no saved revision Parley can rebuild (one was written before Parley kept history, or its history was trimmed)";
            return m;
        }
        m.original = shared.revision;
        m.result = merge_documents(shared.content, ours, theirs);
    }

    // The merge is a revision with both parents; its changes lead back to ours as last saved.
    Document& doc = m.result.doc;
    doc.merge.base = m.original;
    doc.merge.theirs = theirs_head;
    doc.merge.from = copy_from(theirs);
    Revision r;
    r.id = ids.next("rev");
    r.parent = ours_head;
    r.merged = theirs_head;
    r.organisation = options.organisation;
    r.author = options.author;
    r.time = options.utc_time;
    r.note = "Merged changes from " + (doc.merge.from.empty() ? std::string("another copy") : doc.merge.from);
    if (!ours_head.empty()) {
        r.changes = changes_between(doc, ours_saved);
        r.kept = true;
    }
    doc.revisions.push_back(std::move(r));
    if (doc.merge.conflicts.empty()) doc.merge = PendingMerge{};
    m.status = CopyMergeStatus::Merged;
    return m;
}

} // namespace parley
