// CONCENTRATION, EMPTY_CONVERSATIONS, CHAT_WITHOUT_REPORTS and
// REPORTS_WITHOUT_CHAT: how the period's use is spread over projects and
// features.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "insights/finding_rules.h"
#include "insights/number_text.h"
#include "insights/thresholds.h"

namespace usage::insights::insights_internal {
namespace {

using ::echo::usage::v1::Finding;
using ::echo::usage::v1::ProjectRow;
using ::echo::usage::v1::UsageReport;

std::string ProjectName(const ProjectRow& project) {
  if (project.name().empty()) return "an unnamed project";
  return absl::StrCat("\"", project.name(), "\"");
}

// Returns `text` with its first character upper-cased when it is an ASCII
// letter, for names that start a sentence.
std::string Capitalized(std::string text) {
  if (!text.empty()) text[0] = absl::ascii_toupper(text[0]);
  return text;
}

// Returns the projects with conversations, most conversations first; ties
// keep the report's order.
std::vector<const ProjectRow*> ProjectsByConversations(
    const UsageReport& report) {
  std::vector<const ProjectRow*> projects;
  for (const ProjectRow& project : report.projects()) {
    if (project.conversations() > 0) projects.push_back(&project);
  }
  std::stable_sort(projects.begin(), projects.end(),
                   [](const ProjectRow* a, const ProjectRow* b) {
                     return a->conversations() > b->conversations();
                   });
  return projects;
}

Finding ConcentrationFinding(std::string title, double share, int64_t top,
                             int64_t total, size_t projects) {
  Finding finding =
      MakeFinding(echo::usage::v1::FINDING_KIND_CONCENTRATION,
                  echo::usage::v1::FINDING_SEVERITY_INFO, std::move(title));
  AddFigure(finding, "top_projects_share", "Share of the top projects", share,
            "percent");
  AddFigure(finding, "top_projects_conversations",
            "Conversations in the top projects", top, "conversations");
  AddFigure(finding, "conversations", "Conversations", total, "conversations");
  AddFigure(finding, "projects_with_conversations",
            "Projects with conversations", projects, "projects");
  return finding;
}

}  // namespace

void AddConcentration(const UsageReport& report,
                      std::vector<Finding>& findings) {
  const std::vector<const ProjectRow*> projects =
      ProjectsByConversations(report);
  int64_t total = 0;
  for (const ProjectRow* project : projects) total += project->conversations();

  // One project holding everything is a dependence only with real volume.
  if (projects.size() == 1) {
    if (total < kConcentrationSingleProjectMinConversations) return;
    findings.push_back(ConcentrationFinding(
        absl::StrCat("All ", CountOf(total, "conversation", "conversations"),
                     " of the period were in one project, ",
                     ProjectName(*projects[0]), "."),
        100, total, total, 1));
    return;
  }
  if (static_cast<int64_t>(projects.size()) < kConcentrationMinProjects) {
    return;
  }

  // The top project alone, else the top two.
  const int64_t first = projects[0]->conversations();
  const int64_t first_two = first + projects[1]->conversations();
  const std::string in_use = absl::StrCat(" across ", projects.size(),
                                          " projects with conversations.");
  const double first_share = 100.0 * first / total;
  if (first_share >= kConcentrationSharePercent) {
    findings.push_back(ConcentrationFinding(
        absl::StrCat(Capitalized(ProjectName(*projects[0])), " held ",
                     FormatPercent(first_share), " of the conversations (",
                     FormatCount(first), " of ", FormatCount(total), ")",
                     in_use),
        first_share, first, total, projects.size()));
    return;
  }
  const double two_share = 100.0 * first_two / total;
  if (two_share >= kConcentrationSharePercent) {
    findings.push_back(ConcentrationFinding(
        absl::StrCat(Capitalized(ProjectName(*projects[0])), " and ",
                     ProjectName(*projects[1]), " held ",
                     FormatPercent(two_share), " of the conversations (",
                     FormatCount(first_two), " of ", FormatCount(total), ")",
                     in_use),
        two_share, first_two, total, projects.size()));
  }
}

void AddEmptyConversations(const UsageReport& report,
                           std::vector<Finding>& findings) {
  const echo::usage::v1::ConversationMetrics& conversations =
      report.metrics().conversations();
  const int64_t count = conversations.count();
  const int64_t empty = conversations.empty();
  if (count < kEmptyConversationsMinCount) return;
  const double share = 100.0 * empty / count;
  if (share < kEmptyConversationsSharePercent) return;

  Finding finding =
      MakeFinding(echo::usage::v1::FINDING_KIND_EMPTY_CONVERSATIONS,
                  echo::usage::v1::FINDING_SEVERITY_WARNING,
                  absl::StrCat(FormatCount(empty), " of ", FormatCount(count),
                               " conversations (", FormatPercent(share),
                               ") have no transcribed content."));
  AddFigure(finding, "empty_conversations", "Conversations without content",
            empty, "conversations");
  AddFigure(finding, "conversations", "Conversations", count, "conversations");
  AddFigure(finding, "empty_share", "Share without content", share, "percent");
  findings.push_back(std::move(finding));
}

void AddFeatureGaps(const UsageReport& report, std::vector<Finding>& findings) {
  const int64_t messages = report.metrics().chat().messages();
  const int64_t reports = report.metrics().reports().created();

  if (messages >= kChatWithoutReportsMinMessages && reports == 0) {
    Finding finding = MakeFinding(
        echo::usage::v1::FINDING_KIND_CHAT_WITHOUT_REPORTS,
        echo::usage::v1::FINDING_SEVERITY_INFO,
        absl::StrCat(CountOf(messages, "chat message", "chat messages"),
                     " were sent, but no reports were created."));
    AddFigure(finding, "chat_messages", "Chat messages", messages, "messages");
    AddFigure(finding, "reports", "Reports created", reports, "reports");
    findings.push_back(std::move(finding));
  }

  if (reports >= kReportsWithoutChatMinReports && messages == 0) {
    Finding finding =
        MakeFinding(echo::usage::v1::FINDING_KIND_REPORTS_WITHOUT_CHAT,
                    echo::usage::v1::FINDING_SEVERITY_INFO,
                    absl::StrCat(CountOf(reports, "report was", "reports were"),
                                 " created, but no chat messages were sent."));
    AddFigure(finding, "reports", "Reports created", reports, "reports");
    AddFigure(finding, "chat_messages", "Chat messages", messages, "messages");
    findings.push_back(std::move(finding));
  }
}

}  // namespace usage::insights::insights_internal
