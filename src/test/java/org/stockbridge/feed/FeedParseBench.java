package org.stockbridge.feed;

import de.siegmar.fastcsv.reader.CsvReader;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Parse-only throughput of the feed readers: not a test, a program. It writes a 12-column windows-1250 CSV feed of
 * 1M rows (Polish names, decimal comma, net price + VAT column, a few "10+" and "brak" stocks and bad rows) to a
 * temp dir, then reads it through {@link FeedReader} several times and prints rows/s and the heap's peak. With
 * {@code all} it does the same for a 1M-record XML and JSON feed.
 *
 * <pre>
 * mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx64m -cp target/test-classes:target/classes:$(cat target/cp.txt) org.stockbridge.feed.FeedParseBench [rows] [all]
 * </pre>
 * Running it with a small heap (-Xmx64m) shows the readers stream: a 1M-row file fits with room to spare.
 */
public final class FeedParseBench {

    private static final Charset WINDOWS_1250 = Charset.forName("windows-1250");
    private static final String[] NAMES = {"Śrubokręt płaski", "Klucz nasadowy", "Młotek ślusarski", "Wiertło do betonu",
            "Żarówka LED", "Łącznik kątowy", "Szczypce uniwersalne", "Poziomica aluminiowa"};

    private static final String MAPPING = """
            format: csv
            encoding: windows-1250
            decimalComma: true
            fields:
              sku: Symbol
              ean: EAN
              name: Nazwa
              stock: Stan
              netPrice: Cena netto
              vatRate: VAT
            stock:
              textValues: {brak: 0}
            price: {rounding: "0.99"}
            warehouse: main
            priceGroup: retail-pln
            feedType: full
            """;

    private FeedParseBench() {
    }

    private static final String XML_MAPPING = """
            format: xml
            recordPath: /offer/products/product
            fields: {sku: "@id", ean: ean, name: name, stock: stock/quantity, grossPrice: price/gross}
            price: {rounding: "0.99"}
            warehouse: main
            priceGroup: retail-pln
            feedType: full
            """;

    private static final String JSON_MAPPING = """
            format: json
            recordPath: /data/products
            fields: {sku: /sku, ean: /ean, name: /name, stock: /stock/available, netPrice: /price/net, vatRate: /price/vat}
            price: {rounding: "0.99"}
            warehouse: main
            priceGroup: retail-pln
            feedType: full
            """;

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        boolean all = args.length > 1 && args[1].equals("all");
        Path dir = Files.createTempDirectory("feed-bench");
        try {
            bench(dir.resolve("bench.csv"), rows, MAPPING, FeedParseBench::write, true);
            if (all) {
                bench(dir.resolve("bench.xml"), rows, XML_MAPPING, FeedParseBench::writeXml, false);
                bench(dir.resolve("bench.json"), rows, JSON_MAPPING, FeedParseBench::writeJson, false);
            }
        } finally {
            Files.deleteIfExists(dir);
        }
    }

    interface Writer {
        void write(Path file, int rows) throws IOException;
    }

    private static void bench(Path file, int rows, String mappingYaml, Writer writer, boolean compareWithFastCsv)
            throws IOException {
        try {
            long started = System.nanoTime();
            writer.write(file, rows);
            System.out.printf(Locale.ROOT, "%nwrote %,d rows, %,d bytes in %.1f s to %s%n", rows, Files.size(file),
                    (System.nanoTime() - started) / 1e9, file);
            FeedMapping mapping = MappingLoader.parse(mappingYaml, "bench.yaml");
            for (int run = 1; run <= 3; run++) {
                timed("warm-up " + run, rows, () -> readFeed(file, mapping));
            }
            resetHeapPeaks();
            double best = 0;
            for (int run = 1; run <= 5; run++) {
                best = Math.max(best, timed("FeedReader run " + run, rows, () -> readFeed(file, mapping)));
            }
            System.out.printf(Locale.ROOT, "%s best: %,.0f rows/s (%.0f MB/s); heap peak over the measured runs: "
                            + "%.1f MB (max heap %.0f MB)%n", file.getFileName(), best, best * Files.size(file) / rows / 1e6,
                    heapPeakBytes() / 1e6, Runtime.getRuntime().maxMemory() / 1e6);
            if (compareWithFastCsv) {
                timed("FastCSV alone (all 12 columns as CsvRecord, for comparison)", rows, () -> readRaw(file));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void write(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, WINDOWS_1250)) {
            out.write("Symbol;EAN;Nazwa;Kategoria;Producent;Stan;Cena netto;VAT;Waga;Szerokość;Wysokość;Opis\r\n");
            StringBuilder line = new StringBuilder(200);
            for (int i = 1; i <= rows; i++) {
                line.setLength(0);
                String stock = i % 97 == 0 ? "10+" : i % 89 == 0 ? "brak" : i % 10_007 == 0 ? "abc" : Integer.toString(i % 500);
                line.append("SKU-").append(i).append(';')
                        .append(5_900_000_000_000L + i).append(';')
                        .append(NAMES[i % NAMES.length]).append(' ').append(i % 100).append(" mm;")
                        .append("Narzędzia ręczne;")
                        .append("Fabryka Narzędzi Łódź;")
                        .append(stock).append(';')
                        .append(i % 1000).append(',').append(i % 100 < 10 ? "0" : "").append(i % 100).append(';')
                        .append(i % 5 == 0 ? "8" : "23").append(';')
                        .append("0,").append(i % 1000).append(';')
                        .append(i % 300).append(';')
                        .append(i % 200).append(';')
                        .append("\"Opis produktu; zawiera średnik i \"\"cudzysłów\"\"\"\r\n");
                out.append(line);
            }
        }
    }

    private static void writeXml(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<offer>\n<products>\n");
            for (int i = 1; i <= rows; i++) {
                out.write("<product id=\"SKU-" + i + "\"><ean>" + (5_900_000_000_000L + i) + "</ean><name><![CDATA["
                        + NAMES[i % NAMES.length] + " " + (i % 100) + " mm]]></name><price currency=\"PLN\"><gross>"
                        + (i % 1000) + "." + (i % 90 + 10) + "</gross></price><stock><quantity>" + (i % 500)
                        + "</quantity></stock><description>Opis produktu</description></product>\n");
            }
            out.write("</products>\n</offer>\n");
        }
    }

    private static void writeJson(Path file, int rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, java.nio.charset.StandardCharsets.UTF_8)) {
            out.write("{\"generated\": \"2026-11-23\", \"data\": {\"products\": [\n");
            for (int i = 1; i <= rows; i++) {
                out.write((i > 1 ? ",\n" : "") + "{\"sku\": \"SKU-" + i + "\", \"ean\": " + (5_900_000_000_000L + i)
                        + ", \"name\": \"" + NAMES[i % NAMES.length] + " " + (i % 100) + " mm\", \"stock\": "
                        + "{\"available\": " + (i % 500) + "}, \"price\": {\"net\": " + (i % 1000) + "." + (i % 90 + 10)
                        + ", \"vat\": " + (i % 5 == 0 ? 8 : 23) + "}, \"tags\": [\"a\", \"b\"]}");
            }
            out.write("\n]}}\n");
        }
    }

    private static long readFeed(Path file, FeedMapping mapping) throws IOException {
        long count = 0;
        long errors = 0;
        try (FeedReader reader = FeedReader.open(file, mapping)) {
            while (reader.hasNext()) {
                if (reader.next() instanceof RowError) {
                    errors++;
                }
                count++;
            }
        }
        if (errors == count) {
            throw new IllegalStateException("every row failed: the bench file and mapping disagree");
        }
        return count;
    }

    private static long readRaw(Path file) throws IOException {
        long count = 0;
        try (CsvReader<de.siegmar.fastcsv.reader.CsvRecord> csv = CsvReader.builder().fieldSeparator(';')
                .ofCsvRecord(file, WINDOWS_1250)) {
            for (de.siegmar.fastcsv.reader.CsvRecord ignored : csv) {
                count++;
            }
        }
        return count - 1;
    }

    interface Run {
        long rows() throws IOException;
    }

    private static double timed(String label, int expected, Run run) throws IOException {
        long started = System.nanoTime();
        long rows = run.rows();
        double seconds = (System.nanoTime() - started) / 1e9;
        if (rows != expected) {
            throw new IllegalStateException(label + ": read " + rows + " rows, expected " + expected);
        }
        double perSecond = rows / seconds;
        System.out.printf(Locale.ROOT, "%s: %,d rows in %.2f s = %,.0f rows/s%n", label, rows, seconds, perSecond);
        return perSecond;
    }

    private static void resetHeapPeaks() {
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** Sum of each heap pool's peak: an upper bound of the heap in use at any one moment. */
    private static long heapPeakBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }
}
