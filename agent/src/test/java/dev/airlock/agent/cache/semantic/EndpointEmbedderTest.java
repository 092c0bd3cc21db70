package dev.airlock.agent.cache.semantic;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.airlock.agent.door.jdk.AgentOwnedUpstream;
import dev.airlock.agent.route.RouteTargets;
import dev.airlock.policy.Policy;
import dev.airlock.policy.PolicyLoadResult;
import dev.airlock.policy.PolicyLoader;
import dev.airlock.policy.TargetRef;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code embedder: PROVIDER/MODEL}: one POST to the provider's embeddings endpoint per question, with its key. */
class EndpointEmbedderTest {

  private HttpServer server;
  private final List<String> bodies = new ArrayList<>();
  private final List<String> authorizations = new ArrayList<>();
  private volatile int status = 200;
  private volatile String answer = "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,"
      + "\"embedding\":[0.5,-0.25,1]}],\"model\":\"m\"}";

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/v1/embeddings", exchange -> {
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
      byte[] out = answer.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, out.length);
      exchange.getResponseBody().write(out);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private EndpointEmbedder embedder() {
    String yaml = "airlock: 1\nname: e\nproviders:\n  local-openai: {format: openai, base_url: 'http://127.0.0.1:"
        + server.getAddress().getPort() + "/v1', api_key: '${env:EMBED_KEY}'}\n";
    PolicyLoadResult loaded = PolicyLoader.parse("p.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    assertTrue(loaded.ok(), loaded.problems().toString());
    Policy policy = loaded.policy().get();
    Map<String, String> env = Map.of("EMBED_KEY", "sk-embed");
    return new EndpointEmbedder(RouteTargets.resolve(policy, TargetRef.of("local-openai", "text-embedding-3-small"),
        env::get), new AgentOwnedUpstream(), Duration.ofSeconds(5));
  }

  @Test
  void postsTheQuestionWithTheProvidersKeyAndReadsTheVector() {
    EndpointEmbedder embedder = embedder();
    assertArrayEquals(new float[] {0.5f, -0.25f, 1f}, embedder.embed("What is the capital of France?"));
    assertEquals("local-openai/text-embedding-3-small", embedder.name());
    assertEquals(List.of("{\"model\":\"text-embedding-3-small\",\"input\":\"What is the capital of France?\","
        + "\"encoding_format\":\"float\"}"), bodies);
    assertEquals(List.of("Bearer sk-embed"), authorizations);
  }

  @Test
  void anErrorOrAnAnswerWithoutAVectorThrows() {
    EndpointEmbedder embedder = embedder();
    status = 429;
    assertTrue(assertThrows(IllegalStateException.class, () -> embedder.embed("q")).getMessage().contains("429"));
    status = 200;
    answer = "{\"data\":[]}";
    assertThrows(IllegalStateException.class, () -> embedder.embed("q"));
  }
}
