// Runs the poppler command-line tools on PDFs written by the tests.
#ifndef USAGE_TESTS_UNIT_RENDER_POPPLER_H_
#define USAGE_TESTS_UNIT_RENDER_POPPLER_H_

#include <string>
#include <vector>

#include "absl/status/statusor.h"

namespace usage::render::testing {

// A file in the test's temporary directory, removed on destruction. The
// process id in its name keeps tests that run in parallel apart.
class TempFile {
 public:
  TempFile(const std::string& name, const std::string& bytes);
  ~TempFile();
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;

  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Runs a shell command and returns its standard output. Returns INTERNAL
// when it cannot start or exits with a status other than 0.
absl::StatusOr<std::string> RunCommand(const std::string& command);

// A word found by `pdftotext -bbox`, with its box in points from the top
// left corner of the page.
struct PdfWord {
  double x_min = 0;
  double y_min = 0;
  double x_max = 0;
  double y_max = 0;
  std::string text;
};

struct PdfPageWords {
  double width = 0;
  double height = 0;
  std::vector<PdfWord> words;
};

// Returns the words of every page of the PDF at `path`, in pdftotext's
// reading order, with XML escapes in the text decoded.
absl::StatusOr<std::vector<PdfPageWords>> ReadWordBoxes(
    const std::string& path);

// Returns the text of each page of `pdftotext -layout` output.
std::vector<std::string> SplitPages(const std::string& text);

// Returns how often `needle` occurs in `haystack`, not counting overlaps.
int CountOccurrences(const std::string& haystack, const std::string& needle);

}  // namespace usage::render::testing

#endif  // USAGE_TESTS_UNIT_RENDER_POPPLER_H_
