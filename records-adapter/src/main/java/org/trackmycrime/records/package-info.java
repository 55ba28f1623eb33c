/**
 * Records connectors: SPI, v1 codec and connector runner (filled by the ingest and connector
 * issues).
 */
package org.trackmycrime.records;
