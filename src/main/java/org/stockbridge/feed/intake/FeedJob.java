package org.stockbridge.feed.intake;

import org.stockbridge.feed.FeedMapping;

import java.nio.file.Path;

/**
 * One feed file to ingest.
 *
 * @param connection  the superior connection it came from
 * @param mappingName the mapping file's name in the mappings folder ({@code acme.yaml})
 * @param mapping     the loaded mapping
 * @param file        the file's bytes, staged on local disk (read once, by the validation; the apply pass reads the
 *                    rows it kept, {@link ParsedRows})
 * @param fileName    the file's original name, used in every message
 * @param fileKey     name + size + checksum: the idempotency key
 * @param reportDir   where the report of an applied or held file goes, when there is something to report
 * @param rejectedReportDir where the report of a rejected file goes (beside the file, in its error folder)
 * @param guard       whether the full-feed guard applies (false when an operator released a held feed)
 */
public record FeedJob(String connection, String mappingName, FeedMapping mapping, Path file, String fileName,
        String fileKey, Path reportDir, Path rejectedReportDir, boolean guard) {
}
