package org.stockbridge.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * How busy the machine's cores were over a stretch of a benchmark: all of them from {@code /proc/stat} (the hub, the
 * stand-ins and the database on the same machine), and this JVM's share from its process CPU time. A benchmark
 * whose cores were busy all the time measured the machine, not the hub's pacing. Prints nothing where
 * {@code /proc/stat} cannot be read.
 */
final class MachineCpu {

    private final long busy;
    private final long total;
    private final int cores;
    private final long processNanos;
    private final long compilerTicks;

    private MachineCpu(long busy, long total, int cores, long processNanos, long compilerTicks) {
        this.compilerTicks = compilerTicks;
        this.busy = busy;
        this.total = total;
        this.cores = cores;
        this.processNanos = processNanos;
    }

    static MachineCpu now() {
        long busy = -1;
        long total = -1;
        // the machine's cores, as /proc/stat counts them (a container's limit may allow this JVM fewer)
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            // "cpu  user nice system idle iowait irq softirq steal ...", in clock ticks since boot; then "cpuN ..."
            List<String> lines = Files.readAllLines(Path.of("/proc/stat"));
            cores = (int) lines.stream().filter(line -> line.matches("cpu\\d+ .*")).count();
            String[] fields = lines.get(0).trim().split("\\s+");
            total = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                total += Long.parseLong(fields[i]);
            }
            busy = total - Long.parseLong(fields[4]) - Long.parseLong(fields[5]);
        } catch (IOException | RuntimeException e) {
            // not Linux: only the JVM's own time is known
        }
        return new MachineCpu(busy, total, cores, ((com.sun.management.OperatingSystemMXBean) ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime(), compilerTicks());
    }

    /**
     * The CPU time of this JVM's JIT compiler threads ({@code C1/C2 CompilerThread}, which no MXBean lists) in clock
     * ticks of 1/100 s (Linux's USER_HZ); -1 where {@code /proc/self/task} cannot be read. A compiler thread the JVM
     * ends takes its time with it, so a difference is a lower bound.
     */
    private static long compilerTicks() {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            long ticks = 0;
            for (Path task : tasks.toList()) {
                try {
                    if (Files.readString(task.resolve("comm")).matches("C\\d CompilerThre.*\\s*")) {
                        // "pid (comm) state ppid ..." : utime and stime are the 12th and 13th fields after the comm
                        String[] fields = Files.readString(task.resolve("stat")).replaceFirst(".*\\) ", "").split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                } catch (IOException e) {
                    // the thread ended meanwhile
                }
            }
            return ticks;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /**
     * One line: how busy the cores were since {@code start}, how much of it was this JVM, and how much of that its
     * JIT compiler threads (a JVM's first run of a code path compiles it, which a hub running for a while has done).
     */
    String since(MachineCpu start, double seconds) {
        double jvm = (processNanos - start.processNanos) / 1e9;
        String jit = compilerTicks < 0 || start.compilerTicks < 0 ? ""
                : String.format(Locale.ROOT, " (JIT compiler threads %.1f s)", Math.max(0, compilerTicks - start.compilerTicks) / 100.0);
        if (busy < 0 || start.busy < 0 || total == start.total) {
            return String.format(Locale.ROOT, "CPU: this JVM (hub and stand-ins) %.1f s%s over %.1f s on %d cores", jvm, jit,
                    seconds, cores);
        }
        double busyShare = (double) (busy - start.busy) / (total - start.total);
        double machine = busyShare * cores * seconds;
        return String.format(Locale.ROOT, "CPU: the %d cores %.0f %% busy over %.1f s (%.1f CPU-seconds): this JVM (hub and "
                + "stand-ins) %.1f s%s, other processes (the database, anything else running) %.1f s", cores, busyShare * 100,
                seconds, machine, jvm, jit, Math.max(0, machine - jvm));
    }
}
