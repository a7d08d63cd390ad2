package org.stockbridge.route;

import java.util.List;
import java.util.Map;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.springframework.beans.factory.annotation.Qualifier;
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
public class FeedToHubRoutes extends RouteBuilder implements RouteTemplateSpec {

    public static final String TEMPLATE = "feed-to-hub";

    private final FeedMappings mappings;
    private final ReferenceDataStore reference;
    private final IdempotentRepository feedFiles;

    public FeedToHubRoutes(FeedMappings mappings, ReferenceDataStore reference, @Qualifier("feedFileRepository") IdempotentRepository feedFileRepository) {
        this.mappings = mappings;
        this.reference = reference;
        this.feedFiles = feedFileRepository;
    }

    @Override
    public String template() {
        return TEMPLATE;
    }

    @Override
    public List<TemplateParameter> parameters() {
        return List.of(
                TemplateParameter.required("connection",
                        "Id of the superior connection the feed belongs to (declared under stockbridge.connections), e.g. acme"),
                TemplateParameter.required("source",
                        "Camel consumer URI the files come from: file:drop/acme?move=.done&moveFailed=.error&readLock=changed, "
                                + "ftp://user@host/dir?password=RAW({{env:ACME_FTP_PASSWORD}})&move=.done&moveFailed=.error&localWorkDirectory=data/ftp-work, "
                                + "sftp://..., or quartz:acme-feed?cron=0+0+*/2+*+*+? together with downloadUrl"),
                TemplateParameter.required("mapping", "Mapping file in the mappings folder, e.g. acme.yaml"),
                TemplateParameter.optional("downloadUrl",
                        "HTTP(S) URL fetched each time the source fires (with a quartz: or timer: source); the response body is the feed"));
    }

    @Override
    public void validate(Map<String, String> values) {
        if (values.get("connection") != null) {
            TemplateParameters.superiorConnection(values.get("connection"), reference);
        }
        if (values.get("mapping") != null) {
            TemplateParameters.mapping(values.get("mapping"), mappings);
        }
    }

    @Override
    public void configure() {
        declareOn(routeTemplate(TEMPLATE))
                .from("{{source}}")
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
                    .bean("feedIntake", "readValues")
                    .process("feedStaging")
                    .idempotentConsumer(header(FeedHeaders.FILE_KEY), feedFiles).eager(false).skipDuplicate(false)
                        .choice()
                            .when(exchangeProperty(org.apache.camel.Exchange.DUPLICATE_MESSAGE))
                                .log("${header." + FeedHeaders.CONNECTION + "}: ${header." + FeedHeaders.FILE_NAME
                                        + "} was already processed (same name, size and checksum): skipped")
                            .otherwise()
                                .process("feedIntake")
                        .end()
                    .end();
    }
}
