// A joint response as ADCS, LGA and Solace write one: 40 questions, each answered at length
// (about 60,000 words in all), both co-signatories' views on every answer. Generated from a
// seed, the same words every time, for the merge tests and the merge benchmark; and the
// "ordinary editing" of one round of drafting, used to measure what history costs a file.
#pragma once
#include "core/document.h"

#include <algorithm>
#include <random>
#include <string>

namespace joint {

inline const char* const kWords[] = {
    "children", "families", "inspection", "local", "authority", "partners", "evidence", "practice", "social", "workers",
    "safeguarding", "outcomes", "leaders", "quality", "services", "early", "help", "risk", "judgement", "framework",
    "proposal", "council", "health", "police", "schools", "agencies", "improvement", "capacity", "burden", "notice",
    "report", "findings", "thematic", "joint", "review", "consistent", "fair", "proportionate", "timely", "learning",
    "we", "the", "of", "and", "to", "in", "for", "that", "is", "are", "should", "would", "could", "must", "not",
    "with", "their", "this", "which", "more", "less", "than", "across", "within", "every", "each", "where", "when",
};

inline std::string sentence(std::mt19937& rng)
{
    std::uniform_int_distribution<int> length(12, 24), word(0, (int)(sizeof(kWords) / sizeof(kWords[0])) - 1);
    const int n = length(rng);
    std::string s;
    for (int i = 0; i < n; i++) {
        std::string w = kWords[word(rng)];
        if (i == 0) w[0] = (char)(w[0] - 'a' + 'A');
        s += (i ? " " : "") + w;
    }
    return s + ".";
}

inline std::string paragraph(std::mt19937& rng, int words)
{
    std::string s;
    int count = 0;
    while (count < words) {
        const std::string t = sentence(rng);
        count += (int)std::count(t.begin(), t.end(), ' ') + 1;
        s += (s.empty() ? "" : " ") + t;
    }
    return s;
}

inline parley::Document make_response(int questions = 40, unsigned seed = 2026)
{
    std::mt19937 rng(seed);
    parley::Document d;
    d.id = "doc-joint-2026";
    d.kind = parley::DocumentKind::Response;
    d.title = "Joint response of ADCS, the LGA and Solace to the proposals for inspecting local authority children's services";
    d.organisations = {{"org-adcs", "Association of Directors of Children's Services", "ADCS", "lead", {}, {}},
                       {"org-lga", "Local Government Association", "LGA", "co-signatory", {}, {}},
                       {"org-solace", "Society of Local Authority Chief Executives", "Solace", "co-signatory", {}, {}}};
    d.summary.position = parley::Position::PartlyAgree;
    d.summary.text = paragraph(rng, 200);
    for (int i = 0; i < questions; i++) {
        const std::string n = std::to_string(i + 1);
        parley::Question q;
        q.id = "q-" + n;
        q.number = n;
        q.text = "To what extent do you agree with proposal " + n + "?";
        d.questions.push_back(q);
        parley::Answer a;
        a.id = "ans-" + n;
        a.question = q.id;
        a.position = parley::Position::PartlyAgree;
        a.reasoning = paragraph(rng, 900);
        a.evidence = paragraph(rng, 350);
        a.recommendations = paragraph(rng, 200);
        a.signatories = {{"org-lga", parley::Position::PartlyAgree, "", {}}, {"org-solace", parley::Position::Agree, "", {}}};
        d.answers.push_back(a);
    }
    d.revisions.push_back({"rev-first", "", "", "ADCS", "Policy officer", "2026-11-02T09:00:00Z", "First draft", {}, false, {}});
    return d;
}

// Sentence `k` of a text (sentences end with ". "), replaced.
inline void replace_sentence(std::string& text, int k, const std::string& with)
{
    size_t start = 0;
    for (int i = 0; i < k; i++) {
        const size_t dot = text.find(". ", start);
        if (dot == std::string::npos) return;
        start = dot + 2;
    }
    size_t end = text.find(". ", start);
    end = end == std::string::npos ? text.size() : end + 1;
    text.replace(start, end - start, with);
}

inline int sentence_count(const std::string& text)
{
    int n = 1;
    for (size_t at = text.find(". "); at != std::string::npos; at = text.find(". ", at + 2)) n++;
    return n;
}

// One round of ordinary drafting: a sentence rewritten in each of three answers, a position
// changed, a comment added.
inline void edit_round(parley::Document& d, std::mt19937& rng, int round)
{
    std::uniform_int_distribution<int> pick(0, (int)d.answers.size() - 1);
    for (int k = 0; k < 3; k++) {
        parley::Answer& a = d.answers[pick(rng)];
        std::uniform_int_distribution<int> which(0, sentence_count(a.reasoning) - 1);
        replace_sentence(a.reasoning, which(rng), sentence(rng));
    }
    d.answers[pick(rng)].position = round % 2 ? parley::Position::Agree : parley::Position::PartlyAgree;
    parley::Comment c;
    c.id = "cmt-" + std::to_string(round);
    c.target = d.answers[pick(rng)].id;
    c.author = "Policy officer";
    c.organisation = "ADCS";
    c.time = "2026-11-05T10:00:00Z";
    c.text = sentence(rng);
    d.comments.push_back(c);
}

} // namespace joint
