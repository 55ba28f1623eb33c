/**
 * The victim and staff portal, embeddable in any host web application (filled by the portal
 * issues).
 */
package org.trackmycrime.portal;
