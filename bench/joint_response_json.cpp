// Writes the 40-question joint response of bench/joint_response.h (the merge benchmark's
// workload) to stdout as File > Save would, so bench/link-lengths.mjs can measure its share
// link (make bench-links).
#include "core/document_json.h"
#include "joint_response.h"

#include <cstdio>

int main()
{
    const std::string text = parley::export_document(joint::make_response());
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}
