package dev.airlock.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** What a child JVM measures about itself: CPU time, allocation, heap and RSS. JDK only. */
final class ProcessStats {

  private ProcessStats() {}

  /** CPU time of the whole process (every thread: the app's, the JIT's, the GC's, an agent's). */
  static long cpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return -1;
  }

  /** Bytes allocated so far by every live thread (workers, the HTTP client's own threads, an agent's threads). */
  static Map<Long, Long> allocatedByThread() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] ids = threads.getAllThreadIds();
    long[] bytes = threads.getThreadAllocatedBytes(ids);
    Map<Long, Long> m = new HashMap<>();
    for (int i = 0; i < ids.length; i++) {
      if (bytes[i] >= 0) {
        m.put(ids[i], bytes[i]);
      }
    }
    return m;
  }

  /**
   * Bytes allocated since {@code before} by the live threads other than {@code excluded}; threads
   * born since count from zero (threads that died since are lost, so short-lived threads must
   * report their own count, see {@link #currentThreadAllocated()}).
   */
  static long allocatedSince(Map<Long, Long> before, Set<Long> excluded) {
    long total = 0;
    for (Map.Entry<Long, Long> e : allocatedByThread().entrySet()) {
      if (!excluded.contains(e.getKey())) {
        total += e.getValue() - before.getOrDefault(e.getKey(), 0L);
      }
    }
    return total;
  }

  /** Bytes allocated so far by the calling thread. */
  static long currentThreadAllocated() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    return threads.getThreadAllocatedBytes(Thread.currentThread().getId());
  }

  /** Heap and non-heap used after full GCs, and the process's RSS from /proc/self/status, as a JSON object. */
  static void appendMemory(StringBuilder json) {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    json.append("{\"heapUsed\":").append(memory.getHeapMemoryUsage().getUsed())
        .append(",\"heapCommitted\":").append(memory.getHeapMemoryUsage().getCommitted())
        .append(",\"nonHeapUsed\":").append(memory.getNonHeapMemoryUsage().getUsed())
        .append(",\"rss\":").append(procStatusBytes("VmRSS"))
        .append(",\"rssPeak\":").append(procStatusBytes("VmHWM"))
        .append(",\"loadedClasses\":").append(ManagementFactory.getClassLoadingMXBean().getLoadedClassCount())
        .append(",\"threads\":").append(ManagementFactory.getThreadMXBean().getThreadCount())
        .append('}');
  }

  /** A {@code kB} line of /proc/self/status in bytes, or -1 off Linux. */
  static long procStatusBytes(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith(key + ":")) {
          String[] parts = line.substring(key.length() + 1).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
