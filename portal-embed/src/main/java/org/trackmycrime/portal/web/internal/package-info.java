/**
 * Rendering, layout, texts (English and Welsh), forms, CSRF, assets and the victim pages. Not API:
 * shared with the staff pages of this module, may change in any release.
 */
package org.trackmycrime.portal.web.internal;
