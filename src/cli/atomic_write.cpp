#include "atomic_write.h"

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace parley_cli {

namespace {

std::string directory_of(const std::string& path)
{
    const size_t slash = path.rfind('/');
    if (slash == std::string::npos) return ".";
    return slash == 0 ? "/" : path.substr(0, slash);
}

bool write_all(int fd, const std::string& data)
{
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            return false;
        }
        if (n == 0) { errno = EIO; return false; }
        done += (size_t)n;
    }
    return true;
}

} // namespace

bool write_file_atomically(const std::string& path, const std::string& data, std::string* why)
{
    // Replace what a link points to, not the link.
    std::string target = path;
    struct stat link_info;
    if (::lstat(path.c_str(), &link_info) == 0 && S_ISLNK(link_info.st_mode)) {
        char* real = ::realpath(path.c_str(), nullptr);
        if (real) { target = real; std::free(real); }
    }
    struct stat old_info;
    const bool existed = ::stat(target.c_str(), &old_info) == 0;
    if (existed && !S_ISREG(old_info.st_mode)) { *why = "it is not a regular file"; return false; }

    const size_t slash = target.rfind('/');
    const std::string name = slash == std::string::npos ? target : target.substr(slash + 1);
    std::string temp = directory_of(target) + "/." + name + ".parley-XXXXXX";
    std::vector<char> buf(temp.begin(), temp.end());
    buf.push_back('\0');
    const int fd = ::mkstemp(buf.data());
    if (fd < 0) { *why = std::string("cannot create a temporary file beside it: ") + std::strerror(errno); return false; }
    temp = buf.data();

    // mkstemp makes the file readable by its owner only; a rewritten draft keeps its old
    // permissions, a new one gets the usual ones (0666 less the umask).
    mode_t mode = 0;
    if (existed) mode = old_info.st_mode & 07777;
    else { const mode_t mask = ::umask(0); ::umask(mask); mode = 0666 & ~mask; }

    bool ok = write_all(fd, data);
    int err = errno;
    if (ok && ::fchmod(fd, mode) != 0) { ok = false; err = errno; }
    if (ok && ::fsync(fd) != 0) { ok = false; err = errno; }
    if (::close(fd) != 0 && ok) { ok = false; err = errno; }
    if (ok && ::rename(temp.c_str(), target.c_str()) != 0) { ok = false; err = errno; }
    if (!ok) {
        ::unlink(temp.c_str());
        *why = std::strerror(err);
        return false;
    }
    // The rename itself reaches the disk with the directory.
    const int dir = ::open(directory_of(target).c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) { ::fsync(dir); ::close(dir); }
    return true;
}

} // namespace parley_cli
