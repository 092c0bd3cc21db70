package dev.airlock.agent.audit;

import dev.airlock.agent.AgentLog;
import dev.airlock.policy.AuditPolicy;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One audit file and the daemon thread that appends to it. {@link #submit} never blocks and never
 * throws: a record goes into a bounded queue, or, when the queue is full (the disk cannot keep up),
 * it is dropped and counted ({@link #dropped()}, the metric {@code airlock.audit.dropped}, and a
 * warning at most once a minute). The writer formats each line, chains it to the one before (see
 * {@link AuditLine}), and forces the file to disk as {@link AuditPolicy.Fsync} says.
 *
 * <p>A file that already exists is appended to, its chain continued from its last line. A file
 * that cannot be opened is warned about once and retried every {@link #REOPEN_AFTER}; its records
 * are counted as dropped meanwhile.
 *
 * <p>Several writers may share a file (replicas on one host, two JVMs of one application): each
 * batch is written under an exclusive lock on the file, and a writer that finds the file grown
 * since its own last write (another writer appended) chains its lines to the last line there. The
 * file then holds one chain, with the writers' batches one after the other.
 */
public final class AuditLog implements AutoCloseable {

  /** Records waiting for the writer; beyond this they are dropped rather than block the call. */
  static final int DEFAULT_CAPACITY = 8192;
  /** The most lines written (and, in batch mode, forced) at once. */
  static final int MAX_BATCH = 512;
  /** In batch mode, the file is forced at most this often, and at most this long after a write. */
  static final Duration BATCH_SYNC = Duration.ofSeconds(1);
  static final Duration REOPEN_AFTER = Duration.ofSeconds(10);
  /**
   * A file written nothing for this long is closed (and reopened by the next line): a log a
   * reloaded policy no longer names, or a quiet one, holds no file handle, and a rotated file is
   * let go.
   */
  static final Duration IDLE_CLOSE = Duration.ofSeconds(60);
  /** How long a writer waits for another writer of the same file in this JVM to let go of it. */
  static final Duration LOCK_WAIT = Duration.ofSeconds(10);
  private static final long DROP_WARNING_NANOS = TimeUnit.MINUTES.toNanos(1);
  private static final AttributeKey<String> FILE = AttributeKey.stringKey("airlock.audit.file");
  /** Wakes the writer for {@link #close}; never written. (Interrupting it instead would close its channel.) */
  private static final AuditRecord STOP = AuditRecord.builder().timestamp(java.time.Instant.EPOCH).ids("stop", null,
      null).build();

  private final Path path;
  private final BlockingQueue<AuditRecord> queue;
  private final Thread writer;
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong written = new AtomicLong();
  private final AtomicLong lastDropWarning = new AtomicLong(System.nanoTime() - DROP_WARNING_NANOS);
  private final AtomicBoolean metered = new AtomicBoolean();
  private final AtomicBoolean openWarned = new AtomicBoolean();
  private volatile AuditPolicy.Fsync fsync;
  private volatile boolean closing;
  private final long idleCloseNanos;
  /** Whether the writer holds the file open; for tests. */
  private volatile boolean fileOpen;

  // Owned by the writer thread.
  private FileChannel channel;
  private String prev;
  /**
   * The file's size after this writer's last write (-1 after opening it): another size means the
   * chain head must be read again.
   */
  private long knownSize;
  private long nextOpenNanos = System.nanoTime();
  private boolean dirty;
  private long lastForceNanos;
  private long lastWriteNanos = System.nanoTime();

  private AuditLog(Path path, AuditPolicy.Fsync fsync, int capacity, Duration idleClose) {
    this.path = path;
    this.fsync = fsync;
    this.idleCloseNanos = idleClose.toNanos();
    this.queue = new ArrayBlockingQueue<>(capacity);
    this.writer = new Thread(this::run, "airlock-audit-writer");
    this.writer.setDaemon(true);
  }

  /**
   * Starts a writer for {@code path}. Most callers want the shared instance of {@link AuditLogs}
   * instead: two logs on one file would break its chain.
   */
  public static AuditLog start(Path path, AuditPolicy.Fsync fsync) {
    return start(path, fsync, DEFAULT_CAPACITY);
  }

  static AuditLog start(Path path, AuditPolicy.Fsync fsync, int capacity) {
    return start(path, fsync, capacity, IDLE_CLOSE);
  }

  static AuditLog start(Path path, AuditPolicy.Fsync fsync, int capacity, Duration idleClose) {
    AuditLog log = new AuditLog(path, fsync, capacity, idleClose);
    log.writer.start();
    return log;
  }

  /** A log whose writer has not started, so that a test can fill its queue; {@link #startWriter} starts it. */
  static AuditLog unstarted(Path path, AuditPolicy.Fsync fsync, int capacity) {
    return new AuditLog(path, fsync, capacity, IDLE_CLOSE);
  }

  /** Whether the writer holds the file open now. */
  boolean fileOpen() {
    return fileOpen;
  }

  void startWriter() {
    writer.start();
  }

  /** The file written. */
  public Path path() {
    return path;
  }

  /** When the file is forced to disk; a reloaded policy may change it for the file it shares. */
  public AuditPolicy.Fsync fsync() {
    return fsync;
  }

  void fsync(AuditPolicy.Fsync mode) {
    this.fsync = mode;
  }

  /** Queues {@code record} for writing; drops and counts it when the queue is full or the log closed. */
  public void submit(AuditRecord record) {
    if (closing || !queue.offer(record)) {
      onDropped(1);
    }
  }

  /** Records dropped so far: queue full, log closed, or file unavailable. */
  public long dropped() {
    return dropped.get();
  }

  /** Lines written to the file so far. */
  public long written() {
    return written.get();
  }

  /** Reports {@code airlock.audit.dropped} through {@code meter}; only the first call per log registers it. */
  public void attach(Meter meter) {
    if (metered.compareAndSet(false, true)) {
      Attributes attributes = Attributes.of(FILE, path.toString());
      meter.counterBuilder("airlock.audit.dropped")
          .setUnit("{line}")
          .setDescription("Audit lines dropped because the writer could not keep up or the file could not be opened.")
          .buildWithCallback(measurement -> measurement.record(dropped.get(), attributes));
    }
  }

  /**
   * Writes what is queued, forces the file (whatever the fsync mode) and closes it, waiting at most
   * {@code timeout}. Records submitted afterwards are dropped.
   */
  public void close(Duration timeout) {
    closing = true;
    // A full queue means the writer is busy and sees the flag after its batch; an empty one, that it waits.
    queue.offer(STOP);
    try {
      writer.join(Math.max(1, timeout.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(5));
  }

  private void onDropped(long count) {
    long total = dropped.addAndGet(count);
    long now = System.nanoTime();
    long last = lastDropWarning.get();
    if (now - last >= DROP_WARNING_NANOS && lastDropWarning.compareAndSet(last, now)) {
      AgentLog.warn("audit log " + path + ": " + total + " line(s) dropped so far (the writer cannot keep up,"
          + " or the file cannot be written); the calls themselves were not affected");
    }
  }

  private void run() {
    List<AuditRecord> batch = new ArrayList<>(MAX_BATCH);
    open();
    while (true) {
      try {
        AuditRecord first = queue.poll(BATCH_SYNC.toMillis(), TimeUnit.MILLISECONDS);
        if (first != null) {
          batch.add(first);
          queue.drainTo(batch, MAX_BATCH - 1);
          batch.removeIf(r -> r == STOP);
          try {
            write(batch);
          } finally {
            batch.clear(); // a batch that failed is not written twice
          }
        }
        forceIfDue(false);
        if (closing) {
          break;
        }
        closeIfIdle();
      } catch (InterruptedException e) {
        break; // nobody interrupts the writer but a JVM going down; flush what is queued
      } catch (RuntimeException | Error e) {
        // The writer must outlive any one bad record; it is the only thing that drains the queue.
        AgentLog.debug("audit writer failed on a batch", e);
      }
    }
    drainAndClose(batch);
  }

  private void drainAndClose(List<AuditRecord> batch) {
    try {
      while (queue.drainTo(batch, MAX_BATCH) > 0) {
        batch.removeIf(r -> r == STOP);
        write(batch);
        batch.clear();
      }
      forceIfDue(true);
    } catch (RuntimeException e) {
      AgentLog.debug("audit writer failed while closing", e);
      batch.clear();
    }
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException e) {
        AgentLog.debug("closing the audit log failed", e);
      }
      channel = null;
      fileOpen = false;
    }
  }

  /** Closes a file nothing was written to for {@link #IDLE_CLOSE}, forced first; the next line reopens it. */
  private void closeIfIdle() {
    if (channel == null || System.nanoTime() - lastWriteNanos < idleCloseNanos) {
      return;
    }
    forceIfDue(true);
    try {
      channel.close();
    } catch (IOException e) {
      AgentLog.debug("closing an idle audit log failed", e);
    }
    channel = null;
    fileOpen = false;
  }

  /** Appends the batch, one line per record; in {@code every} mode, each line is forced on its own. */
  private void write(List<AuditRecord> batch) {
    if (batch.isEmpty()) {
      return;
    }
    if (channel == null && !open()) {
      onDropped(batch.size());
      return;
    }
    FileLock lock = lockForBatch(batch.size());
    if (lock == null) {
      return;
    }
    try {
      writeLocked(batch);
    } finally {
      release(lock);
    }
  }

  private void writeLocked(List<AuditRecord> batch) {
    boolean each = fsync == AuditPolicy.Fsync.EVERY;
    ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 640);
    String chain = prev;
    for (int i = 0; i < batch.size(); i++) {
      String line = AuditLine.format(batch.get(i), chain);
      byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
      chain = AuditLine.sha256Hex(bytes);
      out.write(bytes, 0, bytes.length);
      out.write('\n');
      if (each) {
        if (!append(out.toByteArray(), 1, chain, true)) {
          onDropped(batch.size() - i - 1);
          return;
        }
        out.reset();
      }
    }
    if (!each) {
      append(out.toByteArray(), batch.size(), chain, false);
    }
  }

  /**
   * Takes the file's exclusive lock (other processes wait for it, as this one waits for theirs) and
   * picks the chain up from the file's last line when another writer appended since this one
   * wrote; null (the batch dropped and counted) when that fails.
   */
  private FileLock lockForBatch(int lines) {
    FileLock lock;
    try {
      lock = lockExclusively(channel);
    } catch (IOException e) {
      AgentLog.warn("audit log " + path + ": cannot lock it (" + e + "); reopening it in "
          + REOPEN_AFTER.getSeconds() + " s");
      closeQuietly();
      onDropped(lines);
      return null;
    }
    try {
      if (channel.size() != knownSize) {
        prev = chainHead(channel);
        knownSize = channel.size();
      }
      return lock;
    } catch (IOException | RuntimeException e) {
      release(lock);
      AgentLog.warn("audit log " + path + ": cannot read its last line (" + e + "); reopening it in "
          + REOPEN_AFTER.getSeconds() + " s");
      closeQuietly();
      onDropped(lines);
      return null;
    }
  }

  /**
   * The file lock, waiting for another process that holds it. A second writer of the same file in
   * this JVM (another class loader's agent) cannot wait on the lock itself (the JDK refuses an
   * overlapping lock at once), so it retries until that one lets go.
   */
  private static FileLock lockExclusively(FileChannel channel) throws IOException {
    long deadline = System.nanoTime() + LOCK_WAIT.toNanos();
    while (true) {
      try {
        return channel.lock();
      } catch (OverlappingFileLockException heldInThisJvm) {
        if (System.nanoTime() - deadline > 0) {
          throw new IOException("another writer in this JVM has held the file for " + LOCK_WAIT.getSeconds() + " s");
        }
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted while waiting for the audit file's lock");
        }
      }
    }
  }

  private void release(FileLock lock) {
    try {
      if (lock.isValid()) {
        lock.release();
      }
    } catch (IOException e) {
      AgentLog.debug("releasing the audit log's lock failed", e);
    }
  }

  /** Writes {@code bytes} ({@code lines} whole lines); on failure the file is closed and reopened later. */
  private boolean append(byte[] bytes, int lines, String newPrev, boolean force) {
    try {
      writeAtEnd(channel, ByteBuffer.wrap(bytes));
      prev = newPrev;
      knownSize = channel.size();
      lastWriteNanos = System.nanoTime();
      written.addAndGet(lines);
      dirty = true;
      if (force) {
        channel.force(false);
        dirty = false;
        lastForceNanos = System.nanoTime();
      }
      return true;
    } catch (IOException e) {
      AgentLog.warn("audit log " + path + ": write failed (" + e + "); reopening it in "
          + REOPEN_AFTER.getSeconds() + " s");
      closeQuietly();
      onDropped(lines);
      return false;
    }
  }

  /**
   * In batch mode, forces a written file at most once per {@link #BATCH_SYNC}; {@code closing}
   * forces it at once (unless the mode is {@code off}, which leaves syncing to the OS).
   */
  private void forceIfDue(boolean closing) {
    if (channel == null || !dirty) {
      return;
    }
    AuditPolicy.Fsync mode = fsync;
    boolean due = closing || System.nanoTime() - lastForceNanos >= BATCH_SYNC.toNanos();
    if (mode != AuditPolicy.Fsync.OFF && due) {
      try {
        channel.force(false);
      } catch (IOException e) {
        AgentLog.debug("forcing the audit log to disk failed", e);
      }
      dirty = false;
      lastForceNanos = System.nanoTime();
    } else if (mode == AuditPolicy.Fsync.OFF) {
      dirty = false;
    }
  }

  /** Opens (or reopens) the file; false when it cannot. */
  private boolean open() {
    if (System.nanoTime() - nextOpenNanos < 0) {
      return false;
    }
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      // Read and write, not append: the chain head is read through this same channel, and every
      // write lands at the end under the file's lock (see writeAtEnd).
      FileChannel opened = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
          StandardOpenOption.WRITE);
      // The chain head is read by the first batch, under the file's lock, so another writer's
      // batch is never read half-written (and "ended" by this one).
      knownSize = -1;
      channel = opened;
      fileOpen = true;
      lastWriteNanos = System.nanoTime();
      if (openWarned.get()) {
        AgentLog.warn("audit log " + path + ": writing again");
        openWarned.set(false);
      }
      return true;
    } catch (IOException | RuntimeException e) {
      nextOpenNanos = System.nanoTime() + REOPEN_AFTER.toNanos();
      if (openWarned.compareAndSet(false, true)) {
        AgentLog.warn("audit log " + path + " cannot be written (" + e + "); calls go on unaudited and are"
            + " counted in airlock.audit.dropped; retrying every " + REOPEN_AFTER.getSeconds() + " s");
      }
      return false;
    }
  }

  private void closeQuietly() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Already failing; the reopen will say what is wrong.
    }
    channel = null;
    fileOpen = false;
    nextOpenNanos = System.nanoTime() + REOPEN_AFTER.toNanos();
  }

  /**
   * The hash the next line must carry: of the file's last line, or {@link AuditLine#GENESIS} for an
   * empty file. A last line cut short (no newline: a crash mid-write) is ended with one first, so
   * the new lines start clean and the verifier reports the cut line rather
   * than a line merged with the next.
   */
  static String chainHead(FileChannel channel) throws IOException {
    // Read through the writer's own channel: closing another channel on the file would release the
    // process's lock on it (POSIX locks belong to the process and the file, not to a channel).
    long size = channel.size();
    if (size == 0) {
      return AuditLine.GENESIS;
    }
    boolean terminated = readByte(channel, size - 1) == '\n';
    long end = terminated ? size - 1 : size;
    long start = end;
    // Lines are a few hundred bytes; read backwards in blocks until the previous newline.
    ByteBuffer block = ByteBuffer.allocate(4096);
    search:
    while (start > 0) {
      long from = Math.max(0, start - block.capacity());
      block.clear().limit((int) (start - from));
      readFully(channel, block, from);
      for (int i = block.limit() - 1; i >= 0; i--) {
        if (block.get(i) == '\n') {
          start = from + i + 1;
          break search;
        }
      }
      start = from;
    }
    ByteBuffer last = ByteBuffer.allocate((int) (end - start));
    readFully(channel, last, start);
    if (!terminated) {
      writeAtEnd(channel, ByteBuffer.wrap(new byte[] {'\n'}));
    }
    return AuditLine.sha256Hex(last.array());
  }

  /**
   * Appends {@code buffer} at the file's current end. Only under the file's lock: writers that share
   * the file take turns, so the end read here is still the end when the bytes land.
   */
  private static void writeAtEnd(FileChannel channel, ByteBuffer buffer) throws IOException {
    long at = channel.size();
    while (buffer.hasRemaining()) {
      at += channel.write(buffer, at);
    }
  }

  private static int readByte(FileChannel channel, long position) throws IOException {
    ByteBuffer one = ByteBuffer.allocate(1);
    readFully(channel, one, position);
    return one.get(0);
  }

  private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
    long at = position;
    while (buffer.hasRemaining()) {
      int n = channel.read(buffer, at);
      if (n < 0) {
        throw new IOException("the audit file shrank while it was read");
      }
      at += n;
    }
  }
}
