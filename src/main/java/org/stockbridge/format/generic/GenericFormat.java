package org.stockbridge.format.generic;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.stockbridge.feed.MappingException;
import org.stockbridge.format.CommonSettings;
import org.stockbridge.format.FileDelivery;
import org.stockbridge.format.FileTarget;
import org.stockbridge.format.FormatSetting;
import org.stockbridge.format.InvalidSettingsException;
import org.stockbridge.format.ItemResults;
import org.stockbridge.format.PricePush;
import org.stockbridge.format.RateLimit;
import org.stockbridge.format.SettingsValidator;
import org.stockbridge.format.ShopAnswer;
import org.stockbridge.format.ShopConnection;
import org.stockbridge.format.ShopFormat;
import org.stockbridge.format.ShopOperation;
import org.stockbridge.format.ShopPush;
import org.stockbridge.format.ShopRequest;
import org.stockbridge.format.StockPush;

/** The {@code generic} format; see the package description. */
@Component
public class GenericFormat implements ShopFormat, FileDelivery {

    public static final String NAME = "generic";

    private final GenericMappings mappings;
    private final Clock clock;

    @Autowired
    GenericFormat(@Value("${stockbridge.mappings-dir:mappings}") Path mappingsDir, ObjectProvider<Clock> clock) {
        this(new GenericMappings(mappingsDir), clock.getIfAvailable(Clock::systemUTC));
    }

    GenericFormat(GenericMappings mappings, Clock clock) {
        this.mappings = mappings;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<FormatSetting> settings() {
        return GenericSettings.SETTINGS;
    }

    /**
     * The settings, then the mapping they name: a mapping that does not load, a json mapping without baseUrl, a
     * file mapping without target, or a header naming a credential the connection lacks stops start-up here.
     */
    @Override
    public ShopConnection connect(String connectionId, Map<String, String> settings) {
        ShopConnection connection = new SettingsValidator().validate(connectionId, this, settings);
        GenericMapping mapping;
        try {
            mapping = mapping(connection);
        } catch (MappingException e) {
            throw InvalidSettingsException.of(connectionId, NAME, GenericSettings.MAPPING, e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        String needed = mapping.writesFiles() ? GenericSettings.TARGET : CommonSettings.BASE_URL;
        String unused = mapping.writesFiles() ? CommonSettings.BASE_URL : GenericSettings.TARGET;
        if (!connection.has(needed)) {
            problems.add(problem(connectionId, needed, "is required: mapping " + mapping.source() + " is "
                    + mapping.layout().name().toLowerCase(Locale.ROOT)));
        }
        if (connection.has(unused)) {
            problems.add(problem(connectionId, unused, "is not used: mapping " + mapping.source() + " is "
                    + mapping.layout().name().toLowerCase(Locale.ROOT)));
        }
        for (String reference : mapping.referencedSettings()) {
            if (!connection.has(reference)) {
                problems.add(problem(connectionId, reference, "is required: the headers of mapping "
                        + mapping.source() + " use ${" + reference + "}"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(connectionId, problems);
        }
        return connection;
    }

    /** A json mapping needs a section, a file mapping a column, for each operation the connection is inferior for. */
    @Override
    public List<String> problemsSending(ShopConnection connection, Set<ShopOperation> operations) {
        GenericMapping mapping = mapping(connection);
        List<String> problems = new ArrayList<>();
        for (ShopOperation operation : operations) {
            String word = operation.name().toLowerCase(Locale.ROOT);
            if (!mapping.writesFiles() && mapping.call(operation) == null) {
                problems.add(problem(connection.id(), GenericSettings.MAPPING, "mapping " + mapping.source()
                        + " has no " + word + " section, but the connection is inferior for " + word));
            }
            ItemValue value = operation == ShopOperation.STOCK ? ItemValue.QUANTITY : ItemValue.PRICE;
            if (mapping.writesFiles() && !mapping.file().names().containsKey(value)) {
                problems.add(problem(connection.id(), GenericSettings.MAPPING, "mapping " + mapping.source()
                        + " writes no " + value.key() + ", but the connection is inferior for " + word));
            }
        }
        return problems;
    }

    private static String problem(String connection, String setting, String text) {
        return InvalidSettingsException.of(connection, NAME, setting, text).getMessage();
    }

    /** The base URL of a json mapping; for a file mapping its target without options, to name it in descriptions. */
    @Override
    public URI baseUrl(ShopConnection connection) {
        if (connection.has(CommonSettings.BASE_URL)) {
            return connection.url(CommonSettings.BASE_URL);
        }
        String target = connection.text(GenericSettings.TARGET);
        int query = target.indexOf('?');
        return URI.create(query < 0 ? target : target.substring(0, query));
    }

    @Override
    public Optional<FileTarget> fileTarget(ShopConnection connection) {
        if (!mapping(connection).writesFiles()) {
            return Optional.empty();
        }
        return Optional.of(new FileTarget(connection.text(GenericSettings.TARGET),
                connection.has(GenericSettings.PASSWORD) ? connection.text(GenericSettings.PASSWORD) : null));
    }

    @Override
    public RateLimit rateLimit(ShopConnection connection) {
        return GenericSettings.rateLimit(connection);
    }

    @Override
    public List<ShopRequest> stockRequests(ShopConnection connection, List<StockPush> pushes) {
        return requests(connection, ShopOperation.STOCK, pushes);
    }

    @Override
    public List<ShopRequest> pricesRequests(ShopConnection connection, List<PricePush> pushes) {
        return requests(connection, ShopOperation.PRICES, pushes);
    }

    private List<ShopRequest> requests(ShopConnection connection, ShopOperation operation, List<? extends ShopPush> pushes) {
        GenericMapping mapping = mapping(connection);
        if (mapping.writesFiles()) {
            return FileRequests.build(connection, mapping, operation, pushes, clock);
        }
        if (mapping.call(operation) == null) {
            throw InvalidSettingsException.of(connection.id(), NAME, GenericSettings.MAPPING, "mapping "
                    + mapping.source() + " has no " + operation.name().toLowerCase(Locale.ROOT)
                    + " section, but the connection is inferior for it");
        }
        return JsonRequests.build(connection, mapping, operation, pushes);
    }

    /** An HTTP answer, read as the mapping says (a written file has no answer: the route records it as taken). */
    @Override
    public ItemResults readResponse(ShopRequest request, int status, Map<String, List<String>> headers, String body) {
        GenericMapping mapping = mappings.get(request.connection(), null);
        return JsonAnswers.read(mapping, request, new ShopAnswer(status, headers, body));
    }

    private GenericMapping mapping(ShopConnection connection) {
        return mappings.get(connection.id(), connection.text(GenericSettings.MAPPING));
    }
}
