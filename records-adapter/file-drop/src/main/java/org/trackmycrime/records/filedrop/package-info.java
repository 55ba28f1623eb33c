/**
 * The file-drop connector: a records system (or an operator) drops JSON Lines files of record
 * events in a folder, and {@link org.trackmycrime.records.filedrop.FileDropConnector} delivers them
 * with a durable per-file checkpoint.
 */
package org.trackmycrime.records.filedrop;
