// The "Who are you?" modal. Asked the first time a person comments or signs off, and
// from File > Your name and organisation... at any time. The organisation is offered from the
// draft's own organisations (so revisions and comments name them as the draft does), or typed.

#include "identity.h"
#include "views.h"
#include "core/document.h"
#include "imgui.h"
#include "imgui_stdlib.h"
#include "item_hooks.h"
#include "widgets.h"

#include <algorithm>

static const char* kIdentityModal = "Who are you?";

// The modal edits a copy: Cancel leaves `me` as it was.
static Identity g_editing;

void Identity_Ask(Views& views, const char* why)
{
    views.identity_ask = true;
    views.identity_why = why ? why : "";
}

// Trims spaces and line breaks from both ends, and keeps a name to one line of sensible length.
static std::string Tidy(std::string s)
{
    for (char& c : s)
        if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    const size_t a = s.find_first_not_of(' ');
    if (a == std::string::npos) return "";
    const size_t b = s.find_last_not_of(' ');
    return s.substr(a, b - a + 1);
}

void Identity_DrawModal(Views& views)
{
    const float z = views.zoom;
    if (views.identity_ask) {
        ImGui::OpenPopup(kIdentityModal);
        views.identity_ask = false;
        g_editing = views.me;   // no organisation guessed: the lead's would be wrong for every co-signatory
    }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(520 * z, 0));
    if (!ImGui::BeginPopupModal(kIdentityModal, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return;

    ImGui::PushTextWrapPos(0.0f);
    if (!views.identity_why.empty()) {
        const std::string why = "Your name and organisation go with what you write " + views.identity_why + ".";
        ImGui::TextUnformatted(why.c_str());
        ItemHooks_Text(A11yRole::Text, why.c_str());
    }
    ImGui::TextDisabled("This browser remembers them. The draft keeps them only with your comments, sign-offs and saves.");
    ItemHooks_Text(A11yRole::Text, "This browser remembers them. The draft keeps them only with your comments, sign-offs and saves.");
    ImGui::PopTextWrapPos();
    ImGui::Dummy(ImVec2(0, 4 * z));

    const float field_w = ImGui::GetContentRegionAvail().x;
    ImGui::TextUnformatted("Your name");
    ItemHooks_LabelNext("Your name");
    if (ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
    ImGui::SetNextItemWidth(field_w);
    ImGui::InputTextWithHint("##identity-name", "e.g. Sam Patel", &g_editing.name);
    ItemHooks_DescribeValue(g_editing.name.data(), g_editing.name.size(), "e.g. Sam Patel");
    ImGui::TextUnformatted("Your organisation");
    ItemHooks_LabelNext("Your organisation");
    ImGui::SetNextItemWidth(field_w);
    ImGui::InputTextWithHint("##identity-organisation", "e.g. LGA", &g_editing.organisation);
    ItemHooks_DescribeValue(g_editing.organisation.data(), g_editing.organisation.size(), "e.g. LGA");
    // The draft's organisations, one click each: the same words the draft uses for them.
    const auto& orgs = views.session.doc.organisations;
    if (!orgs.empty()) {
        ImGui::TextDisabled("In this draft:");
        for (const parley::Organisation& o : orgs) {
            const std::string name = parley::organisation_name(o);
            if (name.empty()) continue;
            ImGui::SameLine();
            ImGui::PushID(o.id.c_str());
            if (PlainSmallButton(name.c_str())) g_editing.organisation = name;
            ImGui::PopID();
        }
    }

    const Identity tidy = {Tidy(g_editing.name), Tidy(g_editing.organisation)};
    ImGui::Dummy(ImVec2(0, 4 * z));
    // The line stays when both are given (blank), so OK does not jump under the pointer.
    ImGui::TextDisabled("%s", tidy.Known() ? " " : "Give both, so colleagues in other organisations know who wrote what.");
    ImGui::BeginDisabled(!tidy.Known());
    const bool ok = PlainButton("OK", ImVec2(120 * z, 0)) || (tidy.Known() && ImGui::IsKeyPressed(ImGuiKey_Enter, false));
    ImGui::EndDisabled();
    if (!tidy.Known()) ItemTooltip("OK: give your name and your organisation first", ImGuiHoveredFlags_AllowWhenDisabled);
    ImGui::SameLine();
    if (PlainButton("Cancel", ImVec2(120 * z, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        ImGui::CloseCurrentPopup();
    } else if (ok) {
        views.me = tidy;
        views.identity_changed = true;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}
