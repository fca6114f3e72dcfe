// The autosaved drafts offered at start-up, and the notice that autosave stopped: see autosave_ui.h.
#include "autosave_ui.h"

#include "fonts.h"
#include "theme.h"
#include "widgets.h"
#include "imgui.h"

#include <algorithm>
#include <cstdio>

// The title is chosen when the list opens ("draft" or "drafts") and kept while it is open: a
// discard must not close it. Two windows, not one with two titles: ImGui keeps a window's
// first title for good, and the File menu may open the list again with fewer copies.
static const char* const kRecoveryOne = "Restore your unsaved draft?###RecoveryOne";
static const char* const kRecoveryMany = "Restore your unsaved drafts?###RecoveryMany";
static const char* const kNotice = "Autosave is off##notice";

// One list at a time, offered once per visit: the module's own state, not every view's.
struct RecoveryState {
    std::vector<RecoveryCopy> copies;
    std::string confirming;   // the key whose discard is being asked about ("" none)
    bool open_modal = false;
    bool is_open = false;
    bool reopened = false;    // from the File menu, over a draft being worked on
    const char* title = kRecoveryOne;
    std::vector<RecoveryRequest> requests;
    bool notice_shown = false;   // once per visit
    bool notice_open = false;
};
static RecoveryState g_rec;

// Opens the list on the copies held: at start-up (offered) or from the File menu (reopened,
// over a draft being worked on).
static void OpenList(bool reopened)
{
    g_rec.confirming.clear();
    g_rec.title = g_rec.copies.size() > 1 ? kRecoveryMany : kRecoveryOne;
    g_rec.open_modal = true;
    g_rec.is_open = true;
    g_rec.reopened = reopened;
}

void Recovery_Offer(std::vector<RecoveryCopy> copies)
{
    if (copies.empty()) return;
    g_rec.copies = std::move(copies);
    OpenList(false);
}

void Recovery_Reopen()
{
    if (g_rec.copies.empty() || g_rec.is_open) return;
    OpenList(true);
}

bool Recovery_IsOpen() { return g_rec.is_open; }
int  Recovery_Remaining() { return (int)g_rec.copies.size(); }

bool Recovery_TakeRequest(RecoveryRequest* request)
{
    if (g_rec.requests.empty()) return false;
    *request = std::move(g_rec.requests.front());
    g_rec.requests.erase(g_rec.requests.begin());
    return true;
}

void Recovery_Forget(const std::string& key)
{
    g_rec.copies.erase(std::remove_if(g_rec.copies.begin(), g_rec.copies.end(),
                                      [&](const RecoveryCopy& c) { return c.key == key; }), g_rec.copies.end());
}

void Recovery_Restored(const std::string& key, const std::string&)
{
    Recovery_Forget(key);
    g_rec.is_open = false;   // one draft per tab: the others stay kept, offered by the next tab
}

void AutosaveNotice_Show()
{
    if (g_rec.notice_shown) return;
    g_rec.notice_shown = true;
    g_rec.notice_open = true;
}

void AutosaveNotice_Hide() { g_rec.notice_open = false; }

// "12 KB", "10.4 MB": sizes are read by people.
static std::string SizeText(double characters)
{
    char out[32];
    if (characters < 1000) std::snprintf(out, sizeof(out), "%d characters", (int)characters);
    else if (characters < 1e6) std::snprintf(out, sizeof(out), "%d KB", (int)std::max(1.0, characters / 1000 + 0.5));
    else std::snprintf(out, sizeof(out), "%.1f MB", characters / 1e6);
    return out;
}

static void DrawCopy(const RecoveryCopy& copy, float z)
{
    ImGui::PushID(copy.key.c_str());
    const float width = ImGui::GetContentRegionAvail().x;
    ImGui::PushFont(Fonts_Get(Font_Subheading));
    const std::string title = "\xE2\x80\x9C" + (copy.title.empty() ? std::string("Untitled draft") : copy.title) + "\xE2\x80\x9D";
    NamedText("copy-title", FitText(title, width).c_str(), Theme_Colors().text);
    ImGui::PopFont();
    std::string about = copy.organisation.empty() ? std::string() : copy.organisation + "  \xC2\xB7  ";
    about += SizeText(copy.characters) + "  \xC2\xB7  kept " + copy.when;
    NamedText("copy-about", about.c_str(), Theme_Colors().text_muted, width);
    ImGui::Dummy(ImVec2(0, 2 * z));
    // Names carry the key, so a test (or the screen-reader mirror) can tell the rows apart.
    if (g_rec.confirming == copy.key) {
        NamedText("copy-confirm", "Discard this draft for good? Its words cannot be brought back.", Theme_Colors().danger, width);
        if (PlainButton(("Yes, discard it##" + copy.key).c_str())) {
            g_rec.requests.push_back({Recovery_Discard, copy.key});
            g_rec.confirming.clear();
        }
        ImGui::SameLine();
        if (PlainButton(("Keep it##" + copy.key).c_str()) || ImGui::IsKeyPressed(ImGuiKey_Escape)) g_rec.confirming.clear();
    } else {
        if (PlainButton(("Restore it##" + copy.key).c_str())) g_rec.requests.push_back({Recovery_Restore, copy.key});
        ImGui::SameLine();
        if (PlainButton(("Download##" + copy.key).c_str())) g_rec.requests.push_back({Recovery_Download, copy.key});
        ImGui::SameLine();
        if (PlainButton(("Discard it##" + copy.key).c_str())) g_rec.confirming = copy.key;
    }
    ImGui::PopID();
}

static void DrawRecovery(float z)
{
    const bool many = g_rec.copies.size() > 1;
    const char* name = g_rec.title;
    if (g_rec.open_modal) { ImGui::OpenPopup(name); g_rec.open_modal = false; }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(640 * z, ImGui::GetMainViewport()->WorkSize.x - 40 * z), 0));
    if (!ImGui::BeginPopupModal(name, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return;
    if (!g_rec.is_open || g_rec.copies.empty()) {   // restored, or every copy discarded
        g_rec.is_open = false;
        ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
        return;
    }
    const float width = ImGui::GetContentRegionAvail().x;
    NamedText("recovery-intro", many
        ? "Parley kept these drafts, which were not saved to a file, when their tab closed, stopped or reloaded. "
          "Restore one to go on with it here; the others stay kept for the next tab you open."
        : "Parley kept this draft, which was not saved to a file, when its tab closed, stopped or reloaded.",
        Theme_Colors().text, width);
    if (g_rec.reopened)   // a draft is open here now: say what Restore does to it
        NamedText("recovery-reopened", "Restoring one puts it in place of the draft open here. Words not yet saved in that "
                  "draft stay kept by this browser and are offered the next time Parley opens.", Theme_Colors().text_muted, width);
    ImGui::Dummy(ImVec2(0, 4 * z));
    const float row = ImGui::GetTextLineHeightWithSpacing() * 3 + ImGui::GetFrameHeightWithSpacing() + 24 * z;
    const float height = std::min(row * (float)g_rec.copies.size(), 420 * z);
    if (ImGui::BeginChild("copies", ImVec2(0, height), ImGuiChildFlags_Border, ImGuiWindowFlags_NavFlattened)) {
        for (size_t i = 0; i < g_rec.copies.size(); i++) {
            if (i) { ImGui::Dummy(ImVec2(0, 2 * z)); ImGui::Separator(); ImGui::Dummy(ImVec2(0, 2 * z)); }
            DrawCopy(g_rec.copies[i], z);
        }
        for (const RecoveryRequest& r : g_rec.requests)   // discarded: gone from the list at once
            if (r.action == Recovery_Discard) Recovery_Forget(r.key);
    }
    ImGui::EndChild();
    ImGui::Dummy(ImVec2(0, 4 * z));
    if (PlainButton("Decide later") || (g_rec.confirming.empty() && ImGui::IsKeyPressed(ImGuiKey_Escape))) {
        g_rec.is_open = false;   // kept: offered again the next time Parley opens, and listed in the File menu
        ImGui::CloseCurrentPopup();
    }
    ImGui::SameLine();
    ImGui::TextDisabled("Kept: File > Unsaved drafts lists them again.");
    ImGui::EndPopup();
}

// Not modal and never focused: it must not take keys from someone typing.
static void DrawNotice(const std::string& problem, float z)
{
    if (!g_rec.notice_open || problem.empty()) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float width = std::min(440 * z, vp->WorkSize.x - 40 * z);
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x - 20 * z, vp->WorkPos.y + vp->WorkSize.y - 20 * z),
                            ImGuiCond_Always, ImVec2(1, 1));
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoNav | ImGuiWindowFlags_NoCollapse |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoMove;
    if (ImGui::Begin(kNotice, nullptr, flags)) {
        const float text_width = ImGui::GetContentRegionAvail().x;
        NamedText("autosave-notice", problem.c_str(), Theme_Colors().danger, text_width);
        NamedText("autosave-notice-advice", "Until this is fixed, nothing protects unsaved words if the tab closes: "
                  "save to a file often (File > Save). The status bar says when autosave works again.",
                  Theme_Colors().text_muted, text_width);
        if (PlainButton("Close##notice")) g_rec.notice_open = false;
    }
    ImGui::End();
}

void Recovery_DrawModals(const std::string& autosave_problem, float z)
{
    DrawRecovery(z);
    DrawNotice(autosave_problem, z);
}
