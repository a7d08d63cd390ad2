package org.stockbridge.format.prestashop;

/**
 * A link's external id for PrestaShop: {@code <id_product>:<id_stock_available>} ({@code 42:118}), or the product
 * id alone ({@code 42}) for a link made by hand. Prices need the product id, stock the stock_available id; keeping
 * both in the link spares a look-up request before every stock update.
 */
record PrestaShopIds(String product, String stockAvailable) {

    static final char SEPARATOR = ':';

    static PrestaShopIds parse(String externalId) {
        String id = externalId.trim();
        int separator = id.indexOf(SEPARATOR);
        if (separator < 0) {
            return new PrestaShopIds(id, null);
        }
        String stock = id.substring(separator + 1).trim();
        return new PrestaShopIds(id.substring(0, separator).trim(), stock.isEmpty() ? null : stock);
    }

    static String externalId(String product, String stockAvailable) {
        return stockAvailable == null ? product : product + SEPARATOR + stockAvailable;
    }
}
