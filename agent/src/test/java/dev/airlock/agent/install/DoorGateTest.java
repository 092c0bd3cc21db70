package dev.airlock.agent.install;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.instrument.ClassFileTransformer;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DoorGateTest {

  private static final byte[] ORIGINAL = {1, 2, 3};
  private static final byte[] WOVEN = {9, 9};

  private final ExecutorService app = Executors.newSingleThreadExecutor();
  private final List<String> shownToWeaver = new CopyOnWriteArrayList<>();
  private final ClassFileTransformer weaver = new ClassFileTransformer() {
    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> redefined,
        ProtectionDomain domain, byte[] bytes) {
      shownToWeaver.add(className);
      return WOVEN;
    }
  };
  private final DoorGate gate = new DoorGate(Set.of("okhttp3.OkHttpClient", "jdk.internal.net.http.HttpClientImpl"));

  @AfterEach
  void stopApp() {
    app.shutdownNow();
  }

  @Test
  void aTargetLoadedWhileTheAgentStartsWaitsAndIsWovenOnceTheDoorsAreReady() throws Exception {
    Future<byte[]> load = app.submit(() -> gate.transform(null, null, "okhttp3/OkHttpClient", null, null, ORIGINAL));

    Thread.sleep(200);
    assertFalse(load.isDone(), "the class load must wait for the agent's start");

    gate.open(weaver);
    assertArrayEquals(WOVEN, load.get(5, TimeUnit.SECONDS));
    assertEquals(List.of("okhttp3/OkHttpClient"), shownToWeaver);
  }

  @Test
  void otherClassesNeitherWaitNorReachTheWeaver() throws Exception {
    Future<byte[]> jfr = app.submit(() -> gate.transform(null, null, "jdk/jfr/internal/instrument/ThrowableTracer", null,
        null, ORIGINAL));
    Future<byte[]> appClass = app.submit(() -> gate.transform(null, null, "com/acme/Main", null, null, ORIGINAL));

    assertNull(jfr.get(5, TimeUnit.SECONDS));
    assertNull(appClass.get(5, TimeUnit.SECONDS));
    gate.open(weaver);
    assertNull(gate.transform(null, null, "jdk/jfr/internal/instrument/ThrowableTracer", null, null, ORIGINAL));
    assertTrue(shownToWeaver.isEmpty(), "only door targets may reach Byte Buddy: " + shownToWeaver);
  }

  @Test
  void theStartingThreadNeverWaitsOnItself() throws Exception {
    Future<byte[]> load = app.submit(() -> {
      gate.startingOn(Thread.currentThread());
      return gate.transform(null, null, "jdk/internal/net/http/HttpClientImpl", null, null, ORIGINAL);
    });

    assertNull(load.get(5, TimeUnit.SECONDS), "left unwoven now, retransformed when the gate opens");
    assertTrue(shownToWeaver.isEmpty());
  }

  @Test
  void aFailedStartLetsWaitingClassesLoadUntouched() throws Exception {
    Future<byte[]> load = app.submit(() -> gate.transform(null, null, "okhttp3/OkHttpClient", null, null, ORIGINAL));

    gate.open(null);
    assertNull(load.get(5, TimeUnit.SECONDS));
    assertNull(gate.transform(null, null, "jdk/internal/net/http/HttpClientImpl", null, null, ORIGINAL));
  }
}
