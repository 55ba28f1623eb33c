/**
 * Serves the portal's {@link org.trackmycrime.portal.http.Router} from a Jakarta Servlet 6
 * container.
 */
package org.trackmycrime.portal.servlet;
