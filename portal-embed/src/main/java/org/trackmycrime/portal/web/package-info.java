/**
 * The victim-facing web layer of the portal: server-rendered GOV.UK pages and a JSON API, mounted
 * by a host through {@link org.trackmycrime.portal.web.VictimPortalWeb}.
 */
package org.trackmycrime.portal.web;
