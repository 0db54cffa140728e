#include "poppler.h"

#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <regex>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "gtest/gtest.h"

namespace usage::render::testing {
namespace {

std::string DecodeXml(const std::string& text) {
  // &amp; goes last, so "&amp;lt;" decodes to "&lt;" and not to "<".
  return absl::StrReplaceAll(text, {{"&lt;", "<"},
                                    {"&gt;", ">"},
                                    {"&quot;", "\""},
                                    {"&apos;", "'"},
                                    {"&amp;", "&"}});
}

}  // namespace

TempFile::TempFile(const std::string& name, const std::string& bytes)
    : path_(absl::StrCat(::testing::TempDir(), "/render_test_", getpid(), "_",
                         name)) {
  std::ofstream(path_, std::ios::binary) << bytes;
}

TempFile::~TempFile() { std::remove(path_.c_str()); }

absl::StatusOr<std::string> RunCommand(const std::string& command) {
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    return absl::InternalError(absl::StrCat("cannot start: ", command));
  }
  std::string output;
  char buffer[4096];
  size_t read = 0;
  while ((read = fread(buffer, 1, sizeof(buffer), pipe)) > 0) {
    output.append(buffer, read);
  }
  const int status = pclose(pipe);
  if (status != 0) {
    return absl::InternalError(
        absl::StrCat("command exited with status ", status, ": ", command));
  }
  return output;
}

absl::StatusOr<std::vector<PdfPageWords>> ReadWordBoxes(
    const std::string& path) {
  absl::StatusOr<std::string> html =
      RunCommand(absl::StrCat("pdftotext -bbox '", path, "' -"));
  if (!html.ok()) return html.status();

  const std::regex page_pattern(
      R"re(<page width="([0-9.]+)" height="([0-9.]+)">)re");
  const std::regex word_pattern(
      R"re(<word xMin="([0-9.]+)" yMin="([0-9.]+)" xMax="([0-9.]+)" yMax="([0-9.]+)">(.*)</word>)re");
  std::vector<PdfPageWords> pages;
  for (absl::string_view line : absl::StrSplit(*html, '\n')) {
    const std::string text(line);
    std::smatch match;
    if (std::regex_search(text, match, page_pattern)) {
      pages.push_back(
          PdfPageWords{std::stod(match[1]), std::stod(match[2]), {}});
    } else if (std::regex_search(text, match, word_pattern) && !pages.empty()) {
      pages.back().words.push_back(
          PdfWord{std::stod(match[1]), std::stod(match[2]), std::stod(match[3]),
                  std::stod(match[4]), DecodeXml(match[5])});
    }
  }
  return pages;
}

std::vector<std::string> SplitPages(const std::string& text) {
  std::vector<std::string> pages = absl::StrSplit(text, '\f');
  // pdftotext ends every page with a form feed, so the last piece is empty.
  if (!pages.empty() && pages.back().empty()) pages.pop_back();
  return pages;
}

int CountOccurrences(const std::string& haystack, const std::string& needle) {
  int count = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + needle.size())) {
    ++count;
  }
  return count;
}

}  // namespace usage::render::testing
