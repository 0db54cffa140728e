#include "insights/report_figures.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <map>
#include <string>

#include "absl/time/time.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/reflection.h"

namespace usage::insights {
namespace {

namespace v1 = echo::usage::v1;
namespace pb = google::protobuf;

using Figures = std::vector<Figure>;

// Returns the kind of the number in field `name` of a message of type
// `type`, from the words in their names.
FigureKind KindOfField(const std::string& type, const std::string& name) {
  auto has = [&](const char* word) {
    return name.find(word) != std::string::npos;
  };
  if (has("seconds")) return FigureKind::kDuration;
  if (has("percent") || has("share")) return FigureKind::kPercent;
  // A rate counts what comes before "per": mean_messages_per_session counts
  // messages, per_week of LoginMetrics counts logins.
  if (const size_t per = name.find("per_"); per != std::string::npos) {
    return KindOfField(type, name.substr(0, per));
  }
  if (has("message") || has("quer")) return FigureKind::kMessages;
  if (has("user")) return FigureKind::kUsers;
  if (has("login") || type == "LoginMetrics") {
    return has("day") ? FigureKind::kDays : FigureKind::kLogins;
  }
  if (has("day")) return FigureKind::kDays;
  if (has("session")) return FigureKind::kSessions;
  if (has("conversation") || type == "ConversationMetrics") {
    return FigureKind::kConversations;
  }
  if (has("project") || type == "ProjectMetrics") return FigureKind::kProjects;
  if (has("report") || type == "ReportMetrics") return FigureKind::kReports;
  return FigureKind::kOther;
}

// Returns the kind of a finding's figure from its unit.
FigureKind KindOfUnit(const std::string& unit) {
  if (unit.empty()) return FigureKind::kAny;
  if (unit.find(" per ") != std::string::npos) return FigureKind::kOther;
  if (unit == "percent" || unit == "%") return FigureKind::kPercent;
  if (unit == "seconds" || unit == "minutes" || unit == "hours") {
    return FigureKind::kDuration;
  }
  return KindOfField("", unit);
}

FigureKind KindOfTrend(v1::TrendMetric metric) {
  switch (metric) {
    case v1::TREND_METRIC_CONVERSATIONS:
      return FigureKind::kConversations;
    case v1::TREND_METRIC_DURATION:
      return FigureKind::kDuration;
    case v1::TREND_METRIC_PROJECTS:
      return FigureKind::kProjects;
    case v1::TREND_METRIC_LOGINS:
      return FigureKind::kLogins;
    case v1::TREND_METRIC_CHAT_SESSIONS:
      return FigureKind::kSessions;
    case v1::TREND_METRIC_MESSAGES:
      return FigureKind::kMessages;
    case v1::TREND_METRIC_REPORTS:
      return FigureKind::kReports;
    default:
      return FigureKind::kOther;
  }
}

// Fields whose numbers are too many and too small to be quoted: day-by-day
// lists, the hour histogram, and what is not a figure of the account.
bool IsSkippedField(const std::string& name) {
  return name == "daily" || name == "hour_histogram" ||
         name == "daily_per_user" || name == "timeline" || name == "insights" ||
         name == "provenance" || name == "as_of" || name == "created_at";
}

// Adds the ways a duration of `seconds` is quoted, with the sign of
// `seconds`: minutes, hours, "12 h 5 min" (whole hours and the minutes left
// over, truncated or rounded as the report's own texts round them) and
// "46 min 36 s" (whole minutes and the seconds left over).
void AddDuration(double seconds, Figures& values) {
  const double sign = seconds < 0 ? -1 : 1;
  const double magnitude = std::fabs(seconds);
  const double rounded_minutes = std::round(magnitude / 60);
  for (double value :
       {magnitude / 60, magnitude / 3600, std::floor(magnitude / 3600),
        std::fmod(std::floor(magnitude / 60), 60), std::floor(magnitude / 60),
        std::round(std::fmod(magnitude, 60)), std::floor(rounded_minutes / 60),
        std::fmod(rounded_minutes, 60)}) {
    values.push_back({sign * value, FigureKind::kDuration});
  }
}

bool IsSeconds(const pb::FieldDescriptor& field) {
  return field.name().find("seconds") != std::string::npos;
}

double NumberAt(const pb::Message& message, const pb::FieldDescriptor& field,
                int index) {
  const pb::Reflection& r = *message.GetReflection();
  const bool repeated = field.is_repeated();
  switch (field.cpp_type()) {
    case pb::FieldDescriptor::CPPTYPE_INT32:
      return repeated ? r.GetRepeatedInt32(message, &field, index)
                      : r.GetInt32(message, &field);
    case pb::FieldDescriptor::CPPTYPE_INT64:
      return static_cast<double>(
          repeated ? r.GetRepeatedInt64(message, &field, index)
                   : r.GetInt64(message, &field));
    case pb::FieldDescriptor::CPPTYPE_UINT32:
      return repeated ? r.GetRepeatedUInt32(message, &field, index)
                      : r.GetUInt32(message, &field);
    case pb::FieldDescriptor::CPPTYPE_UINT64:
      return static_cast<double>(
          repeated ? r.GetRepeatedUInt64(message, &field, index)
                   : r.GetUInt64(message, &field));
    case pb::FieldDescriptor::CPPTYPE_DOUBLE:
      return repeated ? r.GetRepeatedDouble(message, &field, index)
                      : r.GetDouble(message, &field);
    case pb::FieldDescriptor::CPPTYPE_FLOAT:
      return repeated ? r.GetRepeatedFloat(message, &field, index)
                      : r.GetFloat(message, &field);
    default:
      return NAN;
  }
}

// Adds every number of `message` and its sub-messages, except timestamps
// and skipped fields.
void AddNumbers(const pb::Message& message, Figures& values) {
  const pb::Reflection& reflection = *message.GetReflection();
  std::vector<const pb::FieldDescriptor*> fields;
  reflection.ListFields(message, &fields);
  for (const pb::FieldDescriptor* field : fields) {
    if (IsSkippedField(field->name())) continue;
    const int count =
        field->is_repeated() ? reflection.FieldSize(message, field) : 1;
    for (int i = 0; i < count; ++i) {
      if (field->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE) {
        const pb::Message& child =
            field->is_repeated()
                ? reflection.GetRepeatedMessage(message, field, i)
                : reflection.GetMessage(message, field);
        if (child.GetDescriptor()->full_name() != "google.protobuf.Timestamp") {
          AddNumbers(child, values);
        }
        continue;
      }
      double value = NumberAt(message, *field, i);
      if (std::isnan(value)) continue;
      values.push_back(
          {value, KindOfField(message.GetDescriptor()->name(), field->name())});
      if (IsSeconds(*field)) AddDuration(value, values);
    }
  }
}

// Adds the change from `previous` to `current`: the difference, the change
// in percent ("+55.6 %") and the ratio ("2.1x"), all with their signs.
void AddChange(double current, double previous, FigureKind kind,
               Figures& values) {
  values.push_back({current - previous, kind});
  if (kind == FigureKind::kDuration) AddDuration(current - previous, values);
  if (previous > 0) {
    values.push_back(
        {(current - previous) / previous * 100, FigureKind::kPercent});
    values.push_back({current / previous, FigureKind::kOther});
  }
}

void AddTrends(const v1::UsageReport& report, Figures& values) {
  for (const v1::Trend& trend : report.trends()) {
    const FigureKind kind = KindOfTrend(trend.metric());
    if (kind == FigureKind::kDuration) {
      AddDuration(trend.current(), values);
      AddDuration(trend.previous(), values);
    }
    values.push_back({trend.current(), kind});
    values.push_back({trend.previous(), kind});
    AddChange(trend.current(), trend.previous(), kind, values);
  }
}

// A single number of a message, by its path of field names.
struct Leaf {
  double value = 0;
  FigureKind kind = FigureKind::kOther;
};

// Collects the single (not repeated) numbers of `message` and its
// sub-messages by path, such as "conversations.count".
void CollectLeaves(const pb::Message& message, const std::string& prefix,
                   std::map<std::string, Leaf>& leaves) {
  const pb::Reflection& reflection = *message.GetReflection();
  std::vector<const pb::FieldDescriptor*> fields;
  reflection.ListFields(message, &fields);
  for (const pb::FieldDescriptor* field : fields) {
    if (field->is_repeated()) continue;
    const std::string path = prefix + field->name();
    if (field->cpp_type() == pb::FieldDescriptor::CPPTYPE_MESSAGE) {
      CollectLeaves(reflection.GetMessage(message, field), path + ".", leaves);
      continue;
    }
    const double value = NumberAt(message, *field, 0);
    if (!std::isnan(value)) {
      leaves[path] = {
          value, KindOfField(message.GetDescriptor()->name(), field->name())};
    }
  }
}

// Adds the change of every figure of the period against the same figure of
// the previous period. Proto3 leaves zero figures unset, so a figure that
// is missing on one side is zero there.
void AddMetricChanges(const v1::UsageReport& report, Figures& values) {
  if (!report.has_previous_metrics()) return;
  std::map<std::string, Leaf> current, previous;
  CollectLeaves(report.metrics(), "", current);
  CollectLeaves(report.previous_metrics(), "", previous);
  std::map<std::string, Leaf> both = current;
  both.insert(previous.begin(), previous.end());
  for (const auto& [path, leaf] : both) {
    const double now = current.count(path) ? current[path].value : 0;
    const double before = previous.count(path) ? previous[path].value : 0;
    AddChange(now, before, leaf.kind, values);
  }
}

void AddPercent(double part, double whole, Figures& values) {
  if (whole > 0) values.push_back({part / whole * 100, FigureKind::kPercent});
}

// Adds each figure of `metrics` as a percentage of its whole, and the
// logins per active day.
void AddShares(const v1::PeriodMetrics& metrics, Figures& values) {
  const v1::ConversationMetrics& c = metrics.conversations();
  for (double part :
       {c.empty(), c.with_content(), c.uploaded(), c.recorded(),
        c.recorded_duration_count(), c.estimated_duration_count()}) {
    AddPercent(part, c.count(), values);
  }
  AddPercent(c.recorded_duration_seconds(), c.total_duration_seconds(), values);
  AddPercent(c.estimated_duration_seconds(), c.total_duration_seconds(),
             values);

  const v1::ChatMetrics& chat = metrics.chat();
  AddPercent(chat.user_messages(), chat.messages(), values);
  AddPercent(chat.assistant_messages(), chat.messages(), values);
  AddPercent(metrics.projects().active(), metrics.projects().owned(), values);
  AddPercent(metrics.reports().published(), metrics.reports().created(),
             values);
  AddPercent(metrics.reports().error(), metrics.reports().created(), values);

  const v1::LoginMetrics& logins = metrics.logins();
  if (logins.active_days() > 0) {
    values.push_back(
        {static_cast<double>(logins.total()) / logins.active_days(),
         FigureKind::kLogins});
  }
}

// Adds the sum of the two largest of `parts` as a percentage of `whole`.
void AddTopTwoPercent(std::vector<double> parts, double whole,
                      Figures& values) {
  if (parts.size() < 2) return;
  std::partial_sort(parts.begin(), parts.begin() + 2, parts.end(),
                    std::greater<double>());
  AddPercent(parts[0] + parts[1], whole, values);
}

// Adds each project's conversations, audio and messages as a percentage of
// the account's, and the same for the top two projects together.
void AddProjectShares(const v1::UsageReport& report, Figures& values) {
  const v1::PeriodMetrics& metrics = report.metrics();
  const double conversations = metrics.conversations().count();
  const double seconds = metrics.conversations().total_duration_seconds();
  const double messages = metrics.chat().messages();
  std::vector<double> project_conversations, project_seconds;
  for (const v1::ProjectRow& project : report.projects()) {
    AddPercent(project.conversations(), conversations, values);
    AddPercent(project.duration_seconds(), seconds, values);
    AddPercent(project.messages(), messages, values);
    project_conversations.push_back(project.conversations());
    project_seconds.push_back(project.duration_seconds());
  }
  AddTopTwoPercent(project_conversations, conversations, values);
  AddTopTwoPercent(project_seconds, seconds, values);
}

void AddFindings(const v1::UsageReport& report, Figures& values) {
  for (const v1::Finding& finding : report.insights().findings()) {
    for (const v1::FindingFigure& figure : finding.figures()) {
      values.push_back({figure.value(), KindOfUnit(figure.unit())});
    }
  }
}

void AddName(const std::string& name, ReportFigures& figures) {
  if (name.empty()) return;
  if (std::find(figures.names.begin(), figures.names.end(), name) !=
      figures.names.end()) {
    return;
  }
  figures.names.push_back(name);
}

void AddNames(const v1::UsageReport& report, ReportFigures& figures) {
  for (const v1::ProjectRow& project : report.projects()) {
    AddName(project.name(), figures);
    for (const std::string& tag : project.tags()) AddName(tag, figures);
  }
  for (const v1::ProjectTimeline& project : report.timeline().projects()) {
    AddName(project.project_name(), figures);
  }
}

void AddDate(const std::string& text, ReportFigures& figures) {
  int year = 0, month = 0, day = 0;
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d", &year, &month, &day) != 3) {
    return;
  }
  figures.dates.insert({year, month, day});
  figures.months.insert({year, month});
}

void AddTimestamp(const google::protobuf::Timestamp& timestamp,
                  const absl::TimeZone& zone, ReportFigures& figures) {
  if (timestamp.seconds() == 0 && timestamp.nanos() == 0) return;
  absl::CivilDay day =
      absl::ToCivilDay(absl::FromUnixSeconds(timestamp.seconds()), zone);
  figures.dates.insert({static_cast<int>(day.year()), day.month(), day.day()});
  figures.months.insert({static_cast<int>(day.year()), day.month()});
}

// Adds every month from the first to the last day of `period`.
void AddPeriod(const v1::ResolvedPeriod& period, ReportFigures& figures) {
  AddDate(period.start_date(), figures);
  AddDate(period.end_date(), figures);
  int y0 = 0, m0 = 0, y1 = 0, m1 = 0;
  if (std::sscanf(period.start_date().c_str(), "%4d-%2d", &y0, &m0) != 2 ||
      std::sscanf(period.end_date().c_str(), "%4d-%2d", &y1, &m1) != 2) {
    return;
  }
  // Periods are at most ten years long, so this loop is short.
  for (absl::CivilMonth m(y0, m0); m <= absl::CivilMonth(y1, m1); ++m) {
    figures.months.insert({static_cast<int>(m.year()), m.month()});
  }
}

void AddActivity(const v1::UsageReport& report, ReportFigures& figures) {
  absl::TimeZone zone = absl::UTCTimeZone();
  absl::LoadTimeZone(report.time_zone(), &zone);
  const v1::Activity& a = report.activity();
  for (const google::protobuf::Timestamp* t :
       {&a.first_project(), &a.last_project(), &a.first_conversation(),
        &a.last_conversation(), &a.first_chat(), &a.last_chat(),
        &a.first_login(), &a.last_login(), &a.first_activity(),
        &a.last_activity()}) {
    AddTimestamp(*t, zone, figures);
  }
  AddTimestamp(report.as_of(), zone, figures);
}

}  // namespace

ReportFigures CollectFigures(const v1::UsageReport& report) {
  ReportFigures figures;
  AddNumbers(report, figures.values);
  AddTrends(report, figures.values);
  AddMetricChanges(report, figures.values);
  AddShares(report.metrics(), figures.values);
  AddShares(report.previous_metrics(), figures.values);
  AddProjectShares(report, figures.values);
  AddFindings(report, figures.values);
  AddNames(report, figures);

  AddPeriod(report.period(), figures);
  if (report.has_previous_period()) {
    AddPeriod(report.previous_period(), figures);
  }
  AddActivity(report, figures);
  const auto& histogram = report.metrics().logins().hour_histogram();
  for (int hour = 0; hour < histogram.size(); ++hour) {
    if (histogram[hour] > 0) figures.login_hours.insert(hour);
  }
  return figures;
}

}  // namespace usage::insights
