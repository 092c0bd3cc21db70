package dev.airlock.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.airlock.mock.MockProvider;
import dev.airlock.mock.RecordedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * What the mock provider reports for a request it received: the request is sent again, not
 * streamed, and the usage read from the answer in that provider's own terms. The mock is
 * deterministic, so this is the usage it reported the first time, streams included.
 */
final class MockReplay {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** Input and output tokens as the provider reported them. */
  static final class ReportedUsage {
    final long input;
    final long output;

    ReportedUsage(long input, long output) {
      this.input = input;
      this.output = output;
    }

    @Override
    public String toString() {
      return "in=" + input + " out=" + output;
    }
  }

  static ReportedUsage usageOf(MockProvider mock, RecordedRequest recorded) throws Exception {
    ObjectNode body = (ObjectNode) JSON.readTree(recorded.body());
    body.put("stream", false);
    body.remove("stream_options");
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(mock.baseUrl() + recorded.path()))
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .header("content-type", "application/json")
        .header("authorization", "Bearer replay")
        .header("x-api-key", "replay");
    HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new AssertionError("replay of " + recorded.path() + " failed: " + response.body());
    }
    JsonNode usage = JSON.readTree(response.body()).path("usage");
    if (recorded.path().endsWith("/chat/completions")) {
      return new ReportedUsage(usage.path("prompt_tokens").asLong(), usage.path("completion_tokens").asLong());
    }
    if (recorded.path().endsWith("/embeddings")) {
      return new ReportedUsage(usage.path("prompt_tokens").asLong(), 0);
    }
    if (recorded.path().endsWith("/responses")) {
      return new ReportedUsage(usage.path("input_tokens").asLong(), usage.path("output_tokens").asLong());
    }
    if (recorded.path().endsWith("/messages")) {
      // Anthropic's input_tokens excludes cache reads and writes; the GenAI convention includes them.
      long input = usage.path("input_tokens").asLong() + usage.path("cache_read_input_tokens").asLong()
          + usage.path("cache_creation_input_tokens").asLong();
      return new ReportedUsage(input, usage.path("output_tokens").asLong());
    }
    throw new AssertionError("no usage rule for " + recorded.path());
  }

  private MockReplay() {}
}
