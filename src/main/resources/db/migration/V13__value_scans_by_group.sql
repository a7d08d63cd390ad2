-- A feed reads the stock of one warehouse and the prices of one price group for all its linked products. On H2 it
-- reads them in pages ordered by product (LinkedValueReader): only an index that starts with the warehouse (or the
-- price group) followed by the product gives H2 those pages straight from the index. With the primary keys
-- (product, warehouse) and the foreign keys' indexes on the warehouse alone, H2 sorted every page's whole result.
CREATE INDEX ix_stock_warehouse_product ON stock (warehouse_id, product_id);
CREATE INDEX ix_price_group_product ON price (price_group_id, product_id);
