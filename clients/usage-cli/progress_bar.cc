#include "progress_bar.h"

#include <sys/ioctl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "report_table.h"

namespace usage::cli {
namespace {

namespace v1 = echo::usage::v1;

constexpr int kBarCells = 20;
// Used when the terminal does not tell its width.
constexpr int kDefaultColumns = 80;

// The share of a whole report that one step covers.
struct StepRange {
  const char* step;
  double start;
  double end;
};

// Looking up users and computing are quick next to the fetch, which makes
// one request per collection.
constexpr StepRange kReportSteps[] = {
    {"resolve_users", 0.0, 0.05},
    {"fetch", 0.05, 0.95},
    {"compute", 0.95, 1.0},
};

double StepFraction(const v1::Progress& progress) {
  if (progress.total() <= 0) return 0;
  double fraction = static_cast<double>(progress.done()) / progress.total();
  return std::clamp(fraction, 0.0, 1.0);
}

bool IsContinuationByte(char c) {
  return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

int CountColumns(absl::string_view text) {
  return static_cast<int>(std::count_if(
      text.begin(), text.end(), [](char c) { return !IsContinuationByte(c); }));
}

// Returns the first `columns` code points of `text`.
absl::string_view TakeColumns(absl::string_view text, int columns) {
  size_t end = 0;
  for (int taken = 0; end < text.size(); ++taken) {
    if (taken == columns) break;
    ++end;
    while (end < text.size() && IsContinuationByte(text[end])) ++end;
  }
  return text.substr(0, end);
}

// Returns `text` cut to `columns`, ending in "..." when it was cut.
std::string CutToColumns(absl::string_view text, int columns) {
  if (columns <= 0) return "";
  if (CountColumns(text) <= columns) return std::string(text);
  if (columns <= 3) return std::string(TakeColumns(text, columns));
  return absl::StrCat(TakeColumns(text, columns - 3), "...");
}

}  // namespace

double ReportFraction(const v1::Progress& progress) {
  for (const StepRange& range : kReportSteps) {
    if (progress.step() == range.step) {
      return range.start + (range.end - range.start) * StepFraction(progress);
    }
  }
  return StepFraction(progress);
}

std::string FormatProgressLine(double fraction, absl::string_view message,
                               absl::Duration elapsed, int width) {
  std::string prefix = "[";
  if (fraction < 0) {
    absl::StrAppend(&prefix, std::string(kBarCells, ' '), "]      ");
  } else {
    fraction = std::min(fraction, 1.0);
    int filled = static_cast<int>(fraction * kBarCells);
    absl::StrAppend(
        &prefix, std::string(filled, '#'), std::string(kBarCells - filled, '-'),
        "] ", absl::StrFormat("%3d%% ", static_cast<int>(fraction * 100)));
  }
  std::string suffix = absl::StrCat(" ", absl::ToInt64Seconds(elapsed), "s");

  int room = width - CountColumns(prefix) - CountColumns(suffix);
  if (room < 0) {
    return CutToColumns(absl::StrCat(prefix, message, suffix), width);
  }
  return absl::StrCat(prefix, CutToColumns(message, room), suffix);
}

ProgressBar::ProgressBar(int fd, bool enabled)
    : fd_(fd), active_(enabled && isatty(fd) == 1) {
  if (active_) ticker_ = std::thread([this] { Tick(); });
}

ProgressBar::~ProgressBar() {
  Clear();
  if (ticker_.joinable()) ticker_.join();
}

void ProgressBar::Update(double fraction, absl::string_view message) {
  if (!active_) return;
  absl::MutexLock lock(&mutex_);
  if (cleared_) return;
  fraction_ = fraction;
  message_ = Printable(message);
  DrawLocked();
}

void ProgressBar::Clear() {
  if (!active_) return;
  absl::MutexLock lock(&mutex_);
  if (cleared_) return;
  cleared_ = true;
  if (drawn_width_ > 0) {
    WriteLocked(absl::StrCat("\r", std::string(drawn_width_, ' '), "\r"));
  }
}

void ProgressBar::Tick() {
  absl::MutexLock lock(&mutex_);
  while (
      !mutex_.AwaitWithTimeout(absl::Condition(&cleared_), absl::Seconds(1))) {
    // Nothing is on the screen before the first Update.
    if (drawn_width_ > 0) DrawLocked();
  }
}

void ProgressBar::DrawLocked() {
  winsize size{};
  int columns = ioctl(fd_, TIOCGWINSZ, &size) == 0 && size.ws_col > 0
                    ? size.ws_col
                    : kDefaultColumns;
  // One column stays free: writing the last one makes some terminals wrap.
  std::string line = FormatProgressLine(fraction_, message_,
                                        absl::Now() - started_, columns - 1);
  int width = CountColumns(line);
  // Spaces cover the rest of a longer line drawn before.
  std::string padding(std::max(0, drawn_width_ - width), ' ');
  WriteLocked(absl::StrCat("\r", line, padding));
  drawn_width_ = std::max(width, 1);
}

void ProgressBar::WriteLocked(absl::string_view text) {
  while (!text.empty()) {
    ssize_t written = write(fd_, text.data(), text.size());
    if (written < 0 && errno == EINTR) continue;
    // The bar is decoration: a terminal that stopped taking it ends it.
    if (written <= 0) return;
    text.remove_prefix(static_cast<size_t>(written));
  }
}

}  // namespace usage::cli
