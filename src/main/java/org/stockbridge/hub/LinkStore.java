package org.stockbridge.hub;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

/** Links: a hub product's id in each connection. */
@Repository
public class LinkStore {

    private final NamedParameterJdbcTemplate jdbc;

    public LinkStore(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Link> ofProduct(long productId) {
        return jdbc.query("SELECT connection_id, external_id, external_sku, matched_by FROM link WHERE product_id = :p "
                        + "ORDER BY connection_id", Map.of("p", productId),
                (rs, n) -> new Link(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }

    public void add(long productId, Link link, Instant now) {
        jdbc.update("INSERT INTO link (product_id, connection_id, external_id, external_sku, matched_by, created_at) "
                + "VALUES (:p, :c, :id, :sku, :by, :now)", new MapSqlParameterSource("p", productId)
                .addValue("c", link.connection()).addValue("id", link.externalId()).addValue("sku", link.externalSku())
                .addValue("by", link.matchedBy()).addValue("now", Timestamp.from(now)));
    }
}
