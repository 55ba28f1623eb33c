/**
 * The JDBC poll connector: reads a records system's change table or view with a cursor column and
 * turns each row into a record event by configured column mapping.
 */
package org.trackmycrime.records.jdbcpoll;
