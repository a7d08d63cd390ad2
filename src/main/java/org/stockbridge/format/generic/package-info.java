/**
 * The {@code generic} format: a shop Stockbridge has no format for, reached with a mapping file only
 * ({@code mappings/*.yaml}, described in docs/generic-format.md). A {@code json} mapping builds JSON requests over
 * HTTP (batched, or one per item when the path names it), with headers that take credentials from the
 * connection's settings, and reads per-item errors from a list in the answer. A {@code csv} or {@code xml} mapping
 * builds one file per drain and operation, which the hub-to-shop route writes to a folder or an FTP/SFTP server
 * (this format is a {@link org.stockbridge.format.FileDelivery}).
 *
 * <p>References followed:
 * <ul>
 *   <li>Camel file component, producer options {@code tempFileName}, {@code fileExist} and the
 *       {@code CamelFileName} header: https://camel.apache.org/components/4.18.x/file-component.html</li>
 *   <li>Camel FTP/FTPS and SFTP components (URI form {@code ftp://[username@]hostname[:port]/directoryname},
 *       {@code password}, {@code binary}, {@code passiveMode}):
 *       https://camel.apache.org/components/4.18.x/ftp-component.html and
 *       https://camel.apache.org/components/4.18.x/sftp-component.html</li>
 *   <li>JSON Pointer for {@code answer.errors}: RFC 6901, https://www.rfc-editor.org/rfc/rfc6901</li>
 *   <li>CSV quoting and CR LF line ends: RFC 4180, https://www.rfc-editor.org/rfc/rfc4180 (written by FastCSV,
 *       https://fastcsv.org/)</li>
 *   <li>Header names as tokens: RFC 9110 section 5.1, https://www.rfc-editor.org/rfc/rfc9110#name-field-names</li>
 * </ul>
 */
package org.stockbridge.format.generic;
