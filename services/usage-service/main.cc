// usage-service: serves echo.usage.v1.UsageService over gRPC, with health
// checking and reflection, until SIGTERM or SIGINT.
#include <csignal>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>

#include "absl/strings/string_view.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "config/environment.h"
#include "config/service_config.h"
#include "directus/directus_source.h"
#include "grpcpp/ext/proto_server_reflection_plugin.h"
#include "grpcpp/health_check_service_interface.h"
#include "grpcpp/server.h"
#include "grpcpp/server_builder.h"
#include "llm/llm_client.h"
#include "snapshot/snapshot_source.h"
#include "telemetry/logging.h"
#include "usage_service.h"

namespace {

namespace v1 = echo::usage::v1;

// The name under which the health service reports the usage service.
constexpr char kServiceName[] = "echo.usage.v1.UsageService";

// Time given to calls in progress after SIGTERM before they are cancelled.
constexpr absl::Duration kShutdownGrace = absl::Seconds(20);

absl::StatusOr<std::unique_ptr<usage::DataSource>> MakeSource(
    const usage::SourceConfig& config) {
  if (config.kind == usage::SourceKind::kSnapshot) {
    absl::StatusOr<std::unique_ptr<usage::SnapshotSource>> source =
        usage::SnapshotSource::Load(config.snapshot_dir);
    if (!source.ok()) return source.status();
    return std::unique_ptr<usage::DataSource>(*std::move(source));
  }
  usage::DirectusOptions options;
  options.base_url = config.directus_base_url;
  options.token = config.directus_token;
  options.concurrency = config.directus_concurrency;
  options.page_size = config.directus_page_size;
  options.max_attempts = config.directus_max_attempts;
  options.request_timeout = config.directus_timeout;
  options.http.verify_tls = config.directus_tls_verify;
  options.http.ca_file = config.directus_ca_file;
  absl::StatusOr<std::unique_ptr<usage::DirectusSource>> source =
      usage::DirectusSource::Create(options);
  if (!source.ok()) return source.status();
  return std::unique_ptr<usage::DataSource>(*std::move(source));
}

// Returns the server credentials: TLS when a certificate and key are
// configured, else plaintext.
absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> MakeCredentials(
    const usage::ServiceConfig& config) {
  if (config.tls_cert_file.empty()) return grpc::InsecureServerCredentials();
  std::string pem[2];
  const std::pair<const char*, const std::string*> files[] = {
      {"USAGE_TLS_CERT_FILE", &config.tls_cert_file},
      {"USAGE_TLS_KEY_FILE", &config.tls_key_file}};
  for (int i = 0; i < 2; ++i) {
    std::ifstream file(*files[i].second);
    pem[i].assign(std::istreambuf_iterator<char>(file), {});
    if (pem[i].empty()) {
      return absl::InvalidArgumentError(absl::StrCat(
          "cannot read ", files[i].first, " ", *files[i].second));
    }
  }
  grpc::SslServerCredentialsOptions options;
  options.pem_key_cert_pairs.push_back({pem[1], pem[0]});
  return grpc::SslServerCredentials(options);
}

// Returns the LLM client, or null when no LLM is configured. Errors name
// the bad variable and never contain the API key.
absl::StatusOr<std::unique_ptr<usage::llm::LlmClient>> MakeLlmClient(
    const usage::LlmConfig& config) {
  if (!config.configured) return std::unique_ptr<usage::llm::LlmClient>();
  usage::llm::LlmSettings settings{config.model, config.api_key,
                                   config.api_base, config.api_version};
  return usage::llm::CreateLlmClient(settings, usage::HttpClientOptions{});
}

int Fail(absl::string_view message) {
  std::fprintf(stderr, "usage-service: %.*s\n",
               static_cast<int>(message.size()), message.data());
  return 1;
}

}  // namespace

int main() {
  absl::StatusOr<usage::Environment> env = usage::Environment::Load(".env");
  if (!env.ok()) return Fail(env.status().message());
  absl::StatusOr<usage::ServiceConfig> config = usage::LoadServiceConfig(*env);
  if (!config.ok()) return Fail(config.status().message());
  usage::logging::Init(config->log_json, config->log_level);

  absl::StatusOr<std::unique_ptr<usage::DataSource>> source =
      MakeSource(config->source);
  if (!source.ok()) return Fail(source.status().message());
  absl::StatusOr<std::unique_ptr<usage::llm::LlmClient>> llm =
      MakeLlmClient(config->llm);
  if (!llm.ok()) return Fail(llm.status().message());

  // Signals are blocked in every thread and taken by sigwait below, so that
  // shutdown runs outside a signal handler.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  v1::DataSourceKind kind = config->source.kind == usage::SourceKind::kSnapshot
                                ? v1::DATA_SOURCE_KIND_SNAPSHOT
                                : v1::DATA_SOURCE_KIND_DIRECTUS;
  usage::ServiceLimits limits{config->default_deadline,
                              config->max_concurrent_reports,
                              config->caller_tokens, config->excluded_accounts};
  usage::ReportInsightOptions insights{llm->get(), config->llm.timeout,
                                       config->llm.max_concurrent_calls};
  usage::UsageServiceImpl service(**source, kind, limits, insights);
  absl::StatusOr<std::shared_ptr<grpc::ServerCredentials>> credentials =
      MakeCredentials(*config);
  if (!credentials.ok()) return Fail(credentials.status().message());

  grpc::EnableDefaultHealthCheckService(true);
  grpc::reflection::InitProtoReflectionServerBuilderPlugin();
  grpc::ServerBuilder builder;
  // Without this, a second server could bind the same port and take part of
  // the traffic.
  builder.AddChannelArgument(GRPC_ARG_ALLOW_REUSEPORT, 0);
  int port = 0;
  builder.AddListeningPort(config->listen_address, *credentials, &port);
  builder.RegisterService(&service);
  std::unique_ptr<grpc::Server> server = builder.BuildAndStart();
  if (server == nullptr || port == 0) {
    return Fail(absl::StrCat("cannot listen on USAGE_LISTEN_ADDRESS \"",
                             config->listen_address,
                             "\": the address is invalid or in use"));
  }
  grpc::HealthCheckServiceInterface* health = server->GetHealthCheckService();
  health->SetServingStatus(kServiceName, true);
  usage::logging::Info("service_started",
                       {{"listen_address", config->listen_address},
                        {"port", port},
                        {"tls", config->tls_cert_file.empty() ? "off" : "on"},
                        {"caller_auth",
                         config->caller_tokens.empty() ? "off" : "on"},
                        {"excluded_accounts",
                         static_cast<int>(config->excluded_accounts.size())},
                        {"source", (*source)->Name()},
                        {"llm_model", config->llm.configured
                                          ? config->llm.model
                                          : std::string("none")}});

  int signal_number = 0;
  sigwait(&signals, &signal_number);
  usage::logging::Info("service_stopping",
                       {{"signal", signal_number},
                        {"grace_seconds",
                         absl::ToDoubleSeconds(kShutdownGrace)}});
  health->SetServingStatus(false);
  server->Shutdown(absl::ToChronoTime(absl::Now() + kShutdownGrace));
  server->Wait();
  usage::logging::Info("service_stopped");
  return 0;
}
