/**
 * The webhook connector: a records system pushes record events over HTTPS, signed with a shared
 * secret. {@link org.trackmycrime.records.webhook.WebhookHandler} is framework-neutral; {@link
 * org.trackmycrime.records.webhook.WebhookHttpHandler} mounts it on the JDK's {@code HttpServer}.
 */
package org.trackmycrime.records.webhook;
