package org.stockbridge.hub;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** The sync record: written in the same transaction as the change it describes, read newest first. */
@Repository
public class SyncRecordStore {

    private static final RowMapper<SyncRecord> MAPPER = (rs, n) -> new SyncRecord(
            rs.getLong("id"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getString("direction"),
            rs.getString("connection_id"), rs.getString("sku"), rs.getString("field"), rs.getString("old_value"),
            rs.getString("new_value"), rs.getString("reason"), rs.getString("result"), rs.getString("request_id"),
            (Long) rs.getObject("rule_id", Long.class));

    private static final String COLUMNS = "recorded_at, direction, connection_id, sku, field, old_value, new_value, "
            + "reason, result, request_id, rule_id";

    private final NamedParameterJdbcTemplate jdbc;
    private final HubDatabase database;

    public SyncRecordStore(NamedParameterJdbcTemplate jdbc, HubDatabase database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    public void write(List<SyncRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        // on the transaction's connection: a sync record is written with the change it describes
        if (database.postgresql()) {
            jdbc.getJdbcTemplate().execute((ConnectionCallback<Long>) c -> copy(records, c));
        } else {
            insert(records);
        }
    }

    /** PostgreSQL: one COPY for the batch (a push records a sync record per value sent; see {@link CopyIn}). */
    private static long copy(List<SyncRecord> records, Connection c) throws SQLException {
        CopyIn rows = new CopyIn("sync_record", COLUMNS);
        for (SyncRecord r : records) {
            rows.value(r.time()).value(r.direction()).value(r.connection()).value(r.sku()).value(r.field())
                    .value(clip(r.oldValue(), 200)).value(clip(r.newValue(), 200)).value(clip(r.reason(), 1000))
                    .value(r.result()).value(r.requestId()).value(r.ruleId()).endRow();
        }
        return rows.send(c);
    }

    private void insert(List<SyncRecord> records) {
        // positional parameters: a feed writes two records per row, and naming each parameter of each row costs
        // more than the insert itself on H2
        List<Object[]> rows = new ArrayList<>(records.size());
        for (SyncRecord r : records) {
            rows.add(new Object[] {Timestamp.from(r.time()), r.direction(), r.connection(), r.sku(), r.field(),
                    clip(r.oldValue(), 200), clip(r.newValue(), 200), clip(r.reason(), 1000), r.result(), r.requestId(),
                    r.ruleId()});
        }
        jdbc.getJdbcTemplate().batchUpdate("INSERT INTO sync_record (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows,
                new int[] {Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
                        Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.BIGINT});
    }

    public List<SyncRecord> find(SyncRecordQuery query) {
        List<String> where = new ArrayList<>();
        var params = new MapSqlParameterSource("limit", query.limit());
        if (query.sku() != null) {
            where.add("sku = :sku");
            params.addValue("sku", query.sku());
        }
        if (query.connection() != null) {
            where.add("connection_id = :connection");
            params.addValue("connection", query.connection());
        }
        if (query.since() != null) {
            where.add("recorded_at >= :since");
            params.addValue("since", Timestamp.from(query.since()));
        }
        if (query.until() != null) {
            where.add("recorded_at < :until");
            params.addValue("until", Timestamp.from(query.until()));
        }
        String sql = "SELECT * FROM sync_record" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY recorded_at DESC, id DESC FETCH FIRST :limit ROWS ONLY";
        return jdbc.query(sql, params, MAPPER);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
