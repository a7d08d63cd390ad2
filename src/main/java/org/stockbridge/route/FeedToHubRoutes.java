package org.stockbridge.route;

import java.util.Set;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.stereotype.Component;
import org.stockbridge.feed.intake.FeedMappings;
import org.stockbridge.hub.ReferenceDataStore;

/**
 * Route template {@code feed-to-hub}: a wholesaler, ERP or superior shop feed file into the hub.
 * <p>
 * Any Camel consumer is the source: a drop folder ({@code file:}), {@code ftp:}/{@code sftp:}, or a
 * {@code quartz:} schedule with {@code downloadUrl} fetching the file over HTTP(S). Each file is staged to local
 * disk with its checksum, skipped when the same name + size + checksum was already processed (a JDBC idempotent
 * repository shared by every instance), then validated and applied by {@link org.stockbridge.feed.intake.FeedIngestion}.
 * The route id defaults to {@code <connection>-feed-to-hub}.
 */
@Component
public class FeedToHubRoutes extends RouteBuilder {

    public static final String TEMPLATE = "feed-to-hub";
    private static final Set<String> PARAMETERS = Set.of("connection", "source", "mapping", "downloadUrl");

    private final FeedMappings mappings;
    private final ReferenceDataStore reference;
    private final IdempotentRepository feedFiles;

    public FeedToHubRoutes(FeedMappings mappings, ReferenceDataStore reference, IdempotentRepository feedFileRepository) {
        this.mappings = mappings;
        this.reference = reference;
        this.feedFiles = feedFileRepository;
    }

    @Override
    public void configure() {
        routeTemplate(TEMPLATE)
                .templateParameter("connection", null,
                        "Id of the superior connection the feed belongs to (declared under stockbridge.connections), e.g. acme")
                .templateParameter("source", null,
                        "Camel consumer URI the files come from, e.g. file:drop/acme?move=.done&moveFailed=.error&readLock=changed, "
                                + "ftp://user@host/dir?password=RAW({{env:ACME_FTP_PASSWORD}})&move=.done&moveFailed=.error&localWorkDirectory=data/ftp-work, "
                                + "or quartz:acme-feed?cron=0+0+*/2+*+*+? together with downloadUrl")
                .templateParameter("mapping", null, "Mapping file in the mappings folder, e.g. acme.yaml")
                .templateOptionalParameter("downloadUrl",
                        "HTTP(S) URL fetched each time the source fires (use with a quartz: source); the response body is the feed")
                .configure(this::validate)
                .from("{{source}}")
                    .routeConfigurationId(ErrorHandlingRoutes.ID)
                    .routeProperty(TemplateRouteIds.TEMPLATE, TEMPLATE) // id <connection>-feed-to-hub unless routeId is given
                    .routeDescription("{{connection}} feed into the hub (mapping {{mapping}})")
                    // feeds can be gigabytes: never cache them in memory; FeedStaging streams them to disk
                    .streamCache("false")
                    .setHeader(FeedHeaders.CONNECTION, constant("{{connection}}"))
                    .setHeader(FeedHeaders.MAPPING, constant("{{mapping}}"))
                    .setHeader(FeedHeaders.DOWNLOAD_URL, constant("{{?downloadUrl}}"))
                    .filter(simple("${header." + FeedHeaders.DOWNLOAD_URL + "} != ''"))
                        .toD("${header." + FeedHeaders.DOWNLOAD_URL + "}")
                    .end()
                    .process("feedStaging")
                    .idempotentConsumer(header(FeedHeaders.FILE_KEY), feedFiles).eager(false).skipDuplicate(false)
                        .choice()
                            .when(exchangeProperty(org.apache.camel.Exchange.DUPLICATE_MESSAGE))
                                .log("${header." + FeedHeaders.CONNECTION + "}: ${header." + FeedHeaders.FILE_NAME
                                        + "} was already processed (same name, size and checksum): skipped")
                                .process(exchange -> java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(
                                        exchange.getIn().getHeader(FeedHeaders.STAGED_FILE, String.class))))
                            .otherwise()
                                .process("feedIntake")
                        .end()
                    .end();
    }

    private void validate(org.apache.camel.RouteTemplateContext context) {
        TemplateParameters.requireKnown(TEMPLATE, context, PARAMETERS);
        TemplateParameters.superiorConnection(TEMPLATE, context, reference);
        TemplateParameters.mapping(TEMPLATE, context, mappings);
    }
}
