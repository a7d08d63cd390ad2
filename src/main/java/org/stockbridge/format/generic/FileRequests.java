package org.stockbridge.format.generic;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import org.stockbridge.format.Batches;
import org.stockbridge.format.FileDelivery;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopPush;
import org.stockbridge.format.ShopRequest;

/**
 * A csv or xml mapping's requests: one file per drain and operation with every pushed item, named from the
 * mapping's template ({@code {operation}-{timestamp}.csv}). A stock file has the identity and quantity columns, a
 * prices file the identity and price columns: a shop reading a stock file must not take an empty price for zero.
 */
final class FileRequests {

    /** UTC to the millisecond, without characters file systems refuse ({@code :}). */
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private FileRequests() {
    }

    static List<ShopRequest> build(ShopConnection connection, GenericMapping mapping, ShopOperation operation,
            List<? extends ShopPush> pushes, Clock clock) {
        if (pushes.isEmpty()) {
            return List.of();
        }
        FileLayout layout = mapping.file();
        Map<ItemValue, String> names = carried(layout, pushes.get(0));
        if (names.keySet().stream().allMatch(ItemValue::identifies)) {
            // the mapping writes no quantity (or no price) column: this operation has nothing to say to the shop
            throw new IllegalArgumentException("connection '" + connection.id() + "', mapping " + mapping.source()
                    + ": no column for " + word(operation) + "; map " + (operation == ShopOperation.STOCK
                    ? "quantity" : "price") + " or make the connection inferior for " + word(operation) + " no more");
        }
        String fileName = layout.fileName().replace("{operation}", word(operation))
                .replace("{timestamp}", TIMESTAMP.format(clock.instant()));
        byte[] content = mapping.layout() == GenericMapping.Layout.CSV ? csv(layout, names, pushes) : xml(layout, names, pushes);
        String type = (mapping.layout() == GenericMapping.Layout.CSV ? "text/csv" : "application/xml")
                + "; charset=" + layout.encoding().name();
        return List.of(ShopRequest.builder(connection, operation)
                .method(FileDelivery.WRITE, "/" + fileName)
                .body(content, type)
                .items(Batches.items(pushes))
                .build());
    }

    /** The file's values for this operation, in file order. */
    private static Map<ItemValue, String> carried(FileLayout layout, ShopPush sample) {
        Map<ItemValue, String> names = new java.util.LinkedHashMap<>();
        layout.names().forEach((value, name) -> {
            if (value.carriedBy(sample)) {
                names.put(value, name);
            }
        });
        return names;
    }

    private static byte[] csv(FileLayout layout, Map<ItemValue, String> names, List<? extends ShopPush> pushes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(bytes, layout.encoding());
             CsvWriter csv = CsvWriter.builder().fieldSeparator(layout.separator()).quoteCharacter('"')
                     .lineDelimiter(layout.crlf() ? LineDelimiter.CRLF : LineDelimiter.LF).build(writer)) {
            if (layout.header()) {
                csv.writeRecord(names.values());
            }
            for (ShopPush push : pushes) {
                List<String> cells = new ArrayList<>();
                names.keySet().forEach(value -> cells.add(text(layout, value.of(push))));
                csv.writeRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write CSV in memory", e);
        }
        return bytes.toByteArray();
    }

    private static byte[] xml(FileLayout layout, Map<ItemValue, String> names, List<? extends ShopPush> pushes) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(bytes, layout.encoding().name());
            xml.writeStartDocument(layout.encoding().name(), "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement(layout.root());
            for (ShopPush push : pushes) {
                xml.writeCharacters("\n  ");
                xml.writeStartElement(layout.item());
                for (Map.Entry<ItemValue, String> element : names.entrySet()) {
                    xml.writeStartElement(element.getValue());
                    xml.writeCharacters(text(layout, element.getKey().of(push)));
                    xml.writeEndElement();
                }
                xml.writeEndElement();
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write XML in memory", e);
        }
        return bytes.toByteArray();
    }

    private static String text(FileLayout layout, Object value) {
        if (value instanceof BigDecimal price) {
            String plain = price.toPlainString();
            return layout.decimalComma() ? plain.replace('.', ',') : plain;
        }
        return String.valueOf(value);
    }

    private static String word(ShopOperation operation) {
        return operation.name().toLowerCase(Locale.ROOT);
    }
}
