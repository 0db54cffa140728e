#include "insights/report_figures.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "absl/time/time.h"
#include "google/protobuf/descriptor.h"
#include "google/protobuf/message.h"
#include "google/protobuf/reflection.h"

namespace usage::insights {
namespace {

namespace v1 = echo::usage::v1;
namespace pb = google::protobuf;

// Fields whose numbers are too many and too small to be quoted: day-by-day
// lists, the hour histogram, and what is not a figure of the account.
bool IsSkippedField(const std::string& name) {
  return name == "daily" || name == "hour_histogram" ||
         name == "daily_per_user" || name == "timeline" || name == "insights" ||
         name == "provenance" || name == "as_of" || name == "created_at";
}

void AddDuration(double seconds, std::vector<double>& values) {
  values.push_back(seconds / 60);
  values.push_back(seconds / 3600);
  // "12 h 05 min" quotes the minutes left over after whole hours.
  values.push_back(std::fmod(std::floor(seconds / 60), 60));
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
void AddNumbers(const pb::Message& message, std::vector<double>& values) {
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
      values.push_back(std::fabs(value));
      if (field->name().find("seconds") != std::string::npos) {
        AddDuration(std::fabs(value), values);
      }
    }
  }
}

void AddTrends(const v1::UsageReport& report, std::vector<double>& values) {
  for (const v1::Trend& trend : report.trends()) {
    if (trend.metric() == v1::TREND_METRIC_DURATION) {
      AddDuration(trend.current(), values);
      AddDuration(trend.previous(), values);
      AddDuration(std::fabs(trend.current() - trend.previous()), values);
    }
    values.push_back(std::fabs(trend.current() - trend.previous()));
    // Ratios such as "three times as many" are quoted as "3x" or "300 %".
    if (trend.previous() > 0) {
      values.push_back(trend.current() / trend.previous());
      values.push_back(trend.current() / trend.previous() * 100);
    }
  }
}

// Adds every share of one current figure in another, in percent: "42 % of
// the conversations were empty".
void AddShares(const v1::UsageReport& report, std::vector<double>& values) {
  std::vector<double> bases;
  AddNumbers(report.metrics(), bases);
  AddNumbers(report.features(), bases);
  for (const v1::ProjectRow& project : report.projects()) {
    bases.push_back(project.conversations());
    bases.push_back(project.duration_seconds());
  }
  for (double part : bases) {
    for (double whole : bases) {
      if (whole > 0 && part <= whole) values.push_back(part / whole * 100);
    }
  }
}

void AddFindings(const v1::UsageReport& report, std::vector<double>& values) {
  for (const v1::Finding& finding : report.insights().findings()) {
    for (const v1::FindingFigure& figure : finding.figures()) {
      values.push_back(std::fabs(figure.value()));
    }
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
  AddShares(report, figures.values);
  AddFindings(report, figures.values);

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
