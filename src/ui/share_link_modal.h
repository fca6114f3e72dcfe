// File > Copy share link: the whole draft in a link, and the small window that says how long
// the link is and whether it will travel safely. The page makes the link (web/share_link.js:
// deflate-raw and base64url in the address's fragment) and writes it to the clipboard; this
// asks for it and shows what came back. Opening a link goes through App_OpenText like a file.
#pragma once
#include <string>

// How making the link went, as the page reports it (web/shell.js, shareLink(), says the same).
enum ShareLinkStatus {
    ShareLink_Copied = 0,      // on the clipboard
    ShareLink_NotCopied = 1,   // made, but the browser refused the clipboard: copy it by hand
    ShareLink_TooLong = 2,     // longer than browsers accept in an address: not offered
    ShareLink_Failed = 3,      // could not be made at all (the detail says why)
};

// Past about 2,000 characters links stop travelling whole: that was Internet Explorer's limit
// (2,083), which mail gateways that rewrite links, chat tools' link detection and older
// intranet software still assume; plain-text mail folds lines at 78 characters and must break
// a link longer than 998 (RFC 5322). Below it a link is safe to paste anywhere; above it the
// window says so and suggests sending the file (docs/benchmarks.md, "Share links").
constexpr int kShareLinkMailSafeChars = 2000;

void ShareLink_Request();            // the File menu item
bool ShareLink_TakeRequest();        // the platform: true once per request, then it asks the page
void ShareLink_Show(ShareLinkStatus status, std::string link, int length, std::string detail);
// A link opened in the page that holds no draft Parley can read before the import is reached
// (damaged, cut short, too large: web/share_link.js says which). The open draft is untouched.
// Problems inside the draft itself are the import's, shown like a file's by App_OpenText.
void ShareLink_ShowProblem(std::string message);
void ShareLink_DrawModals(float zoom);   // with the app's other modals
