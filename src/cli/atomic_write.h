// Writing a file so that it is either the old file or the whole new one, never half of each.
// A full disk, a quota, a file-size limit or a crash mid-write would otherwise leave a draft
// truncated to invalid JSON, with the text people wrote in it gone.
#pragma once
#include <string>

namespace parley_cli {

// Writes `data` to a new file beside `path` (same directory, so the rename stays on one file
// system; a unique name, so two writers never share it), flushes it to disk, gives it the
// old file's permissions, and renames it over `path`. On any failure the temporary file is
// removed, `path` is untouched, and *why says what went wrong ("File too large").
// A symbolic link is followed: the file it points to is replaced, the link stays.
bool write_file_atomically(const std::string& path, const std::string& data, std::string* why);

} // namespace parley_cli
