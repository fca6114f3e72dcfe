#include "send_check.h"

#include "comments.h"
#include "signoff.h"
#include "utf8.h"

namespace parley {

// The first words of a comment, on one line: enough to recognise it in a list.
static std::string Gist(const std::string& text, size_t max_bytes)
{
    std::string line;
    for (char c : text) {
        if (line.size() >= max_bytes) break;
        const char k = c == '\n' || c == '\r' || c == '\t' ? ' ' : c;
        if (k == ' ' && (line.empty() || line.back() == ' ')) continue;
        line += k;
    }
    if (line.size() < text.size() && line.size() >= max_bytes) {
        line.resize(utf8_prefix_length(line.data(), line.size(), max_bytes - 3));
        line += "\xE2\x80\xA6";
    }
    return line;
}

SendCheck check_before_sending(const Document& doc, size_t limit)
{
    SendCheck check;
    const CommentThreads threads = build_comment_threads(doc);
    for (const CommentThread& t : threads.threads) {
        const Comment& c = doc.comments[(size_t)t.root];
        if (c.resolved) continue;
        check.open_comments++;
        if (check.items.size() >= limit) continue;
        const CommentPlace place = comment_place(doc, c);
        std::string who = join_names({c.author, c.organisation});
        check.items.push_back({Unfinished::OpenComment,
                               "Open comment on " + place.words + ": \xE2\x80\x9C" + Gist(c.text, 80) + "\xE2\x80\x9D" + (who.empty() ? "" : " (" + who + ")"),
                               place.object});
    }
    for (const SignOffBlocker& b : agreement_blockers(doc)) {   // unanswered questions too, with or without co-signatories
        const bool unanswered = b.organisation.empty();
        (unanswered ? check.not_answered : check.not_signed_off)++;
        if (check.items.size() >= limit) continue;
        check.items.push_back({unanswered ? Unfinished::NotAnswered : Unfinished::NotSignedOff, blocker_text(doc, b), b.question});
    }
    return check;
}

} // namespace parley
