package org.trackmycrime.core.store;

import java.util.List;
import org.trackmycrime.core.model.PropertyItem;

/** The victim's stolen or damaged property on each crime. */
public interface PropertyStore {
  /** Creates the item or replaces its description, status and value. */
  void save(PropertyItem item);

  /** The crime's items in reference order. */
  List<PropertyItem> list(String force, String crimeReference);
}
