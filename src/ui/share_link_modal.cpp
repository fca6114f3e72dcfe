// File > Copy share link: see share_link_modal.h.
#include "share_link_modal.h"

#include "core/value_text.h"

#include "fonts.h"
#include "theme.h"
#include "widgets.h"
#include "item_hooks.h"
#include "imgui.h"

#include <algorithm>
#include <cstdio>

static const char* const kTitle = "Share link";
static const char* const kProblemTitle = "This link could not be opened";

// What the last request brought back, shown until the window is closed. Only one link is
// made at a time, so this is the module's own state rather than every view's.
struct ShareLinkState {
    bool requested = false;
    bool open_modal = false;
    ShareLinkStatus status = ShareLink_Copied;
    std::string link;        // empty when none is offered
    int length = 0;          // characters, the link's whole address
    std::string detail;      // why it could not be made
    bool copied_again = false;
    bool open_problem = false;
    std::string problem;     // what is wrong with a link opened in the page
};
static ShareLinkState g_share;

void ShareLink_Request() { g_share.requested = true; }

bool ShareLink_TakeRequest()
{
    const bool asked = g_share.requested;
    g_share.requested = false;
    return asked;
}

void ShareLink_Show(ShareLinkStatus status, std::string link, int length, std::string detail)
{
    g_share.status = status;
    g_share.link = (status == ShareLink_Copied || status == ShareLink_NotCopied) ? std::move(link) : std::string();
    g_share.length = length;
    g_share.detail = std::move(detail);
    g_share.copied_again = false;
    g_share.open_modal = true;
}


static void Wrapped(const std::string& id, const std::string& text, unsigned int color, float width)
{
    NamedText(id, text.c_str(), color, width);   // named: tests and the screen-reader mirror read it
}

void ShareLink_ShowProblem(std::string message)
{
    g_share.problem = std::move(message);
    g_share.open_problem = true;
}

static void DrawProblemModal(float z)
{
    if (g_share.open_problem) { ImGui::OpenPopup(kProblemTitle); g_share.open_problem = false; }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(600 * z, ImGui::GetMainViewport()->WorkSize.x - 40 * z), 0));
    if (!ImGui::BeginPopupModal(kProblemTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return;
    const float text_width = ImGui::GetContentRegionAvail().x;
    Wrapped("link-problem", g_share.problem, Theme_Colors().text, text_width);
    ImGui::Dummy(ImVec2(0, 2 * z));
    Wrapped("link-unchanged", "Your open draft has not changed.", Theme_Colors().text_muted, text_width);
    ImGui::Dummy(ImVec2(0, 4 * z));
    if (PlainButton("Close", ImVec2(120 * z, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void ShareLink_DrawModals(float z)
{
    DrawProblemModal(z);

    if (g_share.open_modal) { ImGui::OpenPopup(kTitle); g_share.open_modal = false; }
    ImGui::SetNextWindowPos(ImGui::GetMainViewport()->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
    const float width = std::min(640 * z, ImGui::GetMainViewport()->WorkSize.x - 40 * z);
    ImGui::SetNextWindowSize(ImVec2(width, 0));
    if (!ImGui::BeginPopupModal(kTitle, nullptr, ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoSavedSettings)) return;
    const ThemeColors& colors = Theme_Colors();
    const float text_width = ImGui::GetContentRegionAvail().x;
    const bool offered = !g_share.link.empty();

    if (g_share.status == ShareLink_TooLong) {
        Wrapped("share-headline", "This draft is too large to send as a link.", colors.danger, text_width);
        Wrapped("share-length", "Its link would be " + parley::thousands(g_share.length) + " characters long, and browsers do not open "
                "addresses longer than about 2 million characters (2 MB). Send the file instead: File > Save, then attach it.",
                colors.text, text_width);
    } else if (g_share.status == ShareLink_Failed) {
        Wrapped("share-headline", "The link could not be made.", colors.danger, text_width);
        Wrapped("share-length", "The browser said: " + g_share.detail + ". Send the file instead: File > Save, then attach it.",
                colors.text, text_width);
    } else {
        Wrapped("share-headline", g_share.status == ShareLink_Copied
                    ? "The link is on the clipboard: paste it into a message."
                    : "The browser did not let Parley use the clipboard: click the link below, then copy it (Ctrl+C or Cmd+C).",
                g_share.status == ShareLink_Copied ? colors.text : colors.danger, text_width);
        Wrapped("share-length", "The link holds the whole draft in " + parley::thousands(g_share.length) + " characters. The draft travels "
                "inside the link, after the #, which browsers never send to a server; anyone who has the link can read it.",
                colors.text_muted, text_width);
        if (g_share.length > kShareLinkMailSafeChars) {
            ImGui::Dummy(ImVec2(0, 2 * z));
            Wrapped("share-warning", "Mail programs and chat tools often cut or break links longer than about " +
                    parley::thousands(kShareLinkMailSafeChars) + " characters, and a broken link opens nothing. To be sure the draft "
                    "arrives whole, send the file instead (File > Save, then attach it).", colors.danger, text_width);
        }
    }

    if (offered) {
        ImGui::Dummy(ImVec2(0, 4 * z));
        LabelAbove("Link");
        const float button_w = ImGui::CalcTextSize("Copy link").x + ImGui::GetStyle().FramePadding.x * 2;
        ImGui::SetNextItemWidth(text_width - button_w - ImGui::GetStyle().ItemSpacing.x);
        // Read-only, all selected on a click: Ctrl+C then copies it where the clipboard was refused.
        ImGui::InputText("##share-link", g_share.link.data(), g_share.link.size() + 1,
                         ImGuiInputTextFlags_ReadOnly | ImGuiInputTextFlags_AutoSelectAll);
        ItemHooks_Describe(A11yRole::Textbox, A11yState_ReadOnly);
        ItemHooks_DescribeValue(g_share.link.data(), g_share.link.size());
        ImGui::SameLine();
        if (PlainButton("Copy link")) {
            ImGui::SetClipboardText(g_share.link.c_str());
            g_share.copied_again = true;
        }
        if (g_share.copied_again) {
            ImGui::PushFont(Fonts_Get(Font_Small));
            ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(colors.text_muted), "Copied again.");
            ImGui::PopFont();
        }
    }

    ImGui::Dummy(ImVec2(0, 4 * z));
    if (PlainButton("Close", ImVec2(120 * z, 0)) || ImGui::IsKeyPressed(ImGuiKey_Escape)) {
        g_share.link.clear();
        g_share.link.shrink_to_fit();   // a link can be megabytes
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}
