package org.trackmycrime.portal.web;

import org.trackmycrime.core.model.LocalizedText;

/**
 * A local support service the force lists on the portal's "Support and advice" page.
 *
 * @param name the service's name (shown as given, in both languages)
 * @param description what it offers, in English and Welsh
 * @param website an {@code https://} address, or null
 * @param phone a phone number as people dial it, or null
 */
public record SupportService(String name, LocalizedText description, String website, String phone) {
  public SupportService {
    if (name == null || name.isBlank() || name.length() > 200) {
      throw new IllegalArgumentException("supportService.name: must be 1 to 200 characters");
    }
    if (description == null) {
      throw new IllegalArgumentException("supportService.description: is required");
    }
    if (website != null && !website.matches("https://[^\\s\"<>]{1,300}")) {
      throw new IllegalArgumentException("supportService.website: must be an https:// address");
    }
    if (phone != null && !phone.matches("[0-9 +()]{3,30}")) {
      throw new IllegalArgumentException("supportService.phone: must be digits, spaces, + ( )");
    }
  }
}
