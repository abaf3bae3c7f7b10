package dev.tern.bench;

import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Watches the memory of the server under test, given its pid: heap in use through the JVM's own
 * {@link MemoryMXBean} (reached by the Attach API and the JVM's local JMX agent, so neither Camunda nor
 * Tern needs a metrics endpoint) and resident set size from {@code /proc/<pid>/status}. Samples every
 * 100 ms on a daemon thread; a peak between two samples can be missed, so the heap peak is a lower
 * bound. Without a pid it measures nothing and says so.
 */
public final class HeapProbe implements AutoCloseable {

  private static final long SAMPLE_MILLIS = 100;

  private final String method;
  private final MemoryMXBean memory;
  private final JMXConnector connector;
  private final Path procStatus;
  private final AtomicLong baselineHeap = new AtomicLong(-1);
  private final AtomicLong peakHeap = new AtomicLong(-1);
  private final AtomicLong peakRss = new AtomicLong(-1);
  private final Thread sampler;
  private volatile boolean running = true;

  private HeapProbe(String method, MemoryMXBean memory, JMXConnector connector, Path procStatus) {
    this.method = method;
    this.memory = memory;
    this.connector = connector;
    this.procStatus = procStatus;
    this.sampler = new Thread(this::sampleUntilClosed, "bench-heap-probe");
    sampler.setDaemon(true);
  }

  /** A probe that measures nothing (no pid given). */
  public static HeapProbe none() {
    return new HeapProbe("not measured (no --server-pid)", null, null, null);
  }

  /**
   * Attaches to the JVM with this pid (the same process works too, for in-process servers). If the
   * JMX attach fails, only the resident set size is sampled.
   */
  public static HeapProbe attach(long pid) {
    Path status = Path.of("/proc", Long.toString(pid), "status");
    Path procStatus = Files.isReadable(status) ? status : null;
    if (pid == ProcessHandle.current().pid()) {
      return new HeapProbe("in-process MemoryMXBean", ManagementFactory.getMemoryMXBean(), null, procStatus);
    }
    try {
      VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
      String address;
      try {
        address = vm.startLocalManagementAgent();
      } finally {
        vm.detach();
      }
      JMXConnector connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
      MemoryMXBean memory =
          ManagementFactory.newPlatformMXBeanProxy(
              connector.getMBeanServerConnection(),
              ManagementFactory.MEMORY_MXBEAN_NAME,
              MemoryMXBean.class);
      return new HeapProbe("JMX MemoryMXBean via Attach API, sampled every 100 ms", memory, connector, procStatus);
    } catch (Exception | LinkageError e) {
      return new HeapProbe("RSS only (JMX attach failed: " + e.getMessage() + ")", null, null, procStatus);
    }
  }

  /**
   * Runs a full GC in the server (outside any timed phase) so the baseline is live data only, then
   * starts sampling.
   */
  public HeapProbe start() {
    if (memory != null) {
      try {
        memory.gc();
        baselineHeap.set(memory.getHeapMemoryUsage().getUsed());
      } catch (RuntimeException e) {
        // a probe failure must not stop the benchmark; the figures stay "n/a"
      }
    }
    if (memory != null || procStatus != null) {
      sampler.start();
    }
    return this;
  }

  public String method() {
    return method;
  }

  /** Heap in use right after the initial GC; -1 if unknown. */
  public long baselineHeapBytes() {
    return baselineHeap.get();
  }

  /** Highest heap in use seen; -1 if unknown. */
  public long peakHeapBytes() {
    sampleOnce();
    return peakHeap.get();
  }

  /** Highest resident set size seen; -1 if unknown. */
  public long peakRssBytes() {
    sampleOnce();
    return peakRss.get();
  }

  private void sampleUntilClosed() {
    while (running) {
      sampleOnce();
      try {
        Thread.sleep(SAMPLE_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void sampleOnce() {
    if (memory != null) {
      try {
        peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
      } catch (RuntimeException e) {
        // the server may be gone at the very end; keep what was seen
      }
    }
    if (procStatus != null) {
      long rss = residentSetBytes(procStatus);
      if (rss >= 0) {
        peakRss.accumulateAndGet(rss, Math::max);
      }
    }
  }

  static long residentSetBytes(Path procStatus) {
    try {
      for (String line : Files.readAllLines(procStatus)) {
        if (line.startsWith("VmRSS:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      return -1;
    }
    return -1;
  }

  @Override
  public void close() {
    running = false;
    sampler.interrupt();
    if (connector != null) {
      try {
        connector.close();
      } catch (IOException e) {
        // nothing left to measure
      }
    }
  }
}
