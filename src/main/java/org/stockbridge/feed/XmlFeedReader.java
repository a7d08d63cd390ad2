package org.stockbridge.feed;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads XML feeds with StAX, one record element at a time: memory stays flat however many products the file has.
 *
 * <p>Records are the elements at {@code recordPath}; fields are the text of child elements ({@code name},
 * {@code stock/quantity}) or attributes ({@code @id} on the record, {@code stock/@qty} on a child). The first
 * occurrence wins when an element repeats; text of deeper children is not part of an element's value.
 */
final class XmlFeedReader extends AbstractFeedReader {

    private final InputStream in;
    private final XmlName[] recordPath;
    /** Per mapped field (by FeedField ordinal; null if unmapped): element steps below the record, and attribute. */
    private final XmlName[][] fieldElements = new XmlName[FeedField.count()][];
    private final XmlName[] fieldAttribute = new XmlName[FeedField.count()];
    private final String[] labels = new String[FeedField.count()];
    private final RawRecord record = new RawRecord();
    private final int[] fieldMatched = new int[FeedField.count()];
    private final StringBuilder[] text = new StringBuilder[FeedField.count()];
    private final boolean[] collecting = new boolean[FeedField.count()];

    private XMLStreamReader xml;
    private RowMapper rowMapper;
    private int depth;
    private int matched;
    private int deepestMatch;
    private String rootElement;
    private long ordinal;

    XmlFeedReader(InputStream in, String fileName, FeedMapping mapping) {
        super(fileName, mapping, in);
        this.in = in;
        this.recordPath = XmlName.elements(mapping.recordPath().substring(1));
        for (Map.Entry<FeedField, FieldRef> entry : mapping.fields().entrySet()) {
            int field = entry.getKey().ordinal();
            String path = entry.getValue().path();
            fieldElements[field] = XmlName.elements(path);
            fieldAttribute[field] = XmlName.attribute(path);
            labels[field] = (fieldAttribute[field] != null ? "attribute '" : "element '") + path + "'";
            text[field] = new StringBuilder();
        }
    }

    /** One per file: factories are cheap next to a feed, and StAX does not promise a shared one is thread-safe. */
    private static XMLInputFactory factory() {
        // The JDK's own StAX, whatever else is on the classpath, so behaviour does not change with dependencies.
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        // A feed from outside must not make us read local files or URLs (XXE).
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    @Override
    protected FeedRow readNext() throws XMLStreamException, BrokenFileException {
        if (xml == null) {
            start();
        }
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                if (depth == 1) {
                    rootElement = xml.getPrefix() == null || xml.getPrefix().isEmpty()
                            ? xml.getLocalName() : xml.getPrefix() + ":" + xml.getLocalName();
                }
                if (matched == depth - 1 && depth <= recordPath.length && recordPath[depth - 1].matchesElement(xml)) {
                    matched = depth;
                    deepestMatch = Math.max(deepestMatch, matched);
                    if (matched == recordPath.length) {
                        return readRecord();
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if (matched == depth) {
                    matched--;
                }
                depth--;
            }
        }
        if (deepestMatch < recordPath.length - 1) {
            throw new BrokenFileException(xml.getLocation().getLineNumber(), 0, "no element at recordPath "
                    + mapping.recordPath() + " (the root element is " + (rootElement == null ? "missing"
                    : "<" + rootElement + ">") + ")");
        }
        return null;
    }

    private void start() throws XMLStreamException {
        String encodingLabel;
        if (mapping.encoding() == null) {
            xml = factory().createXMLStreamReader(in);
            encodingLabel = xml.getEncoding() != null ? xml.getEncoding() : "UTF-8";
        } else {
            // The mapping overrides what the file declares (some exporters declare one encoding and write another).
            xml = factory().createXMLStreamReader(replacingReader(in, mapping.encoding()));
            encodingLabel = mapping.encoding().name();
        }
        rowMapper = new RowMapper(mapping, fileName, labels, encodingLabel);
    }

    /** Reads the record element the reader is on, up to and including its end tag. */
    private FeedRow readRecord() throws XMLStreamException {
        record.reset(xml.getLocation().getLineNumber(), ++ordinal);
        Arrays.fill(fieldMatched, 0);
        Arrays.fill(collecting, false);
        for (int field = 0; field < fieldElements.length; field++) {
            if (fieldElements[field] != null && fieldElements[field].length == 0) {
                record.values[field] = fieldAttribute[field].attributeOf(xml);
            }
        }
        int level = 0;
        while (true) {
            int event = xml.next();
            switch (event) {
                case XMLStreamConstants.START_ELEMENT -> {
                    level++;
                    startChild(level);
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE ->
                        appendText(level);
                case XMLStreamConstants.END_ELEMENT -> {
                    if (level == 0) {
                        matched--;
                        depth--;
                        return rowMapper.map(record);
                    }
                    endChild(level);
                    level--;
                }
                default -> {
                    // comments and processing instructions carry no data
                }
            }
        }
    }

    private void startChild(int level) {
        for (int field = 0; field < fieldElements.length; field++) {
            XmlName[] steps = fieldElements[field];
            if (steps == null || fieldMatched[field] != level - 1 || level > steps.length
                    || !steps[level - 1].matchesElement(xml)) {
                continue;
            }
            fieldMatched[field] = level;
            if (level == steps.length && record.values[field] == null) {
                if (fieldAttribute[field] != null) {
                    record.values[field] = fieldAttribute[field].attributeOf(xml);
                } else {
                    collecting[field] = true;
                    text[field].setLength(0);
                }
            }
        }
    }

    private void appendText(int level) {
        for (int field = 0; field < collecting.length; field++) {
            if (collecting[field] && level == fieldElements[field].length) {
                text[field].append(xml.getTextCharacters(), xml.getTextStart(), xml.getTextLength());
            }
        }
    }

    private void endChild(int level) {
        for (int field = 0; field < fieldElements.length; field++) {
            if (fieldElements[field] == null || fieldMatched[field] != level) {
                continue;
            }
            if (collecting[field] && level == fieldElements[field].length) {
                collecting[field] = false;
                record.values[field] = text[field].toString();
            }
            fieldMatched[field]--;
        }
    }

    @Override
    protected RowError describeFailure(Exception failure) {
        if (failure instanceof XMLStreamException xmlError) {
            long line = xmlError.getLocation() != null ? xmlError.getLocation().getLineNumber()
                    : xml != null ? xml.getLocation().getLineNumber() : 0;
            return brokenAt(Math.max(line, 0), 0, "XML is not well-formed: " + parserMessage(xmlError));
        }
        return brokenAt(0, 0, "reading the XML failed: " + failure);
    }

    /** The JDK prefixes "ParseError at [row,col]:[3,5] Message: "; the position is in the row already. */
    private static String parserMessage(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        return (at >= 0 ? message.substring(at + "Message: ".length()) : message).trim();
    }

    @Override
    public void close() {
        if (xml != null) {
            try {
                xml.close();
            } catch (XMLStreamException e) {
                // closing a reader releases nothing the caller could act on; the stream is closed below
            }
        }
        super.close();
    }
}
