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

    private MachineCpu(long busy, long total, int cores, long processNanos) {
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
                .getOperatingSystemMXBean()).getProcessCpuTime());
    }

    /** One line: how busy the cores were since {@code start} and how much of it was this JVM. */
    String since(MachineCpu start, double seconds) {
        double jvm = (processNanos - start.processNanos) / 1e9;
        if (busy < 0 || start.busy < 0 || total == start.total) {
            return String.format(Locale.ROOT, "CPU: this JVM (hub and stand-ins) %.1f s over %.1f s on %d cores", jvm, seconds, cores);
        }
        double busyShare = (double) (busy - start.busy) / (total - start.total);
        double machine = busyShare * cores * seconds;
        return String.format(Locale.ROOT, "CPU: the %d cores %.0f %% busy over %.1f s (%.1f CPU-seconds): this JVM (hub and "
                + "stand-ins) %.1f s, other processes (the database, anything else running) %.1f s", cores, busyShare * 100,
                seconds, machine, jvm, Math.max(0, machine - jvm));
    }
}
