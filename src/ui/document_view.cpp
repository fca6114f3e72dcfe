#include "document_view.h"

#include "core/value_text.h"
#include "fonts.h"
#include "imgui.h"
#include "theme.h"

#include <string>

bool DocumentView_HasContent(const parley::Document& d)
{
    return !d.regimes.empty() || !d.questions.empty() || !d.sections.empty() || !d.general_points.empty() ||
           !d.workshop.criteria.empty() || !d.consultation.title.empty() || !d.summary.text.empty();
}

static void Muted(const std::string& text)
{
    ImGui::PushStyleColor(ImGuiCol_Text, Theme_Colors().text_muted);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

static void Heading(const char* text, float zoom)
{
    ImGui::Dummy(ImVec2(0, 10 * zoom));
    ImGui::PushFont(Fonts_Get(Font_Subheading));
    ImGui::TextUnformatted(text);
    ImGui::PopFont();
}

// The first paragraph of a long text, so the overview stays an overview.
static std::string FirstParagraph(const std::string& text)
{
    const size_t end = text.find("\n\n");
    return end == std::string::npos ? text : text.substr(0, end) + " \xE2\x80\xA6";
}

static void DrawRegime(const parley::Document& doc, const parley::Regime& g, float column, float zoom)
{
    std::string title = g.name + "  \xC2\xB7  " + parley::role_label(g.role);
    Heading(title.c_str(), zoom);
    if (!g.summary.empty()) Muted(FirstParagraph(g.summary));
    if (g.dimensions.empty()) return;
    ImGui::PushID(g.id.c_str());
    const ImGuiTableFlags flags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp;
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, ImVec2(8 * zoom, 6 * zoom));
    ImGui::PushTextWrapPos(0.0f);   // wrap at each cell's edge, not at the page column's
    if (ImGui::BeginTable("dimensions", 2, flags, ImVec2(column, 0))) {
        ImGui::TableSetupColumn("Dimension", ImGuiTableColumnFlags_WidthStretch, 0.38f);
        ImGui::TableSetupColumn("Value", ImGuiTableColumnFlags_WidthStretch, 0.62f);
        for (const parley::Dimension& dim : g.dimensions) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushStyleColor(ImGuiCol_Text, Theme_Colors().text_muted);
            ImGui::TextWrapped("%s", parley::dimension_label(dim).c_str());
            ImGui::PopStyleColor();
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", parley::value_text(dim.value, &doc).c_str());
        }
        ImGui::EndTable();
    }
    ImGui::PopTextWrapPos();
    ImGui::PopStyleVar();
    ImGui::PopID();
}

void DocumentView_Draw(const parley::Document& doc, float column, float zoom)
{
    const parley::Consultation& c = doc.consultation;
    if (!c.title.empty()) {
        Heading("Consultation", zoom);
        std::string line = c.title;
        if (!c.owners.empty()) {
            std::string owners;
            for (const std::string& o : c.owners) owners += (owners.empty() ? "" : ", ") + o;
            line += " (" + owners + ")";
        }
        ImGui::TextWrapped("%s", line.c_str());
        if (!c.opened.empty() || !c.closes.empty())
            Muted((c.opened.empty() ? "" : "Opened " + c.opened) + (c.opened.empty() || c.closes.empty() ? "" : "  \xC2\xB7  ") +
                  (c.closes.empty() ? "" : "Closes " + c.closes));
    }
    if (doc.summary.position != parley::Position::Unset || !doc.summary.text.empty()) {
        Heading("Summary", zoom);
        if (doc.summary.position != parley::Position::Unset) ImGui::Text("Overall: %s", parley::position_label(doc.summary.position));
        if (!doc.summary.text.empty()) Muted(FirstParagraph(doc.summary.text));
    }
    for (const parley::Regime& g : doc.regimes) DrawRegime(doc, g, column, zoom);

    if (!doc.questions.empty()) {
        char heading[64];
        snprintf(heading, sizeof(heading), "Questions (%d, %d answered)", (int)doc.questions.size(), (int)doc.answers.size());
        Heading(heading, zoom);
        for (const parley::Question& q : doc.questions) {
            const parley::Answer* answer = nullptr;
            for (const parley::Answer& a : doc.answers)
                if (a.question == q.id) answer = &a;
            std::string line = (q.number.empty() ? "" : q.number + ". ") + q.text;
            ImGui::Bullet();
            ImGui::TextWrapped("%s", line.c_str());
            if (answer) {
                // Line up under the question's text, not under its bullet.
                const float indent = ImGui::GetTreeNodeToLabelSpacing();
                ImGui::Indent(indent);
                std::string detail = std::string(parley::position_label(answer->position)) + "  \xC2\xB7  " +
                                     std::to_string(parley::count_words(answer->reasoning)) + " words of reasoning";
                for (const parley::Signatory& sig : answer->signatories) {   // a joint response's differing voices
                    std::string who = sig.organisation;
                    for (const parley::Organisation& o : doc.organisations)
                        if (o.id == sig.organisation) who = o.short_name.empty() ? o.name : o.short_name;
                    detail += "  \xC2\xB7  " + who + ": " + parley::position_label(sig.position);
                }
                Muted(detail);
                ImGui::Unindent(indent);
            }
        }
    }
    if (!doc.workshop.criteria.empty()) {
        Heading("Workshop", zoom);
        std::string criteria;
        for (const parley::Criterion& k : doc.workshop.criteria) criteria += (criteria.empty() ? "" : ", ") + k.label;
        ImGui::TextWrapped("Criteria: %s", criteria.c_str());
        Muted(std::to_string(doc.workshop.participants.size()) + " participants, " + std::to_string(doc.workshop.scores.size()) + " scores");
    }
}
