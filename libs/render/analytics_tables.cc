#include "render/analytics_tables.h"

#include <functional>
#include <optional>

#include "render/style.h"

namespace usage::render {
namespace {

using ::echo::usage::v1::ChatMetrics;
using ::echo::usage::v1::ConversationMetrics;
using ::echo::usage::v1::UsageReport;

bool HasPrevious(const UsageReport& report) {
  return report.has_previous_metrics();
}

// Builds rows from one accessor per figure, reading the current value from
// `current` and the previous one from `previous` when it is not null.
template <typename Metrics>
class RowBuilder {
 public:
  RowBuilder(const Metrics& current, const Metrics* previous)
      : current_(current), previous_(previous) {}

  void Add(std::string label, const std::function<double(const Metrics&)>& get,
           FigureFormat format) {
    std::optional<double> previous;
    if (previous_ != nullptr) previous = get(*previous_);
    rows_.push_back(
        FigureRow{std::move(label), get(current_), previous, format});
  }

  std::vector<FigureRow> Take() { return std::move(rows_); }

 private:
  const Metrics& current_;
  const Metrics* previous_;
  std::vector<FigureRow> rows_;
};

}  // namespace

std::vector<FigureRow> ConversationRows(const UsageReport& report) {
  using M = ConversationMetrics;
  RowBuilder<M> rows(report.metrics().conversations(),
                     HasPrevious(report)
                         ? &report.previous_metrics().conversations()
                         : nullptr);
  constexpr FigureFormat kCount = FigureFormat::kCount;
  constexpr FigureFormat kDuration = FigureFormat::kDuration;
  rows.Add(
      "Conversations", [](const M& m) { return m.count(); }, kCount);
  rows.Add(
      "Total duration", [](const M& m) { return m.total_duration_seconds(); },
      kDuration);
  rows.Add(
      "Conversations with measured duration",
      [](const M& m) { return m.recorded_duration_count(); }, kCount);
  rows.Add(
      "Measured duration",
      [](const M& m) { return m.recorded_duration_seconds(); }, kDuration);
  rows.Add(
      "Conversations with estimated duration",
      [](const M& m) { return m.estimated_duration_count(); }, kCount);
  rows.Add(
      "Estimated duration",
      [](const M& m) { return m.estimated_duration_seconds(); }, kDuration);

  rows.Add(
      "Mean duration", [](const M& m) { return m.mean_duration_seconds(); },
      kDuration);
  rows.Add(
      "Median duration (p50)",
      [](const M& m) { return m.p50_duration_seconds(); }, kDuration);
  rows.Add(
      "90th percentile duration (p90)",
      [](const M& m) { return m.p90_duration_seconds(); }, kDuration);

  rows.Add(
      "Chunks", [](const M& m) { return m.chunks(); }, kCount);
  rows.Add(
      "Chunks per conversation (mean)",
      [](const M& m) { return m.mean_chunks_per_conversation(); },
      FigureFormat::kDecimal);

  rows.Add(
      "With content", [](const M& m) { return m.with_content(); }, kCount);
  rows.Add(
      "Empty", [](const M& m) { return m.empty(); }, kCount);
  rows.Add(
      "Recorded in the app", [](const M& m) { return m.recorded(); }, kCount);
  rows.Add(
      "Uploaded", [](const M& m) { return m.uploaded(); }, kCount);
  return rows.Take();
}

std::vector<FigureRow> ChatRows(const UsageReport& report) {
  using M = ChatMetrics;
  RowBuilder<M> rows(
      report.metrics().chat(),
      HasPrevious(report) ? &report.previous_metrics().chat() : nullptr);
  constexpr FigureFormat kCount = FigureFormat::kCount;
  constexpr FigureFormat kDecimal = FigureFormat::kDecimal;
  rows.Add(
      "Active chat sessions", [](const M& m) { return m.active_sessions(); },
      kCount);
  rows.Add(
      "Sessions created", [](const M& m) { return m.sessions_created(); },
      kCount);

  rows.Add(
      "Messages", [](const M& m) { return m.messages(); }, kCount);
  rows.Add(
      "User messages", [](const M& m) { return m.user_messages(); }, kCount);
  rows.Add(
      "Assistant messages", [](const M& m) { return m.assistant_messages(); },
      kCount);

  rows.Add(
      "Tokens", [](const M& m) { return m.tokens(); }, kCount);

  rows.Add(
      "Messages per session (mean)",
      [](const M& m) { return m.mean_messages_per_session(); }, kDecimal);
  rows.Add(
      "Messages per session (p50)",
      [](const M& m) { return m.p50_messages_per_session(); }, kDecimal);
  rows.Add(
      "Messages per session (p90)",
      [](const M& m) { return m.p90_messages_per_session(); }, kDecimal);
  rows.Add(
      "Queries per session", [](const M& m) { return m.queries_per_session(); },
      kDecimal);

  rows.Add(
      "User messages under 50 characters",
      [](const M& m) { return m.user_message_lengths().under_50(); }, kCount);
  rows.Add(
      "User messages of 50–199 characters",
      [](const M& m) { return m.user_message_lengths().from_50_to_199(); },
      kCount);
  rows.Add(
      "User messages of 200 characters or more",
      [](const M& m) { return m.user_message_lengths().from_200(); }, kCount);
  return rows.Take();
}

void DrawAnalyticsTables(PageCanvas& canvas, const UsageReport& report) {
  const bool with_previous = HasPrevious(report);
  DrawFigureTable(canvas, "Conversations in detail", ConversationRows(report),
                  with_previous);
  canvas.MoveDown(kSectionGap);
  DrawFigureTable(canvas, "Chat in detail", ChatRows(report), with_previous);
  canvas.MoveDown(kSectionGap);
}

}  // namespace usage::render
