/**
 * Alert delivery: channel SPI, outbox dispatcher and templates (filled by the notifications issue).
 */
package org.trackmycrime.notifications;
