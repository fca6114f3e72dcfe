#include "joint_export_modal.h"

#include "core/send_check.h"
#include "views.h"
#include "widgets.h"
#include "item_hooks.h"
#include "imgui.h"

#include <algorithm>

static const char* kJointExportModal = "Export the joint response";

// Worked out when the modal opens and again after each edit: a long draft is not checked every frame.
static parley::SendCheck g_check;
static int g_generation = -1, g_edits = -1;

static void CheckIfChanged(Views& views)
{
    if (g_generation == views.session.generation && g_edits == views.session.edits) return;
    g_check = parley::check_before_sending(views.session.doc);
    g_generation = views.session.generation;
    g_edits = views.session.edits;
}

static const char* Plural(int n, const char* one, const char* many) { return n == 1 ? one : many; }

int JointExport_DrawModal(Views& views, bool open)
{
    const float z = views.zoom;
    if (open) {
        ImGui::OpenPopup(kJointExportModal);
        g_generation = -1;
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(640 * z, 0));
    if (!ImGui::BeginPopupModal(kJointExportModal, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return -1;
    CheckIfChanged(views);
    const parley::SendCheck& c = g_check;

    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted("The text that goes to the inspectorate: the organisations, the overall position, each question with the "
                           "agreed answer, and a sentence for each co-signatory that takes another position. Sign-offs, "
                           "reasons, comments and history stay out.");
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 4 * z));

    int chosen = -1;
    if (c.Ready()) {
        ImGui::TextUnformatted("Nothing is unfinished: every question is answered and signed off, and no comment is open.");
        ItemHooks_Text(A11yRole::Text, "Nothing is unfinished: every question is answered and signed off, and no comment is open.");
    } else {
        std::string summary = "Not finished yet:";
        if (c.open_comments) summary += " " + std::to_string(c.open_comments) + Plural(c.open_comments, " open comment", " open comments") + ";";
        if (c.not_signed_off) summary += " " + std::to_string(c.not_signed_off) + Plural(c.not_signed_off, " sign-off missing", " sign-offs missing") + ";";
        if (c.not_answered) summary += " " + std::to_string(c.not_answered) + Plural(c.not_answered, " question not answered", " questions not answered") + ";";
        summary.back() = '.';
        ImGui::TextUnformatted(summary.c_str());
        ItemHooks_Text(A11yRole::Text, summary.c_str());
        ImGui::TextDisabled("Click one to open it in the draft.");
        const float list_h = std::min(ImGui::GetTextLineHeightWithSpacing() * (float)c.items.size() + 8 * z, 260 * z);
        if (ImGui::BeginChild("##unfinished", ImVec2(0, list_h), ImGuiChildFlags_Border, ImGuiWindowFlags_NavFlattened)) {
            ImGuiListClipper clip;
            clip.Begin((int)c.items.size());
            while (clip.Step())
                for (int i = clip.DisplayStart; i < clip.DisplayEnd; i++) {
                    const parley::Unfinished& u = c.items[(size_t)i];
                    ImGui::PushID(i);
                    if (SelectableItem(u.text.c_str(), false, ImGuiSelectableFlags_None) && !u.object.empty()) {
                        views.editor.scroll_to = u.object;
                        views.compare.open = false;   // the editor shows it
                        views.merge.open = false;
                        ImGui::CloseCurrentPopup();
                    }
                    ImGui::PopID();
                }
            const size_t more = (size_t)(c.open_comments + c.not_signed_off + c.not_answered) - c.items.size();
            if (more) ImGui::TextDisabled("and %zu more", more);
        }
        ImGui::EndChild();
    }
    ImGui::Dummy(ImVec2(0, 4 * z));
    ImGui::TextUnformatted(c.Ready() ? "Export as:" : "Export anyway, as:");
    ItemHooks_Text(A11yRole::Text, c.Ready() ? "Export as:" : "Export anyway, as:");
    if (PlainButton("Markdown (.md)")) chosen = 0;
    ImGui::SameLine();
    if (PlainButton("Web page for printing (.html)")) chosen = 1;
    ImGui::SameLine();
    if (PlainButton("Plain text (.txt)")) chosen = 2;
    ImGui::SameLine();
    if (PlainButton("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    if (chosen >= 0) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return chosen;
}
